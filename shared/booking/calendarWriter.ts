import type { NextWeekError } from "../errors";
import type { Result } from "../result";
import type { BookingOutcome } from "./booking";
import type { ActionParameters } from "./requestFromAction";

/** What a booking reports: a tagged outcome, or why it could not be done (nothing was written then). */
export type BookingResult = Result<BookingOutcome, NextWeekError>;

/**
 * The calendar writer every host implements, one shape for both: it takes a booking button's
 * parameters, turns them back into the request with `requestFromAction`, re-reads the spot with
 * `checkSpot`, and writes at most once (a second call for the same key books nothing more).
 * Apps Script answers at once (`CalendarWriter<BookingResult>`); the task pane later
 * (`CalendarWriter<Promise<BookingResult>>`).
 */
export interface CalendarWriter<Answer extends BookingResult | Promise<BookingResult> = BookingResult> {
  book(action: ActionParameters): Answer;
}
