/**
 * The core's public surface. Hosts import from here only (and the CRM CSV import from its own
 * door, shared/import/index.ts, so it is bundled only where it is used).
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
export { INTL_ZONE_FACTS, useZoneFacts, userZone, type ZoneFacts } from "./time/cachedZone";
export { compactRegistrableDomain, type RegistrableDomain } from "./plan/registrableDomain";
export { planWeek, type PlanInput } from "./plan/planWeek";
export { cardModel } from "./view/cardModel";
export { measuresJson, type MeasuresJson } from "./plan/measuresJson";
export { normalizeGoogleEvents, googleItems, type GoogleEventList } from "./normalize/google";
export { normalizeGraphEvents, graphItems, type GraphEventList } from "./normalize/graph";
export { parseIcs, readIcs, normalizeIcsEvents, ICAL_MARKER_PROPERTY, type IcsCalendar } from "./normalize/ical";
export { windowsToIana } from "./normalize/windowsZones";
export { zoneFromName } from "./normalize/eventTimes";
export { dayLabel, timeRange, textBar } from "./view/format";
export { prepareWeek, type PreparedWeek, type PrepareInput } from "./flow/prepareWeek";
export { weekScreen, planScreen, errorScreen, type WeekScreen, type ScreenContext, type RawNormalizer } from "./flow/weekScreen";
export { errorView, type ErrorView } from "./view/errorView";
export { bookingMessage, type BookingMessage } from "./booking/bookingMessage";
export { requestFromAction, type ActionParameters } from "./booking/requestFromAction";
export { bookAction } from "./view/bookAction";
export { applySuggestion } from "./settings/applySuggestion";
export { companyName, SUGGESTION_CHOICES } from "./view/firstRun";
export { duration } from "./view/format";
export { formNumber } from "./settings/formNumber";
export { storedSettings, type StoredSettings } from "./settings/storedSettings";
export { printable } from "./text/printable";
export { selfAddress } from "./normalize/selfAddress";
export type { BookingResult, CalendarWriter } from "./booking/calendarWriter";
