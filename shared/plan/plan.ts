import type { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import type { Settings } from "../settings/settings";

/** Categories of the breakdown; an event can be in several (a dream client's CFO). */
export type Category = "dreamClient" | "aList" | "pain" | "decisionMaker" | "internal" | "prospecting" | "outOfOffice";
export const CATEGORIES: readonly Category[] = ["dreamClient", "aList", "pain", "decisionMaker", "internal", "prospecting", "outOfOffice"];

export type GoalId = "dreamClientMinutes" | "decisionMakerMeetings" | "prospectingMinutes" | "painMinutesMax";

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
  readonly matches: readonly Match[];
  readonly categories: ReadonlySet<Category>;
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
  readonly meetings: { readonly dreamClient: number; readonly decisionMaker: number };
  readonly blankSpots: readonly BlankSpot[];
  readonly goals: readonly Goal[];
  readonly suggestedBlock: Interval<true> | null;
  readonly pipeline: { readonly weeklyMeetings: number } | null;
  /** Busy events overlapping the week, in time order, with their categories. */
  readonly busy: readonly ClassifiedEvent[];
  /** Events overlapping the week that count as nothing, with the reason, in time order. */
  readonly ignored: readonly CalendarEvent[];
}
