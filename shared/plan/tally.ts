import type { CalendarEvent } from "../event";
import { wholeMinutes } from "../time/intervals";
import type { DomainInfo } from "./classify";
import { CATEGORY_BIT } from "./categoryBits";
import { CATEGORIES, type Category } from "./plan";

/**
 * The busy events of the read window, classified once, in order of start then end, as columns:
 * item `i` is `events[i]` from `starts[i]` to `ends[i]` (epoch milliseconds). Columns, not one
 * object an event, so a window of 100,000 events allocates a handful of arrays.
 */
export interface Items {
  readonly length: number;
  readonly events: readonly CalendarEvent[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Categories as bits (`CATEGORY_BIT`); 0 is "other". */
  readonly masks: Uint8Array;
  /** 1 for a sales meeting. */
  readonly sales: Uint8Array;
  /** The occurrence, numbered from 0: the same id at the same start is one meeting. */
  readonly occ: Int32Array;
  /** How many occurrences there are (every `occ` is below it). */
  readonly occurrences: number;
  /** 1 for an occurrence more than one item is (the same id listed twice at one start), by occurrence. */
  readonly repeated: Uint8Array;
  /**
   * The indices of the accounts item `i`'s attendees are at are `accountList[a]` for `a` from
   * `accountFrom[i]` up to `accountTo[i]`: ascending, each once (none for most items).
   */
  readonly accountFrom: Int32Array;
  readonly accountTo: Int32Array;
  readonly accountList: Int32Array;
  /**
   * The domains of item `i`'s considered attendees are `domains[attendeeDomains[a]]` for `a` from
   * `attendeeFrom[i]` up to `attendeeTo[i]`, in the order of `events[i].attendees`.
   */
  readonly attendeeFrom: Int32Array;
  readonly attendeeTo: Int32Array;
  readonly attendeeDomains: Int32Array;
  /** The attendees' domains, by number (`DomainInfo.index`). */
  readonly domains: readonly DomainInfo[];
  /**
   * The distinct considered addresses of the items' attendees at a dream or A-list account (the
   * ledger's contacts), each once (`keys`, in the order first met), with its domain (`values`).
   */
  readonly contacts: { readonly keys: readonly string[]; readonly values: readonly DomainInfo[] };
  /** The longest item (milliseconds): items that can reach a time start at most this long before it. */
  readonly longest: number;
}

/** The first item that starts at or after `at`. */
const firstStartingAt = (starts: Float64Array, length: number, at: number): number => {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * The items that can belong to `[from, to)`: every one outside `[first, last)` starts too late
 * or ends too early. Callers still test each with `belongs`.
 */
export const itemsReaching = (items: Items, from: number, to: number): { readonly first: number; readonly last: number } => ({
  first: firstStartingAt(items.starts, items.length, from - items.longest),
  // An instant at `to` does not belong, so items starting at `to` or later never do.
  last: firstStartingAt(items.starts, items.length, to),
});

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

/**
 * Counts distinct occurrences of items met one by one, each item at most once: an occurrence
 * that is one item counts when met, so only repeated ones are kept in a set.
 */
export class OccurrenceCounter {
  size = 0;
  private seenRepeated: Set<number> | null = null;
  constructor(private readonly repeated: Uint8Array) {}
  /** Counts the occurrence of an item not met before; true when the occurrence is new. */
  add(occ: number): boolean {
    if (this.repeated[occ] === 0) {
      this.size++;
      return true;
    }
    const seen = (this.seenRepeated ??= new Set());
    if (seen.has(occ)) return false;
    seen.add(occ);
    this.size++;
    return true;
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
 * Union minutes per category and distinct meetings for the week `[from, to)`, from the items:
 * the analysed week and every look-back week are counted by this one function.
 */
export const tallyWeek = (items: Items, from: number, to: number): WeekTally => {
  const sweeps = CATEGORIES.map(() => new UnionSweep());
  const other = new UnionSweep();
  const dream = new OccurrenceCounter(items.repeated);
  const dm = new OccurrenceCounter(items.repeated);
  const sales = new OccurrenceCounter(items.repeated);
  const dreamBit = CATEGORY_BIT.dreamClient;
  const dmBit = CATEGORY_BIT.decisionMaker;
  const { starts, ends, masks, occ } = items;
  const { first, last } = itemsReaching(items, from, to);
  for (let i = first; i < last; i++) {
    const itemStart = starts[i]!;
    const itemEnd = ends[i]!;
    if (!belongs(itemStart, itemEnd, from, to)) continue;
    const start = itemStart > from ? itemStart : from;
    const end = itemEnd < to ? itemEnd : to;
    const mask = masks[i]!;
    if (mask === 0) other.add(start, end);
    else for (let c = 0; c < sweeps.length; c++) if (mask & (1 << c)) sweeps[c]!.add(start, end);
    if (mask & dreamBit) dream.add(occ[i]!);
    if (mask & dmBit) dm.add(occ[i]!);
    if (items.sales[i]) sales.add(occ[i]!);
  }
  const minutes = Object.fromEntries(CATEGORIES.map((c, i) => [c, wholeMinutes(sweeps[i]!.millis())])) as Record<Category, number>;
  return { minutes, otherMinutes: wholeMinutes(other.millis()), meetings: { dreamClient: dream.size, decisionMaker: dm.size, sales: sales.size } };
};
