import { DateTime } from "luxon";
import { isIanaZone, wallClockMillis } from "../time/wallClock";
import { EventError } from "../errors";
import { err, ok, type Result } from "../result";
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
  if (isIanaZone(name)) return name;
  return windowsToIana(name);
};

const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * A wall-clock or offset date-time string read in `zone` (the offset wins when present),
 * fractional seconds beyond milliseconds dropped (Graph sends seven digits). A wall clock in an
 * IANA zone resolves as `wallClockMillis` says (first pass of a repeated time, offset from before
 * a skipped one), never from the date the program runs. Null when malformed.
 * @example wallClock("2026-12-01T14:00:00.0000000", "UTC") → 2026-12-01T14:00:00Z
 * @example wallClock("2026-11-01T01:30:00", "America/New_York") → 2026-11-01T01:30:00-04:00 (the first pass)
 */
export const wallClock = (text: string, zone: string): DateTime | null => {
  const trimmed = text.trim().replace(/(\.\d{3})\d+/, "$1");
  if (OFFSET.test(trimmed)) {
    const d = DateTime.fromISO(trimmed, { setZone: true });
    return d.isValid ? d : null;
  }
  if (isIanaZone(zone)) {
    // The wall clock read as if it were UTC (no offset guess), then placed in the zone.
    const naive = DateTime.fromISO(trimmed, { zone: "UTC" });
    if (!naive.isValid) return null;
    const d = DateTime.fromMillis(wallClockMillis(naive.toMillis(), zone), { zone });
    return d.isValid ? d : null;
  }
  const d = DateTime.fromISO(trimmed, { zone });
  return d.isValid ? d : null;
};

/**
 * Both ends of an event, checked together: the first unreadable end, or an end before the
 * start, is the error; a cancelled event whose times cannot be read is skipped instead (spec:
 * cancelled events are dropped before anything else is read).
 * @example checkedSpan("e1", ok(10:00), ok(09:00), false) → err(EventError("event e1: end (…) is before start (…)"))
 * @example checkedSpan("e2", err(…), ok(09:00), true) → "skip"
 */
export const checkedSpan = (
  id: string,
  start: Result<DateTime, EventError>,
  end: Result<DateTime, EventError>,
  cancelled: boolean,
): Result<{ start: DateTime; end: DateTime }, EventError> | "skip" => {
  const problem = !start.ok ? start.error : !end.ok ? end.error : end.value < start.value ? new EventError(id, "end", `(${end.value.toISO()}) is before start (${start.value.toISO()})`) : null;
  if (problem) return cancelled ? "skip" : err(problem);
  return ok({ start: (start as { value: DateTime }).value, end: (end as { value: DateTime }).value });
};
