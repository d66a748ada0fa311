import { getDomain } from "tldts-icann";
import { companyName as coreCompanyName, DEFAULT_TARGETS, DEFAULT_WORKING_HOURS, err, InputError, ok, type Result, type SettingsInput, type SuggestedAccount, type Tier } from "../../shared";

// The starter settings `next-week init` writes: the calendar's zone, the seller's own domain,
// and the accounts the seller picked from the suggested companies (none unless asked).

/** What the seller said about a company: one of the tiers, or not an account. */
export type Choice = Tier | "not";

/** The command line's choice options, in the order the written file lists them. */
export const CHOICE_OPTIONS: readonly { readonly option: "dream" | "a-list" | "pain" | "not"; readonly choice: Choice }[] = [
  { option: "dream", choice: "dream" },
  { option: "a-list", choice: "a-list" },
  { option: "pain", choice: "pain" },
  { option: "not", choice: "not" },
];

/** A domain as the settings accept it (lower case, at least one dot). */
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** An address whose domain the settings accept as an own domain. */
export const isAddress = (text: string): boolean => /^[^\s@]+@[^\s@]+$/.test(text) && DOMAIN.test(text.slice(text.lastIndexOf("@") + 1).toLowerCase());

/** One picked company: a suggestion's number (1 = the first) or a domain typed out. */
export type Pick = { readonly number: number } | { readonly domain: string };

/**
 * Reads one choice option's values: numbers from the suggestion table or domains, comma-separated,
 * the option repeatable. A bad entry is a usage mistake naming the option.
 * @example readPicks("dream", ["1,3", "globex.io"]) → ok([{ number: 1 }, { number: 3 }, { domain: "globex.io" }])
 */
export const readPicks = (option: string, values: readonly string[]): Result<Pick[], InputError> => {
  const picks: Pick[] = [];
  for (const value of values) {
    for (const raw of value.split(",")) {
      const entry = raw.trim().toLowerCase().replace(/^@/, "");
      if (entry === "") continue;
      if (/^\d+$/.test(entry) && Number(entry) >= 1) picks.push({ number: Number(entry) });
      else if (DOMAIN.test(entry) && entry.length <= 253) picks.push({ domain: entry });
      else return err(new InputError(`--${option} takes suggestion numbers or domains, such as 1,3 or globex.io, not "${raw.trim()}"`));
    }
  }
  return ok(picks);
};

/**
 * A company's name from any of its domains, for the seller to edit: the core's name for its
 * registrable domain (the add-ons' one-click accounts get the same name).
 * @example companyName("globex.io") → "Globex"; companyName("eu.acme-corp.co.uk") → "Acme Corp"
 */
export const companyName = (domain: string): string => coreCompanyName(getDomain(domain) ?? domain);

/** A company and what the seller chose for it. */
export interface Chosen {
  readonly domain: string;
  readonly choice: Choice;
}

/**
 * Turns the picks of every choice option into one choice per domain, in option order (dream,
 * A-list, pain, not an account), each in the order given; `acceptRest` makes every suggestion
 * not picked an A-list account. A number outside the table, or one company given two different
 * choices, is a usage mistake.
 */
export const resolveChoices = (
  picks: readonly { readonly option: string; readonly choice: Choice; readonly picks: readonly Pick[] }[],
  suggestions: readonly SuggestedAccount[],
  acceptRest: boolean,
): Result<Chosen[], InputError> => {
  const chosen = new Map<string, { choice: Choice; option: string }>();
  for (const { option, choice, picks: list } of picks) {
    for (const pick of list) {
      let domain: string;
      if ("number" in pick) {
        const suggestion = suggestions[pick.number - 1];
        if (!suggestion)
          return err(
            new InputError(
              suggestions.length === 0
                ? `--${option} ${pick.number}: there are no suggested companies to pick from; give a domain such as globex.io`
                : `--${option} ${pick.number}: the suggestions are numbered 1 to ${suggestions.length}`,
            ),
          );
        domain = suggestion.domain;
      } else domain = pick.domain;
      const before = chosen.get(domain);
      if (before && before.choice !== choice) return err(new InputError(`${domain} is given to both --${before.option} and --${option}: pick one`));
      if (!before) chosen.set(domain, { choice, option });
    }
  }
  if (acceptRest) for (const s of suggestions) if (!chosen.has(s.domain)) chosen.set(s.domain, { choice: "a-list", option: "accept" });
  const order: readonly Choice[] = ["dream", "a-list", "pain", "not"];
  return ok(
    [...chosen]
      .map(([domain, { choice }]) => ({ domain, choice }))
      .sort((a, b) => order.indexOf(a.choice) - order.indexOf(b.choice)),
  );
};

/**
 * The starter settings: every field a seller is likely to edit, written out with its default
 * (the sales-meeting target is left to the pipeline math, so adding "pipeline" later takes effect),
 * the zone the analysis used, the seller's own domain, and the chosen accounts.
 */
export const starterSettings = (input: { readonly zone: string; readonly me: string; readonly chosen: readonly Chosen[] }): SettingsInput => {
  const accounts = input.chosen.flatMap((c) => (c.choice === "not" ? [] : [{ name: companyName(c.domain), domains: [c.domain], tier: c.choice }]));
  const notAccounts = input.chosen.filter((c) => c.choice === "not").map((c) => c.domain);
  return {
    version: 1,
    timeZone: input.zone,
    weekStartsOn: 1,
    workingHours: DEFAULT_WORKING_HOURS.map((rule) => ({ ...rule, days: [...rule.days] })),
    ownDomains: [input.me.slice(input.me.lastIndexOf("@") + 1).toLowerCase()],
    accounts,
    ...(notAccounts.length > 0 ? { notAccounts } : {}),
    decisionMakers: [],
    targets: { ...DEFAULT_TARGETS },
    lookBackWeeks: 8,
  };
};
