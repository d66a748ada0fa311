/**
 * Everything only the settings screen needs (the form, its text ↔ settings mapping and the CRM
 * CSV import), behind one module that the task pane loads on first use: it is a chunk of its own,
 * so the code that draws the week stays small.
 */
import { parseSettings, type Settings } from "../../shared";
import { importCrmCsv } from "../../shared/import";
import { formValues, formValuesFromRaw, settingsInput, type SettingsFormValues } from "./settingsForm";

export { markInvalidField, renderSettings, type SettingsNotice } from "./renderSettings";
export { formValues, formValuesFromRaw, settingsInput, type SettingsFormValues } from "./settingsForm";

/** What importing a CRM CSV into the form gives: the form to show next and its notice. */
export type CsvImportStep = { readonly kind: "error"; readonly text: string; readonly values: SettingsFormValues } | { readonly kind: "info"; readonly text: string; readonly values: SettingsFormValues };

/**
 * Merges a CRM CSV export into what the form holds (the core's importCrmCsv), with the report
 * in words; nothing is saved until the user chooses Save settings.
 */
export const importCsvIntoForm = (text: string, fileName: string, values: SettingsFormValues): CsvImportStep => {
  const base = parseSettings(settingsInput(values));
  if (!base.ok) return { kind: "error", text: `Fix the form before importing: ${base.error.message}`, values };
  const imported = importCrmCsv(text, base.value);
  if (!imported.ok) return { kind: "error", text: `${fileName}: ${imported.error.message}`, values };
  const r = imported.value.report;
  const skipped = r.skipped.length > 0 ? ` Skipped ${r.skipped.length} row(s): ${r.skipped.slice(0, 3).map((s) => `row ${s.row} (${s.reason})`).join("; ")}${r.skipped.length > 3 ? "; …" : ""}.` : "";
  return {
    kind: "info",
    text: `Read ${r.rowsRead} row(s) from ${fileName}: ${r.accountsAdded} account(s) added, ${r.accountsUpdated} updated, ${r.decisionMakersAdded} decision-maker(s) added, ${r.decisionMakersUpdated} updated.${skipped} Review and choose Save settings.`,
    values: formValues(imported.value.settings as Settings),
  };
};

/** Form values for stored settings that did not validate (as far as they can be read). */
export const valuesFromStored = (raw: unknown): SettingsFormValues => formValuesFromRaw(raw);
