import * as z from "zod/mini";
import { IANAZone } from "luxon";
import { SettingsError } from "../errors";
import { err, ok, type Result } from "../result";

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "09:30" → 570 */
export const minutesOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const domain = z.string().check(
  z.trim(),
  z.minLength(1, "must not be empty"),
  z.overwrite((d) => d.toLowerCase().replace(/^@/, "").replace(/\.$/, "")),
  z.refine((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d), "must be a domain like acme.com"),
);

const email = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.refine((e) => /^[^\s@]+@[^\s@]+$/.test(e), "must be an email address like dana@acme.com"),
);

const nonNegative = (fallback: number) => z._default(z.number().check(z.gte(0, "must be ≥ 0")), fallback);
const positive = (fallback: number) => z._default(z.number().check(z.gt(0, "must be > 0")), fallback);
const DAY = "must be 1 (Monday) to 7 (Sunday)";
/** Whole numbers, checked with a refinement so the field's own message shows (and zod/mini's integer format stays out of bundles). */
const whole = (message: string) => z.refine<number>((n) => Number.isInteger(n), message);
/** A day of the week, 1 (Monday) to 7 (Sunday). */
const day = () => z.number().check(whole(DAY), z.gte(1, DAY), z.lte(7, DAY));

const TIERS = ["dream", "a-list", "pain"] as const;
export const Tier = z.custom<(typeof TIERS)[number]>((v) => (TIERS as readonly unknown[]).includes(v), `must be one of ${TIERS.map((t) => JSON.stringify(t)).join(", ")}`);
export type Tier = z.infer<typeof Tier>;

export const WorkingHoursRule = z
  .object({
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

export const Account = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "must not be empty")),
  domains: z.array(domain).check(z.minLength(1, "must list at least one domain")),
  tier: Tier,
});
export type Account = z.infer<typeof Account>;

export const DecisionMaker = z.object({
  email,
  name: z._default(z.string(), ""),
  title: z._default(z.string(), ""),
});
export type DecisionMaker = z.infer<typeof DecisionMaker>;

export const DEFAULT_TARGETS = {
  dreamClientMinutes: 240,
  decisionMakerMeetings: 3,
  prospectingMinutes: 120,
  painMinutesMax: 180,
} as const;

export const Targets = z.object({
  dreamClientMinutes: nonNegative(DEFAULT_TARGETS.dreamClientMinutes),
  decisionMakerMeetings: nonNegative(DEFAULT_TARGETS.decisionMakerMeetings),
  prospectingMinutes: nonNegative(DEFAULT_TARGETS.prospectingMinutes),
  painMinutesMax: nonNegative(DEFAULT_TARGETS.painMinutesMax),
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
  z._default(z.number().check(z.gt(0, "must be more than 0"), z.lte(1, "must be at most 1 (a fraction such as 0.5)")), fallback);

export const Pipeline = z.object({
  annualTarget: positive(DEFAULT_PIPELINE.annualTarget),
  averageDeal: positive(DEFAULT_PIPELINE.averageDeal),
  winRate: fraction(DEFAULT_PIPELINE.winRate),
  meetingToOpportunity: fraction(DEFAULT_PIPELINE.meetingToOpportunity),
  sellingWeeks: z._default(z.number().check(z.gt(0, "must be > 0"), z.lte(53, "must be at most 53")), DEFAULT_PIPELINE.sellingWeeks),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const DEFAULT_WORKING_HOURS: WorkingHoursRule[] = [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }];

/** The settings schema: it is also the type. `{}` is valid; every field has a default. */
export const SettingsSchema = z.object({
  version: z._default(z.number({ error: "must be 1" }).check(z.refine((v) => v === 1, "must be 1")), 1),
  timeZone: z.optional(z.string().check(z.refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as America/New_York"))),
  weekStartsOn: z._default(day(), 1),
  workingHours: z._default(z.array(WorkingHoursRule), DEFAULT_WORKING_HOURS),
  ownDomains: z.optional(z.array(domain)),
  accounts: z._default(z.array(Account), []),
  decisionMakers: z._default(z.array(DecisionMaker), []),
  targets: z._default(Targets, DEFAULT_TARGETS),
  pipeline: z.optional(Pipeline),
  blankSpotMinMinutes: z._default(z.number().check(z.gte(1, "must be at least 1"), z.lte(24 * 60, "must be at most 1440")), 60),
  prospectingBlockMinutes: z._default(z.number().check(whole("must be whole minutes"), z.gte(5, "must be at least 5"), z.lte(8 * 60, "must be at most 480")), 90),
});

/** Settings after defaults. */
export type Settings = z.infer<typeof SettingsSchema>;
/** Settings as stored or typed by a user, before defaults. */
export type SettingsInput = z.input<typeof SettingsSchema>;

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
  if (issue.code === "unrecognized_keys") {
    return `${field} has an unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
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
