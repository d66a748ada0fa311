import { IANAZone } from "luxon";

/**
 * IANA zones whose UTC offsets are read from Intl once per hour of time asked about, instead of
 * once per instant (luxon asks Intl every time a `DateTime` is built, ~8 µs). The answers are
 * luxon's own `IANAZone.offset` numbers; a change inside an hour is found by bisection to the
 * second (luxon reads offsets to the second) and kept.
 */

const HOUR = 3_600_000;
const CACHE_LIMIT = 10_000;
/** Instants this close to the ends of JavaScript's time range are asked of luxon directly. */
const EDGE = 8.64e15 - 2 * HOUR;

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

/** A luxon `IANAZone` whose `offset` is cached per hour; equal (`equals`) to luxon's own. */
export class CachedIanaZone extends IANAZone {
  private readonly hours = new Map<number, number>();
  private readonly changes = new Map<number, number>();
  /** The offset of each hour asked about that has one offset throughout (one lookup instead of two). */
  private readonly steady = new Map<number, number>();

  private atHour(h: number): number {
    let offset = this.hours.get(h);
    if (offset === undefined) {
      if (this.hours.size >= CACHE_LIMIT) {
        this.hours.clear();
        this.changes.clear();
        this.steady.clear();
      }
      offset = super.offset(h * HOUR);
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
        if (super.offset(mid * 1000) === before) lo = mid;
        else hi = mid;
      }
      at = hi * 1000;
      this.changes.set(h, at);
    }
    return at;
  }

  /** The offset in minutes at epoch milliseconds `ts`, as luxon's `IANAZone.offset` gives it. */
  override offset(ts: number): number {
    if (!this.isValid || !(ts > -EDGE && ts < EDGE)) return super.offset(ts);
    const h = Math.floor(ts / HOUR);
    const known = this.steady.get(h);
    if (known !== undefined) return known;
    const before = this.atHour(h);
    const after = this.atHour(h + 1);
    if (before === after) {
      this.steady.set(h, before);
      return before;
    }
    return ts < this.changeIn(h, before) ? before : after;
  }
}

const zones = new Map<string, CachedIanaZone>();

/**
 * The cached zone of an IANA name (one object per name), or null when the runtime does not know it.
 * @example cachedZone("Europe/Paris")?.offset(Date.UTC(2026, 6, 1)) → 120
 */
export const cachedZone = (name: string): CachedIanaZone | null => {
  let zone = zones.get(name);
  if (zone === undefined) {
    if (!isIanaZone(name)) return null;
    if (zones.size >= CACHE_LIMIT) zones.clear();
    zone = new CachedIanaZone(name);
    zones.set(name, zone);
  }
  return zone;
};
