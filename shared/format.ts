import type { DateTime } from "luxon";

/**
 * Minutes in plain words.
 * @example duration(90) → "1 h 30 min"; duration(45) → "45 min"; duration(240) → "4 h"; duration(0) → "0 min"
 */
export const duration = (minutes: number): string => {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
};

/** @example dayLabel(2026-12-01) → "Tue 1 Dec" */
export const dayLabel = (at: DateTime): string => at.setLocale("en-GB").toFormat("ccc d LLL");

/** @example clock(2026-12-01T09:05) → "09:05" */
export const clock = (at: DateTime): string => at.toFormat("HH:mm");

/**
 * A time range on one day, or across days.
 * @example timeRange(09:00, 10:30) → "09:00–10:30"; timeRange(Mon 22:00, Tue 01:00) → "22:00–Tue 1 Dec 01:00"
 */
export const timeRange = (start: DateTime, end: DateTime, allDay = false): string => {
  if (allDay) {
    const last = end.minus({ days: 1 });
    return last.hasSame(start, "day") || end <= start ? "all day" : `all day until ${dayLabel(last)}`;
  }
  if (end.hasSame(start, "day") || end.equals(end.startOf("day")) && end.minus({ days: 1 }).hasSame(start, "day")) {
    return `${clock(start)}–${end.equals(end.startOf("day")) && !end.hasSame(start, "day") ? "24:00" : clock(end)}`;
  }
  return `${clock(start)}–${dayLabel(end)} ${clock(end)}`;
};

/** @example dateRange(Mon 30 Nov, Sun 6 Dec) → "30 Nov – 6 Dec" */
export const dateRange = (first: DateTime, last: DateTime): string =>
  `${first.setLocale("en-GB").toFormat("d LLL")} – ${last.setLocale("en-GB").toFormat("d LLL")}`;
