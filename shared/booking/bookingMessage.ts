import type { NextWeekError } from "../errors";
import type { Result } from "../result";
import type { BookActionView } from "../view/cardView";
import type { BookingOutcome } from "./booking";

/** What the seller reads after a booking click, worded once for every host. */
export interface BookingMessage {
  readonly text: string;
  readonly tone: "good" | "info" | "bad";
  /** Announce assertively (screen readers) / show as a warning. */
  readonly alert: boolean;
  /** The same without any calendar text (Google's notification bar shows plain text only). */
  readonly short: string;
}

const NOTHING = "Nothing was booked.";

/**
 * The message for a booking's outcome, or for the error that stopped it.
 * @example bookingMessage({ kind: "booked", … }, action) → { text: "Booked: Prospecting block, Tue 1 Dec, 10:15–11:45 (1 h 30 min).", tone: "good", … }
 */
export const bookingMessage = (result: Result<BookingOutcome, NextWeekError> | BookingOutcome, action: BookActionView): BookingMessage => {
  if ("ok" in result && !result.ok) {
    const message = result.error.message;
    if (/nothing (new )?was booked/i.test(message)) return { text: message, tone: "bad", alert: true, short: NOTHING };
    // A message that speaks of booking without ruling it out: the write may have landed.
    if (/booked/i.test(message)) return { text: message, tone: "bad", alert: true, short: "The block may have been booked: check your calendar." };
    return { text: `${message} ${NOTHING}`, tone: "bad", alert: true, short: "The block was not booked." };
  }
  const outcome = "ok" in result ? (result as { ok: true; value: BookingOutcome }).value : result;
  switch (outcome.kind) {
    case "booked": {
      const text = `Booked: ${action.title}, ${action.when}.`;
      return { text, tone: "good", alert: false, short: text };
    }
    case "alreadyBooked": {
      const text = `That block is already on your calendar (${action.when}). Nothing new was booked.`;
      return { text, tone: "info", alert: false, short: text };
    }
    case "spotTaken":
      return { text: `That spot is no longer free: “${outcome.by}” is there now. ${NOTHING}`, tone: "bad", alert: true, short: `That spot is no longer free. ${NOTHING}` };
    case "failed":
      return { text: /booked/i.test(outcome.message) ? outcome.message : `${outcome.message} ${NOTHING}`, tone: "bad", alert: true, short: "The block was not booked." };
  }
};
