import type { Settings } from "../settings/settings";
import { wholeMinutes } from "../time/intervals";
import { domainSuffixes } from "./classify";
import { FREE_MAIL } from "./freeMail";
import type { SuggestedAccount } from "./plan";
import { compactRegistrableDomain, type RegistrableDomain } from "./registrableDomain";
import { belongs, type Items, itemsReaching, UnionSweep } from "./tally";

export const MAX_SUGGESTIONS = 10;

interface Group {
  readonly domain: string;
  readonly sweep: UnionSweep;
  readonly meetings: Set<number>;
  /** The last occurrence counted, so an event's second attendee at the company costs nothing. */
  lastOcc: number;
  contacts: number;
}

/** The group of an address not yet worked out, and of one never suggested. */
const UNKNOWN = -2;
const NONE = -1;

/**
 * Companies to offer a new user (spec §3b `suggestedAccounts`): the registrable domains of
 * considered attendees of busy events in the window `[from, to)` that are not the seller's own,
 * not free mail, not already an account (nor one the user said is not an account), ranked by the
 * union minutes of their events, then their number, then the domain; at most 10.
 * @example suggestedAccounts(items of meetings with dana@eu.globex.co.uk, …) → [{ domain: "globex.co.uk", minutes: 90, meetings: 2, contacts: 1 }]
 */
export const suggestedAccounts = (
  items: Items,
  settings: Settings,
  window: { readonly from: number; readonly to: number },
  registrable: RegistrableDomain = compactRegistrableDomain,
): SuggestedAccount[] => {
  const notAccounts = new Set((settings.notAccounts ?? []).map((d) => d.toLowerCase()));
  /** The group key of a domain, or null when it is never suggested; once per domain. */
  const keyOf = new Map<string, string | null>();
  const suggestable = (domain: string): string | null => {
    let key = keyOf.get(domain);
    if (key === undefined) {
      // A two-label name is its own registrable domain (or itself a public suffix, which falls back to
      // the name too): the public suffix list is asked only about longer names, and loaded only then.
      const base = domain.indexOf(".") === domain.lastIndexOf(".") ? domain : (registrable(domain) ?? domain);
      const refused = FREE_MAIL.has(domain) || FREE_MAIL.has(base) || (notAccounts.size > 0 && domainSuffixes(domain).some((d) => notAccounts.has(d)));
      key = refused ? null : base;
      keyOf.set(domain, key);
    }
    return key;
  };
  const groups: Group[] = [];
  const groupByKey = new Map<string, number>();
  const { emails, domains } = items.addresses;
  // By address number: its group (worked out once an address), and whether it was counted as a contact.
  const groupOf = new Int32Array(emails.length).fill(UNKNOWN);
  const counted = new Uint8Array(emails.length);
  const groupFor = (id: number): number => {
    const at = domains[id]!;
    if (at.own || at.accounts.length > 0) return NONE;
    const key = suggestable(at.domain);
    if (key === null) return NONE;
    let g = groupByKey.get(key);
    if (g === undefined) {
      g = groups.length;
      groupByKey.set(key, g);
      groups.push({ domain: key, sweep: new UnionSweep(), meetings: new Set(), lastOcc: -1, contacts: 0 });
    }
    return g;
  };
  const { starts, ends, occ, attendeeFrom, attendeeIds } = items;
  const { first, last } = itemsReaching(items, window.from, window.to);
  for (let i = first; i < last; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    if (!belongs(start, end, window.from, window.to)) continue;
    for (let a = attendeeFrom[i]!; a < attendeeFrom[i + 1]!; a++) {
      const id = attendeeIds[a]!;
      let g = groupOf[id]!;
      if (g === UNKNOWN) groupOf[id] = g = groupFor(id);
      if (g === NONE) continue;
      const group = groups[g]!;
      if (counted[id] === 0) {
        counted[id] = 1;
        group.contacts++;
      }
      const o = occ[i]!;
      if (group.lastOcc !== o) {
        group.lastOcc = o;
        if (!group.meetings.has(o)) {
          group.meetings.add(o);
          group.sweep.add(Math.max(start, window.from), Math.min(end, window.to));
        }
      }
    }
  }
  return groups
    .map((g) => ({ domain: g.domain, minutes: wholeMinutes(g.sweep.millis()), meetings: g.meetings.size, contacts: g.contacts }))
    .sort((a, b) => b.minutes - a.minutes || b.meetings - a.meetings || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS);
};
