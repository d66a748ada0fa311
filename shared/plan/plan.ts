import type { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import type { Settings, Tier } from "../settings/settings";

/** Categories of the breakdown; an event can be in several (a dream client's CFO). */
export type Category = "dreamClient" | "aList" | "pain" | "decisionMaker" | "internal" | "prospecting" | "outOfOffice";
export const CATEGORIES: readonly Category[] = ["dreamClient", "aList", "pain", "decisionMaker", "internal", "prospecting", "outOfOffice"];

export type GoalId = "salesMeetings" | "dreamClientMinutes" | "decisionMakerMeetings" | "prospectingMinutes" | "painMinutesMax";

export interface Goal {
  readonly id: GoalId;
  readonly target: number;
  readonly actual: number;
  readonly met: boolean;
}

/** Why an event is in a category: the attendee or account that matched (`describeMatch` words it). */
export interface Match {
  readonly category: Category;
  /** The attendee whose address matched, when one did. */
  readonly email?: string;
  /** The account that matched, with its tier label ("Acme", "dream account"). */
  readonly account?: { readonly name: string; readonly label: string };
  /** The decision-maker's name and title, when the settings give them. */
  readonly person?: string;
  /** Why, when no single attendee decides it: "only colleagues", "title says prospecting", … */
  readonly note?: string;
}

/** A busy or ignored event of the week with what it counts as. */
export interface ClassifiedEvent {
  readonly event: CalendarEvent;
  /** Why (planWeek words them when first read: the card reads those of the meetings it explains). */
  readonly matches: readonly Match[];
  readonly categories: ReadonlySet<Category>;
  /** A sales meeting (spec §3 `meetings.sales`). */
  readonly sales: boolean;
}

/** One dream or A-list account in the ledger (spec §3b `accounts`). */
export interface AccountEntry {
  readonly name: string;
  readonly tier: Tier;
  /** The week's union minutes and distinct meetings with the account. */
  readonly minutes: number;
  readonly meetings: number;
  /** Start of the latest meeting with the account that starts in the look-back. */
  readonly lastMeeting: DateTime | null;
  /** Start of the week's first meeting with the account. */
  readonly nextMeeting: DateTime | null;
  /** Distinct considered addresses at the account met in the look-back or the week, sorted. */
  readonly contacts: readonly string[];
  /** Those of `contacts` listed as decision-makers, sorted. */
  readonly decisionMakers: readonly string[];
  readonly status: "booked" | "due" | "cold";
}

/** One look-back week of the trend (spec §3b `history`), by §3's rules on that week. */
export interface HistoryWeek {
  readonly start: DateTime;
  readonly dreamClientMinutes: number;
  readonly decisionMakerMeetings: number;
  readonly salesMeetings: number;
  readonly prospectingMinutes: number;
}

/** A company met in the look-back or the week that no account names yet (spec §3b `suggestedAccounts`). */
export interface SuggestedAccount {
  /** Registrable domain: "acme.co.uk" for eu.acme.co.uk. */
  readonly domain: string;
  readonly minutes: number;
  readonly meetings: number;
  /** How many distinct addresses at it. */
  readonly contacts: number;
}

export interface BlankSpot {
  readonly interval: Interval<true>;
  /** Rounded elapsed minutes. */
  readonly minutes: number;
}

/** Everything the core computes for one week (spec §2–§3). Hosts render it through `cardModel`. */
export interface WeekPlan {
  readonly settings: Settings;
  readonly zone: string;
  readonly now: DateTime;
  readonly week: Interval<true>;
  /** The working time of the week: disjoint, sorted intervals. */
  readonly workingTime: readonly Interval<true>[];
  readonly workingMinutes: number;
  readonly busyWorkingMinutes: number;
  readonly minutes: Readonly<Record<Category, number>>;
  /** Busy minutes of the week in no category (the breakdown's "other"). */
  readonly otherMinutes: number;
  readonly meetings: { readonly dreamClient: number; readonly decisionMaker: number; readonly sales: number };
  readonly blankSpots: readonly BlankSpot[];
  readonly goals: readonly Goal[];
  readonly suggestedBlock: Interval<true> | null;
  readonly pipeline: { readonly weeklyMeetings: number } | null;
  /** Busy events overlapping the week, in time order, with their categories. */
  readonly busy: readonly ClassifiedEvent[];
  /** Events overlapping the week that count as nothing, with the reason, in time order. */
  readonly ignored: readonly CalendarEvent[];
  /** The look-back weeks before the analysed week, oldest first (spec §3b). */
  readonly lookBack: readonly Interval<true>[];
  /** The dream and A-list accounts, in settings order. */
  readonly accounts: readonly AccountEntry[];
  /** One entry per look-back week, oldest first. */
  readonly history: readonly HistoryWeek[];
  /** At most 10, most minutes first. */
  readonly suggestedAccounts: readonly SuggestedAccount[];
}
