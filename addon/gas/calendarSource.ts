import type { Interval } from "luxon";
import { CalendarReadError, err, ok, type Result } from "../../shared";
import type { CalendarService } from "./services";
import { describeApiError } from "./apiError";

/** The primary calendar: the one whose private extended properties we write and query. */
export const PRIMARY = "primary";

/** Largest page the API allows; it may still return fewer (then `nextPageToken` leads on). */
const PAGE_SIZE = 2500;
/** A week never needs this many pages; the cap stops a misbehaving token loop inside the 30 s limit. */
const MAX_PAGES = 40;

/**
 * Every event of the primary calendar overlapping `range`, recurring events expanded, in start
 * order, every page followed. One `Events.list` call per page. A failure is an error value,
 * never an empty list.
 * @example readEvents(Calendar, 2026-11-30/2026-12-07, "America/New_York") → ok([{ id: "a", summary: "Acme QBR", … }, …])
 */
export const readEvents = (calendar: CalendarService, range: Interval<true>, zone: string): Result<unknown[], CalendarReadError> => {
  const items: unknown[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let response;
    try {
      response = calendar.Events.list(PRIMARY, {
        timeMin: range.start.toISO(),
        timeMax: range.end.toISO(),
        singleEvents: true,
        orderBy: "startTime",
        showDeleted: false,
        maxResults: PAGE_SIZE,
        timeZone: zone,
        ...(pageToken ? { pageToken } : {}),
      });
    } catch (cause) {
      return err(new CalendarReadError(`Could not read your calendar: ${describeApiError(cause)}`, { cause }));
    }
    if (!response || (response.items !== undefined && !Array.isArray(response.items))) {
      return err(new CalendarReadError("Could not read your calendar: Google sent an answer without a list of events."));
    }
    items.push(...(response.items ?? []));
    pageToken = response.nextPageToken || undefined;
    if (!pageToken) return ok(items);
  }
  return err(new CalendarReadError(`Could not read your calendar: it kept sending more pages after ${MAX_PAGES}. Try again.`));
};
