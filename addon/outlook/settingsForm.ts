import type { Settings } from "../../shared/settings";

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

/** "acme.com, acme.co.uk; acme.de" → ["acme.com", "acme.co.uk", "acme.de"] */
export const splitList = (value: string): string[] =>
  value
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** "" → undefined (the default applies); "12" → 12; "abc" → NaN (the schema names the field). */
const num = (value: string): number | undefined => (value.trim() === "" ? undefined : Number(value.trim().replace(",", ".")));

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * What the form holds, as raw settings for the core's `parseSettings` (which validates and
 * names the field of any mistake). Blank numbers fall back to the defaults.
 * @example settingsInput({ …, targets: { dreamClientMinutes: "300", … } }).targets.dreamClientMinutes → 300
 */
export const settingsInput = (v: SettingsFormValues): Record<string, unknown> => {
  const domains = splitList(v.ownDomains);
  return defined({
    version: 1,
    timeZone: v.timeZone.trim() === "" ? undefined : v.timeZone.trim(),
    weekStartsOn: num(v.weekStartsOn),
    workingHours: v.workingHours.map((r) => ({ days: [...r.days], start: r.start.trim(), end: r.end.trim() })),
    ownDomains: domains.length > 0 ? domains : undefined,
    accounts: v.accounts
      .filter((a) => a.name.trim() !== "" || a.domains.trim() !== "")
      .map((a) => ({ name: a.name.trim(), domains: splitList(a.domains), tier: a.tier })),
    decisionMakers: v.decisionMakers
      .filter((d) => d.email.trim() !== "" || d.name.trim() !== "")
      .map((d) => ({ email: d.email.trim(), name: d.name.trim(), title: d.title.trim() })),
    targets: defined({
      dreamClientMinutes: num(v.targets.dreamClientMinutes),
      decisionMakerMeetings: num(v.targets.decisionMakerMeetings),
      prospectingMinutes: num(v.targets.prospectingMinutes),
      painMinutesMax: num(v.targets.painMinutesMax),
    }),
    pipeline: v.usePipeline
      ? defined({
          annualTarget: num(v.pipeline.annualTarget),
          averageDeal: num(v.pipeline.averageDeal),
          winRate: num(v.pipeline.winRate),
          meetingToOpportunity: num(v.pipeline.meetingToOpportunity),
          sellingWeeks: num(v.pipeline.sellingWeeks),
        })
      : undefined,
    blankSpotMinMinutes: num(v.blankSpotMinMinutes),
    prospectingBlockMinutes: num(v.prospectingBlockMinutes),
  });
};
