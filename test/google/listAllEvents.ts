import type { calendar_v3 } from "@googleapis/calendar";

/** A week never needs this many pages; the cap stops a token loop that never ends. */
const MAX_PAGES = 40;

/** What one read through the client gave: every item, and the token each page ended with. */
export interface AllEvents {
  readonly items: calendar_v3.Schema$Event[];
  /** `nextPageToken` of each page in order (the last one is undefined). */
  readonly pageTokens: (string | undefined)[];
  /** The calendar's zone from the first page. */
  readonly timeZone: string | undefined;
}

/**
 * Calls `events.list` through Google's client and follows `nextPageToken` until the last page,
 * as the add-on's calendar source does with the Apps Script advanced service.
 * @example listAllEvents(api, { calendarId: "primary", timeMin, timeMax, singleEvents: true, orderBy: "startTime", maxResults: 4 })
 *   → { items: [17 events], pageTokens: ["…", "…", "…", "…", undefined], timeZone: "America/New_York" }
 */
export const listAllEvents = async (api: calendar_v3.Calendar, params: calendar_v3.Params$Resource$Events$List): Promise<AllEvents> => {
  const items: calendar_v3.Schema$Event[] = [];
  const pageTokens: (string | undefined)[] = [];
  let timeZone: string | undefined;
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.events.list({ ...params, ...(pageToken ? { pageToken } : {}) });
    if (page === 0) timeZone = res.data.timeZone ?? undefined;
    items.push(...(res.data.items ?? []));
    pageToken = res.data.nextPageToken ?? undefined;
    pageTokens.push(pageToken);
    if (!pageToken) return { items, pageTokens, timeZone };
  }
  throw new Error(`The calendar kept sending more pages after ${MAX_PAGES}.`);
};
