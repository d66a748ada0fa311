/**
 * The core's second door, for hosts that import a CRM CSV export into their settings. It is kept
 * apart from shared/index.ts so a host's code that draws the week does not carry the CSV import:
 * a host bundles it only where it is used (Outlook: the settings screen's chunk).
 */
export { importCrmCsv, type CsvImportReport, type CsvImportOptions } from "./csvImport";
