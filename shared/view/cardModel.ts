import type { DateTime } from "luxon";
import type { BreakdownRowView, CardView, ExplainView, IgnoredView, NavView, SpotRowView } from "./cardView";
import type { IgnoredReason } from "../event";
import type { BlankSpot, Category, ClassifiedEvent, WeekPlan } from "../plan/plan";
import { describeMatch } from "../plan/classify";
import { blockInSpot } from "../plan/blankSpots";
import { isoIn } from "../plan/measuresJson";
import { dateRange, dayLabel, dayMonth, duration, timeRange } from "./format";
import { weekFor, weekStartOf } from "../time/week";
import { bookAction } from "./bookAction";
import { firstRun } from "./firstRun";
import { bar, isoDate, plural } from "./parts";
import { scoreRows, verdict } from "./scoreRows";
import { trend } from "./trend";
import { whoToMeet } from "./whoToMeet";
import { userZone } from "../time/cachedZone";

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

const weekTitle = (plan: WeekPlan): string => {
  const thisWeek = weekStartOf(plan.now, plan.settings.weekStartsOn);
  const weeksAway = Math.round(plan.week.start.diff(thisWeek, "days").days / 7);
  const name = weeksAway === 1 ? "Next week" : weeksAway === 0 ? "This week" : weeksAway === -1 ? "Last week" : "Week";
  return `${name} · ${dateRange(plan.week.start, plan.week.end.minus({ days: 1 }))}`;
};

/** Every blank spot with its day, the largest marked, each with the block its button books. */
const spotRows = (plan: WeekPlan): SpotRowView[] => {
  const largest = plan.blankSpots.reduce<BlankSpot | null>((best, s) => (!best || s.minutes > best.minutes ? s : best), null);
  return plan.blankSpots.map((spot) => {
    const start = spot.interval.start.setZone(userZone(plan.zone));
    const end = spot.interval.end.setZone(userZone(plan.zone));
    return {
      day: dayLabel(start),
      time: timeRange(start, end),
      duration: duration(spot.minutes),
      minutes: spot.minutes,
      start: isoIn(start, plan.zone),
      end: isoIn(end, plan.zone),
      largest: spot === largest,
      book: bookAction(blockInSpot(spot.interval, plan.settings.prospectingBlockMinutes), plan.zone, null),
    };
  });
};

const explain = (c: ClassifiedEvent, zone: string, reason: string): ExplainView => ({
  day: dayLabel(c.event.start.setZone(userZone(zone))),
  time: timeRange(c.event.start.setZone(userZone(zone)), c.event.end.setZone(userZone(zone)), c.event.allDay),
  title: c.event.title,
  matched: reason,
});

const describeMatchOf = (c: ClassifiedEvent, id: Category): string => {
  const match = c.matches.find((m) => m.category === id);
  if (!match) return "";
  return id === "internal" ? `${describeMatch(match)}: ${c.event.attendees.join(", ")}` : describeMatch(match);
};

/** A figure lists at most this many of its meetings, then says how many more it counts. */
export const MAX_EXPLAINED = 50;

const breakdown = (plan: WeekPlan): BreakdownRowView[] =>
  ROWS.map(({ id, label }) => {
    const minutes = id === "other" ? plan.otherMinutes : plan.minutes[id];
    const counted = plan.busy.filter((c) => (id === "other" ? c.categories.size === 0 : c.categories.has(id)));
    // Only the meetings shown are worded: a week of 1,500 events does not format 3,000 lines.
    const items = counted.slice(0, MAX_EXPLAINED).map((c) => explain(c, plan.zone, id === "other" ? "no account, decision-maker, colleague or prospecting match" : describeMatchOf(c, id)));
    const hidden = counted.length - items.length;
    const cap = plan.settings.targets.painMinutesMax;
    const isPain = id === "pain";
    return {
      id,
      label,
      minutes,
      value: isPain ? `${duration(minutes)} (cap ${duration(cap)})` : duration(minutes),
      // Scaled to working time, never to a target or cap: equal minutes draw equal bars.
      bar: { fraction: bar(minutes, plan.workingMinutes).fraction, over: isPain && minutes > cap },
      items,
      count: counted.length,
      more: hidden > 0 ? `and ${plural(hidden, "more meeting", "more meetings")}` : null,
    };
  });

const ignoredViews = (plan: WeekPlan): IgnoredView[] =>
  plan.ignored.map((e) => ({
    day: dayLabel(e.start.setZone(userZone(plan.zone))),
    time: timeRange(e.start.setZone(userZone(plan.zone)), e.end.setZone(userZone(plan.zone)), e.allDay),
    title: e.title,
    reason: IGNORED_TEXT[e.ignored ?? "free"],
  }));

/** The week navigation: the week before, next week (the default), the week after. */
const navigation = (plan: WeekPlan): CardView["navigation"] => {
  const nav = (label: string, start: DateTime): NavView => ({ label, weekOf: isoDate(start), description: `Show the week of ${dayMonth(start)}` });
  const home = weekFor({ now: plan.now, zone: plan.zone, weekStartsOn: plan.settings.weekStartsOn }).start;
  return {
    previous: nav("◀ Earlier", plan.week.start.minus({ days: 7 })),
    home: nav("Next week", home),
    next: nav("Later ▶", plan.week.start.plus({ days: 7 })),
    current: isoDate(plan.week.start),
  };
};


/**
 * The card of spec §4 as plain data, from a plan. Numbers come from the plan; nothing is recomputed.
 * @example cardModel(plan).title → "Next week · 30 Nov – 6 Dec"
 * @example cardModel(plan).score[0].text → "2 of 3 sales meetings — your pipeline needs 3 a week"
 */
export const cardModel = (plan: WeekPlan): CardView => {
  const rows = spotRows(plan);
  const said = verdict(plan);
  const spotsEmpty = rows.length > 0 ? null : plan.week.end <= plan.now ? "This week is over: no blank spots left." : `No blank spots of ${duration(plan.settings.blankSpotMinMinutes)} or more in your working hours.`;
  const suggested = plan.suggestedBlock ? bookAction(plan.suggestedBlock, plan.zone, null) : null;
  const weekSummary = `Working time ${duration(plan.workingMinutes)} · booked ${duration(plan.busyWorkingMinutes)} · ${plural(plan.blankSpots.length, "blank spot", "blank spots")}`;
  return {
    title: weekTitle(plan),
    timeZone: plan.zone,
    zoneLabel: `Times in ${plan.zone}`,
    verdict: said.text,
    onTrack: said.onTrack,
    score: scoreRows(plan),
    whoToMeet: whoToMeet(plan),
    spots: { primary: suggested, rows, emptyText: spotsEmpty },
    trend: trend(plan),
    breakdown: breakdown(plan),
    weekSummary,
    ignored: ignoredViews(plan),
    headings: {
      score: "Score",
      whoToMeet: "Who to meet",
      spots: "Blank spots",
      trend: `Last ${plural(plan.lookBack.length, "week", "weeks")}`,
      breakdown: "Where the week goes",
      ignored: "Counted as nothing",
    },
    firstRun: firstRun(plan),
    navigation: navigation(plan),
    labels: { settings: "Settings", weeks: "Other weeks" },
  };
};
