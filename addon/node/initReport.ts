import { dayLabel, type SuggestedAccount, type WeekPlan } from "../../shared";
import { type Chosen, companyName } from "./starterSettings";
import { cut } from "./safeText";

// What `next-week init` prints: the suggested companies as a numbered table, what was written,
// and the exact commands to run next. Fits 80 columns.

/** Minutes in plain words: 390 → "6 h 30 min". */
const duration = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/**
 * One command-line argument as a POSIX shell reads it back: plain when it is safe, else single-quoted.
 * @example shellWord("my calendar.ics") → "'my calendar.ics'"; shellWord("a.ics") → "a.ics"
 */
export const shellWord = (word: string): string => (/^[A-Za-z0-9_./,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export const shellCommand = (words: readonly string[]): string => words.map(shellWord).join(" ");

const row = (cells: readonly [string, string, string, string, string, string]): string =>
  `${cells[0].padStart(3)}  ${cells[1].padEnd(15)}  ${cells[2].padEnd(24)}  ${cells[3].padStart(11)}  ${cells[4].padStart(8)}  ${cells[5].padStart(8)}`.trimEnd();

/** The suggestions as a numbered table, ranked as the core ranks them (most time first). */
export const suggestionTable = (suggestions: readonly SuggestedAccount[]): string[] => [
  row(["#", "Company", "Domain", "Time", "Meetings", "Contacts"]),
  ...suggestions.map((s, i) => row([String(i + 1), cut(companyName(s.domain), 15), cut(s.domain, 24), duration(s.minutes), String(s.meetings), String(s.contacts)])),
];

const CHOICE_WORDS: Record<Chosen["choice"], string> = { dream: "dream", "a-list": "A-list", pain: "pain", not: "not an account" };

/** The days the suggestions were counted over: the look-back weeks and the week. */
const span = (plan: WeekPlan): string => {
  const first = plan.lookBack[0]?.start ?? plan.week.start;
  return `${dayLabel(first)} ${first.year} – ${dayLabel(plan.week.end.minus({ days: 1 }))} ${plan.week.end.minus({ days: 1 }).year}`;
};

export interface InitReportInput {
  readonly plan: WeekPlan;
  readonly out: string;
  /** The seller's own domain, as written. */
  readonly ownDomain: string;
  readonly chosen: readonly Chosen[];
  /** The command that was run, without its choice options: the start of the next commands. */
  readonly initCommand: readonly string[];
  /** `next-week analyze` with the same events and the new settings. */
  readonly analyzeCommand: readonly string[];
}

/** The whole text init prints after writing the settings. */
export const initReport = ({ plan, out, ownDomain, chosen, initCommand, analyzeCommand }: InitReportInput): string => {
  const suggestions = plan.suggestedAccounts;
  const accounts = chosen.filter((c) => c.choice !== "not");
  const lines = [`Wrote ${out}: time zone ${plan.zone}, your domain ${ownDomain}, ${accounts.length === 0 ? "no accounts yet" : accounts.length === 1 ? "1 account" : `${accounts.length} accounts`}.`];
  if (plan.zone === "UTC") lines.push(`Your calendar names no time zone: if yours is not UTC, set "timeZone" in ${out} (e.g. "America/New_York").`);
  lines.push("");
  if (suggestions.length === 0) {
    lines.push(`No companies to suggest: no meetings with people outside your domain from ${span(plan)}.`, `Add your accounts to "accounts" in ${out} by hand.`);
  } else {
    lines.push(`Companies you met from ${span(plan)}, most time first:`, ...suggestionTable(suggestions));
  }
  lines.push("");
  if (chosen.length > 0) {
    lines.push("Written:", ...chosen.map((c) => `  ${c.choice === "not" ? c.domain : `${companyName(c.domain)} (${c.domain})`}: ${CHOICE_WORDS[c.choice]}`), "");
  } else if (suggestions.length > 0) {
    const example = suggestions.length === 1 ? ["--dream", "1"] : suggestions.length === 2 ? ["--dream", "1", "--a-list", "2"] : ["--dream", "1", "--a-list", `2,3`, ...(suggestions.length > 3 ? ["--not", "4"] : [])];
    lines.push(
      "Pick your accounts by number: --dream (best-fit clients), --a-list (good",
      "clients), --pain (they cost more than they bring), --not (not an account):",
      `  ${shellCommand([...initCommand, "--force", ...example])}`,
      "Or make every one an A-list account, to sort out in the file later:",
      `  ${shellCommand([...initCommand, "--force", "--accept"])}`,
      "",
    );
  }
  lines.push("Then see next week with your settings:", `  ${shellCommand(analyzeCommand)}`);
  return lines.join("\n");
};
