import type { CalendarEvent } from "../event";
import type { Category, Match } from "./plan";
import { CATEGORY_BIT } from "./categoryBits";
import { addressHashes, DomainTable, hashAddress } from "./domainTable";
import type { IntList } from "./intList";
import type { Settings, Tier } from "../settings/settings";

const TIER_CATEGORY: Record<Tier, Category> = { dream: "dreamClient", "a-list": "aList", pain: "pain" };
const TIER_LABEL: Record<Tier, string> = { dream: "dream account", "a-list": "A-list account", pain: "pain account" };

/** The domain of an address, lower-cased: "Dana@EU.Acme.com" → "eu.acme.com" */
export const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/**
 * The domain and every parent domain, so `eu.acme.com` finds an account at `acme.com` while
 * `notacme.com` does not.
 * @example domainSuffixes("eu.acme.com") → ["eu.acme.com", "acme.com", "com"]
 */
export const domainSuffixes = (domain: string): string[] => {
  const out = [domain];
  for (let i = domain.indexOf("."); i >= 0; i = domain.indexOf(".", i + 1)) out.push(domain.slice(i + 1));
  return out;
};

/** The domains that count as the seller's own: the settings', else the user's own domain. */
export const ownDomainsOf = (settings: Settings, me?: string): string[] =>
  settings.ownDomains ?? (me && me.includes("@") ? [domainOf(me.trim())] : []);

/** What the core knows about an address's domain, worked out once per domain. */
export interface DomainInfo {
  /** The domain, lower-case. */
  readonly domain: string;
  /** At one of the seller's own domains. */
  readonly own: boolean;
  /** Indices into `settings.accounts` of the accounts the address is at, in settings order. */
  readonly accounts: readonly number[];
  /** At a pain account (and so not a sales contact). */
  readonly atPain: boolean;
  /** Its number among the domains the classifier has met, from 0 (so callers can keep an array by domain). */
  readonly index: number;
  /** Some listed decision-maker's address is at this domain (exactly: not a parent domain). */
  readonly decisionMakers: boolean;
  /** At a dream or A-list account (one the ledger lists). */
  readonly inLedger: boolean;
}

/** What one event counts as. */
export interface Classification {
  /** Why, for the card; empty (shared, never written) when the caller did not ask for them. */
  readonly matches: readonly Match[];
  /** A sales meeting (spec §3 `meetings.sales`): an outside attendee not at a pain account. */
  readonly sales: boolean;
  /** The categories as bits (`CATEGORY_BIT`); 0 is "other". */
  readonly mask: number;
}

export interface Classifier {
  /**
   * Classifies an event without wording its matches, and appends the number
   * (`DomainInfo.index`) of the domain of each of its considered attendees, in the event's order,
   * to `domains`, the indices of the accounts any of them is at, ascending, each once, to
   * `accounts`, and each attendee at a dream or A-list account to `contacts` (with its domain).
   * The answer is one object, overwritten by the next call: read it before classifying again.
   */
  (event: CalendarEvent, domains: IntList, accounts: IntList, contacts: DomainTable<DomainInfo>): Classification;
  /** An event's matches, worded, in a list of their own: why the classifier counts it as it does. */
  matchesOf(event: CalendarEvent): readonly Match[];
  /** The domains met so far, by number (`DomainInfo.index`). */
  readonly domains: readonly DomainInfo[];
  /** Listed in `decisionMakers` (case-insensitive). */
  isDecisionMaker(email: string): boolean;
}

/**
 * "prospecting" in a title, as `title.toLowerCase().includes("prospecting")` finds it, without a
 * lower-cased copy: without the u flag, the i flag folds only A–Z onto the word's letters (no
 * other character lower-cases to one of them, and İ lower-cases to an i followed by a dot).
 */
export const PROSPECTING = /prospecting/i;

const NO_ACCOUNTS: readonly number[] = [];
/** Shared, never written. */
const NO_MATCHES: readonly Match[] = [];
const INTERNAL: Match = { category: "internal", note: "only colleagues" };
const BOOKED: Match = { category: "prospecting", note: "booked by Next Week" };
const TITLED: Match = { category: "prospecting", note: "title says prospecting" };
const OUT_OF_OFFICE: Match = { category: "outOfOffice", note: "out of office" };

/**
 * Builds the classifier for a settings value: lookups are hashed once, so classifying an event
 * costs its attendees times their domain depth, and each domain is worked out once.
 * @example makeClassifier({ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }], … }).matchesOf(meetingWith("cfo@eu.acme.com"))
 *   → [{ category: "dreamClient", email: "cfo@eu.acme.com", account: { name: "Acme", label: "dream account" } }]
 */
export const makeClassifier = (settings: Settings, me?: string): Classifier => {
  const accountsByDomain = new Map<string, number[]>();
  settings.accounts.forEach((account, index) => {
    for (const d of account.domains) {
      const key = d.toLowerCase();
      const list = accountsByDomain.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      accountsByDomain.set(key, list);
    }
  });
  const refs = settings.accounts.map((a) => ({ name: a.name, label: TIER_LABEL[a.tier] }));
  const decisionMakerByEmail = new Map<string, { readonly name?: string | undefined; readonly title?: string | undefined }>();
  for (const dm of settings.decisionMakers) decisionMakerByEmail.set(dm.email.toLowerCase(), dm);
  const own = new Set(ownDomainsOf(settings, me).map((d) => d.toLowerCase()));
  /** The domains of the decision-makers' addresses: an attendee at any other is none of them. */
  const decisionMakerDomains = new Set([...decisionMakerByEmail.keys()].map(domainOf));

  /** The accounts a domain (or a parent domain) belongs to, and whether it is an own domain; worked out once per domain. */
  const domainCache = new Map<string, DomainInfo>();
  const domainInfo = (domain: string): DomainInfo => {
    let info = domainCache.get(domain);
    if (!info) {
      let found: number[] | null = null;
      let isOwn = false;
      for (const d of domainSuffixes(domain)) {
        const list = accountsByDomain.get(d);
        if (list) found = found ? [...new Set([...found, ...list])] : [...list];
        if (own.has(d)) isOwn = true;
      }
      found?.sort((a, b) => a - b);
      info = { domain, accounts: found ?? NO_ACCOUNTS, own: isOwn, atPain: found !== null && found.some((i) => settings.accounts[i]!.tier === "pain"), index: domainCache.size, decisionMakers: decisionMakerDomains.has(domain), inLedger: found !== null && found.some((i) => settings.accounts[i]!.tier !== "pain") };
      domainCache.set(domain, info);
    }
    return info;
  };

  /** "Name, Title" of each listed decision-maker (possibly ""), by address. */
  const decisionMakerWords = new Map<string, string>();
  for (const [email, dm] of decisionMakerByEmail) decisionMakerWords.set(email, [dm.name, dm.title].filter(Boolean).join(", "));
  /** The domain of each address's domain part as written, so an attendee costs one lookup and no new string. */
  const byDomainPart = new DomainTable<DomainInfo>();
  /** The domains met, by number. */
  const domains: DomainInfo[] = [];

  const accountBits = settings.accounts.map((a) => CATEGORY_BIT[TIER_CATEGORY[a.tier]]);
  const DM = CATEGORY_BIT.decisionMaker;
  /** The matches of the event being worded (its first `matched`; no length is set, which costs a call into the runtime); copied to a list of their own when there are any. */
  const found: Match[] = [];
  const answer: { -readonly [K in keyof Classification]: Classification[K] } = { matches: NO_MATCHES, sales: false, mask: 0 };
  /**
   * The one way an event is classified: when `withMatches`, its matches are worded and nothing
   * is recorded (`domainsOut`, `accountsOut` and `contacts` are null); else the other way round.
   */
  const classifyOne = (event: CalendarEvent, domainsOut: IntList | null, accountsOut: IntList | null, contacts: DomainTable<DomainInfo> | null, withMatches: boolean): Classification => {
    const attendees = event.attendees;
    const n = attendees.length;
    let matched = 0;
    let mask = 0;
    let allOwn = n > 0;
    let sales = false;
    const accountsFrom = accountsOut === null ? 0 : accountsOut.length;
    for (let i = 0; i < n; i++) {
      const email = attendees[i]!;
      hashAddress(email);
      const at = addressHashes.at;
      let p = byDomainPart.getHashed(email, at, addressHashes.domain);
      if (p === undefined) {
        byDomainPart.set(email.slice(at), (p = domainInfo(domainOf(email))));
        domains[p.index] = p;
      }
      if (domainsOut !== null) domainsOut.push(p.index);
      if (contacts !== null && p.inLedger) contacts.addHashed(email, addressHashes.whole, p);
      if (p.accounts.length > 0) {
        for (const index of p.accounts) {
          if (accountsOut !== null) accountsOut.addSorted(accountsFrom, index);
          const bit = accountBits[index]!;
          if (!(mask & bit)) {
            mask |= bit;
            if (withMatches) found[matched++] = { category: TIER_CATEGORY[settings.accounts[index]!.tier], email, account: refs[index]! };
          }
        }
      }
      if (!(mask & DM) && p.decisionMakers) {
        const decisionMaker = decisionMakerWords.get(email);
        if (decisionMaker !== undefined) {
          mask |= DM;
          if (withMatches) found[matched++] = { category: "decisionMaker", email, person: decisionMaker };
        }
      }
      if (!p.own && !p.atPain) sales = true;
      allOwn &&= p.own;
    }
    let note: Match | null = null;
    if (!event.attendeesHidden) {
      if (allOwn) note = INTERNAL;
      else if (n === 0) note = event.bookedByUs ? BOOKED : PROSPECTING.test(event.title) ? TITLED : null;
    }
    if (note) mask |= CATEGORY_BIT[note.category];
    if (event.outOfOffice) mask |= CATEGORY_BIT.outOfOffice;
    if (withMatches) {
      if (note) found[matched++] = note;
      if (event.outOfOffice) found[matched++] = OUT_OF_OFFICE;
    }
    answer.matches = matched === 0 ? NO_MATCHES : found.slice(0, matched);
    answer.sales = sales;
    answer.mask = mask;
    return answer;
  };
  const classify = (event: CalendarEvent, domainsOut: IntList, accountsOut: IntList, contacts: DomainTable<DomainInfo>): Classification => classifyOne(event, domainsOut, accountsOut, contacts, false);
  const matchesOf = (event: CalendarEvent): readonly Match[] => classifyOne(event, null, null, null, true).matches;
  return Object.assign(classify, { matchesOf, domains, isDecisionMaker: (email: string) => decisionMakerByEmail.has(email.toLowerCase()) });
};

/**
 * A match in plain words, for the card's explanations.
 * @example describeMatch({ category: "dreamClient", email: "lee@acme.com", account: { name: "Acme", label: "dream account" } }) → "Acme (dream account): lee@acme.com"
 * @example describeMatch({ category: "decisionMaker", email: "cfo@acme.com", person: "Dana Ruiz, CFO" }) → "Dana Ruiz, CFO <cfo@acme.com>"
 */
export const describeMatch = (m: Match): string => {
  if (m.account) return `${m.account.name} (${m.account.label}): ${m.email ?? ""}`;
  if (m.person !== undefined) return m.person ? `${m.person} <${m.email ?? ""}>` : (m.email ?? "");
  return m.note ?? m.email ?? "";
};
