import type { DateTime, Interval } from "luxon";
import { blockKey, blockRequest, type BookingOutcome, dayLabel, parseBlock, timeRange } from "../../shared";
import { bookBlock } from "./calendarWriter";
import { param, type AddOnEvent } from "./eventObject";
import { errorCard } from "./errorCard";
import type { Notice } from "./renderCard";
import { updateCard } from "./responses";
import type { Services } from "./services";
import { invalidSettingsCard } from "./settingsActions";
import { userContext } from "./userContext";
import { weekCard } from "./weekCard";

/** What the seller reads after a click: a plain notification, and a notice on the refreshed card. */
const tell = (outcome: BookingOutcome, block: Interval<true>): { notification: string; notice: Notice } => {
  switch (outcome.kind) {
    case "booked": {
      const text = `Prospecting block booked: ${dayLabel(block.start)}, ${timeRange(block.start, block.end)}.`;
      return { notification: text, notice: { tone: "good", text } };
    }
    case "alreadyBooked":
      return { notification: "That block is already on your calendar. Nothing new was booked.", notice: { tone: "info", text: "That block is already on your calendar. Nothing new was booked." } };
    case "spotTaken":
      // The notification is plain text: the other event's title goes only into the (escaped) card.
      return { notification: "That spot is no longer free. Nothing was booked.", notice: { tone: "bad", text: `That spot is no longer free: “${outcome.by}” is there now. Nothing was booked.` } };
    case "failed":
      return { notification: "The block was not booked.", notice: { tone: "bad", text: outcome.message } };
  }
};

/**
 * "Book prospecting block": re-reads the spot, books at most once, then answers with a
 * notification and the refreshed week (`setStateChanged` when the calendar changed).
 */
export const bookAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const user = userContext(services, now, e);
  if (!user.ok) return updateCard(services.cards, invalidSettingsCard(services, user.error, weekOf), { notification: "Nothing was booked: your settings need attention first." });
  const { zone, me } = user.value;
  const block = parseBlock(param(e, "start"), param(e, "end"), zone);
  if (!block || blockKey(block) !== param(e, "key")) {
    return updateCard(services.cards, errorCard(services.cards, "That button's spot could not be read, so nothing was booked. The week is shown again.", weekOf), {
      notification: "Nothing was booked.",
    });
  }
  const outcome = bookBlock(services, blockRequest(block, zone), block, zone, me);
  const { notification, notice } = tell(outcome, block);
  return updateCard(services.cards, weekCard(services, user.value, weekOf, notice), { notification, stateChanged: outcome.kind === "booked" });
};
