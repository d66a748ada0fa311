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

/** A copy sorted by start, then end (numeric keys decorated once; the input is not mutated). */
const sortedByStart = (events: readonly CalendarEvent[]): CalendarEvent[] => {
  const n = events.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    starts[i] = events[i]!.start.toMillis();
    ends[i] = events[i]!.end.toMillis();
    if (i > 0 && (starts[i]! < starts[i - 1]! || (starts[i] === starts[i - 1] && ends[i]! < ends[i - 1]!))) sorted = false;
  }
  // Calendar APIs usually answer in start order already: then there is nothing to sort.
  if (sorted) return [...events];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  return Array.from(order, (i) => events[i]!);
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
  const inWindow = sortedByStart(events.filter((e) => belongs(e.start.toMillis(), e.end.toMillis(), windowStart, weekEnd)));
  const classify = makeClassifier(settings, me);

  const items: Item[] = [];
  const busy: ClassifiedEvent[] = [];
  const ignored: CalendarEvent[] = [];
  const busyStarts: number[] = [];
  const busyEnds: number[] = [];
  // Occurrences are numbered as the sorted events go by: the same id at the same start is one.
  const idsAtStart = new Map<string, number>();
  let startOfGroup = Number.NaN;
  let occurrences = 0;
  for (const event of inWindow) {
    const start = event.start.toMillis();
    const end = event.end.toMillis();
    const inWeek = belongs(start, end, weekStart, weekEnd);
    if (event.ignored !== null) {
      if (inWeek) ignored.push(event);
      continue;
    }
    if (start !== startOfGroup) {
      startOfGroup = start;
      idsAtStart.clear();
    }
    let occ = idsAtStart.get(event.id);
    if (occ === undefined) idsAtStart.set(event.id, (occ = occurrences++));
    const { matches, sales, accounts, mask, people } = classify(event);
    items.push({ event, start, end, mask, sales, accounts, matches, people, occ });
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
