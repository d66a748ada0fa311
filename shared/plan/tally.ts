import type { CalendarEvent } from "../event";
import { wholeMinutes } from "../time/intervals";
import type { DomainInfo } from "./classify";
import { CATEGORY_BIT } from "./categoryBits";
import { CATEGORIES, type Category, type Match } from "./plan";

/** A busy event of the read window, classified once, its times as epoch milliseconds. */
export interface Item {
  readonly event: CalendarEvent;
  readonly start: number;
  readonly end: number;
  /** Its categories as bits (`CATEGORY_BIT`); 0 is "other". */
  readonly mask: number;
  readonly sales: boolean;
  /** Indices of the accounts an attendee is at. */
  readonly accounts: readonly number[];
  readonly matches: readonly Match[];
  /** The domain of each of `event.attendees`. */
  readonly domains: readonly DomainInfo[];
  /** The occurrence, numbered from 0: the same id at the same start is one meeting. */
  readonly occ: number;
}

export { CATEGORY_BIT } from "./categoryBits";

/**
 * Spec §3's membership: an event belongs to `[from, to)` when it starts before `to` and ends
 * after `from`; an event with no length when its instant is inside.
 */
export const belongs = (start: number, end: number, from: number, to: number): boolean => (end > start ? start < to && end > from : start >= from && start < to);

/**
 * The length of a union of intervals fed in order of start (clipped starts stay in order).
 * @example const u = new UnionSweep(); u.add(0, 60); u.add(30, 90); u.add(120, 150); u.millis() → 120
 */
export class UnionSweep {
  private from = 0;
  private to = Number.NEGATIVE_INFINITY;
  private total = 0;
  add(start: number, end: number): void {
    if (end <= start) return;
    if (start > this.to) {
      if (this.to > this.from) this.total += this.to - this.from;
      this.from = start;
      this.to = end;
    } else if (end > this.to) this.to = end;
  }
  millis(): number {
    return this.total + (this.to > this.from ? this.to - this.from : 0);
  }
}

/** Counts distinct occurrence numbers below a known bound, without hashing. */
export class DistinctCounter {
  private readonly seen: Uint8Array;
  size = 0;
  constructor(bound: number) {
    this.seen = new Uint8Array(bound);
  }
  add(occ: number): void {
    if (this.seen[occ] === 0) {
      this.seen[occ] = 1;
      this.size++;
    }
  }
}

/** The measures of §3 that are unions and counts, for one week. */
export interface WeekTally {
  readonly minutes: Readonly<Record<Category, number>>;
  /** Busy minutes in no category. */
  readonly otherMinutes: number;
  readonly meetings: { readonly dreamClient: number; readonly decisionMaker: number; readonly sales: number };
}

/**
 * Union minutes per category and distinct meetings for the week `[from, to)`, from items sorted
 * by start: the analysed week and every look-back week are counted by this one function.
 */
export const tallyWeek = (items: readonly Item[], from: number, to: number, occurrences: number): WeekTally => {
  const sweeps = CATEGORIES.map(() => new UnionSweep());
  const other = new UnionSweep();
  const dream = new DistinctCounter(occurrences);
  const dm = new DistinctCounter(occurrences);
  const sales = new DistinctCounter(occurrences);
  const dreamBit = CATEGORY_BIT.dreamClient;
  const dmBit = CATEGORY_BIT.decisionMaker;
  for (const item of items) {
    if (!belongs(item.start, item.end, from, to)) continue;
    const start = item.start > from ? item.start : from;
    const end = item.end < to ? item.end : to;
    if (item.mask === 0) other.add(start, end);
    else for (let c = 0; c < sweeps.length; c++) if (item.mask & (1 << c)) sweeps[c]!.add(start, end);
    if (item.mask & dreamBit) dream.add(item.occ);
    if (item.mask & dmBit) dm.add(item.occ);
    if (item.sales) sales.add(item.occ);
  }
  const minutes = Object.fromEntries(CATEGORIES.map((c, i) => [c, wholeMinutes(sweeps[i]!.millis())])) as Record<Category, number>;
  return { minutes, otherMinutes: wholeMinutes(other.millis()), meetings: { dreamClient: dream.size, decisionMaker: dm.size, sales: sales.size } };
};
