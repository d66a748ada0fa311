/**
 * The core's public surface. Hosts import from here only.
 * Flow: parseSettings → resolveZone → weekFor → normalize*Events → planWeek → cardModel.
 */
export * from "./result";
export * from "./errors";
export * from "./event";
export * from "./settings";
export * from "./plan";
export * from "./cardView";
export * from "./booking";
export { resolveZone } from "./zone";
export { weekFor } from "./week";
export { planWeek, type PlanInput } from "./planWeek";
export { cardModel } from "./cardModel";
export { measuresJson, type MeasuresJson } from "./measuresJson";
export { normalizeGoogleEvents, type GoogleEventList } from "./normalize/google";
export { normalizeGraphEvents, type GraphEventList } from "./normalize/graph";
export { parseIcs, readIcs, normalizeIcsEvents, ICAL_MARKER_PROPERTY, type IcsCalendar } from "./normalize/ical";
export { windowsToIana } from "./normalize/windowsZones";
export { importCrmCsv, type CsvImportReport, type CsvImportOptions } from "./csvImport";
