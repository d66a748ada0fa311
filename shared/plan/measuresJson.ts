import type { DateTime, Interval } from "luxon";
import type { Tier } from "../settings/settings";
import type { GoalId, WeekPlan } from "./plan";
import { userZone } from "../time/cachedZone";

/** The JSON of `next-week analyze --json` (spec §5). */
export interface MeasuresJson {
  week: { start: string; end: string; timeZone: string };
  workingMinutes: number;
  busyWorkingMinutes: number;
  minutes: { dreamClient: number; aList: number; pain: number; decisionMaker: number; internal: number; prospecting: number; outOfOffice: number };
  meetings: { dreamClient: number; decisionMaker: number; sales: number };
  blankSpots: { start: string; end: string; minutes: number }[];
  goals: { id: GoalId; target: number; actual: number; met: boolean }[];
  suggestedBlock: { start: string; end: string } | null;
  pipeline?: { weeklyMeetings: number };
  accounts: {
    name: string;
    tier: Tier;
    minutes: number;
    meetings: number;
    lastMeeting: string | null;
    nextMeeting: string | null;
    contacts: string[];
    decisionMakers: string[];
    status: "booked" | "due" | "cold";
  }[];
  history: { start: string; dreamClientMinutes: number; decisionMakerMeetings: number; salesMeetings: number; prospectingMinutes: number }[];
  suggestedAccounts: { domain: string; minutes: number; meetings: number; contacts: number }[];
}

/** ISO 8601 with the offset of the user's zone, without milliseconds when they are zero: "2026-11-30T00:00:00-05:00" */
export const isoIn = (at: DateTime, zone: string): string => at.setZone(userZone(zone)).toISO({ suppressMilliseconds: true }) ?? "";

const span = (i: Interval<true>, zone: string) => ({ start: isoIn(i.start, zone), end: isoIn(i.end, zone) });

/**
 * The spec's measures JSON for a plan.
 * @example measuresJson(planWeek(empty week, defaults, New York)) → { week: { start: "2026-11-30T00:00:00-05:00", … }, workingMinutes: 2400, busyWorkingMinutes: 0, … }
 */
export const measuresJson = (plan: WeekPlan): MeasuresJson => {
  const z = plan.zone;
  const m = plan.minutes;
  return {
    week: { ...span(plan.week, z), timeZone: z },
    workingMinutes: plan.workingMinutes,
    busyWorkingMinutes: plan.busyWorkingMinutes,
    minutes: { dreamClient: m.dreamClient, aList: m.aList, pain: m.pain, decisionMaker: m.decisionMaker, internal: m.internal, prospecting: m.prospecting, outOfOffice: m.outOfOffice },
    meetings: { ...plan.meetings },
    blankSpots: plan.blankSpots.map((s) => ({ ...span(s.interval, z), minutes: s.minutes })),
    goals: plan.goals.map((g) => ({ ...g })),
    suggestedBlock: plan.suggestedBlock ? span(plan.suggestedBlock, z) : null,
    ...(plan.pipeline ? { pipeline: { ...plan.pipeline } } : {}),
    accounts: plan.accounts.map((a) => ({
      name: a.name,
      tier: a.tier,
      minutes: a.minutes,
      meetings: a.meetings,
      lastMeeting: a.lastMeeting ? isoIn(a.lastMeeting, z) : null,
      nextMeeting: a.nextMeeting ? isoIn(a.nextMeeting, z) : null,
      contacts: [...a.contacts],
      decisionMakers: [...a.decisionMakers],
      status: a.status,
    })),
    history: plan.history.map((h) => ({ ...h, start: isoIn(h.start, z) })),
    suggestedAccounts: plan.suggestedAccounts.map((s) => ({ ...s })),
  };
};
