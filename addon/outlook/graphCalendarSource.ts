import type { GraphClient as Client } from "./graphClient";
import type { Interval } from "luxon";
import { CalendarReadError, err, GRAPH_MARKER_PROPERTY_ID, type NextWeekError, ok, type Result } from "../../shared";
import { graphFailure } from "./graphErrors";

/** The event fields the core's Graph normalizer reads; nothing else is fetched. */
export const EVENT_FIELDS: readonly string[] = [
  "id",
  "subject",
  "start",
  "end",
  "isAllDay",
  "showAs",
  "isCancelled",
  "type",
  "responseStatus",
  "attendees",
  "organizer",
  "isOrganizer",
  "hideAttendees",
];

/** `$expand` that brings the booking marker (and only it) along with each event. */
export const MARKER_EXPAND = `singleValueExtendedProperties($filter=id eq '${GRAPH_MARKER_PROPERTY_ID}')`;

/**
 * Events per page asked of Graph: the most it serves in one page of Outlook items (its default is
 * 10), so the look-back weeks and the week usually come in one round trip; longer calendars still
 * follow `@odata.nextLink`.
 */
export const PAGE_SIZE = 1000;
/** A runaway `@odata.nextLink` chain stops here (50 000 events a week is not a calendar). */
export const MAX_PAGES = 500;

export interface ReadWindow {
  /** The window, half-open. */
  readonly interval: Interval<true>;
  /** The zone for `Prefer: outlook.timezone`: the mailbox's own name (Windows or IANA) or the user's IANA zone. */
  readonly preferZone: string;
}

/** "2026-11-30T05:00:00Z": UTC without offset signs, because the Graph client does not encode query values. */
const utc = (at: Interval<true>["start"]): string => at.toUTC().toISO({ suppressMilliseconds: true }) ?? "";

interface Page {
  readonly value?: unknown;
  readonly "@odata.nextLink"?: unknown;
}

/**
 * Reads every event of the window from `/me/calendarView`, following `@odata.nextLink` to the
 * last page. Recurring events come expanded into occurrences. A failure on any page fails the
 * whole read (a partial week would show wrong numbers).
 * @example await readCalendarView(client, { interval: week, preferZone: "Eastern Standard Time" }) → ok([graphEvent, …])
 */
export const readCalendarView = async (client: Client, window: ReadWindow): Promise<Result<unknown[], NextWeekError>> => {
  const prefer = `outlook.timezone="${window.preferZone.replace(/"/g, "")}"`;
  const call = { doing: "read your calendar", permission: "Calendars.ReadWrite" };
  const items: unknown[] = [];
  try {
    let page = (await client
      .api("/me/calendarView")
      .query({ startDateTime: utc(window.interval.start), endDateTime: utc(window.interval.end) })
      .select([...EVENT_FIELDS])
      .expand(MARKER_EXPAND)
      .orderby("start/dateTime")
      .top(PAGE_SIZE)
      .header("Prefer", prefer)
      .get()) as Page | null;
    for (let pages = 1; ; pages++) {
      if (!page || !Array.isArray(page.value)) {
        return err(new CalendarReadError("Microsoft 365 answered with something that is not a list of events. Try again.", { cause: page }));
      }
      items.push(...(page.value as unknown[]));
      const next = page["@odata.nextLink"];
      if (typeof next !== "string" || next === "") return ok(items);
      if (pages >= MAX_PAGES) return err(new CalendarReadError(`Your calendar has more than ${MAX_PAGES} pages of events this week; Next Week stopped reading.`));
      page = (await client.api(next).header("Prefer", prefer).get()) as Page | null;
    }
  } catch (error) {
    return err(graphFailure(error, call));
  }
};
