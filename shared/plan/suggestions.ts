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
  readonly contacts: Set<string>;
}

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
  const groups = new Map<string, Group>();
  const { starts, ends, occ, attendeeFrom, attendeeTo, attendeeEmails, attendeeDomains } = items;
  const { first, last } = itemsReaching(items, window.from, window.to);
  for (let i = first; i < last; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    if (!belongs(start, end, window.from, window.to)) continue;
    for (let a = attendeeFrom[i]!; a < attendeeTo[i]!; a++) {
      const at = attendeeDomains[a]!;
      if (at.own || at.accounts.length > 0) continue;
      const key = suggestable(at.domain);
      if (key === null) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { domain: key, sweep: new UnionSweep(), meetings: new Set(), lastOcc: -1, contacts: new Set() }));
      group.contacts.add(attendeeEmails[a]!);
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
  return [...groups.values()]
    .map((g) => ({ domain: g.domain, minutes: wholeMinutes(g.sweep.millis()), meetings: g.meetings.size, contacts: g.contacts.size }))
    .sort((a, b) => b.minutes - a.minutes || b.meetings - a.meetings || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS);
};
