import { err, formNumber, ok, type Result, SettingsError } from "../../shared";
import { hoursLine, parseHoursLine } from "./workingHoursText";

/**
 * The settings card's form as plain text fields, and back. Lists are one item per line, so a
 * seller can paste a column from a spreadsheet; blank numbers fall back to the defaults. Numbers are
 * read with the core's `formNumber` ("1,000" → 1000, "0,5" → 0.5, "50%" → 0.5 where a fraction is asked).
 */

/** Names of the form's fields (CardService field names). */
export const FIELDS = {
  timeZone: "timeZone",
  weekStartsOn: "weekStartsOn",
  workingHours: "workingHours",
  ownDomains: "ownDomains",
  notAccounts: "notAccounts",
  dream: "dreamAccounts",
  aList: "aListAccounts",
  pain: "painAccounts",
  decisionMakers: "decisionMakers",
  salesMeetings: "salesMeetings",
  dreamClientMinutes: "dreamClientMinutes",
  decisionMakerMeetings: "decisionMakerMeetings",
  prospectingMinutes: "prospectingMinutes",
  painMinutesMax: "painMinutesMax",
  annualTarget: "annualTarget",
  averageDeal: "averageDeal",
  winRate: "winRate",
  meetingToOpportunity: "meetingToOpportunity",
  sellingWeeks: "sellingWeeks",
  blankSpotMinMinutes: "blankSpotMinMinutes",
  prospectingBlockMinutes: "prospectingBlockMinutes",
  lookBackWeeks: "lookBackWeeks",
  csv: "crmCsv",
} as const;

export type FieldName = (typeof FIELDS)[keyof typeof FIELDS];
/** The form's values as text, by field name. */
export type FormValues = Readonly<Partial<Record<FieldName, string>>>;

const TIERS = [
  { tier: "dream", field: FIELDS.dream, label: "Dream accounts" },
  { tier: "a-list", field: FIELDS.aList, label: "A-list accounts" },
  { tier: "pain", field: FIELDS.pain, label: "Pain accounts" },
] as const;

const TARGETS = ["salesMeetings", "dreamClientMinutes", "decisionMakerMeetings", "prospectingMinutes", "painMinutesMax"] as const;
const PIPELINE = ["annualTarget", "averageDeal", "winRate", "meetingToOpportunity", "sellingWeeks"] as const;

/** Plain-words names of the schema's fields, for messages. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  timeZone: "Time zone",
  weekStartsOn: "Week starts on",
  ownDomains: "Your company's domains",
  notAccounts: "Not accounts",
  "targets.salesMeetings": "Sales meetings target",
  lookBackWeeks: "Look-back",
  "targets.dreamClientMinutes": "Dream-client time target",
  "targets.decisionMakerMeetings": "Decision-maker meetings target",
  "targets.prospectingMinutes": "Prospecting time target",
  "targets.painMinutesMax": "Pain-account cap",
  "pipeline.annualTarget": "Annual new-business target",
  "pipeline.averageDeal": "Average deal",
  "pipeline.winRate": "Win rate",
  "pipeline.meetingToOpportunity": "Meetings that become opportunities",
  "pipeline.sellingWeeks": "Selling weeks a year",
  blankSpotMinMinutes: "Shortest blank spot",
  prospectingBlockMinutes: "Prospecting block length",
};

const nonEmptyLines = (text: string | undefined): { line: string; n: number }[] =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== "");

const list = (text: string | undefined): string[] =>
  (text ?? "")
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Where each list entry of the settings came from, to point a schema message at a form line. */
export interface FormOrigin {
  readonly accounts: readonly string[];
  readonly decisionMakers: readonly string[];
  readonly workingHours: readonly string[];
}

const lineError = (label: string, n: number, how: string) => err(new SettingsError(`${label}, line ${n}: ${how}`));

/**
 * The form's text into a settings object for the schema, with where each list entry came from.
 * Line-format problems are reported here; value problems are the schema's.
 * @example formToSettings({ dreamAccounts: "Acme: acme.com", decisionMakers: "cfo@acme.com, Dana Ruiz, CFO" })
 *   → ok({ input: { accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }], decisionMakers: [{ email: "cfo@acme.com", name: "Dana Ruiz", title: "CFO" }], … }, origin })
 */
/** A name holding a comma is written in double quotes, so it reads back whole: Ruiz, Dana → "Ruiz, Dana". */
const quoteIfComma = (text: string): string => (/[,"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A line's comma-separated fields, trimmed; a field in double quotes may hold commas ("" is a quote).
 * @example commaFields('cfo@acme.com, "Ruiz, Dana", CFO') → ["cfo@acme.com", "Ruiz, Dana", "CFO"]
 */
export const commaFields = (line: string): string[] => {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (current += '"'), i++;
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current.trim() === "") (current = ""), (quoted = true);
    else if (c === ",") fields.push(current.trim()), (current = "");
    else current += c;
  }
  fields.push(current.trim());
  return fields;
};

export const formToSettings = (values: FormValues): Result<{ input: Record<string, unknown>; origin: FormOrigin }, SettingsError> => {
  const accounts: { name: string; domains: string[]; tier: string }[] = [];
  const accountOrigin: string[] = [];
  for (const { tier, field, label } of TIERS) {
    for (const { line, n } of nonEmptyLines(values[field])) {
      // Domains never hold a colon, so the last one separates the name (which may: "Acme: EMEA").
      const colon = line.lastIndexOf(":");
      if (colon <= 0) return lineError(label, n, "write it as “Acme: acme.com, acme.co.uk”.");
      accounts.push({ name: line.slice(0, colon).trim(), domains: list(line.slice(colon + 1)), tier });
      accountOrigin.push(`${label}, line ${n}`);
    }
  }

  const decisionMakers: { email: string; name: string; title: string }[] = [];
  const dmOrigin: string[] = [];
  for (const { line, n } of nonEmptyLines(values[FIELDS.decisionMakers])) {
    const [email = "", name = "", ...title] = commaFields(line);
    if (!email.includes("@")) return lineError("Decision-makers", n, "start the line with an email address, then the name and title: “cfo@acme.com, Dana Ruiz, CFO”.");
    decisionMakers.push({ email, name, title: title.join(", ") });
    dmOrigin.push(`Decision-makers, line ${n}`);
  }

  const workingHours: { days: number[]; start: string; end: string }[] = [];
  const hoursOrigin: string[] = [];
  for (const { line, n } of nonEmptyLines(values[FIELDS.workingHours])) {
    const rule = parseHoursLine(line);
    if (!rule) return lineError("Working hours", n, "write it as “Mon–Fri 09:00–17:00”.");
    workingHours.push(rule);
    hoursOrigin.push(`Working hours, line ${n}`);
  }

  const input: Record<string, unknown> = { version: 1, accounts, decisionMakers };
  if (workingHours.length > 0) input.workingHours = workingHours;
  const zone = (values[FIELDS.timeZone] ?? "").trim();
  if (zone) input.timeZone = zone;
  const weekStartsOn = formNumber(values[FIELDS.weekStartsOn]);
  if (weekStartsOn !== undefined) input.weekStartsOn = weekStartsOn;
  const domains = list(values[FIELDS.ownDomains]);
  if (domains.length > 0) input.ownDomains = domains;
  const notAccounts = list(values[FIELDS.notAccounts]);
  if (notAccounts.length > 0) input.notAccounts = notAccounts;

  const targets: Record<string, number> = {};
  for (const t of TARGETS) {
    const v = formNumber(values[FIELDS[t]]);
    if (v !== undefined) targets[t] = v;
  }
  input.targets = targets;

  const pipeline: Record<string, number> = {};
  for (const p of PIPELINE) {
    const v = formNumber(values[FIELDS[p]], { percent: p === "winRate" || p === "meetingToOpportunity" });
    if (v !== undefined) pipeline[p] = v;
  }
  if (Object.keys(pipeline).length > 0) input.pipeline = pipeline;

  for (const key of ["blankSpotMinMinutes", "prospectingBlockMinutes", "lookBackWeeks"] as const) {
    const v = formNumber(values[FIELDS[key]]);
    if (v !== undefined) input[key] = v;
  }
  return ok({ input, origin: { accounts: accountOrigin, decisionMakers: dmOrigin, workingHours: hoursOrigin } });
};

/**
 * A schema message pointed at the form: "accounts[1].domains[0] must be …" → "A-list accounts, line 1 — accounts[1].domains[0] must be …".
 * The schema's field name stays in the message.
 */
export const locateMessage = (message: string, origin: FormOrigin): string => {
  const m = /^(accounts|decisionMakers|workingHours)\[(\d+)\]/.exec(message);
  if (m) {
    const where = origin[m[1] as keyof FormOrigin][Number(m[2])];
    return where ? `${where} — ${message}` : message;
  }
  const field = Object.keys(FIELD_LABELS).find((f) => message.startsWith(`${f} `));
  return field ? `${FIELD_LABELS[field]} — ${message}` : message;
};

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "");
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * Settings (valid, or whatever was stored when invalid) as the form's text. Never throws.
 * @example settingsToForm({ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }] }).dreamAccounts → "Acme: acme.com"
 */
export const settingsToForm = (settings: unknown): Record<FieldName, string> => {
  const s = obj(settings);
  const accountsOf = (tier: string) =>
    arr(s.accounts)
      .map(obj)
      .filter((a) => a.tier === tier)
      .map((a) => `${str(a.name)}: ${arr(a.domains).map(str).join(", ")}`)
      .join("\n");
  const targets = obj(s.targets);
  const pipeline = obj(s.pipeline);
  return {
    [FIELDS.timeZone]: str(s.timeZone),
    [FIELDS.weekStartsOn]: str(s.weekStartsOn) || "1",
    [FIELDS.workingHours]: arr(s.workingHours)
      .map(obj)
      .map((r) => hoursLine({ days: arr(r.days).filter((d): d is number => typeof d === "number"), start: str(r.start), end: str(r.end) }))
      .join("\n"),
    [FIELDS.ownDomains]: arr(s.ownDomains).map(str).join(", "),
    [FIELDS.notAccounts]: arr(s.notAccounts).map(str).join(", "),
    [FIELDS.dream]: accountsOf("dream"),
    [FIELDS.aList]: accountsOf("a-list"),
    [FIELDS.pain]: accountsOf("pain"),
    [FIELDS.decisionMakers]: arr(s.decisionMakers)
      .map(obj)
      .map((d) => [str(d.email), quoteIfComma(str(d.name)), str(d.title)].join(", ").replace(/(, )+$/, ""))
      .join("\n"),
    [FIELDS.salesMeetings]: str(targets.salesMeetings),
    [FIELDS.dreamClientMinutes]: str(targets.dreamClientMinutes),
    [FIELDS.decisionMakerMeetings]: str(targets.decisionMakerMeetings),
    [FIELDS.prospectingMinutes]: str(targets.prospectingMinutes),
    [FIELDS.painMinutesMax]: str(targets.painMinutesMax),
    [FIELDS.annualTarget]: str(pipeline.annualTarget),
    [FIELDS.averageDeal]: str(pipeline.averageDeal),
    [FIELDS.winRate]: str(pipeline.winRate),
    [FIELDS.meetingToOpportunity]: str(pipeline.meetingToOpportunity),
    [FIELDS.sellingWeeks]: str(pipeline.sellingWeeks),
    [FIELDS.blankSpotMinMinutes]: str(s.blankSpotMinMinutes),
    [FIELDS.prospectingBlockMinutes]: str(s.prospectingBlockMinutes),
    [FIELDS.lookBackWeeks]: str(s.lookBackWeeks),
    [FIELDS.csv]: "",
  };
};
