import { Interval, type DateTime } from "luxon";
import { subtract, wholeMinutes, type Span } from "../time/intervals";
import type { BlankSpot } from "./plan";

/**
 * Blank spots (spec §3): maximal stretches of working time after `now` covered by no busy
 * event, at least `minMinutes` long (elapsed), in time order.
 * @example blankSpots([09:00–17:00], [10:00–16:30], now before the week, 60) → [09:00–10:00 (60 min)]
 */
export const blankSpots = (working: readonly Span[], busy: readonly Span[], now: DateTime, minMinutes: number): BlankSpot[] => {
  const after = working
    .filter((i) => i.end > now)
    .map((i) => (i.start >= now ? i : (Interval.fromDateTimes(now, i.end) as Span)));
  const free = subtract(after, busy);
  const minMillis = minMinutes * 60_000;
  return free
    .filter((i) => i.end.toMillis() - i.start.toMillis() >= minMillis)
    .map((interval) => ({ interval, minutes: wholeMinutes(interval.end.toMillis() - interval.start.toMillis()) }));
};

/**
 * The first quarter hour of the wall clock at or after `at`, after rounding up to the whole minute.
 * @example nextQuarterHour(10:07:00) → 10:15; nextQuarterHour(10:15) → 10:15; nextQuarterHour(10:15:20) → 10:30
 */
export const nextQuarterHour = (at: DateTime): DateTime => {
  const minute = at.second > 0 || at.millisecond > 0 ? at.startOf("minute").plus({ minutes: 1 }) : at;
  const extra = (15 - (minute.minute % 15)) % 15;
  return minute.plus({ minutes: extra });
};

/**
 * The block the add-on suggests: in the first blank spot where it fits, `blockMinutes` from the
 * spot's start rounded up to the quarter hour; null when no spot fits one.
 * @example suggestedBlock([10:07–12:00], 90) → 10:15–11:45
 */
export const suggestedBlock = (spots: readonly BlankSpot[], blockMinutes: number): Span | null => {
  for (const { interval } of spots) {
    const start = nextQuarterHour(interval.start);
    const end = start.plus({ minutes: blockMinutes });
    if (end <= interval.end) return Interval.fromDateTimes(start, end) as Span;
  }
  return null;
};

/**
 * The block a spot's own button books: the suggested block's rule when a whole block fits;
 * otherwise as much of the spot as there is from its quarter hour (from the spot's start when
 * less than 15 minutes would be left). The one placement rule of the card.
 * @example blockInSpot(10:07–12:00, 90) → 10:15–11:45; blockInSpot(16:00–17:00, 90) → 16:00–17:00
 */
export const blockInSpot = (spot: Span, blockMinutes: number): Span => {
  const whole = suggestedBlock([{ interval: spot, minutes: 0 }], blockMinutes);
  if (whole) return whole;
  const rounded = nextQuarterHour(spot.start);
  const start = rounded.plus({ minutes: 15 }) <= spot.end ? rounded : spot.start;
  const wanted = start.plus({ minutes: blockMinutes });
  return Interval.fromDateTimes(start, wanted < spot.end ? wanted : spot.end) as Span;
};
