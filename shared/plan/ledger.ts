import type { DateTime } from "luxon";
import type { Settings } from "../settings/settings";
import { wholeMinutes } from "../time/intervals";
import type { AccountEntry } from "./plan";
import { belongs, type Items, itemsReaching, OccurrenceCounter, UnionSweep } from "./tally";

/** The read window split as the ledger needs it (epoch milliseconds). */
export interface LedgerWindow {
  readonly lookBackStart: number;
  readonly weekStart: number;
  readonly weekEnd: number;
}

interface Tracker {
  readonly sweep: UnionSweep;
  readonly meetings: OccurrenceCounter;
  /** Items (indices), or -1. */
  last: number;
  next: number;
  /** Distinct: an address has one domain, and an account is listed once in a domain's accounts. */
  readonly contacts: string[];
}

/**
 * The account ledger (spec §3b `accounts`): one entry per dream and A-list account, in settings
 * order, from the busy items of the read window (`window` is the items' own window: contacts
 * are the addresses of all the items).
 * @example accountLedger(items, settings with Acme (dream), isDecisionMaker, window)[0]
 *   → { name: "Acme", tier: "dream", minutes: 60, meetings: 1, lastMeeting: 12 Nov 10:00, nextMeeting: 2 Dec 14:00, contacts: ["dana@acme.com"], decisionMakers: ["dana@acme.com"], status: "booked" }
 */
export const accountLedger = (items: Items, settings: Settings, isDecisionMaker: (email: string) => boolean, window: LedgerWindow): AccountEntry[] => {
  const trackers: (Tracker | undefined)[] = settings.accounts.map((a) =>
    a.tier === "pain" ? undefined : { sweep: new UnionSweep(), meetings: new OccurrenceCounter(items.repeated), last: -1, next: -1, contacts: [] },
  );
  if (trackers.every((t) => t === undefined)) return [];
  const { lookBackStart, weekStart, weekEnd } = window;
  const { starts, ends, occ, accountFrom, accountTo, accountList } = items;
  const { first, last } = itemsReaching(items, lookBackStart, weekEnd);
  for (let i = first; i < last; i++) {
    const from = accountFrom[i]!;
    const to = accountTo[i]!;
    const start = starts[i]!;
    const end = ends[i]!;
    if (from === to || !belongs(start, end, lookBackStart, weekEnd)) continue;
    const inWeek = belongs(start, end, weekStart, weekEnd);
    const startsInLookBack = start >= lookBackStart && start < weekStart;
    for (let a = from; a < to; a++) {
      const t = trackers[accountList[a]!];
      if (!t) continue;
      if (inWeek) {
        t.sweep.add(Math.max(start, weekStart), Math.min(end, weekEnd));
        t.meetings.add(occ[i]!);
        if (t.next < 0 || start < starts[t.next]!) t.next = i;
      }
      if (startsInLookBack && (t.last < 0 || start > starts[t.last]!)) t.last = i;
    }
  }
  // Contacts: every address met in the window at a domain of the account.
  const { keys: addresses, values: domains } = items.contacts;
  for (let a = 0; a < addresses.length; a++) {
    for (const index of domains[a]!.accounts) trackers[index]?.contacts.push(addresses[a]!);
  }
  const startOf = (item: number): DateTime | null => (item >= 0 ? items.events[item]!.start : null);
  const entries: AccountEntry[] = [];
  trackers.forEach((t, index) => {
    if (!t) return;
    const account = settings.accounts[index]!;
    const contacts = t.contacts.sort();
    entries.push({
      name: account.name,
      tier: account.tier,
      minutes: wholeMinutes(t.sweep.millis()),
      meetings: t.meetings.size,
      lastMeeting: startOf(t.last),
      nextMeeting: startOf(t.next),
      contacts,
      decisionMakers: contacts.filter(isDecisionMaker),
      status: t.next >= 0 ? "booked" : t.last >= 0 ? "due" : "cold",
    });
  });
  return entries;
};
