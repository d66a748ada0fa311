import type { WeekPlan } from "../plan/plan";
import { salesMeetingsTarget } from "../settings/settings";
import type { CardView } from "./cardView";
import { dayMonth, duration } from "./format";
import { bar, plural } from "./parts";
import { userZone } from "../time/cachedZone";

/**
 * The trend (spec §4.5): each look-back week's sales meetings and dream-client time, as bars
 * against the larger of the target and the best week (so the target is the same point on every
 * row), and the average.
 * @example trend(plan).rows[0] → { week: "5 Oct", salesMeetings: 2, salesBar: { fraction: 0.67, over: false }, salesMet: false, dreamClient: "1 h 30 min", … }
 */
export const trend = (plan: WeekPlan): CardView["trend"] => {
  const salesTarget = salesMeetingsTarget(plan.settings);
  const dreamTarget = plan.settings.targets.dreamClientMinutes;
  const legend = `Targets: ${plural(salesTarget, "sales meeting", "sales meetings")} and ${duration(dreamTarget)} with dream clients a week`;
  if (plan.history.length === 0) return { rows: [], legend, average: null, emptyText: "No weeks to look back on: set the look-back in Settings." };
  const salesScale = Math.max(salesTarget, ...plan.history.map((h) => h.salesMeetings));
  const dreamScale = Math.max(dreamTarget, ...plan.history.map((h) => h.dreamClientMinutes));
  const rows = plan.history.map((h) => {
    const start = h.start.setZone(userZone(plan.zone));
    return {
      week: dayMonth(start),
      salesMeetings: h.salesMeetings,
      salesBar: bar(h.salesMeetings, salesScale),
      salesMet: h.salesMeetings >= salesTarget,
      dreamClientMinutes: h.dreamClientMinutes,
      dreamClient: duration(h.dreamClientMinutes),
      dreamBar: bar(h.dreamClientMinutes, dreamScale),
      dreamMet: h.dreamClientMinutes >= dreamTarget,
    };
  });
  const n = plan.history.length;
  const sales = plan.history.reduce((s, h) => s + h.salesMeetings, 0) / n;
  const dream = plan.history.reduce((s, h) => s + h.dreamClientMinutes, 0) / n;
  const salesText = Number.isInteger(sales) ? String(sales) : sales.toFixed(1);
  return { rows, legend, average: `On average ${salesText} sales ${sales === 1 ? "meeting" : "meetings"} and ${duration(dream)} with dream clients a week`, emptyText: null };
};
