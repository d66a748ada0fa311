import type { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import { intersect, totalMillis, unionOfMillis, wholeMinutes } from "../time/intervals";
import { makeClassifier } from "./classify";
import type { Goal, HistoryWeek, WeekPlan } from "./plan";
import { salesMeetingsTarget, weeklyMeetings, type Settings } from "../settings/settings";
import { weekFor, weeksBefore } from "../time/week";
import { accountLedger } from "./ledger";
import type { RegistrableDomain } from "./registrableDomain";
import { suggestedAccounts } from "./suggestions";
import { belongs, itemsReaching, tallyWeek } from "./tally";
import { windowItems } from "./windowItems";
import { workingTime } from "../time/workingTime";
import { blankSpots, suggestedBlock } from "./blankSpots";
import { userZone } from "../time/cachedZone";

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
 * Every measure of spec §3 for one week.
 * @example planWeek({ events: [], settings: defaultSettings(), zone: "America/New_York", now: Mon 23 Nov 2026 }).workingMinutes → 2400
 */
export const planWeek = ({ events, settings, zone, now, week: given, me, registrableDomain }: PlanInput): WeekPlan => {
  const week = given ?? weekFor({ now, zone, weekStartsOn: settings.weekStartsOn });
  const lookBack = weeksBefore(week, settings.lookBackWeeks);
  const weekStart = week.start.toMillis();
  const weekEnd = week.end.toMillis();
  const windowStart = lookBack.length > 0 ? lookBack[0]!.start.toMillis() : weekStart;
  const classify = makeClassifier(settings, me);
  const { items, busy, ignored } = windowItems(events, { from: windowStart, weekStart, weekEnd }, classify);
  // The week's busy time, clipped to the week, so the union is inside the week.
  const busyStarts = new Float64Array(busy.length);
  const busyEnds = new Float64Array(busy.length);
  let b = 0;
  const reaching = itemsReaching(items, weekStart, weekEnd);
  for (let i = reaching.first; i < reaching.last; i++) {
    const start = items.starts[i]!;
    const end = items.ends[i]!;
    if (!belongs(start, end, weekStart, weekEnd)) continue;
    busyStarts[b] = start > weekStart ? start : weekStart;
    busyEnds[b] = end < weekEnd ? end : weekEnd;
    b++;
  }

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
    now: now.setZone(userZone(zone)),
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
