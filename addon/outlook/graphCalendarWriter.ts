import type { GraphClient as Client } from "./graphClient";
import { DateTime } from "luxon";
import { type ActionParameters, type BlockRequest, type BookingOutcome, type CalendarWriter as CoreCalendarWriter, checkSpot, CalendarWriteError, err, GRAPH_MARKER_PROPERTY_ID, type NextWeekError, normalizeGraphEvents, ok, requestFromAction, type Result, type Settings, zoneFromName } from "../../shared";
import { readCalendarView } from "./graphCalendarSource";
import { graphFailure } from "./graphErrors";

export interface WriterContext {
  /** The settings the card was drawn with (an outreach block's account must still be in them). */
  readonly settings: Settings;
  /** The user's IANA zone. */
  readonly zone: string;
  /** The zone name for `Prefer` and for the new event (the mailbox's own name when it is the same zone). */
  readonly preferZone: string;
  /** The user's address, for events with no organizer flag. */
  readonly me?: string | undefined;
}

/** What booking reports: a tagged outcome, or why it could not be done (nothing was written then). */
export type BookingResult = Result<Exclude<BookingOutcome, { kind: "failed" }>, NextWeekError>;

/** `{ dateTime, timeZone }` for Graph: wall clock in the mailbox's zone when it is the user's, else UTC. */
const graphTime = (iso: string, request: BlockRequest, preferZone: string): { dateTime: string; timeZone: string } => {
  const at = DateTime.fromISO(iso, { setZone: true });
  return zoneFromName(preferZone) === request.timeZone
    ? { dateTime: at.setZone(request.timeZone).toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: preferZone }
    : { dateTime: at.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss"), timeZone: "UTC" };
};

/**
 * The body of `POST /me/events` for the core's block request: its title ("Prospecting block" or
 * "Prospecting: <account>"), description and times,
 * busy, the marker property and the `transactionId` both holding the request's key (so a retry,
 * a double click or a second pane sends the same id and Graph keeps one event).
 * @example graphEventBody(blockRequest(block, "America/New_York"), "Eastern Standard Time")
 *   → { subject: "Prospecting block", start: { dateTime: "2026-11-30T11:00:00", timeZone: "Eastern Standard Time" }, transactionId: "nw1-…", … }
 */
export const graphEventBody = (request: BlockRequest, preferZone: string) => ({
  subject: request.title,
  body: { contentType: "text", content: request.description },
  start: graphTime(request.start, request, preferZone),
  end: graphTime(request.end, request, preferZone),
  showAs: "busy",
  transactionId: request.key,
  singleValueExtendedProperties: [{ id: GRAPH_MARKER_PROPERTY_ID, value: request.key }],
});

/** The core's writer shape, answering later: books the block of a booking button (prospecting or outreach); concurrent calls for one key share one attempt. */
export type CalendarWriter = CoreCalendarWriter<Promise<BookingResult>>;

/**
 * Books prospecting blocks (and outreach blocks, titled "Prospecting: <account>") through Graph:
 * turns the button's action back into the core's request, re-reads the spot, then writes only if
 * it is still free. A spot that holds our block answers `alreadyBooked`; one taken by another event answers
 * `spotTaken` and writes nothing.
 * @example await createGraphCalendarWriter(client, ctx).book(card.spots.primary) → ok({ kind: "booked", start, end })
 */
export const createGraphCalendarWriter = (client: Client, ctx: WriterContext): CalendarWriter => {
  const inFlight = new Map<string, Promise<BookingResult>>();

  const attempt = async (action: ActionParameters): Promise<BookingResult> => {
    const asked = requestFromAction(action, ctx.settings, ctx.zone);
    if (!asked.ok) return asked;
    const { block, request } = asked.value;
    const read = await readCalendarView(client, { interval: block, preferZone: ctx.preferZone });
    if (!read.ok) return read;
    const events = normalizeGraphEvents(read.value, { zone: ctx.zone, me: ctx.me });
    if (!events.ok) return err(new CalendarWriteError(`Next Week could not check the spot, so nothing was booked: ${events.error.message}`, { cause: events.error }));
    const spot = checkSpot(events.value, block, action.key);
    if (spot.kind === "alreadyBooked") return ok({ kind: "alreadyBooked", start: action.start, end: action.end });
    if (spot.kind === "taken") return ok({ kind: "spotTaken", by: spot.by });
    try {
      await client.api("/me/events").post(graphEventBody(request, ctx.preferZone));
      return ok({ kind: "booked", start: action.start, end: action.end });
    } catch (error) {
      return err(graphFailure(error, { doing: "book the prospecting block", permission: "Calendars.ReadWrite", write: true }));
    }
  };

  return {
    book(action) {
      const running = inFlight.get(action.key);
      if (running) return running;
      const promise = attempt(action).finally(() => inFlight.delete(action.key));
      inFlight.set(action.key, promise);
      return promise;
    },
  };
};
