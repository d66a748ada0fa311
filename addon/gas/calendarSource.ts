import type { DateTime } from "luxon";
import { CalendarReadError, err, ok, type Result } from "../../shared";
import type { CalendarService } from "./services";
import { describeApiError } from "./apiError";
import { EVENT_LIST_FIELDS } from "./eventFields";

/** The primary calendar: the one whose private extended properties we write and query. */
export const PRIMARY = "primary";

/** Largest page the API allows; it may still return fewer (then `nextPageToken` leads on). */
const PAGE_SIZE = 2500;
/**
 * 27 weeks (26 look-back weeks and the week) of a busy calendar fit in far fewer pages of 2,500;
 * the cap stops a misbehaving token loop inside Apps Script's 30 s limit.
 */
const MAX_PAGES = 40;

/**
 * The span to read, half-open: the analysed week, or the look-back weeks and the week together
 * (a luxon `Interval` is one).
 */
export interface ReadWindow {
  readonly start: DateTime;
  readonly end: DateTime;
}

/**
 * Every event of the primary calendar overlapping `window`, recurring events expanded, in start
 * order: ONE `Events.list` query over the whole window (`timeMin`/`timeMax`), then each of its
 * pages (the same query with the previous page's `nextPageToken`), however many weeks the window
 * spans; only the fields the core reads are asked for (`EVENT_LIST_FIELDS`). A failure on any
 * page is an error value, never a shorter list.
 * @example readEvents(Calendar, { start: 2026-10-05, end: 2026-12-07 }, "America/New_York") → ok([{ id: "a", summary: "Acme QBR", … }, …])
 */
export const readEvents = (calendar: CalendarService, window: ReadWindow, zone: string): Result<unknown[], CalendarReadError> => {
  const timeMin = window.start.toISO();
  const timeMax = window.end.toISO();
  const items: unknown[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let response;
    try {
      response = calendar.Events.list(PRIMARY, {
        timeMin,
        timeMax,
        singleEvents: true,
        orderBy: "startTime",
        showDeleted: false,
        maxResults: PAGE_SIZE,
        timeZone: zone,
        fields: EVENT_LIST_FIELDS,
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
