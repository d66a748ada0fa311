import type { DateTime } from "luxon";
import { bookAction, bookingMessage, parseBlock } from "../../shared";
import { googleCalendarWriter } from "./calendarWriter";
import { param, type AddOnEvent } from "./eventObject";
import { updateCard } from "./responses";
import type { Services } from "./services";
import { invalidSettingsCard } from "./settingsActions";
import { userContext } from "./userContext";
import { prepareFor, weekCard } from "./weekCard";

/**
 * "Book prospecting block" / "Book outreach block": the button's parameters → the Google
 * calendar writer (the core's requestFromAction, then a re-read of the spot and at most one
 * booking) → the core's bookingMessage: its plain `short` text as the notification, its `text` as
 * the notice on the refreshed week (`setStateChanged` when the calendar changed).
 */
export const bookBlockAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const user = userContext(services, now, e);
  if (!user.ok) return updateCard(services.cards, invalidSettingsCard(services, user.error, weekOf), { notification: "Nothing was booked: your settings need attention first." });
  const { zone } = prepareFor(user.value, weekOf);
  const params = { key: param(e, "key"), start: param(e, "start"), end: param(e, "end"), account: param(e, "account") || null };
  const result = googleCalendarWriter(services, { settings: user.value.settings, zone, me: user.value.me }).book(params);
  const block = parseBlock(params.start, params.end, zone);
  if (!result.ok || !block) {
    const text = result.ok ? "That button's spot could not be read, so nothing was booked. The week is shown again." : result.error.message;
    return updateCard(services.cards, weekCard(services, user.value, weekOf, { tone: "bad", text }), { notification: text });
  }
  const outcome = result.value;
  const message = bookingMessage(outcome, bookAction(block, zone, params.account));
  return updateCard(services.cards, weekCard(services, user.value, weekOf, { tone: message.tone, text: message.text }), {
    notification: message.short,
    stateChanged: outcome.kind === "booked",
  });
};
