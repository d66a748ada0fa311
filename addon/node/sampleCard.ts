import type { DateTime } from "luxon";
import { getDomain } from "tldts-icann";
import { type NextWeekError, normalizeGoogleEvents, parseSettings, planScreen, prepareWeek, type Result, type SettingsInput } from "../../shared";
import { renderText } from "./renderText";
import { sampleWeek } from "./sampleWeek";

/**
 * The terminal card of the bundled sample week (its eight look-back weeks included), dated on
 * the week after `now`, through the core's flow as `next-week analyze` goes. `settings` replaces
 * the sample's own (`{}` shows a first run: the suggested accounts).
 * @example sampleCardText(now) → ok("Next week · 30 Nov – 6 Dec    Times in America/New_York\n…")
 */
export const sampleCardText = (now: DateTime, settingsInput?: SettingsInput): Result<string, NextWeekError> => {
  const sample = sampleWeek(now);
  const settings = parseSettings(settingsInput ?? sample.settings);
  if (!settings.ok) return settings;
  const prepared = prepareWeek({ settings: settings.value, calendarZone: sample.zone, now });
  const events = normalizeGoogleEvents(sample.window.google, { zone: prepared.zone, me: sample.me });
  if (!events.ok) return events;
  const screen = planScreen(events.value, prepared, { me: sample.me, registrableDomain: getDomain });
  return screen.kind === "card" ? { ok: true, value: renderText(screen.card) } : { ok: false, error: screen.cause };
};
