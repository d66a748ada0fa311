import * as z from "zod/mini";
import { SettingsError } from "../errors";
import { isIanaZone } from "../time/cachedZone";
import { err, ok, type Result } from "../result";

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "09:30" → 570 */
export const minutesOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const domain = z.string().check(
  z.maxLength(253, "must be a domain like acme.com"),
  z.trim(),
  z.minLength(1, "must not be empty"),
  z.overwrite((d) => d.toLowerCase().replace(/^@/, "").replace(/\.$/, "")),
  z.refine((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d), "must be a domain like acme.com"),
);

const email = z.string().check(
  z.maxLength(320, "must be an email address like dana@acme.com"),
  z.trim(),
  z.toLowerCase(),
  z.refine((e) => /^[^\s@]+@[^\s@]+$/.test(e), "must be an email address like dana@acme.com"),
);

/** Upper bounds: a week has 10,080 minutes; no seller has 1,000 meetings a week or a target above a trillion. */
const MAX_MINUTES = 7 * 24 * 60;
const MAX_MEETINGS = 1000;
const MAX_MONEY = 1e12;
const MAX_TEXT = 200;
const MAX_LIST = 5000;
/** 1000000 → "1,000,000" (no locale lookup: the same text on every machine). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
const atMost = (max: number, what = "") => z.lte(max, `must be at most ${grouped(max)}${what}`);
const minutes = (fallback: number) => z._default(z.number().check(z.gte(0, "must be ≥ 0"), atMost(MAX_MINUTES, " (the minutes in a week)")), fallback);
const meetings = () => z.number().check(whole("must be a whole number of meetings"), z.gte(0, "must be ≥ 0"), atMost(MAX_MEETINGS));
const money = (fallback: number) => z._default(z.number().check(z.gt(0, "must be > 0"), atMost(MAX_MONEY)), fallback);
const text = () => z.string().check(z.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`));
const list = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.maxLength(MAX_LIST, `must list at most ${grouped(MAX_LIST)} entries`));
const DAY = "must be 1 (Monday) to 7 (Sunday)";
/** Whole numbers, checked with a refinement so the field's own message shows (and zod/mini's integer format stays out of bundles). */
const whole = (message: string) => z.refine<number>((n) => Number.isInteger(n), message);
/** A day of the week, 1 (Monday) to 7 (Sunday). */
const day = () => z.number().check(whole(DAY), z.gte(1, DAY), z.lte(7, DAY));

const TIERS = ["dream", "a-list", "pain"] as const;
export const Tier = z.custom<(typeof TIERS)[number]>((v) => (TIERS as readonly unknown[]).includes(v), `must be one of ${TIERS.map((t) => JSON.stringify(t)).join(", ")}`);
export type Tier = z.infer<typeof Tier>;

export const WorkingHoursRule = z
  .strictObject({
    days: z.array(day()).check(z.minLength(1, "must list at least one day")),
    start: z.string().check(z.regex(TIME, "must be a time like 09:00")),
    end: z.string().check(z.regex(TIME, "must be a time like 17:00")),
  })
  .check(
    z.refine((r) => !TIME.test(r.start) || !TIME.test(r.end) || minutesOfDay(r.end) > minutesOfDay(r.start), {
      message: "must be after start on the same day",
      path: ["end"],
    }),
  );
export type WorkingHoursRule = z.infer<typeof WorkingHoursRule>;

export const Account = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)),
  domains: list(domain).check(z.minLength(1, "must list at least one domain")),
  tier: Tier,
});
export type Account = z.infer<typeof Account>;

export const DecisionMaker = z.strictObject({
  email,
  name: z._default(text(), ""),
  title: z._default(text(), ""),
});
export type DecisionMaker = z.infer<typeof DecisionMaker>;

export const DEFAULT_TARGETS = {
  dreamClientMinutes: 240,
  decisionMakerMeetings: 3,
  prospectingMinutes: 120,
  painMinutesMax: 180,
} as const;

export const Targets = z.strictObject({
  dreamClientMinutes: minutes(DEFAULT_TARGETS.dreamClientMinutes),
  decisionMakerMeetings: z._default(meetings(), DEFAULT_TARGETS.decisionMakerMeetings),
  /** Without it, the pipeline math's weekly meetings (or 3 without pipeline math): see salesMeetingsTarget. */
  salesMeetings: z.optional(meetings()),
  prospectingMinutes: minutes(DEFAULT_TARGETS.prospectingMinutes),
  painMinutesMax: minutes(DEFAULT_TARGETS.painMinutesMax),
});
export type Targets = z.infer<typeof Targets>;

export const DEFAULT_PIPELINE = {
  annualTarget: 100000,
  averageDeal: 10000,
  winRate: 0.5,
  meetingToOpportunity: 0.2,
  sellingWeeks: 46,
} as const;

const fraction = (fallback: number) =>
  z._default(z.number().check(z.gte(0.001, "must be at least 0.001 (a fraction such as 0.5)"), z.lte(1, "must be at most 1 (a fraction such as 0.5)")), fallback);

export const Pipeline = z.strictObject({
  annualTarget: money(DEFAULT_PIPELINE.annualTarget),
  averageDeal: money(DEFAULT_PIPELINE.averageDeal),
  winRate: fraction(DEFAULT_PIPELINE.winRate),
  meetingToOpportunity: fraction(DEFAULT_PIPELINE.meetingToOpportunity),
  sellingWeeks: z._default(z.number().check(z.gt(0, "must be > 0"), z.lte(53, "must be at most 53")), DEFAULT_PIPELINE.sellingWeeks),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const DEFAULT_WORKING_HOURS: WorkingHoursRule[] = [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }];

/** The settings schema: it is also the type. `{}` is valid; every field has a default. */
export const SettingsSchema = z.strictObject({
  version: z._default(z.number({ error: "must be 1" }).check(z.refine((v) => v === 1, "must be 1")), 1),
  timeZone: z.optional(z.string().check(z.refine((zone) => isIanaZone(zone), "must be an IANA time zone such as America/New_York"))),
  weekStartsOn: z._default(day(), 1),
  workingHours: z._default(list(WorkingHoursRule), DEFAULT_WORKING_HOURS),
  ownDomains: z.optional(list(domain)),
  accounts: z._default(list(Account), []),
  decisionMakers: z._default(list(DecisionMaker), []),
  /** Domains the seller marked "not an account" on the first-run list: never suggested again. */
  notAccounts: z.optional(list(domain)),
  targets: z._default(Targets, DEFAULT_TARGETS),
  pipeline: z.optional(Pipeline),
  blankSpotMinMinutes: z._default(z.number().check(z.gte(1, "must be at least 1"), z.lte(24 * 60, "must be at most 1440")), 60),
  prospectingBlockMinutes: z._default(z.number().check(whole("must be whole minutes"), z.gte(5, "must be at least 5"), z.lte(8 * 60, "must be at most 480")), 90),
  lookBackWeeks: z._default(z.number().check(whole("must be a whole number of weeks"), z.gte(0, "must be 0 to 26"), z.lte(26, "must be 0 to 26")), 8),
});

/** Settings after defaults. */
export type Settings = z.infer<typeof SettingsSchema>;
/** Settings as stored or typed by a user, before defaults. */
export type SettingsInput = z.input<typeof SettingsSchema>;

/** The schema that describes the value at a path of the settings (objects, lists, defaults and optionals walked through). */
const schemaAt = (path: readonly PropertyKey[]): z.core.$ZodType | undefined => {
  let schema: z.core.$ZodType | undefined = SettingsSchema;
  const unwrap = () => {
    while (schema && ["default", "optional", "pipe"].includes(schema._zod.def.type)) {
      const def = schema._zod.def as unknown as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
      schema = def.innerType ?? def.in;
    }
  };
  for (const part of path) {
    unwrap();
    const def = schema?._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    schema = def?.type === "object" ? def.shape?.[String(part)] : def?.type === "array" ? def.element : undefined;
  }
  unwrap();
  return schema;
};

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), for "did you mean". */
const distance = (a: string, b: string): number => {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
};

/** The known key closest to a typo, when one is near enough to be what was meant. */
export const nearestKey = (typo: string, known: readonly string[]): string | undefined => {
  const lower = typo.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const key of known) {
    const d = distance(lower, key.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [key, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : undefined;
};

const unknownKeyMessage = (path: readonly PropertyKey[], key: string): string => {
  const def = schemaAt(path)?._zod.def as unknown as { shape?: Record<string, unknown> } | undefined;
  const known = Object.keys(def?.shape ?? {});
  const near = nearestKey(key, known);
  const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  const where = fieldName([...path, key]).replace(key, shown);
  return `${where} is not a setting${near ? ` (did you mean ${fieldName([...path, near])}?)` : ""}: a typo would leave a setting at its default`;
};

/** The path of a zod issue in plain words: ["targets","painMinutesMax"] → "targets.painMinutesMax" */
export const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");

const describeIssue = (issue: z.core.$ZodIssue): string => {
  const field = fieldName(issue.path) || "settings";
  if (issue.code === "invalid_type") {
    const expected = issue.expected === "number" ? "a number" : issue.expected === "array" ? "a list" : issue.expected === "object" ? "an object" : `a ${issue.expected}`;
    return `${field} must be ${expected}`;
  }
  if (issue.code === "invalid_value" && "values" in issue) {
    if (issue.values.length === 1) return `${field} must be ${JSON.stringify(issue.values[0])}`;
    return `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (issue.code === "unrecognized_keys") return unknownKeyMessage(issue.path, issue.keys[0] ?? "");
  return `${field} ${issue.message}`;
};

/**
 * Validates settings and fills defaults.
 * @example parseSettings({}) → ok({ version: 1, weekStartsOn: 1, workingHours: [Mon–Fri 09:00–17:00], … })
 * @example parseSettings({ targets: { painMinutesMax: -1 } }) → err(SettingsError("targets.painMinutesMax must be ≥ 0"))
 */
export const parseSettings = (input: unknown): Result<Settings, SettingsError> => {
  const parsed = SettingsSchema.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const message = first ? describeIssue(first) : "settings are not valid";
  return err(new SettingsError(message, { cause: parsed.error }));
};

/** The defaults, as `parseSettings({})` gives them. */
export const defaultSettings = (): Settings => SettingsSchema.parse({});

/**
 * The weekly meetings the pipeline math implies.
 * @example weeklyMeetings({ annualTarget: 100000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 }) → 3
 */
export const weeklyMeetings = (p: Pipeline): number => {
  const exact = p.annualTarget / p.averageDeal / p.winRate / p.meetingToOpportunity / p.sellingWeeks;
  // Guard against float noise such as 3.0000000000000004 turning into 4.
  return Math.ceil(Math.round(exact * 1e9) / 1e9);
};

/**
 * The weekly sales-meetings target: the explicit one, else the pipeline math's, else 3.
 * @example salesMeetingsTarget(parseSettings({ pipeline: {} }).value) → 3
 */
export const salesMeetingsTarget = (settings: Pick<Settings, "targets" | "pipeline">): number =>
  settings.targets.salesMeetings ?? (settings.pipeline ? weeklyMeetings(settings.pipeline) : DEFAULT_SALES_MEETINGS);

export const DEFAULT_SALES_MEETINGS = 3;
