import { DateTime, IANAZone } from "luxon";
import { EventError } from "../errors";
import { windowsToIana } from "./windowsZones";

/**
 * An all-day date ("2026-12-01") as midnight in the user's zone, or null when malformed.
 * @example dateAtMidnight("2026-12-01", "America/New_York") → 2026-12-01T00:00-05:00
 */
export const dateAtMidnight = (date: string, zone: string): DateTime | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = DateTime.fromISO(date, { zone }).startOf("day");
  return d.isValid ? d : null;
};

/**
 * An IANA zone for a zone name that is IANA, UTC or a Windows name (CLDR table); null otherwise.
 * @example zoneFromName("Pacific Standard Time") → "America/Los_Angeles"
 */
export const zoneFromName = (name: string): string | null => {
  if (IANAZone.isValidZone(name)) return name;
  return windowsToIana(name);
};

const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * A wall-clock or offset date-time string read in `zone` (the offset wins when present),
 * fractional seconds beyond milliseconds dropped (Graph sends seven digits). Null when malformed.
 * @example wallClock("2026-12-01T14:00:00.0000000", "UTC") → 2026-12-01T14:00:00Z
 */
export const wallClock = (text: string, zone: string): DateTime | null => {
  const trimmed = text.trim().replace(/(\.\d{3})\d+/, "$1");
  const d = OFFSET.test(trimmed) ? DateTime.fromISO(trimmed, { setZone: true }) : DateTime.fromISO(trimmed, { zone });
  return d.isValid ? d : null;
};

/** Throws nothing: checks end ≥ start and returns the EventError otherwise. */
export const orderError = (id: string, start: DateTime, end: DateTime): EventError | null =>
  end < start ? new EventError(id, "end", `(${end.toISO()}) is before start (${start.toISO()})`) : null;
