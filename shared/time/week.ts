import { DateTime, Interval } from "luxon";

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
 * 00:00 on `weekStartsOn` of the week containing `date`, in its zone (wall-clock math).
 * @example weekStartOf(Wed 2026-12-02 in New York, 1) → Mon 2026-11-30T00:00-05:00
 */
export const weekStartOf = (date: DateTime, weekStartsOn: number): DateTime => {
  const day = date.startOf("day");
  const back = (day.weekday - weekStartsOn + 7) % 7;
  return day.minus({ days: back }).startOf("day");
};

/** The seven calendar days from a week start, as a half-open interval (167, 168 or 169 hours). */
export const sevenDaysFrom = (start: DateTime): Interval<true> =>
  Interval.fromDateTimes(start, start.plus({ days: 7 }).startOf("day")) as Interval<true>;

/**
 * The analysed week: the one containing `weekOf`, else the week after the one containing `now`.
 * @example weekFor({ now: 2026-11-23T12:00Z, zone: "America/New_York", weekStartsOn: 1 }) → 2026-11-30T00:00-05:00 / 2026-12-07T00:00-05:00
 */
export const weekFor = ({ now, zone, weekStartsOn, weekOf }: WeekOptions): Interval<true> => {
  if (weekOf) {
    const date = DateTime.fromISO(weekOf, { zone });
    if (date.isValid) return sevenDaysFrom(weekStartOf(date, weekStartsOn));
  }
  const thisWeek = weekStartOf(now.setZone(zone), weekStartsOn);
  return sevenDaysFrom(thisWeek.plus({ days: 7 }).startOf("day"));
};

/**
 * The calendar days of a week, each as its midnight in the user's zone.
 * @example daysOf(week of Mon 30 Nov) → [Mon 30 Nov 00:00, …, Sun 6 Dec 00:00]
 */
export const daysOf = (week: Interval<true>): DateTime[] =>
  Array.from({ length: 7 }, (_, i) => week.start.plus({ days: i }).startOf("day"));
