import type { CalendarEvent } from "./event";
import type { Category, Match } from "./plan";
import type { Settings, Tier } from "./settings";

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
 *   → [{ category: "dreamClient", reason: "Acme (dream account): cfo@eu.acme.com" }]
 */
export const makeClassifier = (settings: Settings, me?: string): Classifier => {
  const accountsByDomain = new Map<string, { name: string; tier: Tier }[]>();
  for (const account of settings.accounts) {
    for (const d of account.domains) {
      const list = accountsByDomain.get(d) ?? [];
      list.push({ name: account.name, tier: account.tier });
      accountsByDomain.set(d, list);
    }
  }
  const decisionMakers = new Map(settings.decisionMakers.map((dm) => [dm.email.toLowerCase(), dm]));
  const own = new Set(ownDomainsOf(settings, me));
  const isOwn = (email: string) => domainSuffixes(domainOf(email)).some((d) => own.has(d));

  return (event) => {
    const matches: Match[] = [];
    const seen = new Set<string>();
    const add = (category: Category, reason: string) => {
      if (seen.has(category)) return;
      seen.add(category);
      matches.push({ category, reason });
    };
    for (const email of event.attendees) {
      for (const d of domainSuffixes(domainOf(email))) {
        for (const account of accountsByDomain.get(d) ?? []) add(TIER_CATEGORY[account.tier], `${account.name} (${TIER_LABEL[account.tier]}): ${email}`);
      }
      const dm = decisionMakers.get(email);
      if (dm) add("decisionMaker", [dm.name, dm.title].filter(Boolean).join(", ") ? `${[dm.name, dm.title].filter(Boolean).join(", ")} <${email}>` : email);
    }
    if (!event.attendeesHidden) {
      if (event.attendees.length > 0 && event.attendees.every(isOwn)) add("internal", `only colleagues: ${event.attendees.join(", ")}`);
      if (event.attendees.length === 0) {
        if (event.bookedByUs) add("prospecting", "booked by Next Week");
        else if (event.title.toLowerCase().includes("prospecting")) add("prospecting", "title says prospecting");
      }
    }
    if (event.outOfOffice) add("outOfOffice", "out of office");
    return matches;
  };
};
