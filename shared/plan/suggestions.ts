import type { Settings } from "../settings/settings";
import { wholeMinutes } from "../time/intervals";
import { domainSuffixes, type DomainInfo } from "./classify";
import { FREE_MAIL } from "./freeMail";
import type { SuggestedAccount } from "./plan";
import { compactRegistrableDomain, type RegistrableDomain } from "./registrableDomain";
import { belongs, type Items, itemsReaching, OccurrenceCounter, UnionSweep } from "./tally";

export const MAX_SUGGESTIONS = 10;

interface Group {
  readonly domain: string;
  readonly sweep: UnionSweep;
  readonly meetings: OccurrenceCounter;
  /** The last occurrence counted, so an event's second attendee at the company costs nothing. */
  lastOcc: number;
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
  /** The group of each attendee's domain by the domain's number (null: never suggested); worked out once per domain (`groupFor`). */
  const groupOf = new Array<Group | null | undefined>(items.domains.length);
  const groupFor = (at: DomainInfo): Group | null => {
    const key = at.own || at.accounts.length > 0 ? null : suggestable(at.domain);
    let group: Group | null = null;
    if (key !== null) {
      group = groups.get(key) ?? { domain: key, sweep: new UnionSweep(), meetings: new OccurrenceCounter(items.repeated), lastOcc: -1 };
      groups.set(key, group);
    }
    groupOf[at.index] = group;
    return group;
  };
  const { starts, ends, occ, attendeeFrom, attendeeTo, attendeeDomains, domains } = items;
  const { first, last } = itemsReaching(items, window.from, window.to);
  for (let i = first; i < last; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    if (!belongs(start, end, window.from, window.to)) continue;
    for (let a = attendeeFrom[i]!; a < attendeeTo[i]!; a++) {
      const d = attendeeDomains[a]!;
      const known = groupOf[d];
      const group = known !== undefined ? known : groupFor(domains[d]!);
      if (group === null) continue;
      const o = occ[i]!;
      // An item's attendees at one company follow one another: the item is met once.
      if (group.lastOcc !== o) {
        group.lastOcc = o;
        if (group.meetings.add(o)) group.sweep.add(Math.max(start, window.from), Math.min(end, window.to));
      }
    }
  }
  // The ranking does not depend on contacts: they are counted for the chosen companies only.
  const chosen = [...groups.values()]
    .map((g) => ({ group: g, minutes: wholeMinutes(g.sweep.millis()), meetings: g.meetings.size }))
    .sort((a, b) => b.minutes - a.minutes || b.meetings - a.meetings || (a.group.domain < b.group.domain ? -1 : a.group.domain > b.group.domain ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS);
  const contacts = new Map<Group, Set<string>>(chosen.map((c) => [c.group, new Set<string>()]));
  /** The contacts of a chosen company by the index of an attendee's domain. */
  const chosenContacts: (Set<string> | undefined)[] = [];
  groupOf.forEach((group, index) => {
    if (group) chosenContacts[index] = contacts.get(group);
  });
  for (let i = first; i < last; i++) {
    if (!belongs(starts[i]!, ends[i]!, window.from, window.to)) continue;
    const from = attendeeFrom[i]!;
    for (let a = from; a < attendeeTo[i]!; a++) {
      const set = chosenContacts[attendeeDomains[a]!];
      if (set) set.add(items.events[i]!.attendees[a - from]!);
    }
  }
  return chosen.map((c) => ({ domain: c.group.domain, minutes: c.minutes, meetings: c.meetings, contacts: contacts.get(c.group)!.size }));
};
