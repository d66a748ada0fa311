import type { DateTime, Interval } from "luxon";
import type { Settings } from "../settings/settings";
import { readWindow, weekFor } from "../time/week";
import { resolveZone } from "../time/zone";
import { userZone } from "../time/cachedZone";

/** What a host needs before it reads: the zone, the instant, the week and the window to read. */
export interface PreparedWeek {
  readonly settings: Settings;
  /** The user's IANA zone. */
  readonly zone: string;
  readonly now: DateTime;
  readonly week: Interval<true>;
  /** The look-back weeks and the week: what the host reads, in one query. */
  readonly window: Interval<true>;
  /** Any date inside the week (YYYY-MM-DD): what a retry or a refresh shows again. */
  readonly weekOf: string;
}

export interface PrepareInput {
  readonly settings: Settings;
  /** The calendar's own zone (IANA or a Windows name), when the host knows it. */
  readonly calendarZone?: string | null | undefined;
  /** The instant, as the host's clock gives it: the core never reads a clock. */
  readonly now: DateTime;
  /** Any date inside the week to show (YYYY-MM-DD); absent or "" means next week. */
  readonly weekOf?: string | undefined;
}

/**
 * The first step of every host's flow: the zone (settings, else the calendar's, else UTC), the
 * week and the read window. Synchronous and free of I/O.
 * @example prepareWeek({ settings: defaults, calendarZone: "America/New_York", now: Mon 23 Nov 2026 12:00 }).window
 *   → 5 Oct 2026 00:00 – 7 Dec 2026 00:00 (eight look-back weeks and next week)
 */
export const prepareWeek = ({ settings, calendarZone, now, weekOf }: PrepareInput): PreparedWeek => {
  const zone = resolveZone(settings, calendarZone ?? null);
  const at = now.setZone(userZone(zone));
  const week = weekFor({ now: at, zone, weekStartsOn: settings.weekStartsOn, weekOf: weekOf || undefined });
  return { settings, zone, now: at, week, window: readWindow(week, settings.lookBackWeeks), weekOf: week.start.toISODate() ?? "" };
};
