import { DateTime, Interval, type Zone } from "luxon";
import { isIanaZone, startOfDayMillis } from "./wallClock";
import { userZone } from "./cachedZone";

export interface WeekOptions {
  /** The instant the user looks at the calendar. */
  readonly now: DateTime;
  /** The user's IANA zone. */
  readonly zone: string;
  /** ISO weekday the week starts on (1 = Monday … 7 = Sunday). */
  readonly weekStartsOn: number;
  /** Any date inside the week to analyse (YYYY-MM-DD); absent means next week. */
  readonly weekOf?: string | undefined;
}

/**
 * The first instant of the calendar date `days` after the date of `date`, in `zone`: its first
 * 00:00 where midnight happens twice, the first instant of the day where it never happens.
 */
const dayStart = (date: DateTime, days: number, zone: Zone): DateTime => {
  const civil = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  const y = civil.getUTCFullYear();
  const m = civil.getUTCMonth() + 1;
  const d = civil.getUTCDate();
  if (zone.type === "iana" && isIanaZone(zone.name)) return DateTime.fromMillis(startOfDayMillis(y, m, d, zone.name), { zone });
  return DateTime.fromObject({ year: y, month: m, day: d }, { zone });
};

/**
 * The first 00:00 on `weekStartsOn` of the week containing `date`, in its zone (where midnight
 * happens twice, the first; where it never happens, the first instant of that day).
 * @example weekStartOf(Wed 2026-12-02 in New York, 1) → Mon 2026-11-30T00:00-05:00
 */
export const weekStartOf = (date: DateTime, weekStartsOn: number): DateTime => dayStart(date, -((date.weekday - weekStartsOn + 7) % 7), date.zone);

/** The seven calendar days from a week start, as a half-open interval (167, 168 or 169 hours). */
export const sevenDaysFrom = (start: DateTime): Interval<true> => Interval.fromDateTimes(start, dayStart(start, 7, start.zone)) as Interval<true>;

/**
 * The analysed week: the one containing `weekOf`, else the week after the one containing `now`.
 * @example weekFor({ now: 2026-11-23T12:00Z, zone: "America/New_York", weekStartsOn: 1 }) → 2026-11-30T00:00-05:00 / 2026-12-07T00:00-05:00
 */
export const weekFor = ({ now, zone, weekStartsOn, weekOf }: WeekOptions): Interval<true> => {
  if (weekOf) {
    // Only the calendar date is read (in UTC, so no offset guess), then placed in the zone.
    const date = DateTime.fromISO(weekOf, { zone: "UTC" });
    const named = userZone(zone);
    if (date.isValid && named.isValid) return sevenDaysFrom(dayStart(date, -((date.weekday - weekStartsOn + 7) % 7), named));
  }
  const local = now.setZone(userZone(zone));
  return sevenDaysFrom(dayStart(local, 7 - ((local.weekday - weekStartsOn + 7) % 7), local.zone));
};

/**
 * The calendar days of a week, each as its midnight in the user's zone.
 * @example daysOf(week of Mon 30 Nov) → [Mon 30 Nov 00:00, …, Sun 6 Dec 00:00]
 */
export const daysOf = (week: Interval<true>): DateTime[] => Array.from({ length: 7 }, (_, i) => dayStart(week.start, i, week.start.zone));

/**
 * The `count` weeks before a week, oldest first, each seven calendar days from its first
 * midnight (so a look-back crossing a daylight-saving change has one 167- or 169-hour week).
 * @example weeksBefore(week of Mon 30 Nov 2026, 2) → [16–23 Nov, 23–30 Nov]
 */
export const weeksBefore = (week: Interval<true>, count: number): Interval<true>[] =>
  Array.from({ length: count }, (_, i) => {
    const back = count - i;
    const zone = week.start.zone;
    return Interval.fromDateTimes(dayStart(week.start, -7 * back, zone), dayStart(week.start, -7 * (back - 1), zone)) as Interval<true>;
  });

/**
 * What a host reads: the look-back weeks and the week, as one interval.
 * @example readWindow(week of Mon 30 Nov 2026, 8) → 5 Oct 2026 00:00 – 7 Dec 2026 00:00
 */
export const readWindow = (week: Interval<true>, lookBackWeeks: number): Interval<true> =>
  lookBackWeeks > 0 ? (Interval.fromDateTimes(weeksBefore(week, lookBackWeeks)[0]!.start, week.end) as Interval<true>) : week;
