import type { WeekPlan } from "../plan/plan";
import type { CardView, SuggestionChoice } from "./cardView";
import { duration } from "./format";
import { plural } from "./parts";

/** The suggestions stay on the card until the settings hold this many dream or A-list accounts. */
export const FIRST_RUN_UNTIL = 3;

export const SUGGESTION_CHOICES: readonly { choice: SuggestionChoice; label: string }[] = [
  { choice: "dream", label: "Dream" },
  { choice: "a-list", label: "A-list" },
  { choice: "pain", label: "Pain" },
  { choice: "not", label: "Not an account" },
];

/**
 * A company's name from its registrable domain, for the account the user creates in one click
 * (and for `next-week init`): the label before the public suffix, each hyphenated word capitalised.
 * @example companyName("acme.co.uk") → "Acme"; companyName("acme-corp.io") → "Acme Corp"
 */
export const companyName = (domain: string): string => {
  const stem = domain.split(".")[0] ?? domain;
  const words = stem.split("-").filter((w) => w !== "");
  return words.length === 0 ? domain : words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
};

/**
 * First run (spec §4.7): the companies met most, each one click from dream / A-list / pain /
 * not an account; offered while the settings hold fewer than three dream or A-list accounts.
 * @example firstRun(plan)?.rows[0] → { domain: "globex.io", name: "Globex", detail: "2 meetings · 1 h 30 min · 2 contacts", choices: [...] }
 */
export const firstRun = (plan: WeekPlan): CardView["firstRun"] => {
  const tracked = plan.settings.accounts.filter((a) => a.tier !== "pain").length;
  if (tracked >= FIRST_RUN_UNTIL) return null;
  const weeks = plural(plan.lookBack.length, "week", "weeks");
  return {
    heading: `Accounts you met in the last ${weeks}`,
    intro: "Mark the companies that matter: Next Week then tells you whom to meet and when you last did.",
    rows: plan.suggestedAccounts.map((s) => ({
      domain: s.domain,
      name: companyName(s.domain),
      detail: `${plural(s.meetings, "meeting", "meetings")} · ${duration(s.minutes)} · ${plural(s.contacts, "contact", "contacts")}`,
      choices: SUGGESTION_CHOICES,
    })),
    emptyText: plan.suggestedAccounts.length > 0 ? null : `No outside companies on your calendar in the last ${weeks}: add your accounts in Settings.`,
  };
};
