import type { DateTime } from "luxon";
import { defaultSettings, parseSettings, type Settings, type SettingsError } from "../../shared";
import { calendarPrefs } from "./calendarSettings";
import { eventZone, type AddOnEvent } from "./eventObject";
import type { Services } from "./services";
import { loadSettings } from "./settingsStore";

/** One call's view of the user: settings, the calendar's zone, address and the instant. */
export interface UserContext {
  readonly settings: Settings;
  /** The user's address, for events that carry no `self` flag. */
  readonly me: string | undefined;
  readonly now: DateTime;
  /** Nothing saved yet: defaults from the calendar. */
  readonly firstRun: boolean;
  /** The zone Calendar gave (event object, else the calendar's setting), or null; the core's prepareWeek decides the zone. */
  readonly calendarZone: string | null;
}

/** Stored settings that fail the schema: the settings card opens with the message. */
export interface InvalidSettings {
  readonly error: SettingsError;
  readonly raw: unknown;
  readonly calendarZone: string | null;
}

/**
 * Reads the settings (validated), the zone Calendar gives (event object, else the calendar's
 * setting) and the user's address. The calendar's settings are read only when needed: when the
 * event object carries no zone, or on first run for the first weekday.
 */
export const userContext = (services: Services, now: DateTime, e: AddOnEvent | undefined): { ok: true; value: UserContext } | { ok: false; error: InvalidSettings } => {
  const stored = loadSettings(services.properties());
  const hostZone = eventZone(e);
  const needPrefs = !hostZone || stored.kind === "none";
  const prefs = needPrefs ? calendarPrefs(services.calendar, services.cache(), services.log) : null;
  const calendarZone = hostZone ?? prefs?.timeZone ?? null;
  if (stored.kind === "invalid") return { ok: false, error: { error: stored.error, raw: stored.raw, calendarZone } };
  let settings: Settings;
  if (stored.kind === "ok") settings = stored.settings;
  else {
    const fromCalendar = parseSettings(prefs?.weekStartsOn ? { weekStartsOn: prefs.weekStartsOn } : {});
    settings = fromCalendar.ok ? fromCalendar.value : defaultSettings();
  }
  const me = services.userEmail() || undefined;
  return { ok: true, value: { settings, me, now, firstRun: stored.kind === "none", calendarZone } };
};
