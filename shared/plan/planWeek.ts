import type { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import { intersect, totalMillis, unionOfMillis, wholeMinutes } from "../time/intervals";
import { makeClassifier } from "./classify";
import { CATEGORIES, type Category, type ClassifiedEvent, type Goal, type HistoryWeek, type WeekPlan } from "./plan";
import { salesMeetingsTarget, weeklyMeetings, type Settings } from "../settings/settings";
import { weekFor, weeksBefore } from "../time/week";
import { accountLedger } from "./ledger";
import type { RegistrableDomain } from "./registrableDomain";
import { suggestedAccounts } from "./suggestions";
import { belongs, CATEGORY_BIT, type Items, tallyWeek } from "./tally";
import { workingTime } from "../time/workingTime";
import { blankSpots, suggestedBlock } from "./blankSpots";

export interface PlanInput {
  /** Normalized events, in `zone`. Not mutated. */
  readonly events: readonly CalendarEvent[];
  /** Settings after defaults (`parseSettings`). */
  readonly settings: Settings;
  /** The user's IANA zone (`resolveZone`). */
  readonly zone: string;
  readonly now: DateTime;
  /** The week to analyse; next week after `now` when absent. */
  readonly week?: Interval<true> | undefined;
  /** The user's address: the default own domain when the settings name none. */
  readonly me?: string | undefined;
  /** The registrable domain of a host, for suggested accounts (the public suffix list where the host carries it). */
  readonly registrableDomain?: RegistrableDomain | undefined;
}

/**
 * The events of `[from, to)` (spec §3's membership) in order of start, then end, then input
 * order, with their times as epoch milliseconds beside them: each event's times are read once;
 * the input is not mutated. Calendar APIs usually answer in start order already: then nothing is sorted.
 */
const windowInOrder = (events: readonly CalendarEvent[], from: number, to: number): { events: CalendarEvent[]; starts: Float64Array; ends: Float64Array } => {
  const n = events.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const index = new Uint32Array(n);
  let k = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const s = e.start.toMillis();
    const t = e.end.toMillis();
    if (!belongs(s, t, from, to)) continue;
    if (k > 0 && (s < starts[k - 1]! || (s === starts[k - 1] && t < ends[k - 1]!))) sorted = false;
    starts[k] = s;
    ends[k] = t;
    index[k] = i;
    k++;
  }
  const order = sorted ? null : orderByStartEnd(starts.subarray(0, k), ends.subarray(0, k));
  const inOrder: CalendarEvent[] = new Array<CalendarEvent>(k);
  const orderedStarts = order ? new Float64Array(k) : starts.subarray(0, k);
  const orderedEnds = order ? new Float64Array(k) : ends.subarray(0, k);
  for (let i = 0; i < k; i++) {
    const j = order ? order[i]! : i;
    inOrder[i] = events[index[j]!]!;
    if (order) {
      orderedStarts[i] = starts[j]!;
      orderedEnds[i] = ends[j]!;
    }
  }
  return { events: inOrder, starts: orderedStarts, ends: orderedEnds };
};

/**
 * The permutation that sorts by start, then end, then position. When the starts fit, each is
 * packed with its position into one exact number and the numbers sorted natively (no
 * comparator call per comparison); runs of equal starts are then put in order of end.
 */
const orderByStartEnd = (starts: Float64Array, ends: Float64Array): Uint32Array => {
  const k = starts.length;
  const order = new Uint32Array(k);
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < k; i++) {
    const s = starts[i]!;
    if (s < min) min = s;
    if (s > max) max = s;
    if (!Number.isInteger(s)) whole = false;
  }
  if (!whole || (max - min + 1) * k > Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < k; i++) order[i] = i;
    return order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  }
  const packed = new Float64Array(k);
  for (let i = 0; i < k; i++) packed[i] = (starts[i]! - min) * k + i;
  packed.sort();
  for (let i = 0; i < k; i++) order[i] = packed[i]! % k;
  // Equal starts are now in position order: order each such run by end (then position).
  for (let i = 0; i < k; ) {
    let j = i + 1;
    while (j < k && starts[order[j]!] === starts[order[i]!]) j++;
    if (j - i > 1) order.subarray(i, j).sort((a, b) => ends[a]! - ends[b]! || a - b);
    i = j;
  }
  return order;
};

const byMask = new Map<number, ReadonlySet<Category>>();
/** The categories of a bit mask as a shared, read-only set: one object per combination, so a big week allocates none. */
const categoriesOf = (mask: number): ReadonlySet<Category> => {
  let set = byMask.get(mask);
  if (!set) byMask.set(mask, (set = new Set(CATEGORIES.filter((c) => mask & CATEGORY_BIT[c]))));
  return set;
};

/**
 * Every measure of spec §3 for one week.
 * @example planWeek({ events: [], settings: defaultSettings(), zone: "America/New_York", now: Mon 23 Nov 2026 }).workingMinutes → 2400
 */
export const planWeek = ({ events, settings, zone, now, week: given, me, registrableDomain }: PlanInput): WeekPlan => {
  const week = given ?? weekFor({ now, zone, weekStartsOn: settings.weekStartsOn });
  const lookBack = weeksBefore(week, settings.lookBackWeeks);
  const weekStart = week.start.toMillis();
  const weekEnd = week.end.toMillis();
  const windowStart = lookBack.length > 0 ? lookBack[0]!.start.toMillis() : weekStart;
  const inWindow = windowInOrder(events, windowStart, weekEnd);
  const classify = makeClassifier(settings, me);

  // The busy events of the window as the columns of `Items`, filled as the sorted events go by.
  const capacity = inWindow.events.length;
  const itemEvents: CalendarEvent[] = [];
  const starts = new Float64Array(capacity);
  const ends = new Float64Array(capacity);
  const masks = new Uint8Array(capacity);
  const salesColumn = new Uint8Array(capacity);
  const occColumn = new Int32Array(capacity);
  const accountsColumn: (readonly number[])[] = [];
  const attendeeFrom = new Int32Array(capacity + 1);
  const attendeeIds: number[] = [];
  let count = 0;
  let longest = 0;
  const busy: ClassifiedEvent[] = [];
  const ignored: CalendarEvent[] = [];
  const busyStarts: number[] = [];
  const busyEnds: number[] = [];
  // Occurrences are numbered as the sorted events go by: the same id at the same start is one.
  const idsAtStart = new Map<string, number>();
  let startOfGroup = Number.NaN;
  let groupFrom = 0;
  let occurrences = 0;
  for (let i = 0; i < inWindow.events.length; i++) {
    const event = inWindow.events[i]!;
    const start = inWindow.starts[i]!;
    const end = inWindow.ends[i]!;
    const inWeek = belongs(start, end, weekStart, weekEnd);
    if (event.ignored !== null) {
      if (inWeek) ignored.push(event);
      continue;
    }
    if (start !== startOfGroup) {
      startOfGroup = start;
      groupFrom = count;
      idsAtStart.clear();
    }
    // Most starts hold one or two events: their ids are compared directly; a crowded start uses a map.
    let occ: number | undefined;
    const groupSize = count - groupFrom;
    const crowded = groupSize >= 8;
    if (!crowded) {
      for (let j = groupFrom; j < count && occ === undefined; j++) if (itemEvents[j]!.id === event.id) occ = occColumn[j]!;
    } else {
      if (groupSize === 8) for (let j = groupFrom; j < count; j++) if (!idsAtStart.has(itemEvents[j]!.id)) idsAtStart.set(itemEvents[j]!.id, occColumn[j]!);
      occ = idsAtStart.get(event.id);
    }
    if (occ === undefined) {
      occ = occurrences++;
      if (crowded) idsAtStart.set(event.id, occ);
    }
    const { matches, sales, accounts, mask } = classify(event, attendeeIds, inWeek);
    itemEvents.push(event);
    starts[count] = start;
    ends[count] = end;
    masks[count] = mask;
    salesColumn[count] = sales ? 1 : 0;
    occColumn[count] = occ;
    accountsColumn.push(accounts);
    count++;
    attendeeFrom[count] = attendeeIds.length;
    if (end - start > longest) longest = end - start;
    if (!inWeek) continue;
    busy.push({ event, matches, categories: categoriesOf(mask), sales });
    // Clipped to the week here, so the busy union is inside the week.
    busyStarts.push(start > weekStart ? start : weekStart);
    busyEnds.push(end < weekEnd ? end : weekEnd);
  }
  const items: Items = {
    length: count,
    events: itemEvents,
    starts,
    ends,
    masks,
    sales: salesColumn,
    occ: occColumn,
    occurrences,
    accounts: accountsColumn,
    attendeeFrom,
    attendeeIds,
    addresses: classify.addresses,
    longest,
  };

  const tally = tallyWeek(items, weekStart, weekEnd);
  const working = workingTime(week, settings.workingHours);
  const busyUnion = unionOfMillis(busyStarts, busyEnds, zone);
  const { minutes, meetings } = tally;
  const spots = blankSpots(working, busyUnion, now, settings.blankSpotMinMinutes);

  const t = settings.targets;
  const salesTarget = salesMeetingsTarget(settings);
  const goals: Goal[] = [
    { id: "dreamClientMinutes", target: t.dreamClientMinutes, actual: minutes.dreamClient, met: minutes.dreamClient >= t.dreamClientMinutes },
    { id: "decisionMakerMeetings", target: t.decisionMakerMeetings, actual: meetings.decisionMaker, met: meetings.decisionMaker >= t.decisionMakerMeetings },
    { id: "salesMeetings", target: salesTarget, actual: meetings.sales, met: meetings.sales >= salesTarget },
    { id: "prospectingMinutes", target: t.prospectingMinutes, actual: minutes.prospecting, met: minutes.prospecting >= t.prospectingMinutes },
    { id: "painMinutesMax", target: t.painMinutesMax, actual: minutes.pain, met: minutes.pain <= t.painMinutesMax },
  ];
  const history: HistoryWeek[] = lookBack.map((w) => {
    const h = tallyWeek(items, w.start.toMillis(), w.end.toMillis());
    return { start: w.start, dreamClientMinutes: h.minutes.dreamClient, decisionMakerMeetings: h.meetings.decisionMaker, salesMeetings: h.meetings.sales, prospectingMinutes: h.minutes.prospecting };
  });

  return {
    settings,
    zone,
    now: now.setZone(zone),
    week,
    workingTime: working,
    workingMinutes: wholeMinutes(totalMillis(working)),
    busyWorkingMinutes: wholeMinutes(totalMillis(intersect(busyUnion, working))),
    minutes,
    otherMinutes: tally.otherMinutes,
    meetings,
    blankSpots: spots,
    goals,
    suggestedBlock: suggestedBlock(spots, settings.prospectingBlockMinutes),
    pipeline: settings.pipeline ? { weeklyMeetings: weeklyMeetings(settings.pipeline) } : null,
    busy,
    ignored,
    lookBack,
    accounts: accountLedger(items, settings, classify.isDecisionMaker, { lookBackStart: windowStart, weekStart, weekEnd }),
    history,
    suggestedAccounts: suggestedAccounts(items, settings, { from: windowStart, to: weekEnd }, registrableDomain),
  };
};
