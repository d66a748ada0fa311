import type { WeekPlan } from "../plan/plan";
import { salesMeetingsTarget } from "../settings/settings";
import type { ScoreRowView } from "./cardView";
import { duration } from "./format";
import { bar, mark, plural } from "./parts";

/**
 * The score (spec §4.2), one compact row each: sales meetings against the pipeline target,
 * dream-client time, decision-maker meetings, prospecting time; the pain cap only when exceeded.
 * @example scoreRows(plan)[0].text → "2 of 3 sales meetings — your pipeline needs 3 a week"
 */
export const scoreRows = (plan: WeekPlan): ScoreRowView[] => {
  const t = plan.settings.targets;
  const sales = plan.meetings.sales;
  const salesTarget = salesMeetingsTarget(plan.settings);
  const dream = plan.minutes.dreamClient;
  const dm = plan.meetings.decisionMaker;
  const prospecting = plan.minutes.prospecting;
  const pain = plan.minutes.pain;
  const rows: ScoreRowView[] = [
    {
      id: "salesMeetings",
      label: "Sales meetings",
      value: `${sales} of ${salesTarget}`,
      text: `${sales} of ${plural(salesTarget, "sales meeting", "sales meetings")}${plan.pipeline ? ` — your pipeline needs ${plan.pipeline.weeklyMeetings} a week` : ""}`,
      mark: mark(sales >= salesTarget),
      bar: bar(sales, salesTarget),
    },
    {
      id: "dreamClientMinutes",
      label: "Dream-client time",
      value: `${duration(dream)} of ${duration(t.dreamClientMinutes)}`,
      text: `${duration(dream)} of ${duration(t.dreamClientMinutes)} with dream clients`,
      mark: mark(dream >= t.dreamClientMinutes),
      bar: bar(dream, t.dreamClientMinutes),
    },
    {
      id: "decisionMakerMeetings",
      label: "Decision-maker meetings",
      value: `${dm} of ${t.decisionMakerMeetings}`,
      text: `${dm} of ${plural(t.decisionMakerMeetings, "decision-maker meeting", "decision-maker meetings")}`,
      mark: mark(dm >= t.decisionMakerMeetings),
      bar: bar(dm, t.decisionMakerMeetings),
    },
    {
      id: "prospectingMinutes",
      label: "Prospecting time",
      value: `${duration(prospecting)} of ${duration(t.prospectingMinutes)}`,
      text: `${duration(prospecting)} of ${duration(t.prospectingMinutes)} prospecting`,
      mark: mark(prospecting >= t.prospectingMinutes),
      bar: bar(prospecting, t.prospectingMinutes),
    },
  ];
  if (pain > t.painMinutesMax) {
    rows.push({
      id: "painMinutesMax",
      label: "Pain accounts",
      value: `${duration(pain)} (cap ${duration(t.painMinutesMax)})`,
      text: `${duration(pain)} with pain accounts — over the ${duration(t.painMinutesMax)} cap`,
      mark: mark(false),
      bar: bar(pain, t.painMinutesMax, true),
    });
  }
  return rows;
};

/**
 * One sentence: "On track" when every goal is met, else the one or two most important gaps, in
 * this order: sales meetings, dream-client time, decision-maker meetings, prospecting, pain cap.
 * @example verdict(plan) → "Book 1 more sales meeting and 1 h 15 min more with dream clients."
 */
export const verdict = (plan: WeekPlan): { text: string; onTrack: boolean } => {
  const t = plan.settings.targets;
  const gaps: string[] = [];
  const salesShort = salesMeetingsTarget(plan.settings) - plan.meetings.sales;
  if (salesShort > 0) gaps.push(`${plural(salesShort, "more sales meeting", "more sales meetings")}`);
  const dreamShort = t.dreamClientMinutes - plan.minutes.dreamClient;
  if (dreamShort > 0) gaps.push(`${duration(dreamShort)} more with dream clients`);
  const dmShort = t.decisionMakerMeetings - plan.meetings.decisionMaker;
  if (dmShort > 0) gaps.push(`${plural(dmShort, "more decision-maker meeting", "more decision-maker meetings")}`);
  const prospectShort = t.prospectingMinutes - plan.minutes.prospecting;
  if (prospectShort > 0) gaps.push(`${duration(prospectShort)} more prospecting`);
  const painOver = plan.minutes.pain - t.painMinutesMax;
  if (gaps.length === 0 && painOver <= 0) return { text: "On track: this week holds the meetings and prospecting your pipeline needs.", onTrack: true };
  const book = gaps.slice(0, 2);
  const pain = painOver > 0 ? `pain accounts are ${duration(painOver)} over their cap` : null;
  if (book.length === 0) return { text: `Nearly there: ${pain}.`, onTrack: false };
  return { text: `Book ${book.join(" and ")}${pain && book.length < 2 ? `; ${pain}` : ""}.`, onTrack: false };
};
