import { cachedZone, isIanaZone, type CachedIanaZone } from "./cachedZone";

/**
 * Wall-clock times in a zone, resolved as RFC 5545 and Temporal's "compatible" say: a time that
 * happens twice is its first pass; a time that never happens is read with the offset from before
 * the change (02:30 becomes 03:30). Nothing here reads the clock of the machine, so the answer
 * never depends on the date the program runs (luxon's own wall-clock reading starts from an
 * offset guessed at "now").
 */

const DAY = 86_400_000;

export { isIanaZone };

/**
 * The UTC offset of an IANA zone at an instant, in milliseconds (NaN for an unknown zone); the
 * same number as luxon's `IANAZone.offset` × 60,000, without asking Intl for every instant.
 * @example offsetAt("America/New_York", Date.UTC(2026, 11, 1)) → -18_000_000
 */
export const offsetAt = (zone: string, ms: number): number => {
  const z = cachedZone(zone);
  return z && Number.isFinite(ms) ? z.offset(ms) * 60_000 : NaN;
};

/**
 * The instant of a wall clock given as "naive" milliseconds (the wall clock read as if it were
 * UTC), for any zone given by its offsets: the first pass of a repeated time; for a skipped
 * time, the offset from before the change (Temporal's "compatible").
 * @example compatibleMillis(Date.UTC(2026, 2, 8, 2, 30), (ms) => offsetAt("America/New_York", ms)) → Date.UTC(2026, 2, 8, 7, 30) (03:30 EDT)
 */
export const compatibleMillis = (naive: number, offsetOf: (utcMs: number) => number): number => {
  const before = offsetOf(naive - DAY);
  const after = offsetOf(naive + DAY);
  let best = NaN;
  const first = naive - before;
  if (offsetOf(first) === before) best = first;
  if (after !== before) {
    const second = naive - after;
    if (offsetOf(second) === after && !(best <= second)) best = second;
  }
  return Number.isNaN(best) ? naive - before : best;
};

/** `compatibleMillis` for a cached zone, without a closure per call (offsets in minutes). */
const compatibleIn = (naive: number, zone: CachedIanaZone): number => {
  if (!Number.isFinite(naive)) return NaN;
  const before = zone.offset(naive - DAY) * 60_000;
  const after = zone.offset(naive + DAY) * 60_000;
  // One offset on both sides: the answer is `naive - before` whether or not it reads back.
  if (after === before) return naive - before;
  let best = NaN;
  const first = naive - before;
  if (zone.offset(first) * 60_000 === before) best = first;
  const second = naive - after;
  if (zone.offset(second) * 60_000 === after && !(best <= second)) best = second;
  return Number.isNaN(best) ? naive - before : best;
};

/**
 * A wall clock (naive milliseconds) in an IANA zone as an instant, as `compatibleMillis` says;
 * NaN for an unknown zone.
 * @example wallClockMillis(Date.UTC(2026, 10, 1, 1, 30), "America/New_York") → Date.UTC(2026, 10, 1, 5, 30) (the EDT pass)
 */
export const wallClockMillis = (naive: number, zone: string): number => {
  const z = cachedZone(zone);
  return z ? compatibleIn(naive, z) : NaN;
};

/**
 * The first instant of a calendar date in an IANA zone: its first 00:00 where midnight happens
 * twice, the first instant of that day where midnight never happens (clocks jump over it).
 * @example startOfDayMillis(2026, 9, 4, "America/Santiago") → the instant the clocks jump to 01:00
 */
export const startOfDayMillis = (year: number, month: number, day: number, zone: string): number => {
  const naive = Date.UTC(year, month - 1, day);
  const ms = wallClockMillis(naive, zone);
  if (Number.isNaN(ms) || ms + offsetAt(zone, ms) === naive) return ms;
  // Midnight was skipped: the day starts at the change, the first instant whose wall clock is on it.
  let lo = naive - offsetAt(zone, naive + DAY) - 1; // before the change: wall clock before midnight
  let hi = ms; // after it
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(zone, mid) >= naive) hi = mid;
    else lo = mid;
  }
  return hi;
};
