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
import { belongs, CATEGORY_BIT, type Item, tallyWeek } from "./tally";
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
 * The events of `[from, to)` (spec §3's membership) in order of start, then end, with their
 * times as epoch milliseconds beside them: each event's times are read once, in input order;
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
  if (sorted) return { events: Array.from(index.subarray(0, k), (i) => events[i]!), starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
  const order = new Uint32Array(k);
  for (let i = 0; i < k; i++) order[i] = i;
  order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  return {
    events: Array.from(order, (j) => events[index[j]!]!),
    starts: Float64Array.from(order, (j) => starts[j]!),
    ends: Float64Array.from(order, (j) => ends[j]!),
  };
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

  const items: Item[] = [];
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
      groupFrom = items.length;
      idsAtStart.clear();
    }
    // Most starts hold one or two events: their ids are compared directly; a crowded start uses a map.
    let occ: number | undefined;
    const groupSize = items.length - groupFrom;
    const crowded = groupSize >= 8;
    if (!crowded) {
      for (let j = groupFrom; j < items.length && occ === undefined; j++) if (items[j]!.event.id === event.id) occ = items[j]!.occ;
    } else {
      if (groupSize === 8) for (let j = groupFrom; j < items.length; j++) if (!idsAtStart.has(items[j]!.event.id)) idsAtStart.set(items[j]!.event.id, items[j]!.occ);
      occ = idsAtStart.get(event.id);
    }
    if (occ === undefined) {
      occ = occurrences++;
      if (crowded) idsAtStart.set(event.id, occ);
    }
    const { matches, sales, accounts, mask, domains } = classify(event);
    items.push({ event, start, end, mask, sales, accounts, matches, domains, occ });
    if (!inWeek) continue;
    busy.push({ event, matches, categories: categoriesOf(mask), sales });
    // Clipped to the week here, so the busy union is inside the week.
    busyStarts.push(start > weekStart ? start : weekStart);
    busyEnds.push(end < weekEnd ? end : weekEnd);
  }

  const tally = tallyWeek(items, weekStart, weekEnd, occurrences);
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
    const h = tallyWeek(items, w.start.toMillis(), w.end.toMillis(), occurrences);
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
