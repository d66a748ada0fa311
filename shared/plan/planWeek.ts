import type { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import { intersect, totalMillis, unionOfMillis, wholeMinutes } from "../time/intervals";
import { makeClassifier } from "./classify";
import { CATEGORIES, type Category, type ClassifiedEvent, type Goal, type WeekPlan } from "./plan";
import { weeklyMeetings, type Settings } from "../settings/settings";
import { weekFor } from "../time/week";
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
}

/** An event belongs to the week when it starts before its end and ends after its start; an instant when it is inside. */
const overlaps = (e: CalendarEvent, start: number, end: number): boolean => {
  const s = e.start.toMillis();
  const t = e.end.toMillis();
  return t > s ? s < end && t > start : s >= start && s < end;
};

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

const CATEGORY_BIT = Object.fromEntries(CATEGORIES.map((c, i) => [c, 1 << i])) as Record<Category, number>;
const byMask = new Map<number, { set: ReadonlySet<Category>; keys: readonly (Category | "other")[] }>();
/**
 * The categories of a match list as a shared, read-only set, plus the keys whose spans the event
 * joins ("other" when it is in no category): one object per combination, so a big week allocates none.
 */
const categoriesOf = (matches: readonly { category: Category }[]) => {
  let mask = 0;
  for (const m of matches) mask |= CATEGORY_BIT[m.category];
  let entry = byMask.get(mask);
  if (!entry) {
    const list = CATEGORIES.filter((c) => mask & CATEGORY_BIT[c]);
    entry = { set: new Set(list), keys: list.length > 0 ? list : ["other"] };
    byMask.set(mask, entry);
  }
  return entry;
};

/**
 * Counts distinct occurrences among events fed in start order: the same id at the same start
 * counts once; each occurrence of a series (its own start) counts.
 */
class OccurrenceCounter {
  private at = Number.NaN;
  private readonly ids = new Set<string>();
  size = 0;
  add(event: CalendarEvent): void {
    const at = event.start.toMillis();
    if (at !== this.at) {
      this.at = at;
      this.ids.clear();
    }
    if (this.ids.has(event.id)) return;
    this.ids.add(event.id);
    this.size++;
  }
}

/**
 * Every measure of spec §3 for one week.
 * @example planWeek({ events: [], settings: defaultSettings(), zone: "America/New_York", now: Mon 23 Nov 2026 }).workingMinutes → 2400
 */
export const planWeek = ({ events, settings, zone, now, week: given, me }: PlanInput): WeekPlan => {
  const week = given ?? weekFor({ now, zone, weekStartsOn: settings.weekStartsOn });
  const weekStart = week.start.toMillis();
  const weekEnd = week.end.toMillis();
  const inWeek = sortedByStart(events.filter((e) => overlaps(e, weekStart, weekEnd)));
  const classify = makeClassifier(settings, me);

  const busy: ClassifiedEvent[] = [];
  const ignored: CalendarEvent[] = [];
  const spansBy = Object.fromEntries([...CATEGORIES, "other"].map((c) => [c, { starts: [] as number[], ends: [] as number[] }])) as Record<Category | "other", { starts: number[]; ends: number[] }>;
  const busyStarts: number[] = [];
  const busyEnds: number[] = [];
  const meetings = { dreamClient: new OccurrenceCounter(), decisionMaker: new OccurrenceCounter() };
  for (const event of inWeek) {
    if (event.ignored !== null) {
      ignored.push(event);
      continue;
    }
    const matches = classify(event);
    const { set: categories, keys } = categoriesOf(matches);
    busy.push({ event, matches, categories });
    // Clipped to the week here, so every measure below is a union inside the week.
    const start = Math.max(event.start.toMillis(), weekStart);
    const end = Math.min(event.end.toMillis(), weekEnd);
    busyStarts.push(start);
    busyEnds.push(end);
    for (let k = 0; k < keys.length; k++) {
      const spans = spansBy[keys[k]!];
      spans.starts.push(start);
      spans.ends.push(end);
    }
    if (categories.has("dreamClient")) meetings.dreamClient.add(event);
    if (categories.has("decisionMaker")) meetings.decisionMaker.add(event);
  }

  const working = workingTime(week, settings.workingHours);
  const busyUnion = unionOfMillis(busyStarts, busyEnds, zone);
  const minutesOf = (c: Category | "other") => wholeMinutes(totalMillis(unionOfMillis(spansBy[c].starts, spansBy[c].ends, zone)));
  const minutes = Object.fromEntries(CATEGORIES.map((c) => [c, minutesOf(c)])) as Record<Category, number>;
  const meetingCounts = { dreamClient: meetings.dreamClient.size, decisionMaker: meetings.decisionMaker.size };
  const spots = blankSpots(working, busyUnion, now, settings.blankSpotMinMinutes);

  const t = settings.targets;
  const goals: Goal[] = [
    { id: "dreamClientMinutes", target: t.dreamClientMinutes, actual: minutes.dreamClient, met: minutes.dreamClient >= t.dreamClientMinutes },
    { id: "decisionMakerMeetings", target: t.decisionMakerMeetings, actual: meetingCounts.decisionMaker, met: meetingCounts.decisionMaker >= t.decisionMakerMeetings },
    { id: "prospectingMinutes", target: t.prospectingMinutes, actual: minutes.prospecting, met: minutes.prospecting >= t.prospectingMinutes },
    { id: "painMinutesMax", target: t.painMinutesMax, actual: minutes.pain, met: minutes.pain <= t.painMinutesMax },
  ];

  return {
    settings,
    zone,
    now: now.setZone(zone),
    week,
    workingTime: working,
    workingMinutes: wholeMinutes(totalMillis(working)),
    busyWorkingMinutes: wholeMinutes(totalMillis(intersect(busyUnion, working))),
    minutes,
    otherMinutes: minutesOf("other"),
    meetings: meetingCounts,
    blankSpots: spots,
    goals,
    suggestedBlock: suggestedBlock(spots, settings.prospectingBlockMinutes),
    pipeline: settings.pipeline ? { weeklyMeetings: weeklyMeetings(settings.pipeline) } : null,
    busy,
    ignored,
  };
};
