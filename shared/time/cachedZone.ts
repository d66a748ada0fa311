import { FixedOffsetZone, IANAZone, Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

/**
 * IANA zones whose UTC offsets are read once per hour of time asked about, instead of once per
 * instant (luxon asks Intl every time a `DateTime` is built, ~8 µs). The answers are luxon's own
 * `IANAZone.offset` numbers; a change inside an hour is found by bisection to the second (luxon
 * reads offsets to the second) and kept.
 */

const HOUR = 3_600_000;
const CACHE_LIMIT = 10_000;
/** Instants this close to the ends of JavaScript's time range are asked of luxon directly. */
const EDGE = 8.64e15 - 2 * HOUR;

/**
 * Where the facts about IANA zones come from: whether a name is a zone, and its offset in minutes
 * at an instant, the numbers luxon's `IANAZone.isValidZone` and `IANAZone.offset` give. By
 * default they are luxon's own, read from Intl; a host with an exact, cheaper source installs it
 * with `useZoneFacts` (the command line does: Intl's first date-time format costs ~20 ms).
 */
export interface ZoneFacts {
  isZone(name: string): boolean;
  offset(name: string, ms: number): number;
}

/** luxon's answers, read from Intl. */
export const INTL_ZONE_FACTS: ZoneFacts = {
  isZone: (name) => IANAZone.isValidZone(name),
  offset: (name, ms) => IANAZone.create(name).offset(ms),
};

let facts: ZoneFacts = INTL_ZONE_FACTS;
const validity = new Map<string, boolean>();
const zones = new Map<string, CachedIanaZone>();
const named = new Map<string, Zone>();

/** Reads zones from `source` from now on (every cached answer is dropped). */
export const useZoneFacts = (source: ZoneFacts): void => {
  facts = source;
  validity.clear();
  zones.clear();
  named.clear();
};

/**
 * Whether `name` is an IANA zone this runtime knows, asked of the zone facts once per name.
 * @example isIanaZone("America/New_York") → true
 * @example isIanaZone("Mars/Olympus") → false
 */
export const isIanaZone = (name: string): boolean => {
  let known = validity.get(name);
  if (known === undefined) {
    if (validity.size >= CACHE_LIMIT) validity.clear();
    known = facts.isZone(name);
    validity.set(name, known);
  }
  return known;
};

/**
 * A luxon zone of type "iana" whose `offset` is cached per hour; equal (`equals`) to luxon's own
 * `IANAZone` of the name, and read by luxon the same way. Not an `IANAZone` itself: building one
 * asks Intl whether the name is valid, which `cachedZone` has already answered.
 */
export class CachedIanaZone extends Zone<true> {
  private readonly hours = new Map<number, number>();
  private readonly changes = new Map<number, number>();
  /** The offset of each hour asked about that has one offset throughout (one lookup instead of two). */
  private readonly steady = new Map<number, number>();

  constructor(private readonly zoneName: string) {
    super();
  }

  private atHour(h: number): number {
    let offset = this.hours.get(h);
    if (offset === undefined) {
      if (this.hours.size >= CACHE_LIMIT) {
        this.hours.clear();
        this.changes.clear();
        this.steady.clear();
      }
      offset = facts.offset(this.zoneName, h * HOUR);
      this.hours.set(h, offset);
    }
    return offset;
  }

  override get type(): string {
    return "iana";
  }

  override get name(): string {
    return this.zoneName;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): true {
    return true;
  }

  /** The offset's name ("EST"), as luxon's zone of the name gives it (Intl's names). */
  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return IANAZone.create(this.zoneName).offsetName(ts, options) ?? "";
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return FixedOffsetZone.instance(this.offset(ts)).formatOffset(ts, format);
  }

  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.zoneName;
  }

  /** The first whole second of hour `h` that has the next hour's offset. */
  private changeIn(h: number, before: number): number {
    let at = this.changes.get(h);
    if (at === undefined) {
      let lo = h * 3600; // seconds with offset `before`
      let hi = lo + 3600; // seconds with another offset
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (facts.offset(this.zoneName, mid * 1000) === before) lo = mid;
        else hi = mid;
      }
      at = hi * 1000;
      this.changes.set(h, at);
    }
    return at;
  }

  /** The offset in minutes at epoch milliseconds `ts`, as luxon's `IANAZone.offset` gives it. */
  override offset(ts: number): number {
    if (!(ts > -EDGE && ts < EDGE)) return facts.offset(this.zoneName, ts);
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

/** The names luxon reads as something other than an IANA zone: its keywords and "UTC±h[:mm]". */
const NOT_IANA = /^(?:default|local|system|gmt|utc(?:[+-]\d{1,2}(?::\d{2})?)?)$/i;

/**
 * The luxon zone of a zone name, as `setZone(name)` and `{ zone: name }` read it, with an IANA
 * zone's offsets cached (`cachedZone`): what luxon makes of any other name ("UTC", "utc+3", an
 * unknown name) is luxon's own zone.
 * @example userZone("America/New_York").name → "America/New_York"
 * @example userZone("UTC").type → "fixed"
 */
export const userZone = (name: string): Zone => {
  let zone = named.get(name);
  if (zone === undefined) {
    zone = (NOT_IANA.test(name) ? null : cachedZone(name)) ?? Info.normalizeZone(name);
    if (named.size >= CACHE_LIMIT) named.clear();
    named.set(name, zone);
  }
  return zone;
};
