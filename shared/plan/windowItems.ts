import type { CalendarEvent } from "../event";
import type { Classifier, DomainInfo } from "./classify";
import { BusyEvent } from "./busyEvent";
import { CATEGORIES, type Category, type ClassifiedEvent } from "./plan";
import { belongs, CATEGORY_BIT, type Items } from "./tally";
import { DomainTable, hashFrom } from "./domainTable";
import { IntList } from "./intList";

/** The read window and the analysed week in it (epoch milliseconds). */
export interface WindowSpan {
  readonly from: number;
  readonly weekStart: number;
  readonly weekEnd: number;
}

/** What `windowItems` finds in the window. */
export interface WindowContents {
  /** Its busy events, in order of start, then end, then input order. */
  readonly items: Items;
  /** The busy events of the week with what they count as, in that order. */
  readonly busy: ClassifiedEvent[];
  /** The week's events that count as nothing, in that order. */
  readonly ignored: CalendarEvent[];
}

const byMask: (ReadonlySet<Category> | undefined)[] = [];
/** The categories of a bit mask as a shared, read-only set: one object per combination, so a big week allocates none. */
const categoriesOf = (mask: number): ReadonlySet<Category> => (byMask[mask] ??= new Set(CATEGORIES.filter((c) => mask & CATEGORY_BIT[c])));

/**
 * The events of the window `[from, weekEnd)` (spec §3's membership), classified, as the columns
 * of `Items`. Two passes: the first reads and classifies each event in input order (each event
 * object is touched once, in the order it sits in memory); the second puts the busy ones in
 * order of start, then end, then input order, and numbers occurrences (the same id at the same
 * start is one meeting). The input is not mutated.
 */
export const windowItems = (events: readonly CalendarEvent[], span: WindowSpan, classify: Classifier): WindowContents => {
  const { from, weekStart, weekEnd } = span;
  const n = events.length;
  // Pass 1, by input position ("slot"): the busy events of the window.
  /** The input position of each slot's event. */
  const slotInput = new Int32Array(n);
  const slotStarts = new Float64Array(n);
  const slotEnds = new Float64Array(n);
  const slotMasks = new Uint8Array(n);
  const slotSales = new Uint8Array(n);
  const slotAccounts = new Int32Array(n + 1);
  const slotAttendees = new Int32Array(n + 1);
  const slotIdHashes = new Int32Array(n);
  const attendeeDomains = new IntList(n > 16 ? n * 2 : 32);
  const accountList = new IntList(n > 64 ? n : 64);
  const contacts = new DomainTable<DomainInfo>();
  // The week's ignored events, in input order.
  const ignoredEvents: CalendarEvent[] = [];
  const ignoredStarts: number[] = [];
  const ignoredEnds: number[] = [];
  let k = 0;
  let busyCount = 0;
  let sorted = true;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const event = events[i]!;
    const start = event.start.toMillis();
    const end = event.end.toMillis();
    if (!belongs(start, end, from, weekEnd)) continue;
    const inWeek = belongs(start, end, weekStart, weekEnd);
    if (event.ignored !== null) {
      if (inWeek) {
        ignoredEvents.push(event);
        ignoredStarts.push(start);
        ignoredEnds.push(end);
      }
      continue;
    }
    if (k > 0 && (start < slotStarts[k - 1]! || (start === slotStarts[k - 1] && end < slotEnds[k - 1]!))) sorted = false;
    const c = classify(event, attendeeDomains, accountList, contacts);
    if (inWeek) busyCount++;
    slotInput[k] = i;
    slotStarts[k] = start;
    slotIdHashes[k] = hashFrom(event.id, 0) | 0;
    slotEnds[k] = end;
    slotMasks[k] = c.mask;
    slotSales[k] = c.sales ? 1 : 0;
    if (end - start > longest) longest = end - start;
    k++;
    slotAttendees[k] = attendeeDomains.length;
    slotAccounts[k] = accountList.length;
  }

  // Pass 2, in time order.
  const order = sorted ? null : orderByStartEnd(slotStarts.subarray(0, k), slotEnds.subarray(0, k));
  const inOrder: CalendarEvent[] = new Array<CalendarEvent>(k);
  const starts = order ? new Float64Array(k) : slotStarts.subarray(0, k);
  const ends = order ? new Float64Array(k) : slotEnds.subarray(0, k);
  const masks = order ? new Uint8Array(k) : slotMasks.subarray(0, k);
  const sales = order ? new Uint8Array(k) : slotSales.subarray(0, k);
  const attendeeFrom = new Int32Array(k);
  const attendeeTo = new Int32Array(k);
  const accountFrom = new Int32Array(k);
  const accountTo = new Int32Array(k);
  const occ = new Int32Array(k);
  const repeated = new Uint8Array(k);
  // Sized once: the busy events of the week are the items that belong to it, counted in pass 1.
  const busy: ClassifiedEvent[] = new Array<ClassifiedEvent>(busyCount);
  // A busy event's matches are worded when read (the card reads those of the few it explains).
  const wording = classify.matchesOf;
  let b = 0;
  // Occurrences: the same id at the same start is one. Ids are compared by their hash (taken in
  // the first pass) before their text; most starts hold one or two events, compared directly,
  // a crowded start looks the hash up in a table (FirstWithHash).
  const idHashes = new Int32Array(k);
  let firstWithHash: FirstWithHash | null = null;
  let startOfGroup = Number.NaN;
  let groupFrom = 0;
  let occurrences = 0;
  // The columns in time order, one at a time (each a pass over two arrays).
  if (order) {
    for (let i = 0; i < k; i++) inOrder[i] = events[slotInput[order[i]!]!]!;
    for (let i = 0; i < k; i++) starts[i] = slotStarts[order[i]!]!;
    for (let i = 0; i < k; i++) ends[i] = slotEnds[order[i]!]!;
    for (let i = 0; i < k; i++) masks[i] = slotMasks[order[i]!]!;
    for (let i = 0; i < k; i++) sales[i] = slotSales[order[i]!]!;
    for (let i = 0; i < k; i++) accountFrom[i] = slotAccounts[order[i]!]!;
    for (let i = 0; i < k; i++) accountTo[i] = slotAccounts[order[i]! + 1]!;
    for (let i = 0; i < k; i++) idHashes[i] = slotIdHashes[order[i]!]!;
    for (let i = 0; i < k; i++) attendeeFrom[i] = slotAttendees[order[i]!]!;
    for (let i = 0; i < k; i++) attendeeTo[i] = slotAttendees[order[i]! + 1]!;
  } else {
    for (let i = 0; i < k; i++) inOrder[i] = events[slotInput[i]!]!;
    idHashes.set(slotIdHashes.subarray(0, k));
    attendeeFrom.set(slotAttendees.subarray(0, k));
    attendeeTo.set(slotAttendees.subarray(1, k + 1));
    accountFrom.set(slotAccounts.subarray(0, k));
    accountTo.set(slotAccounts.subarray(1, k + 1));
  }
  for (let i = 0; i < k; i++) {
    const event = inOrder[i]!;
    const start = starts[i]!;
    const end = ends[i]!;
    const hash = idHashes[i]!;
    if (start !== startOfGroup) {
      startOfGroup = start;
      groupFrom = i;
    }
    let same = -1;
    const groupSize = i - groupFrom;
    if (groupSize < 8) {
      same = sameIdIn(groupFrom, i, idHashes, inOrder, hash, event.id);
    } else {
      if (groupSize === 8) {
        // A table for this start's items only, so it stays small (and in cache) when k is large.
        let groupEnd = i + 1;
        while (groupEnd < k && starts[groupEnd] === start) groupEnd++;
        (firstWithHash ??= new FirstWithHash()).reset(groupEnd - groupFrom);
        for (let j = groupFrom; j < i; j++) firstWithHash.addFirst(idHashes[j]!, j);
      }
      const j = firstWithHash!.addFirst(hash, i);
      // Unless the hash is new at this start (j is i): the first event with the hash, or, when two
      // ids share it, the start's events one by one.
      if (j !== i) same = inOrder[j]!.id === event.id ? j : sameIdIn(groupFrom, i, idHashes, inOrder, hash, event.id);
    }
    const o = same >= 0 ? occ[same]! : occurrences++;
    if (same >= 0) repeated[o] = 1;
    occ[i] = o;
    if (belongs(start, end, weekStart, weekEnd)) busy[b++] = new BusyEvent(event, categoriesOf(masks[i]!), sales[i] === 1, wording);
  }
  const ignoredOrder = orderByStartEnd(Float64Array.from(ignoredStarts), Float64Array.from(ignoredEnds));
  return {
    items: { length: k, events: inOrder, starts, ends, masks, sales, occ, occurrences, repeated, accountFrom, accountTo, accountList: accountList.array, attendeeFrom, attendeeTo, attendeeDomains: attendeeDomains.array, domains: classify.domains, contacts, longest },
    busy,
    ignored: Array.from(ignoredOrder, (slot) => ignoredEvents[slot]!),
  };
};

/**
 * The first item with each id hash at one start: open addressing over typed arrays, emptied in
 * constant time (a slot belongs to the current start only when its stamp is the current one).
 * Sized for the hashes of one start (`reset`'s), not the whole window.
 */
export class FirstWithHash {
  private hashes = new Int32Array(0);
  private items = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  /** Empties the table and makes room for `items` hashes. */
  reset(items: number): void {
    this.stamp++;
    if (items * 2 <= this.hashes.length) return;
    let size = 16;
    while (size < items * 2) size *= 2;
    this.hashes = new Int32Array(size);
    this.items = new Int32Array(size);
    this.stamps = new Uint32Array(size);
    this.stamp = 1;
  }
  /** The first item added with the hash since the last reset; `item` (now added) when none was. */
  addFirst(hash: number, item: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = Math.imul(hash, 0x9e3779b1) >>> 0 & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.stamp) {
        this.stamps[slot] = this.stamp;
        this.hashes[slot] = hash;
        this.items[slot] = item;
        return item;
      }
      if (this.hashes[slot] === hash) return this.items[slot]!;
    }
  }
}

/** The first of items `[from, to)` with the id (and its hash), or -1. */
const sameIdIn = (from: number, to: number, hashes: Int32Array, events: readonly CalendarEvent[], hash: number, id: string): number => {
  for (let j = from; j < to; j++) if (hashes[j] === hash && events[j]!.id === id) return j;
  return -1;
};

/**
 * The permutation that sorts by start, then end, then position. When there are at least
 * `radixFrom` items and the times are whole numbers within 2^52 of each other, two stable radix
 * sorts do it (by end, then by start; no comparison at all), else a comparator sort.
 */
export const orderByStartEnd = (starts: Float64Array, ends: Float64Array, radixFrom: number = RADIX_FROM): Uint32Array => {
  const k = starts.length;
  let order = new Uint32Array(k);
  let minStart = Infinity;
  let maxStart = -Infinity;
  let minEnd = Infinity;
  let maxEnd = -Infinity;
  let whole = true;
  let sorted = true;
  for (let i = 0; i < k; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (s < minStart) minStart = s;
    if (s > maxStart) maxStart = s;
    if (e < minEnd) minEnd = e;
    if (e > maxEnd) maxEnd = e;
    if (!Number.isInteger(s) || !Number.isInteger(e)) whole = false;
    if (i > 0 && (s < starts[i - 1]! || (s === starts[i - 1] && e < ends[i - 1]!))) sorted = false;
    order[i] = i;
  }
  if (sorted) return order;
  if (k < radixFrom || !whole || maxStart - minStart >= 2 ** 52 || maxEnd - minEnd >= 2 ** 52) return order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  let spare = new Uint32Array(k);
  const low = new Uint32Array(k);
  const high = new Uint32Array(k);
  const counts = new Uint32Array(RADIX + 1);
  // Least significant key first: each pass is stable, so ties keep the order of the passes before.
  for (const [times, min, max] of [[ends, minEnd, maxEnd], [starts, minStart, maxStart]] as const) {
    for (let i = 0; i < k; i++) {
      const key = times[i]! - min;
      const h = Math.floor(key / 2 ** 26);
      high[i] = h;
      low[i] = key - h * 2 ** 26;
    }
    const range = max - min;
    for (let pass = 0; pass < 4 && range >= 2 ** (13 * pass); pass++) {
      const digits = pass < 2 ? low : high;
      const shift = pass % 2 === 0 ? 0 : 13;
      counts.fill(0);
      for (let r = 0; r < k; r++) counts[((digits[order[r]!]! >>> shift) & (RADIX - 1)) + 1]!++;
      for (let d = 1; d <= RADIX; d++) counts[d]! += counts[d - 1]!;
      for (let r = 0; r < k; r++) {
        const i = order[r]!;
        spare[counts[(digits[i]! >>> shift) & (RADIX - 1)]!++] = i;
      }
      [order, spare] = [spare, order];
    }
  }
  return order;
};

/** Digits of 13 bits: a count table of 32 KB. */
const RADIX = 1 << 13;
/**
 * Fewer items than this are sorted by comparator: the radix sort's eight passes over its count
 * table cost more than the comparisons (a 1,500-event week planned once, as the command line
 * does, spent ~20 ms more in them), and its typed arrays count as memory the collector is asked
 * to look after.
 */
const RADIX_FROM = 4096;
