import { Interval, type DateTime } from "luxon";
import type { CalendarEvent } from "./event";
import { clip, intersect, totalMillis, union, wholeMinutes, type Span } from "./intervals";
import { makeClassifier } from "./classify";
import { CATEGORIES, type Category, type ClassifiedEvent, type Goal, type WeekPlan } from "./plan";
import { weeklyMeetings, type Settings } from "./settings";
import { weekFor } from "./week";
import { workingTime } from "./workingTime";
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

const byStart = (a: CalendarEvent, b: CalendarEvent) => a.start.toMillis() - b.start.toMillis() || a.end.toMillis() - b.end.toMillis();

const spanOf = (e: CalendarEvent): Span => Interval.fromDateTimes(e.start, e.end) as Span;

/**
 * Every measure of spec §3 for one week.
 * @example planWeek({ events: [], settings: defaultSettings(), zone: "America/New_York", now: Mon 23 Nov 2026 }).workingMinutes → 2400
 */
export const planWeek = ({ events, settings, zone, now, week: given, me }: PlanInput): WeekPlan => {
  const week = given ?? weekFor({ now, zone, weekStartsOn: settings.weekStartsOn });
  const weekStart = week.start.toMillis();
  const weekEnd = week.end.toMillis();
  const inWeek = events.filter((e) => overlaps(e, weekStart, weekEnd)).sort(byStart);
  const classify = makeClassifier(settings, me);

  const busy: ClassifiedEvent[] = [];
  const ignored: CalendarEvent[] = [];
  const spansBy: Record<Category | "other", Span[]> = { dreamClient: [], aList: [], pain: [], decisionMaker: [], internal: [], prospecting: [], outOfOffice: [], other: [] };
  const meetingIds = { dreamClient: new Set<string>(), decisionMaker: new Set<string>() };
  const busySpans: Span[] = [];
  for (const event of inWeek) {
    if (event.ignored !== null) {
      ignored.push(event);
      continue;
    }
    const matches = classify(event);
    const categories = new Set(matches.map((m) => m.category));
    busy.push({ event, matches, categories });
    const span = spanOf(event);
    busySpans.push(span);
    for (const c of categories) spansBy[c].push(span);
    if (categories.size === 0) spansBy.other.push(span);
    const occurrence = `${event.id}\u0000${event.start.toMillis()}`;
    if (categories.has("dreamClient")) meetingIds.dreamClient.add(occurrence);
    if (categories.has("decisionMaker")) meetingIds.decisionMaker.add(occurrence);
  }

  const working = workingTime(week, settings.workingHours);
  const busyUnion = union(busySpans);
  const minutesOf = (spans: Span[]) => wholeMinutes(totalMillis(clip(spans, week)));
  const minutes = Object.fromEntries(CATEGORIES.map((c) => [c, minutesOf(spansBy[c])])) as Record<Category, number>;
  const meetings = { dreamClient: meetingIds.dreamClient.size, decisionMaker: meetingIds.decisionMaker.size };
  const spots = blankSpots(working, busyUnion, now, settings.blankSpotMinMinutes);

  const t = settings.targets;
  const goals: Goal[] = [
    { id: "dreamClientMinutes", target: t.dreamClientMinutes, actual: minutes.dreamClient, met: minutes.dreamClient >= t.dreamClientMinutes },
    { id: "decisionMakerMeetings", target: t.decisionMakerMeetings, actual: meetings.decisionMaker, met: meetings.decisionMaker >= t.decisionMakerMeetings },
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
    otherMinutes: minutesOf(spansBy.other),
    meetings,
    blankSpots: spots,
    goals,
    suggestedBlock: suggestedBlock(spots, settings.prospectingBlockMinutes),
    pipeline: settings.pipeline ? { weeklyMeetings: weeklyMeetings(settings.pipeline) } : null,
    busy,
    ignored,
  };
};
