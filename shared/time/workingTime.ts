import { DateTime, Interval } from "luxon";
import { union, type Span } from "./intervals";
import { minutesOfDay, type WorkingHoursRule } from "../settings/settings";
import { daysOf } from "./week";

/**
 * Stretches of one calendar day that share a UTC offset, as [from, to, offset minutes]: one
 * stretch, or two on the day the clocks change (found by bisection to the millisecond).
 */
const offsetStretches = (day: DateTime, next: DateTime): [number, number, number][] => {
  const zone = day.zone;
  const from = day.toMillis();
  const to = next.toMillis();
  const first = zone.offset(from);
  const last = zone.offset(to - 1);
  if (first === last) return [[from, to, first]];
  let lo = from;
  let hi = to - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === first) lo = mid;
    else hi = mid;
  }
  return [
    [from, hi, first],
    [hi, to, last],
  ];
};

/**
 * The working time of a week: on each of its days, the union of the rules that name that
 * weekday, in wall-clock time of the week's zone — every instant whose clock reading on that day
 * is inside a rule. "09:00" on a daylight-saving day is still 09:00 on the clock; a rule across
 * the hour the clocks skip holds only the time that exists, and across the hour they repeat holds
 * both passes of it.
 * @example workingTime(week of Mon 30 Nov, [{ days: [1,2,3,4,5], start: "09:00", end: "17:00" }]) → five 8-hour intervals
 * @example workingTime(New York week of 8 Mar 2027, [{ days: [7], start: "01:30", end: "02:30" }]) → [Sun 01:30–02:00 EST] (30 minutes)
 */
export const workingTime = (week: Interval<true>, rules: readonly WorkingHoursRule[]): Span[] => {
  const zone = week.start.zone;
  const pieces: Span[] = [];
  for (const day of daysOf(week)) {
    const todays = rules.filter((rule) => rule.days.includes(day.weekday));
    if (todays.length === 0) continue;
    const next = day.plus({ days: 1 }).startOf("day");
    // The wall clock of this date read as if it were UTC: wall time w on it is the instant w − offset.
    const wallMidnight = DateTime.utc(day.year, day.month, day.day).toMillis();
    const stretches = offsetStretches(day, next);
    for (const rule of todays) {
      const wallStart = wallMidnight + minutesOfDay(rule.start) * 60_000;
      const wallEnd = wallMidnight + minutesOfDay(rule.end) * 60_000;
      for (const [from, to, offset] of stretches) {
        const start = Math.max(from, wallStart - offset * 60_000);
        const end = Math.min(to, wallEnd - offset * 60_000);
        if (end > start) pieces.push(Interval.fromDateTimes(DateTime.fromMillis(start, { zone }), DateTime.fromMillis(end, { zone })) as Span);
      }
    }
  }
  return union(pieces);
};
