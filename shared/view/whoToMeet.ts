import type { DateTime } from "luxon";
import type { AccountEntry, WeekPlan } from "../plan/plan";
import type { Span } from "../time/intervals";
import { bookAction } from "./bookAction";
import type { CardView, WhoRowView } from "./cardView";
import { clock, dayLabel } from "./format";
import { plural } from "./parts";
import { userZone } from "../time/cachedZone";

export const MAX_WHO_ROWS = 5;

/** Whole calendar days from `from`'s date to `to`'s date in the user's zone. */
const daysBetween = (from: DateTime, to: DateTime): number =>
  Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);

/** "last met 23 days ago", "last met yesterday", or when that meeting is still ahead of now, its day and time. */
const since = (entry: AccountEntry, plan: WeekPlan): string => {
  if (!entry.lastMeeting) return `not met in ${plural(plan.lookBack.length, "week", "weeks")}`;
  const last = entry.lastMeeting.setZone(userZone(plan.zone));
  if (last > plan.now) return `last meeting ${dayLabel(last)}, ${clock(last)}`;
  const days = daysBetween(last, plan.now);
  return days === 0 ? "last met today" : days === 1 ? "last met yesterday" : `last met ${days} days ago`;
};

const notes = (entry: AccountEntry): string[] => {
  if (entry.contacts.length === 0) return [];
  const out: string[] = [];
  if (entry.contacts.length === 1) out.push("one contact");
  if (entry.decisionMakers.length === 0) out.push("no decision-maker");
  return out;
};

/**
 * Who to meet (spec §4.3): dream accounts, then A-list, that have no meeting in the week; cold
 * before due; longest since the last meeting first (settings order among equals); at most five.
 * Each offers an outreach block in the suggested spot.
 * @example whoToMeet(plan).rows[0] → { account: "Hooli", tier: "Dream", status: "cold", since: "not met in 8 weeks", notes: [], book: { title: "Prospecting: Hooli", … } }
 */
export const whoToMeet = (plan: WeekPlan): CardView["whoToMeet"] => {
  const tierRank = (e: AccountEntry) => (e.tier === "dream" ? 0 : 1);
  const waiting = plan.accounts
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => entry.status !== "booked")
    .sort(
      (a, b) =>
        tierRank(a.entry) - tierRank(b.entry) ||
        (a.entry.status === b.entry.status ? 0 : a.entry.status === "cold" ? -1 : 1) ||
        (a.entry.lastMeeting?.toMillis() ?? 0) - (b.entry.lastMeeting?.toMillis() ?? 0) ||
        a.order - b.order,
    );
  const block: Span | null = plan.suggestedBlock;
  const rows: WhoRowView[] = waiting.slice(0, MAX_WHO_ROWS).map(({ entry }) => ({
    account: entry.name,
    tier: entry.tier === "dream" ? "Dream" : "A-list",
    status: entry.status === "cold" ? "cold" : "due",
    since: since(entry, plan),
    notes: notes(entry),
    book: block ? bookAction(block, plan.zone, entry.name) : null,
  }));
  const extra = waiting.length - rows.length;
  const emptyText =
    rows.length > 0 ? null : plan.accounts.length === 0 ? "Add your dream and A-list accounts in Settings to see whom to meet." : "Every dream and A-list account has a meeting this week.";
  return { rows, more: extra > 0 ? `and ${extra} more` : null, emptyText };
};
