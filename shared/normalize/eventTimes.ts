import { DateTime } from "luxon";
import type { DateTimes } from "../time/dateTimes";
import { isIanaZone, startOfDayMillis, wallClockMillis } from "../time/wallClock";
import { EventError } from "../errors";
import { err, ok, type Result } from "../result";
import { windowsToIana } from "./windowsZones";
import { dateNumber, offsetMillis, wallMillis } from "./rfc3339";

const CACHE_LIMIT = 10_000;

/**
 * An all-day date ("2026-12-01") as the epoch milliseconds of its first instant in the user's
 * zone (the first 00:00 where midnight happens twice, the first instant of the day where it never
 * happens), or NaN when malformed.
 * @example dateStartMillis("2026-12-01", "America/New_York") → Date.UTC(2026, 11, 1, 5)
 */
export const dateStartMillis = (date: string, zone: string): number => {
  const packed = dateNumber(date);
  if (packed === packed && isIanaZone(zone)) return startOfDayMillis(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100, zone);
  // Other forms and zones (a fixed offset, an unknown name) as luxon reads them.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return NaN;
  const d = DateTime.fromISO(date, { zone }).startOf("day");
  return d.isValid ? d.toMillis() : NaN;
};

const zoneNames = new Map<string, string | null>();

/**
 * An IANA zone for a zone name that is IANA, UTC or a Windows name (CLDR table); null otherwise.
 * Asked once per name.
 * @example zoneFromName("Pacific Standard Time") → "America/Los_Angeles"
 */
export const zoneFromName = (name: string): string | null => {
  let zone = zoneNames.get(name);
  if (zone === undefined) {
    zone = isIanaZone(name) ? name : windowsToIana(name);
    if (zoneNames.size >= CACHE_LIMIT) zoneNames.clear();
    zoneNames.set(name, zone);
  }
  return zone;
};

const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** `instantMillis` as luxon reads it, for the forms the hand readers leave. */
const slowInstantMillis = (text: string, zone: string): number => {
  const trimmed = text.trim().replace(/(\.\d{3})\d+/, "$1");
  if (OFFSET.test(trimmed)) {
    const d = DateTime.fromISO(trimmed, { setZone: true });
    return d.isValid ? d.toMillis() : NaN;
  }
  if (isIanaZone(zone)) {
    // The wall clock read as if it were UTC (no offset guess), then placed in the zone.
    const naive = DateTime.fromISO(trimmed, { zone: "UTC" });
    if (!naive.isValid) return NaN;
    const ms = wallClockMillis(naive.toMillis(), zone);
    return DateTime.fromMillis(ms, { zone }).isValid ? ms : NaN;
  }
  const d = DateTime.fromISO(trimmed, { zone });
  return d.isValid ? d.toMillis() : NaN;
};

/**
 * A wall-clock or offset date-time string read in `zone` (the offset wins when present) as epoch
 * milliseconds, fractional seconds beyond milliseconds dropped (Graph sends seven digits). A wall
 * clock in an IANA zone resolves as `wallClockMillis` says (first pass of a repeated time, offset
 * from before a skipped one), never from the date the program runs. NaN when malformed.
 * @example instantMillis("2026-12-01T14:00:00.0000000", "UTC") → Date.UTC(2026, 11, 1, 14)
 * @example instantMillis("2026-11-01T01:30:00", "America/New_York") → Date.UTC(2026, 10, 1, 5, 30) (the first pass)
 */
export const instantMillis = (text: string, zone: string): number => {
  const offset = offsetMillis(text);
  if (offset === offset) return offset;
  const naive = wallMillis(text);
  if (naive === naive && isIanaZone(zone)) return wallClockMillis(naive, zone);
  return slowInstantMillis(text, zone);
};

/**
 * Both ends of an event (epoch milliseconds or the error reading them), checked together and
 * placed in the user's zone: the first unreadable end, or an end before the start, is the error;
 * a cancelled event whose times cannot be read is skipped instead (spec: cancelled events are
 * dropped before anything else is read).
 * @example checkedSpan("e1", 10:00, 09:00, false, times) → err(EventError("event e1: end (…) is before start (…)"))
 * @example checkedSpan("e2", EventError(…), 09:00, true, times) → "skip"
 */
export const checkedSpan = (
  id: string,
  start: number | EventError,
  end: number | EventError,
  cancelled: boolean,
  times: DateTimes,
): Result<{ start: DateTime; end: DateTime }, EventError> | "skip" => {
  if (typeof start !== "number") return cancelled ? "skip" : err(start);
  if (typeof end !== "number") return cancelled ? "skip" : err(end);
  const from = times.at(start);
  const to = times.at(end);
  if (to < from) return cancelled ? "skip" : err(new EventError(id, "end", `(${to.toISO()}) is before start (${from.toISO()})`));
  return ok({ start: from, end: to });
};
