import { Interval } from "luxon";
import { union, type Span } from "./intervals";
import { minutesOfDay, type WorkingHoursRule } from "./settings";
import { daysOf } from "./week";

/**
 * The working time of a week: on each of its days, the union of the rules that name that
 * weekday, in wall-clock time of the week's zone ("09:00" on a daylight-saving day is still
 * 09:00 on the clock). Sorted and disjoint.
 * @example workingTime(week of Mon 30 Nov, [{ days: [1,2,3,4,5], start: "09:00", end: "17:00" }]) → five 8-hour intervals
 */
export const workingTime = (week: Interval<true>, rules: readonly WorkingHoursRule[]): Span[] => {
  const pieces: Span[] = [];
  for (const day of daysOf(week)) {
    for (const rule of rules) {
      if (!rule.days.includes(day.weekday)) continue;
      const start = day.set(hm(rule.start));
      const end = rule.end === "24:00" ? day.plus({ days: 1 }).startOf("day") : day.set(hm(rule.end));
      if (end > start) pieces.push(Interval.fromDateTimes(start, end) as Span);
    }
  }
  return union(pieces);
};

const hm = (hhmm: string) => {
  const total = minutesOfDay(hhmm);
  return { hour: Math.floor(total / 60), minute: total % 60, second: 0, millisecond: 0 };
};
