import type { CalendarEvent } from "../event";
import type { Category, Match } from "./plan";
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

export type Classifier = (event: CalendarEvent) => Match[];

/**
 * Builds the classifier for a settings value: lookups are hashed once, so classifying an
 * event costs its attendees times their domain depth.
 * @example makeClassifier({ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }], … })(meetingWith("cfo@eu.acme.com"))
 *   → [{ category: "dreamClient", email: "cfo@eu.acme.com", account: { name: "Acme", label: "dream account" } }]
 */
export const makeClassifier = (settings: Settings, me?: string): Classifier => {
  const accountsByDomain = new Map<string, { name: string; tier: Tier; ref: { name: string; label: string } }[]>();
  for (const account of settings.accounts) {
    for (const d of account.domains) {
      const list = accountsByDomain.get(d) ?? [];
      list.push({ name: account.name, tier: account.tier, ref: { name: account.name, label: TIER_LABEL[account.tier] } });
      accountsByDomain.set(d, list);
    }
  }
  const decisionMakers = new Map(settings.decisionMakers.map((dm) => [dm.email.toLowerCase(), [dm.name, dm.title].filter(Boolean).join(", ")]));
  const own = new Set(ownDomainsOf(settings, me));

  /** The accounts a domain (or a parent domain) belongs to, and whether it is an own domain; worked out once per domain. */
  const domainCache = new Map<string, { accounts: { name: string; tier: Tier; ref: { name: string; label: string } }[]; own: boolean }>();
  const domainInfo = (domain: string) => {
    let info = domainCache.get(domain);
    if (!info) {
      const suffixes = domainSuffixes(domain);
      info = { accounts: suffixes.flatMap((d) => accountsByDomain.get(d) ?? []), own: suffixes.some((d) => own.has(d)) };
      domainCache.set(domain, info);
    }
    return info;
  };

  return (event) => {
    const matches: Match[] = [];
    const has = (category: Category) => matches.some((m) => m.category === category);
    let allOwn = event.attendees.length > 0;
    for (const email of event.attendees) {
      const info = domainInfo(domainOf(email));
      for (const account of info.accounts) {
        const category = TIER_CATEGORY[account.tier];
        if (!has(category)) matches.push({ category, email, account: account.ref });
      }
      const person = decisionMakers.get(email);
      if (person !== undefined && !has("decisionMaker")) matches.push({ category: "decisionMaker", email, person });
      allOwn &&= info.own;
    }
    if (!event.attendeesHidden) {
      if (allOwn) matches.push({ category: "internal", note: "only colleagues" });
      if (event.attendees.length === 0) {
        if (event.bookedByUs) matches.push({ category: "prospecting", note: "booked by Next Week" });
        else if (event.title.toLowerCase().includes("prospecting")) matches.push({ category: "prospecting", note: "title says prospecting" });
      }
    }
    if (event.outOfOffice) matches.push({ category: "outOfOffice", note: "out of office" });
    return matches;
  };
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
