import type { DateTime } from "luxon";
import { parseSettings } from "../../shared";
import { importCrmCsv } from "../../shared/import";
import { formValue, param, type AddOnEvent } from "./eventObject";
import { pushCard, updateCard } from "./responses";
import type { Services } from "./services";
import { settingsCard } from "./settingsCard";
import { FIELDS, formToSettings, locateMessage, settingsToForm, type FieldName, type FormValues } from "./settingsForm";
import { saveSettings } from "./settingsStore";
import { userContext, type InvalidSettings } from "./userContext";
import { weekCard } from "./weekCard";

/** Longest CSV import report shown; the rest is counted. */
const MAX_REPORT_LINES = 20;

/** The settings card for stored settings that fail the schema: the message, and what was stored to fix. */
export const invalidSettingsCard = (services: Services, invalid: InvalidSettings, weekOf: string) =>
  settingsCard(services.cards, {
    values: settingsToForm(invalid.raw),
    notice: { tone: "bad", text: `Your settings need attention: ${invalid.error.message}` },
    calendarZone: invalid.calendarZone,
    weekOf,
  });

/** The settings card for the current settings (or the first-run defaults). */
const currentSettingsCard = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const user = userContext(services, now, e);
  if (!user.ok) return invalidSettingsCard(services, user.error, weekOf);
  return settingsCard(services.cards, { values: settingsToForm(user.value.settings), calendarZone: user.value.calendarZone, firstRun: user.value.firstRun, weekOf });
};

/** "Settings" button: opens the settings card over the week. */
export const openSettings = (services: Services, now: DateTime, e: AddOnEvent | undefined) => pushCard(services.cards, currentSettingsCard(services, now, e));

/** The "Settings" universal action (the add-on's ⋮ menu). */
export const settingsUniversal = (services: Services, now: DateTime, e: AddOnEvent | undefined) =>
  services.cards.newUniversalActionResponseBuilder().displayAddOnCards([currentSettingsCard(services, now, e)]).build();

const formValues = (e: AddOnEvent | undefined): FormValues => {
  const values: Partial<Record<FieldName, string>> = {};
  for (const name of Object.values(FIELDS)) values[name] = formValue(e, name);
  return values;
};

/** The form as typed, to show again with a message: nothing the seller typed is lost. */
const typedAgain = (values: FormValues): Record<FieldName, string> => {
  const out = {} as Record<FieldName, string>;
  for (const name of Object.values(FIELDS)) out[name] = values[name] ?? "";
  return out;
};

/**
 * "Save": the form → the core's schema → the store. Invalid: the card again with the field's
 * message and what was typed, and the last good settings kept. Valid: back to the week.
 */
export const saveSettingsAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const values = formValues(e);
  const form = formToSettings(values);
  const result = form.ok ? saveSettings(services.properties(), services.lock(), form.value.input) : form;
  if (!result.ok) {
    const message = form.ok ? locateMessage(result.error.message, form.value.origin) : result.error.message;
    const card = settingsCard(services.cards, { values: typedAgain(values), notice: { tone: "bad", text: `Not saved. ${message}` }, calendarZone: null, weekOf });
    return updateCard(services.cards, card, { notification: `Not saved: ${message}` });
  }
  const user = userContext(services, now, e);
  if (!user.ok) return updateCard(services.cards, invalidSettingsCard(services, user.error, weekOf));
  return updateCard(services.cards, weekCard(services, user.value, weekOf, { tone: "good", text: "Settings saved." }), { notification: "Settings saved.", popToRoot: true });
};

/**
 * "Import CSV": the pasted CRM export merged into the settings on the form (the core's import),
 * saved, and the card shown again with the import's report of added, updated and skipped rows.
 */
export const importCsvAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const values = formValues(e);
  const again = (text: string, report: string[] | null = null) =>
    updateCard(services.cards, settingsCard(services.cards, { values: typedAgain(values), notice: { tone: "bad", text }, report, calendarZone: null, weekOf }), { notification: text });
  const csv = values[FIELDS.csv] ?? "";
  if (csv.trim() === "") return again("Paste a CSV export into the box first.");
  const form = formToSettings(values);
  if (!form.ok) return again(`Fix the form first: ${form.error.message}`);
  const base = parseSettings(form.value.input);
  if (!base.ok) return again(`Fix the form first: ${locateMessage(base.error.message, form.value.origin)}`);
  const imported = importCrmCsv(csv, base.value);
  if (!imported.ok) return again(`Nothing was imported: ${imported.error.message}`);
  const { report } = imported.value;
  const lines = [
    `Read ${report.rowsRead} rows: ${report.accountsAdded} accounts added, ${report.accountsUpdated} updated; ${report.decisionMakersAdded} decision-makers added, ${report.decisionMakersUpdated} updated.`,
    ...report.skipped.slice(0, MAX_REPORT_LINES).map((s) => `Skipped row ${s.row}: ${s.reason}`),
    ...(report.skipped.length > MAX_REPORT_LINES ? [`… and ${report.skipped.length - MAX_REPORT_LINES} more rows skipped`] : []),
  ];
  const saved = saveSettings(services.properties(), services.lock(), imported.value.settings);
  if (!saved.ok) return again(`Imported, but not saved: ${saved.error.message}`, lines);
  const card = settingsCard(services.cards, {
    values: settingsToForm(saved.value),
    notice: { tone: "good", text: "Imported and saved." },
    report: lines,
    calendarZone: null,
    weekOf,
  });
  return updateCard(services.cards, card, { notification: "CSV imported and settings saved." });
};
