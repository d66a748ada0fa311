import type { DateTime } from "luxon";
import { bookAction, bookingMessage, requestFromAction } from "../../shared";
import { bookBlock } from "./calendarWriter";
import { param, type AddOnEvent } from "./eventObject";
import { updateCard } from "./responses";
import type { Services } from "./services";
import { invalidSettingsCard } from "./settingsActions";
import { userContext } from "./userContext";
import { prepareFor, weekCard } from "./weekCard";

/**
 * "Book prospecting block" / "Book outreach block": the button's parameters → the core's
 * requestFromAction (the spot must read and match its key; an outreach block's account must
 * still be in the settings) → the idempotent calendar writer (re-reads the spot, books at most
 * once) → the core's bookingMessage: its plain `short` text as the notification, its `text` as
 * the notice on the refreshed week (`setStateChanged` when the calendar changed).
 */
export const bookBlockAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const user = userContext(services, now, e);
  if (!user.ok) return updateCard(services.cards, invalidSettingsCard(services, user.error, weekOf), { notification: "Nothing was booked: your settings need attention first." });
  const { zone } = prepareFor(user.value, weekOf);
  const asked = requestFromAction({ key: param(e, "key"), start: param(e, "start"), end: param(e, "end"), account: param(e, "account") }, user.value.settings, zone);
  if (!asked.ok) {
    const notice = { tone: "bad", text: asked.error.message } as const;
    return updateCard(services.cards, weekCard(services, user.value, weekOf, notice), { notification: asked.error.message });
  }
  const { block, request } = asked.value;
  const outcome = bookBlock(services, request, block, zone, user.value.me);
  const message = bookingMessage(outcome, bookAction(block, zone, param(e, "account") || null));
  return updateCard(services.cards, weekCard(services, user.value, weekOf, { tone: message.tone, text: message.text }), {
    notification: message.short,
    stateChanged: outcome.kind === "booked",
  });
};
