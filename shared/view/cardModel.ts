import { Interval, type DateTime } from "luxon";
import type { BarView, BookActionView, BreakdownRowView, CardView, ExplainView, IgnoredView, ScoreView, SpotDayView } from "./cardView";
import type { IgnoredReason } from "../event";
import type { BlankSpot, Category, ClassifiedEvent, WeekPlan } from "../plan/plan";
import { blockKey } from "../booking/booking";
import { describeMatch } from "../plan/classify";
import { nextQuarterHour } from "../plan/blankSpots";
import { isoIn } from "../plan/measuresJson";
import { dateRange, dayLabel, duration, timeRange } from "./format";
import { weekStartOf } from "../time/week";
import type { Span } from "../time/intervals";

const IGNORED_TEXT: Record<IgnoredReason, string> = {
  declined: "declined by you",
  cancelled: "cancelled",
  free: "marked free",
  workingLocation: "working location",
  birthday: "birthday",
};

const ROWS: readonly { id: Category | "other"; label: string }[] = [
  { id: "dreamClient", label: "Dream clients" },
  { id: "decisionMaker", label: "Decision-makers" },
  { id: "aList", label: "A-list accounts" },
  { id: "pain", label: "Pain accounts" },
  { id: "internal", label: "Internal" },
  { id: "prospecting", label: "Prospecting" },
  { id: "outOfOffice", label: "Out of office" },
  { id: "other", label: "Other" },
];

const bar = (value: number, of: number, cap = false): BarView => ({
  fraction: of > 0 ? Math.min(1, Math.max(0, value / of)) : value > 0 ? 1 : 0,
  over: cap && value > of,
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const weekTitle = (plan: WeekPlan): string => {
  const thisWeek = weekStartOf(plan.now, plan.settings.weekStartsOn);
  const weeksAway = Math.round(plan.week.start.diff(thisWeek, "days").days / 7);
  const name = weeksAway === 1 ? "Next week" : weeksAway === 0 ? "This week" : weeksAway === -1 ? "Last week" : "Week";
  return `${name} · ${dateRange(plan.week.start, plan.week.end.minus({ days: 1 }))}`;
};

/** The block offered for a spot: from the quarter hour at or after its start, at most the block length, inside the spot. */
const blockForSpot = (spot: Span, blockMinutes: number): Span => {
  const rounded = nextQuarterHour(spot.start);
  const start = rounded.plus({ minutes: 15 }) <= spot.end ? rounded : spot.start;
  const wanted = start.plus({ minutes: blockMinutes });
  return Interval.fromDateTimes(start, wanted < spot.end ? wanted : spot.end) as Span;
};

const bookAction = (block: Span, zone: string): BookActionView => {
  const minutes = Math.round(block.length("minutes"));
  return {
    key: blockKey(block),
    start: isoIn(block.start, zone),
    end: isoIn(block.end, zone),
    label: "Book prospecting block",
    description: `Book a ${duration(minutes)} prospecting block on ${dayLabel(block.start)} at ${block.start.toFormat("HH:mm")}`,
  };
};

const spotDays = (plan: WeekPlan): SpotDayView[] => {
  const largest = plan.blankSpots.reduce<BlankSpot | null>((best, s) => (!best || s.minutes > best.minutes ? s : best), null);
  const days: SpotDayView[] = [];
  for (const spot of plan.blankSpots) {
    const start = spot.interval.start.setZone(plan.zone);
    const end = spot.interval.end.setZone(plan.zone);
    const day = dayLabel(start);
    const view = {
      time: timeRange(start, end),
      duration: duration(spot.minutes),
      minutes: spot.minutes,
      start: isoIn(start, plan.zone),
      end: isoIn(end, plan.zone),
      largest: spot === largest,
      book: bookAction(blockForSpot(spot.interval, plan.settings.prospectingBlockMinutes), plan.zone),
    };
    const last = days[days.length - 1];
    if (last && last.day === day) days[days.length - 1] = { day, spots: [...last.spots, view] };
    else days.push({ day, spots: [view] });
  }
  return days;
};

const explain = (c: ClassifiedEvent, zone: string, reason: string): ExplainView => ({
  day: dayLabel(c.event.start.setZone(zone)),
  time: timeRange(c.event.start.setZone(zone), c.event.end.setZone(zone), c.event.allDay),
  title: c.event.title,
  matched: reason,
});

const describeMatchOf = (c: ClassifiedEvent, id: Category): string => {
  const match = c.matches.find((m) => m.category === id);
  if (!match) return "";
  return id === "internal" ? `${describeMatch(match)}: ${c.event.attendees.join(", ")}` : describeMatch(match);
};

const breakdown = (plan: WeekPlan): BreakdownRowView[] =>
  ROWS.map(({ id, label }) => {
    const minutes = id === "other" ? plan.otherMinutes : plan.minutes[id];
    const items = plan.busy
      .filter((c) => (id === "other" ? c.categories.size === 0 : c.categories.has(id)))
      .map((c) => explain(c, plan.zone, id === "other" ? "no account, decision-maker, colleague or prospecting match" : describeMatchOf(c, id)));
    const cap = plan.settings.targets.painMinutesMax;
    const isPain = id === "pain";
    return {
      id,
      label,
      minutes,
      value: isPain ? `${duration(minutes)} (cap ${duration(cap)})` : duration(minutes),
      bar: isPain ? bar(minutes, cap, true) : bar(minutes, plan.workingMinutes),
      items,
    };
  });

const scores = (plan: WeekPlan): ScoreView[] => {
  const t = plan.settings.targets;
  const dream = plan.minutes.dreamClient;
  const dm = plan.meetings.decisionMaker;
  return [
    {
      id: "dreamClientMinutes",
      label: "Dream-client time",
      value: `${duration(dream)} of ${duration(t.dreamClientMinutes)}`,
      verdict: dream >= t.dreamClientMinutes ? `${duration(dream)} with dream clients: target met` : `${duration(dream)} of ${duration(t.dreamClientMinutes)} with dream clients booked`,
      met: dream >= t.dreamClientMinutes,
      bar: bar(dream, t.dreamClientMinutes),
      note: null,
    },
    {
      id: "decisionMakerMeetings",
      label: "Decision-maker meetings",
      value: `${dm} of ${t.decisionMakerMeetings}`,
      verdict: `${dm} of ${plural(t.decisionMakerMeetings, "decision-maker meeting", "decision-maker meetings")} booked`,
      met: dm >= t.decisionMakerMeetings,
      bar: bar(dm, t.decisionMakerMeetings),
      note: plan.pipeline ? `Your pipeline math needs ${plural(plan.pipeline.weeklyMeetings, "meeting", "meetings")} a week` : null,
    },
  ];
};

const verdict = (plan: WeekPlan): string => {
  const t = plan.settings.targets;
  const missing: string[] = [];
  const dmShort = t.decisionMakerMeetings - plan.meetings.decisionMaker;
  if (dmShort > 0) missing.push(`${plural(Math.ceil(dmShort), "more decision-maker meeting", "more decision-maker meetings")}`);
  const dreamShort = t.dreamClientMinutes - plan.minutes.dreamClient;
  if (dreamShort > 0) missing.push(`${duration(dreamShort)} more with dream clients`);
  const prospectShort = t.prospectingMinutes - plan.minutes.prospecting;
  if (prospectShort > 0) missing.push(`${duration(prospectShort)} more prospecting`);
  const painOver = plan.minutes.pain - t.painMinutesMax;
  const pain = painOver > 0 ? ` Pain accounts are ${duration(painOver)} over their cap.` : "";
  if (missing.length === 0) return `On track: this week holds the meetings and prospecting your pipeline needs.${pain}`;
  return `Not there yet: book ${missing.join(", ")}.${pain}`;
};

const ignoredViews = (plan: WeekPlan): IgnoredView[] =>
  plan.ignored.map((e) => ({
    day: dayLabel(e.start.setZone(plan.zone)),
    time: timeRange(e.start.setZone(plan.zone), e.end.setZone(plan.zone), e.allDay),
    title: e.title,
    reason: IGNORED_TEXT[e.ignored ?? "free"],
  }));

const isoDate = (at: DateTime) => at.toISODate() ?? "";

/**
 * The card of spec §4 as plain data, from a plan. Numbers come from the plan; nothing is recomputed.
 * @example cardModel(plan).title → "Next week · 30 Nov – 6 Dec"
 * @example cardModel(plan).scores[1].verdict → "2 of 3 decision-maker meetings booked"
 */
export const cardModel = (plan: WeekPlan): CardView => {
  const t = plan.settings.targets;
  const days = spotDays(plan);
  return {
    title: weekTitle(plan),
    timeZone: plan.zone,
    nav: {
      thisWeek: isoDate(plan.now),
      previous: isoDate(plan.week.start.minus({ days: 7 })),
      next: isoDate(plan.week.start.plus({ days: 7 })),
      current: isoDate(plan.week.start),
    },
    scores: scores(plan),
    verdict: verdict(plan),
    blankSpots: {
      days,
      emptyText: days.length > 0 ? null : plan.week.end <= plan.now ? "This week is over: no blank spots left." : `No blank spots of ${duration(plan.settings.blankSpotMinMinutes)} or more in your working hours.`,
    },
    suggested: plan.suggestedBlock ? bookAction(plan.suggestedBlock, plan.zone) : null,
    breakdown: breakdown(plan),
    ignored: ignoredViews(plan),
    summary: `Working time ${duration(plan.workingMinutes)} · booked ${duration(plan.busyWorkingMinutes)} · ${plural(plan.blankSpots.length, "blank spot", "blank spots")}`,
    goals: [
      {
        id: "prospectingMinutes",
        text: `${duration(plan.minutes.prospecting)} of ${duration(t.prospectingMinutes)} prospecting booked`,
        met: plan.minutes.prospecting >= t.prospectingMinutes,
      },
      {
        id: "painMinutesMax",
        text: plan.minutes.pain <= t.painMinutesMax ? `${duration(plan.minutes.pain)} with pain accounts, within the ${duration(t.painMinutesMax)} cap` : `${duration(plan.minutes.pain)} with pain accounts, over the ${duration(t.painMinutesMax)} cap`,
        met: plan.minutes.pain <= t.painMinutesMax,
      },
    ],
  };
};
