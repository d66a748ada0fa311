import { formValues, formValuesFromRaw, settingsInput, splitList } from "../../addon/outlook/settingsForm";
import { defaultSettings, parseSettings } from "../../shared/settings/settings";
import { SETTINGS } from "./fixtures/knownWeek";

const parsed = (input: unknown) => {
  const r = parseSettings(input);
  if (!r.ok) throw r.error;
  return r.value;
};

test("the form holds every field of the settings and gives them back unchanged", () => {
  const settings = parsed(SETTINGS);
  expect(parsed(settingsInput(formValues(settings)))).toEqual(settings);
  const defaults = defaultSettings();
  expect(parsed(settingsInput(formValues(defaults)))).toEqual(defaults);
});

test("blank numbers fall back to the defaults", () => {
  const values = formValues(parsed(SETTINGS));
  const edited = { ...values, targets: { ...values.targets, dreamClientMinutes: " " }, blankSpotMinMinutes: "" };
  const s = parsed(settingsInput(edited));
  expect(s.targets.dreamClientMinutes).toBe(240);
  expect(s.blankSpotMinMinutes).toBe(60);
});

test("numbers are read as in every host (the core's formNumber): thousands commas, a decimal comma, rates as percentages", () => {
  const values = formValues(parsed(SETTINGS));
  const s = parsed(
    settingsInput({
      ...values,
      targets: { ...values.targets, dreamClientMinutes: "1,000" },
      pipeline: { ...values.pipeline, annualTarget: "$1,250,000", averageDeal: "12 500", winRate: "50%", meetingToOpportunity: "0,2" },
    }),
  );
  expect(s.targets.dreamClientMinutes).toBe(1000);
  expect(s.pipeline).toMatchObject({ annualTarget: 1_250_000, averageDeal: 12_500, winRate: 0.5, meetingToOpportunity: 0.2 });
});

test("a typed value that is not a number is refused naming the field", () => {
  const values = formValues(parsed(SETTINGS));
  const r = parseSettings(settingsInput({ ...values, targets: { ...values.targets, painMinutesMax: "lots" } }));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.message).toMatch(/^targets\.painMinutesMax /);
});

test("a bad domain names its account row", () => {
  const values = formValues(parsed(SETTINGS));
  const accounts = [...values.accounts, { name: "Contoso", domains: "not a domain!", tier: "dream" }];
  const r = parseSettings(settingsInput({ ...values, accounts }));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.message).toMatch(/^accounts\[3\]\.domains\[\d\] must be a domain/);
});

test("empty rows are dropped; unticking the pipeline removes it", () => {
  const values = formValues(parsed(SETTINGS));
  const s = parsed(settingsInput({ ...values, usePipeline: false, accounts: [...values.accounts, { name: " ", domains: "", tier: "dream" }], decisionMakers: [{ email: "", name: "", title: "" }] }));
  expect(s.pipeline).toBeUndefined();
  expect(s.accounts).toHaveLength(3);
  expect(s.decisionMakers).toEqual([]);
});

test("lists split on commas, semicolons and spaces", () => {
  expect(splitList(" acme.com, acme.co.uk;acme.de  acme.fr ,")).toEqual(["acme.com", "acme.co.uk", "acme.de", "acme.fr"]);
});

test("stored settings that do not validate fill the form as stored, so fixing one field loses nothing", () => {
  const stored = { ...SETTINGS, targets: { ...SETTINGS.targets, painMinutesMax: -30 } };
  expect(parseSettings(stored).ok).toBe(false);
  const values = formValuesFromRaw(stored);
  expect(values.targets.painMinutesMax).toBe("-30");
  const fixed = parsed(settingsInput({ ...values, targets: { ...values.targets, painMinutesMax: "30" } }));
  expect(fixed).toEqual(parsed({ ...SETTINGS, targets: { ...SETTINGS.targets, painMinutesMax: 30 } }));
  expect(fixed.accounts.map((a) => a.name)).toEqual(["Fabrikam", "Northwind", "Tailspin"]);
  expect(fixed.decisionMakers.map((d) => d.email)).toEqual(["ceo@fabrikam.com"]);
});

test("stored values of the wrong shape are read as far as they can be; absent fields show the defaults", () => {
  const values = formValuesFromRaw({ weekStartsOn: "9", accounts: [{ name: "Acme", domains: "acme.com", tier: "gold" }, "junk"], targets: { dreamClientMinutes: 300 } });
  expect(values.weekStartsOn).toBe("9");
  expect(values.accounts).toEqual([
    { name: "Acme", domains: "acme.com", tier: "gold" },
    { name: "", domains: "", tier: "" },
  ]);
  const defaults = formValues(defaultSettings());
  expect(values.targets).toEqual({ ...defaults.targets, dreamClientMinutes: "300" });
  expect(values.workingHours).toEqual(defaults.workingHours);
  expect(values.usePipeline).toBe(false);
  expect(formValuesFromRaw("not an object")).toEqual(defaults);
  // Valid stored settings fill the form exactly as the parsed ones do.
  expect(formValuesFromRaw(parsed(SETTINGS))).toEqual(formValues(parsed(SETTINGS)));
});
