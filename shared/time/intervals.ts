import { DateTime, Interval } from "luxon";
import { userZone } from "./cachedZone";

/**
 * Interval algebra on half-open luxon intervals `[start, end)`. Lists returned here are
 * sorted and disjoint ("normal"); inputs are never mutated. Lengths are elapsed time.
 */
export type Span = Interval<true>;

const startMs = (i: Span) => i.start.toMillis();
const endMs = (i: Span) => i.end.toMillis();

/**
 * The union of intervals given as parallel arrays of epoch milliseconds, as luxon intervals in
 * `zone`. Touching intervals merge; empty ones vanish. Given in order of start (as the plan's
 * busy events are), one sweep does it; otherwise `unionBySort`.
 * @example unionOfMillis([0, 30, 90], [60, 90, 120], "UTC") → [00:00:00.000–00:00:00.120]
 */
export const unionOfMillis = (starts: ArrayLike<number>, ends: ArrayLike<number>, zone: string): Span[] => {
  let inOrder = true;
  for (let i = 1; i < starts.length && inOrder; i++) if (starts[i]! < starts[i - 1]!) inOrder = false;
  return inOrder ? unionInOrder(starts, ends, zone) : unionBySort(starts, ends, zone);
};

/**
 * `unionOfMillis` for intervals in any order: starts and ends are sorted separately (native
 * numeric sort) and swept: a point is covered while more intervals have started than ended.
 */
export const unionBySort = (starts: ArrayLike<number>, ends: ArrayLike<number>, zoneName: string): Span[] => {
  const zone = userZone(zoneName);
  const n = starts.length;
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (ends[i]! > starts[i]!) {
      s[k] = starts[i]!;
      e[k] = ends[i]!;
      k++;
    }
  }
  const ss = s.subarray(0, k).sort();
  const es = e.subarray(0, k).sort();
  const out: Span[] = [];
  let open = 0;
  let from = 0;
  let i = 0;
  let j = 0;
  while (i < k || j < k) {
    // At equal times starts go first, so touching intervals merge.
    if (i < k && ss[i]! <= es[j]!) {
      if (open === 0) from = ss[i]!;
      open++;
      i++;
    } else {
      open--;
      if (open === 0) out.push(Interval.fromDateTimes(DateTime.fromMillis(from, { zone }), DateTime.fromMillis(es[j]!, { zone })) as Span);
      j++;
    }
  }
  return out;
};

/**
 * `unionOfMillis` for intervals given in order of start: one sweep, no sort. An interval that
 * starts at or before the end so far extends it (touching ones merge); empty ones vanish.
 */
export const unionInOrder = (starts: ArrayLike<number>, ends: ArrayLike<number>, zoneName: string): Span[] => {
  const zone = userZone(zoneName);
  const out: Span[] = [];
  let from = 0;
  let to = Number.NEGATIVE_INFINITY;
  const close = () => out.push(Interval.fromDateTimes(DateTime.fromMillis(from, { zone }), DateTime.fromMillis(to, { zone })) as Span);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    if (!(end > start)) continue;
    if (start > to) {
      if (to !== Number.NEGATIVE_INFINITY) close();
      from = start;
      to = end;
    } else if (end > to) to = end;
  }
  if (to !== Number.NEGATIVE_INFINITY) close();
  return out;
};

/**
 * The union of any intervals as a sorted list of disjoint, non-empty intervals; touching ones merge.
 * The result is in the zone of the first interval.
 * @example union([09:00–10:00, 09:30–11:00, 11:00–12:00, 14:00–14:00]) → [09:00–12:00]
 */
export const union = (intervals: readonly Span[]): Span[] => {
  if (intervals.length === 0) return [];
  const zone = intervals[0]!.start.zoneName ?? "UTC";
  return unionOfMillis(intervals.map(startMs), intervals.map(endMs), zone);
};

/**
 * The intersection of two normal lists (sorted, disjoint), in linear time.
 * @example intersect([09:00–12:00], [11:00–13:00]) → [11:00–12:00]
 */
export const intersect = (a: readonly Span[], b: readonly Span[]): Span[] => {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = startMs(x) > startMs(y) ? x.start : y.start;
    const end = endMs(x) < endMs(y) ? x.end : y.end;
    if (end.toMillis() > start.toMillis()) out.push(Interval.fromDateTimes(start, end) as Span);
    if (endMs(x) < endMs(y)) i++;
    else j++;
  }
  return out;
};

/**
 * `a` minus `b` for two normal lists, in linear time.
 * @example subtract([09:00–17:00], [10:00–11:00]) → [09:00–10:00, 11:00–17:00]
 */
export const subtract = (a: readonly Span[], b: readonly Span[]): Span[] => {
  const out: Span[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && endMs(b[j]!) <= start.toMillis()) j++;
    let k = j;
    while (k < b.length && startMs(b[k]!) < endMs(x)) {
      const y = b[k]!;
      if (startMs(y) > start.toMillis()) out.push(Interval.fromDateTimes(start, y.start) as Span);
      if (endMs(y) > start.toMillis()) start = y.end;
      if (endMs(y) >= endMs(x)) break;
      k++;
    }
    if (endMs(x) > start.toMillis()) out.push(Interval.fromDateTimes(start, x.end) as Span);
  }
  return out;
};

/** Elapsed milliseconds of a list, assumed disjoint. */
export const totalMillis = (intervals: readonly Span[]): number => intervals.reduce((sum, i) => sum + (endMs(i) - startMs(i)), 0);

/**
 * Elapsed minutes rounded to whole minutes (half up), as every measure is reported.
 * @example wholeMinutes(90 * 60_000 + 29_000) → 90
 */
export const wholeMinutes = (millis: number): number => Math.round(millis / 60_000);

