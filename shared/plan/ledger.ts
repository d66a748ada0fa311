import type { DateTime } from "luxon";
import type { Settings } from "../settings/settings";
import { wholeMinutes } from "../time/intervals";
import type { AccountEntry } from "./plan";
import { belongs, type Item, UnionSweep } from "./tally";

/** The read window split as the ledger needs it (epoch milliseconds). */
export interface LedgerWindow {
  readonly lookBackStart: number;
  readonly weekStart: number;
  readonly weekEnd: number;
}

interface Tracker {
  readonly sweep: UnionSweep;
  readonly meetings: Set<number>;
  last: Item | null;
  next: Item | null;
  readonly contacts: Set<string>;
}

/**
 * The account ledger (spec §3b `accounts`): one entry per dream and A-list account, in settings
 * order, from the busy items of the read window sorted by start.
 * @example accountLedger(items, settings with Acme (dream), isDecisionMaker, window)[0]
 *   → { name: "Acme", tier: "dream", minutes: 60, meetings: 1, lastMeeting: 12 Nov 10:00, nextMeeting: 2 Dec 14:00, contacts: ["dana@acme.com"], decisionMakers: ["dana@acme.com"], status: "booked" }
 */
export const accountLedger = (items: readonly Item[], settings: Settings, isDecisionMaker: (email: string) => boolean, window: LedgerWindow): AccountEntry[] => {
  const trackers = new Map<number, Tracker>();
  settings.accounts.forEach((a, i) => {
    if (a.tier !== "pain") trackers.set(i, { sweep: new UnionSweep(), meetings: new Set(), last: null, next: null, contacts: new Set() });
  });
  if (trackers.size === 0) return [];
  const { lookBackStart, weekStart, weekEnd } = window;
  for (const item of items) {
    if (item.accounts.length === 0 || !belongs(item.start, item.end, lookBackStart, weekEnd)) continue;
    const inWeek = belongs(item.start, item.end, weekStart, weekEnd);
    const startsInLookBack = item.start >= lookBackStart && item.start < weekStart;
    for (const index of item.accounts) {
      const t = trackers.get(index);
      if (!t) continue;
      if (inWeek) {
        t.sweep.add(Math.max(item.start, weekStart), Math.min(item.end, weekEnd));
        t.meetings.add(item.occ);
        if (!t.next || item.start < t.next.start) t.next = item;
      }
      if (startsInLookBack && (!t.last || item.start > t.last.start)) t.last = item;
      const attendees = item.event.attendees;
      for (let i = 0; i < attendees.length; i++) if (item.domains[i]!.accounts.includes(index)) t.contacts.add(attendees[i]!);
    }
  }
  const startOf = (item: Item | null): DateTime | null => (item ? item.event.start : null);
  return [...trackers].map(([index, t]) => {
    const account = settings.accounts[index]!;
    const contacts = [...t.contacts].sort();
    return {
      name: account.name,
      tier: account.tier,
      minutes: wholeMinutes(t.sweep.millis()),
      meetings: t.meetings.size,
      lastMeeting: startOf(t.last),
      nextMeeting: startOf(t.next),
      contacts,
      decisionMakers: contacts.filter(isDecisionMaker),
      status: t.next ? "booked" : t.last ? "due" : "cold",
    };
  });
};
