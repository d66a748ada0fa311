import type { DateTime } from "luxon";

// English labels built from luxon's wall-clock fields: the card's words do not depend on the
// host's locale data (Apps Script, browsers and Node differ), and a week of many events formats fast.
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

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
export const dayLabel = (at: DateTime): string => `${WEEKDAYS[at.weekday - 1]} ${at.day} ${MONTHS[at.month - 1]}`;

/** @example clock(2026-12-01T09:05) → "09:05" */
export const clock = (at: DateTime): string => `${two(at.hour)}:${two(at.minute)}`;

const sameDay = (a: DateTime, b: DateTime) => a.day === b.day && a.month === b.month && a.year === b.year;
const isMidnight = (a: DateTime) => a.hour === 0 && a.minute === 0 && a.second === 0 && a.millisecond === 0;

/**
 * A time range on one day, or across days; an end at midnight after the start's day reads "24:00".
 * @example timeRange(09:00, 10:30) → "09:00–10:30"; timeRange(Mon 22:00, Tue 01:00) → "22:00–Tue 1 Dec 01:00"
 * @example timeRange(Tue 00:00, Wed 00:00, true) → "all day"; timeRange(Tue, Thu, true) → "all day until Wed 2 Dec"
 */
export const timeRange = (start: DateTime, end: DateTime, allDay = false): string => {
  if (allDay) {
    const last = end.minus({ days: 1 });
    return end <= start || sameDay(last, start) ? "all day" : `all day until ${dayLabel(last)}`;
  }
  if (sameDay(start, end)) return `${clock(start)}–${clock(end)}`;
  if (isMidnight(end) && sameDay(end.minus({ days: 1 }), start)) return `${clock(start)}–24:00`;
  return `${clock(start)}–${dayLabel(end)} ${clock(end)}`;
};

/** @example dayMonth(2026-10-05) → "5 Oct" */
export const dayMonth = (at: DateTime): string => `${at.day} ${MONTHS[at.month - 1]}`;

/** @example dateRange(Mon 30 Nov, Sun 6 Dec) → "30 Nov – 6 Dec" */
export const dateRange = (first: DateTime, last: DateTime): string => `${first.day} ${MONTHS[first.month - 1]} – ${last.day} ${MONTHS[last.month - 1]}`;

/**
 * A bar drawn with block characters, for the text renderers (CardService has no charts; the
 * terminal has none either). The fraction is clamped; any share above 0 shows at least one block
 * and any share below 1 leaves at least one empty.
 * @example textBar(0.5) → "██████░░░░░░"; textBar(0.001) → "█░░░░░░░░░░░"; textBar(0) → "░░░░░░░░░░░░"
 */
export const textBar = (fraction: number, width = 12): string => {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = f > 0 && f < 1 ? Math.min(width - 1, Math.max(1, Math.round(f * width))) : Math.round(f * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
};
