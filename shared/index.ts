/**
 * The core's public surface. Hosts import from here only.
 * Flow: parseSettings → resolveZone → weekFor → normalize*Events → planWeek → cardModel.
 */
export * from "./result";
export * from "./errors";
export * from "./event";
export * from "./settings/settings";
export * from "./plan/plan";
export * from "./view/cardView";
export * from "./booking/booking";
export { resolveZone } from "./time/zone";
export { weekFor, weeksBefore, readWindow } from "./time/week";
export { compactRegistrableDomain, type RegistrableDomain } from "./plan/registrableDomain";
export { planWeek, type PlanInput } from "./plan/planWeek";
export { cardModel } from "./view/cardModel";
export { measuresJson, type MeasuresJson } from "./plan/measuresJson";
export { normalizeGoogleEvents, googleItems, type GoogleEventList } from "./normalize/google";
export { normalizeGraphEvents, graphItems, type GraphEventList } from "./normalize/graph";
export { parseIcs, readIcs, normalizeIcsEvents, ICAL_MARKER_PROPERTY, type IcsCalendar } from "./normalize/ical";
export { windowsToIana } from "./normalize/windowsZones";
export { importCrmCsv, type CsvImportReport, type CsvImportOptions } from "./import/csvImport";
export { zoneFromName } from "./normalize/eventTimes";
export { dayLabel, timeRange, textBar } from "./view/format";
