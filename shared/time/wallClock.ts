import { IANAZone } from "luxon";

/**
 * Wall-clock times in a zone, resolved as RFC 5545 and Temporal's "compatible" say: a time that
 * happens twice is its first pass; a time that never happens is read with the offset from before
 * the change (02:30 becomes 03:30). Nothing here reads the clock of the machine, so the answer
 * never depends on the date the program runs (luxon's own wall-clock reading starts from an
 * offset guessed at "now").
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;
const CACHE_LIMIT = 10_000;

const validity = new Map<string, boolean>();

/**
 * Whether `name` is an IANA zone this runtime knows, asked of Intl once per name.
 * @example isIanaZone("America/New_York") → true
 * @example isIanaZone("Mars/Olympus") → false
 */
export const isIanaZone = (name: string): boolean => {
  let known = validity.get(name);
  if (known === undefined) {
    if (validity.size >= CACHE_LIMIT) validity.clear();
    known = IANAZone.isValidZone(name);
    validity.set(name, known);
  }
  return known;
};

/**
 * UTC offsets of one IANA zone in milliseconds, read from Intl once per hour of time asked about
 * (a change inside an hour is found by bisection to the second and kept).
 */
class OffsetTable {
  private readonly zone: IANAZone;
  private readonly hours = new Map<number, number>();
  private readonly changes = new Map<number, number>();

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  private atHour(h: number): number {
    let offset = this.hours.get(h);
    if (offset === undefined) {
      if (this.hours.size >= CACHE_LIMIT) {
        this.hours.clear();
        this.changes.clear();
      }
      offset = this.zone.offset(h * HOUR) * 60_000;
      this.hours.set(h, offset);
    }
    return offset;
  }

  /** The first whole second of hour `h` that has the next hour's offset. */
  private changeIn(h: number, before: number): number {
    let at = this.changes.get(h);
    if (at === undefined) {
      let lo = h * 3600; // seconds with offset `before`
      let hi = lo + 3600; // seconds with another offset
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.zone.offset(mid * 1000) * 60_000 === before) lo = mid;
        else hi = mid;
      }
      at = hi * 1000;
      this.changes.set(h, at);
    }
    return at;
  }

  offset(ms: number): number {
    if (!Number.isFinite(ms)) return NaN;
    const h = Math.floor(ms / HOUR);
    const before = this.atHour(h);
    const after = this.atHour(h + 1);
    if (before === after) return before;
    return ms < this.changeIn(h, before) ? before : after;
  }
}

const tables = new Map<string, OffsetTable>();

/**
 * The UTC offset of an IANA zone at an instant, in milliseconds (NaN for an unknown zone); the
 * same number as luxon's `IANAZone.offset` × 60,000, without asking Intl for every instant.
 * @example offsetAt("America/New_York", Date.UTC(2026, 11, 1)) → -18_000_000
 */
export const offsetAt = (zone: string, ms: number): number => {
  if (!isIanaZone(zone)) return NaN;
  let table = tables.get(zone);
  if (!table) {
    if (tables.size >= CACHE_LIMIT) tables.clear();
    table = new OffsetTable(zone);
    tables.set(zone, table);
  }
  return table.offset(ms);
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
  for (const offset of before === after ? [before] : [before, after]) {
    const ms = naive - offset;
    if (offsetOf(ms) === offset && !(best <= ms)) best = ms;
  }
  return Number.isNaN(best) ? naive - before : best;
};

/**
 * A wall clock (naive milliseconds) in an IANA zone as an instant, as `compatibleMillis` says;
 * NaN for an unknown zone.
 * @example wallClockMillis(Date.UTC(2026, 10, 1, 1, 30), "America/New_York") → Date.UTC(2026, 10, 1, 5, 30) (the EDT pass)
 */
export const wallClockMillis = (naive: number, zone: string): number => {
  if (!isIanaZone(zone)) return NaN;
  return compatibleMillis(naive, (ms) => offsetAt(zone, ms));
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
