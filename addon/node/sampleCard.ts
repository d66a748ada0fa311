import type { DateTime } from "luxon";
import { cardModel, type NextWeekError, normalizeGoogleEvents, parseSettings, planWeek, type Result } from "../../shared";
import { renderText } from "./renderText";
import { sampleWeek } from "./sampleWeek";

/**
 * The terminal card of the bundled sample week, dated on the week after `now`.
 * @example sampleCardText(now) → ok("Next week · 30 Nov – 6 Dec  (America/New_York)\n…")
 */
export const sampleCardText = (now: DateTime): Result<string, NextWeekError> => {
  const sample = sampleWeek(now);
  const settings = parseSettings(sample.settings);
  if (!settings.ok) return settings;
  const events = normalizeGoogleEvents(sample.google, { zone: sample.zone, me: sample.me });
  if (!events.ok) return events;
  const plan = planWeek({ events: events.value, settings: settings.value, zone: sample.zone, now, week: sample.week, me: sample.me });
  return { ok: true, value: renderText(cardModel(plan)) };
};
