import { defaultSettings, formNumber, type Settings } from "../../shared";

/** The settings form as the user types it: every field a string, lists as rows. */
export interface SettingsFormValues {
  readonly timeZone: string;
  readonly weekStartsOn: string;
  readonly workingHours: readonly { readonly days: readonly number[]; readonly start: string; readonly end: string }[];
  readonly ownDomains: string;
  readonly accounts: readonly { readonly name: string; readonly domains: string; readonly tier: string }[];
  readonly decisionMakers: readonly { readonly email: string; readonly name: string; readonly title: string }[];
  readonly targets: { readonly dreamClientMinutes: string; readonly decisionMakerMeetings: string; readonly prospectingMinutes: string; readonly painMinutesMax: string };
  readonly usePipeline: boolean;
  readonly pipeline: { readonly annualTarget: string; readonly averageDeal: string; readonly winRate: string; readonly meetingToOpportunity: string; readonly sellingWeeks: string };
  readonly blankSpotMinMinutes: string;
  readonly prospectingBlockMinutes: string;
}

const text = (n: number | undefined): string => (n === undefined ? "" : String(n));

/**
 * The form's values for settings.
 * @example formValues(defaultSettings()).targets.dreamClientMinutes → "240"
 */
export const formValues = (s: Settings): SettingsFormValues => ({
  timeZone: s.timeZone ?? "",
  weekStartsOn: String(s.weekStartsOn),
  workingHours: s.workingHours.map((r) => ({ days: [...r.days], start: r.start, end: r.end })),
  ownDomains: (s.ownDomains ?? []).join(", "),
  accounts: s.accounts.map((a) => ({ name: a.name, domains: a.domains.join(", "), tier: a.tier })),
  decisionMakers: s.decisionMakers.map((d) => ({ email: d.email, name: d.name, title: d.title })),
  targets: {
    dreamClientMinutes: text(s.targets.dreamClientMinutes),
    decisionMakerMeetings: text(s.targets.decisionMakerMeetings),
    prospectingMinutes: text(s.targets.prospectingMinutes),
    painMinutesMax: text(s.targets.painMinutesMax),
  },
  usePipeline: s.pipeline !== undefined,
  pipeline: {
    annualTarget: text(s.pipeline?.annualTarget),
    averageDeal: text(s.pipeline?.averageDeal),
    winRate: text(s.pipeline?.winRate),
    meetingToOpportunity: text(s.pipeline?.meetingToOpportunity),
    sellingWeeks: text(s.pipeline?.sellingWeeks),
  },
  blankSpotMinMinutes: text(s.blankSpotMinMinutes),
  prospectingBlockMinutes: text(s.prospectingBlockMinutes),
});

type Loose = Record<string, unknown>;
const loose = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const looseText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
const looseList = (v: unknown): string => (Array.isArray(v) ? v.map(looseText).filter((t) => t !== "").join(", ") : looseText(v));
/** The stored field as text when it is there, else the default's text (an absent field means the default). */
const pick = (from: Loose, key: string, fallback: string): string => (key in from ? looseText(from[key]) : fallback);

/**
 * The form's values for stored settings that do not validate: every field that can be read is
 * kept as it was stored (wrong values included, so the message can point at them), absent fields
 * show the defaults. Nothing valid is lost when the user corrects the field and saves.
 * @example formValuesFromRaw({ weekStartsOn: 9, accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }] }).accounts[0].domains → "acme.com"
 */
export const formValuesFromRaw = (raw: unknown): SettingsFormValues => {
  const s = loose(raw);
  const d = formValues(defaultSettings());
  const targets = loose(s.targets);
  const pipeline = loose(s.pipeline);
  return {
    timeZone: pick(s, "timeZone", d.timeZone),
    weekStartsOn: pick(s, "weekStartsOn", d.weekStartsOn),
    workingHours: Array.isArray(s.workingHours)
      ? s.workingHours.map(loose).map((r) => ({
          days: Array.isArray(r.days) ? r.days.filter((day): day is number => typeof day === "number") : [],
          start: looseText(r.start),
          end: looseText(r.end),
        }))
      : d.workingHours,
    ownDomains: "ownDomains" in s ? looseList(s.ownDomains) : d.ownDomains,
    accounts: Array.isArray(s.accounts) ? s.accounts.map(loose).map((a) => ({ name: looseText(a.name), domains: looseList(a.domains), tier: looseText(a.tier) })) : d.accounts,
    decisionMakers: Array.isArray(s.decisionMakers)
      ? s.decisionMakers.map(loose).map((m) => ({ email: looseText(m.email), name: looseText(m.name), title: looseText(m.title) }))
      : d.decisionMakers,
    targets: {
      dreamClientMinutes: pick(targets, "dreamClientMinutes", d.targets.dreamClientMinutes),
      decisionMakerMeetings: pick(targets, "decisionMakerMeetings", d.targets.decisionMakerMeetings),
      prospectingMinutes: pick(targets, "prospectingMinutes", d.targets.prospectingMinutes),
      painMinutesMax: pick(targets, "painMinutesMax", d.targets.painMinutesMax),
    },
    usePipeline: s.pipeline !== undefined && s.pipeline !== null,
    pipeline: {
      annualTarget: pick(pipeline, "annualTarget", ""),
      averageDeal: pick(pipeline, "averageDeal", ""),
      winRate: pick(pipeline, "winRate", ""),
      meetingToOpportunity: pick(pipeline, "meetingToOpportunity", ""),
      sellingWeeks: pick(pipeline, "sellingWeeks", ""),
    },
    blankSpotMinMinutes: pick(s, "blankSpotMinMinutes", d.blankSpotMinMinutes),
    prospectingBlockMinutes: pick(s, "prospectingBlockMinutes", d.prospectingBlockMinutes),
  };
};

/** "acme.com, acme.co.uk; acme.de" → ["acme.com", "acme.co.uk", "acme.de"] */
export const splitList = (value: string): string[] =>
  value
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter((v) => v !== "");

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * What the form holds, as raw settings for the core's `parseSettings` (which validates and
 * names the field of any mistake). Numbers are read with the core's `formNumber`, as in every
 * host ("1,000" → 1000, "0,5" → 0.5, "50%" → 0.5 for the rates); blank ones fall back to the defaults.
 * @example settingsInput({ …, targets: { dreamClientMinutes: "300", … } }).targets.dreamClientMinutes → 300
 */
export const settingsInput = (v: SettingsFormValues): Record<string, unknown> => {
  const domains = splitList(v.ownDomains);
  return defined({
    version: 1,
    timeZone: v.timeZone.trim() === "" ? undefined : v.timeZone.trim(),
    weekStartsOn: formNumber(v.weekStartsOn),
    workingHours: v.workingHours.map((r) => ({ days: [...r.days], start: r.start.trim(), end: r.end.trim() })),
    ownDomains: domains.length > 0 ? domains : undefined,
    accounts: v.accounts
      .filter((a) => a.name.trim() !== "" || a.domains.trim() !== "")
      .map((a) => ({ name: a.name.trim(), domains: splitList(a.domains), tier: a.tier })),
    decisionMakers: v.decisionMakers
      .filter((d) => d.email.trim() !== "" || d.name.trim() !== "")
      .map((d) => ({ email: d.email.trim(), name: d.name.trim(), title: d.title.trim() })),
    targets: defined({
      dreamClientMinutes: formNumber(v.targets.dreamClientMinutes),
      decisionMakerMeetings: formNumber(v.targets.decisionMakerMeetings),
      prospectingMinutes: formNumber(v.targets.prospectingMinutes),
      painMinutesMax: formNumber(v.targets.painMinutesMax),
    }),
    pipeline: v.usePipeline
      ? defined({
          annualTarget: formNumber(v.pipeline.annualTarget),
          averageDeal: formNumber(v.pipeline.averageDeal),
          winRate: formNumber(v.pipeline.winRate, { percent: true }),
          meetingToOpportunity: formNumber(v.pipeline.meetingToOpportunity, { percent: true }),
          sellingWeeks: formNumber(v.pipeline.sellingWeeks),
        })
      : undefined,
    blankSpotMinMinutes: formNumber(v.blankSpotMinMinutes),
    prospectingBlockMinutes: formNumber(v.prospectingBlockMinutes),
  });
};
