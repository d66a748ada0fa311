import { formValues, settingsInput, splitList } from "../../addon/outlook/settingsForm";
import { defaultSettings, parseSettings } from "../../shared/settings";
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
