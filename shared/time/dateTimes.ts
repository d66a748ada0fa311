import { DateTime, type Zone } from "luxon";

/**
 * Many `DateTime`s in one zone, built the way luxon builds a `DateTime` from another (`plus`,
 * `setZone`: one shared locale object) instead of `DateTime.fromMillis`, which makes a new locale
 * object for each — most of the time and garbage of normalizing 100,000 events. luxon's
 * constructor takes `{ ts, zone, loc }`; a probe checks at start that what it builds equals what
 * `fromMillis` builds, and `fromMillis` is used whenever it does not (another luxon, an invalid
 * zone, an instant out of range).
 */

type Built = DateTime & { readonly loc?: unknown };
type Construct = new (config: { ts: number; zone: Zone; loc: unknown }) => DateTime;

const PROBE = Date.UTC(2026, 2, 8, 7, 30, 15, 250);
const LIMIT = 8.64e15;
/** Slots of instants kept for reuse (calendars repeat a few hundred: meetings start on the quarter hour); a prime. */
const SLOTS = 4093;

const same = (a: DateTime, b: DateTime): boolean =>
  a.isValid && b.isValid && a.equals(b) && a.toMillis() === b.toMillis() && a.offset === b.offset && a.toISO() === b.toISO() && a.zone === b.zone && a.weekday === b.weekday;

/**
 * A maker of `DateTime`s in one zone, equal (`equals`, every field read) to `DateTime.fromMillis(ms, { zone })`.
 * @example new DateTimes(zone).at(Date.UTC(2026, 11, 1, 15)).toISO() → "2026-12-01T10:00:00.000-05:00" (zone New York)
 */
export class DateTimes {
  private readonly loc: unknown;
  private readonly direct: boolean;
  private readonly slots: (DateTime | undefined)[] = new Array<DateTime | undefined>(SLOTS).fill(undefined);
  private readonly keys = new Float64Array(SLOTS).fill(NaN);

  constructor(private readonly zone: Zone) {
    const probe = DateTime.fromMillis(PROBE, { zone }) as Built;
    this.loc = probe.loc;
    let direct = false;
    if (zone.isValid && this.loc !== undefined && this.loc !== null) {
      try {
        direct = same(new (DateTime as unknown as Construct)({ ts: PROBE, zone, loc: this.loc }), probe);
      } catch {
        direct = false;
      }
    }
    this.direct = direct;
  }

  /** The `DateTime` at epoch milliseconds `ms` in the zone (the same object for the same instant, as luxon's are immutable). */
  at(ms: number): DateTime {
    if (!this.direct || !(ms >= -LIMIT && ms <= LIMIT)) return DateTime.fromMillis(ms, { zone: this.zone });
    const slot = Math.abs(Math.floor(ms / 1000) % SLOTS);
    let made = this.slots[slot];
    if (made === undefined || this.keys[slot] !== ms) {
      made = new (DateTime as unknown as Construct)({ ts: ms, zone: this.zone, loc: this.loc });
      this.slots[slot] = made;
      this.keys[slot] = ms;
    }
    return made;
  }
}
