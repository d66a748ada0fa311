import type { CalendarService, UserCache } from "./services";

/** What the add-on takes from the user's Calendar settings. */
export interface CalendarPrefs {
  /** IANA zone of the calendar (`timezone` setting), or null when it could not be read. */
  readonly timeZone: string | null;
  /** ISO weekday the user's calendar starts its week on (`weekStart`: "0" Sunday → 7, "1" → 1, "6" → 6). */
  readonly weekStartsOn: number | null;
}

const CACHE_KEY = "nextWeek.calendarPrefs.v1";
const CACHE_SECONDS = 6 * 60 * 60;

/** Calendar's `weekStart` ("0" Sunday, "1" Monday, "6" Saturday) as an ISO weekday. */
const isoWeekday = (value: string | undefined): number | null => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 6) return null;
  return n === 0 ? 7 : n;
};

/**
 * The calendar's zone and first weekday, read with one `Settings.list` call and kept in the user
 * cache for six hours. Never throws: unreadable settings give nulls (the caller falls back).
 * @example calendarPrefs(Calendar, cache) → { timeZone: "America/New_York", weekStartsOn: 7 }
 */
export const calendarPrefs = (calendar: CalendarService, cache: UserCache | null, log: (m: string) => void): CalendarPrefs => {
  const cached = cache?.get(CACHE_KEY);
  if (cached) {
    try {
      const parsed = JSON.parse(cached) as CalendarPrefs;
      if (parsed && typeof parsed === "object") return { timeZone: parsed.timeZone ?? null, weekStartsOn: parsed.weekStartsOn ?? null };
    } catch {
      // A damaged cache entry is read again from Calendar.
    }
  }
  let items: { id?: string; value?: string }[] = [];
  try {
    items = calendar.Settings.list().items ?? [];
  } catch (cause) {
    log(`Calendar settings unreadable: ${String(cause)}`);
    return { timeZone: null, weekStartsOn: null };
  }
  const value = (id: string) => items.find((s) => s.id === id)?.value;
  const prefs: CalendarPrefs = { timeZone: value("timezone") || null, weekStartsOn: isoWeekday(value("weekStart")) };
  cache?.put(CACHE_KEY, JSON.stringify(prefs), CACHE_SECONDS);
  return prefs;
};
