import ICAL from "ical.js";
import { IANAZone } from "luxon";
import { err, ok, type Result } from "../result";
import { printable } from "../text/printable";
import { windowsToIana } from "./windowsZones";
import { cachedZone, isIanaZone } from "../time/cachedZone";

/**
 * Date and time arithmetic for iCalendar values: wall clocks (the digits as written), the
 * zone they are read in, and the instant they name. Pure: no clock, no host zone.
 */

/** A wall-clock reading as written in the file: month 1–12, no zone. */
export interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A DATE or DATE-TIME value of the file: its digits, whether it is a date, whether it ends in Z. */
export interface IcsTimeValue {
  readonly wall: Wall;
  readonly isDate: boolean;
  readonly utc: boolean;
}

/** The zone a value is read in: turns its wall clock into an instant (epoch milliseconds). */
export interface IcsZone {
  /** What the file called it, for messages ("UTC", "America/New_York", a VTIMEZONE TZID, "floating"). */
  readonly name: string;
  readonly toMillis: (wall: Wall) => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * More than any UTC offset (UTC−12 … UTC+14, plus a daylight-saving hour), so a wall clock
 * read as if it were UTC is within this distance of its real instant in any zone.
 */
export const OFFSET_SLACK_MS = 26 * HOUR;

/** The wall clock read as if it were UTC: cheap ordering and bounds, not an instant. */
export const naiveMillis = (w: Wall): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The UTC wall clock of an instant. */
export const wallOfUtc = (millis: number): Wall => {
  // Date's UTC fields, as luxon reads them for a UTC DateTime (NaN for a time out of range), without building one.
  const d = new Date(millis);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
};

/**
 * The same wall-clock time `days` calendar days later.
 * @example addDays({ 2026-02-27 09:00 }, 2) → { 2026-03-01 09:00 }
 */
export const addDays = (w: Wall, days: number): Wall => {
  const d = wallOfUtc(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...d, hour: w.hour, minute: w.minute, second: w.second };
};

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** "20260302": the date of a wall clock, as iCalendar writes it. */
export const dateKey = (w: Wall): string => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;

/**
 * An instant in UTC basic ISO form, as iCalendar writes it.
 * @example basicUtc(Date.UTC(2026, 2, 2, 14)) → "20260302T140000Z"
 */
export const basicUtc = (millis: number): string => {
  const w = wallOfUtc(millis);
  return `${dateKey(w)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}Z`;
};

/** The raw digits of a jCal value, close to how the file wrote them (for messages). */
export const asWritten = (raw: unknown): string => printable(typeof raw === "string" ? raw.replace(/[-:]/g, "") : String(JSON.stringify(raw)), 60);

const validWall = (w: Wall): boolean =>
  w.month >= 1 &&
  w.month <= 12 &&
  w.day >= 1 &&
  w.day <= ICAL.Time.daysInMonth(w.month, w.year) &&
  w.hour <= 23 &&
  w.minute <= 59 &&
  w.second <= 60;

/** The number written by `count` ASCII digits of `text` from `at`; -1 when one is not a digit. */
const digitsAt = (text: string, at: number, count: number): number => {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
};

/**
 * A jCal DATE or DATE-TIME string (as ical.js stores "20260302T090000Z") as digits; null
 * when it is not a real date. A leap second (60) is read as 59. Read character by character
 * (an export holds thousands of these): "YYYY-MM-DD", "YYYY-MM-DDThh:mm:ss" with an optional Z,
 * or "YYYY-MM-DDT::": ical.js turns a bare "20260302" given without VALUE=DATE into that, and
 * many generators write all-day dates that way, so it is read as the date it plainly is.
 * @example parseIcsValue("2026-03-02T09:00:00Z") → { wall: 2026-03-02 09:00:00, isDate: false, utc: true }
 * @example parseIcsValue("2026-03-02") → { wall: 2026-03-02 00:00:00, isDate: true, utc: false }
 */
export const parseIcsValue = (raw: unknown): IcsTimeValue | null => {
  if (typeof raw !== "string") return null;
  const length = raw.length;
  if (length !== 10 && length !== 13 && length !== 19 && length !== 20) return null;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  if (year < 0 || month < 0 || day < 0 || raw[4] !== "-" || raw[7] !== "-") return null;
  let isDate = true;
  let utc = false;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (length === 13) {
    if (raw.slice(10) !== "T::") return null;
  } else if (length !== 10) {
    hour = digitsAt(raw, 11, 2);
    minute = digitsAt(raw, 14, 2);
    second = digitsAt(raw, 17, 2);
    if (raw[10] !== "T" || raw[13] !== ":" || raw[16] !== ":" || hour < 0 || minute < 0 || second < 0) return null;
    if (length === 20 && raw[19] !== "Z") return null;
    isDate = false;
    utc = length === 20;
  }
  const wall: Wall = { year, month, day, hour, minute, second: Math.min(second, 59) };
  if (!validWall(wall)) return null;
  return { wall, isDate, utc };
};

/**
 * The instant of a UTC DATE-TIME written in basic form ("20260302T090000Z") at `at` of `text`:
 * what `naiveMillis(parseIcsValue(…).wall)` gives for its jCal form ("2026-03-02T09:00:00Z"),
 * without building that string; NaN when it is not a real date-time (`parseIcsValue` null).
 * The caller has checked that the 15 characters from `at` are 8 digits, T and 6 digits.
 * @example basicUtcMillis(":20260302T090000Z", 1) → Date.UTC(2026, 2, 2, 9)
 */
export const basicUtcMillis = (text: string, at: number): number => {
  const year = digitsAt(text, at, 4);
  const month = digitsAt(text, at + 4, 2);
  const day = digitsAt(text, at + 6, 2);
  const hour = digitsAt(text, at + 9, 2);
  const minute = digitsAt(text, at + 11, 2);
  const second = digitsAt(text, at + 13, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0) return NaN;
  // validWall's test, without building the wall clock (seconds are capped at 59 before it, as
  // parseIcsValue does); the month's length is looked up only past the 28th.
  if (day > 28 && day > ICAL.Time.daysInMonth(month, year)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
};

/** The wall clock of an ical.js `Time` (as found in RRULE UNTIL). */
export const wallOfIcalTime = (t: ICAL.Time): Wall => ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second });

/** A floating ical.js `Time` for a wall clock: recurrence rules are iterated in wall-clock time. */
export const icalTimeOf = (w: Wall, isDate: boolean): ICAL.Time =>
  ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, hour: isDate ? 0 : w.hour, minute: isDate ? 0 : w.minute, second: isDate ? 0 : w.second, isDate });

/**
 * The instant of a wall clock (as `naiveMillis`) in a zone given by its offset at each instant
 * (milliseconds ahead of UTC), as RFC 5545 says: a time that happens twice (clocks set back)
 * is its first pass; a time that never happens (clocks set forward) is read with the offset
 * from before the change (02:30 becomes 03:30). Offsets a day either side are the candidates.
 * @example compatibleMillis(naive 2026-11-01 01:30, New York offsets) → 2026-11-01T05:30Z (EDT, the first pass)
 * @example compatibleMillis(naive 2026-03-08 02:30, New York offsets) → 2026-03-08T07:30Z (03:30 EDT)
 */
export const compatibleMillis = (naive: number, offsetAt: (utcMs: number) => number): number => {
  const before = offsetAt(naive - DAY);
  const after = offsetAt(naive + DAY);
  let best = NaN;
  for (const offset of before === after ? [before] : [before, after]) {
    const ms = naive - offset;
    if (offsetAt(ms) === offset && !(best <= ms)) best = ms;
  }
  return Number.isNaN(best) ? naive - before : best;
};

/**
 * An IANA zone as an `IcsZone`; wall clocks resolve as `compatibleMillis` says. Offsets are
 * luxon's, read from Intl once per hour asked about (`cachedZone`): a series or an export in one
 * zone asks about the same hours again and again.
 */
export const ianaZone = (zone: string, name: string = zone): IcsZone => {
  const iana = cachedZone(zone) ?? IANAZone.create(zone);
  const offsetAt = (ms: number): number => iana.offset(ms) * 60_000;
  return { name, toMillis: (w) => compatibleMillis(naiveMillis(w), offsetAt) };
};

/** UTC (values ending in Z). */
export const UTC_ZONE: IcsZone = { name: "UTC", toMillis: naiveMillis };

/**
 * A time zone of the file that cannot place a time (a VTIMEZONE that needs too much work):
 * thrown by `IcsZone.toMillis`, its message names the TZID and what to fix.
 */
export class ZoneProblem extends Error {}

/** Where a TZID was found, in the spec's order. */
export type TzidSource = "iana" | "vtimezone" | "windows";

/**
 * Resolves a `TZID` in the spec's order: the IANA zone of exactly that name, else the file's
 * VTIMEZONE with that TZID, else the CLDR Windows zone of that name; null for anything else.
 * `vtimezone` gives the file's VTIMEZONE of a TZID (or why it cannot be used), null when there is none.
 * @example resolveTzid("Eastern Standard Time", () => null) → ok({ zone: America/New_York, source: "windows" })
 * @example resolveTzid("Mars/Olympus_Mons", () => null) → null
 */
export const resolveTzid = (
  tzid: string,
  vtimezone: (tzid: string) => Result<IcsZone, string> | null,
): Result<{ zone: IcsZone; source: TzidSource }, string> | null => {
  if (isIanaZone(tzid)) return ok({ zone: ianaZone(tzid), source: "iana" });
  const tz = vtimezone(tzid);
  if (tz) return tz.ok ? ok({ zone: tz.value, source: "vtimezone" }) : err(`has TZID "${printable(tzid)}", a VTIMEZONE of the file that cannot be used: ${tz.error}`);
  const windows = windowsToIana(tzid);
  if (windows) return ok({ zone: ianaZone(windows, tzid), source: "windows" });
  return null;
};

/**
 * The zone of one property's values: Z is UTC, a TZID resolves (see `resolveTzid`), no TZID
 * is floating and read in the user's zone. The error is the problem, for an `EventError`.
 */
export const zoneOfProperty = (
  tzid: string | null,
  utc: boolean,
  zones: { readonly user: IcsZone; readonly tzid: (tzid: string) => Result<IcsZone, string> | null },
): Result<IcsZone, string> => {
  if (utc) return ok(UTC_ZONE);
  if (tzid === null) return ok(zones.user);
  const zone = zones.tzid(tzid);
  return (
    zone ?? err(`has an unknown time zone TZID "${printable(tzid)}" (not an IANA zone, not a VTIMEZONE of the file, not a Windows zone name)`)
  );
};

/** Milliseconds in a day, for whole-day lengths. */
export const DAY_MS = DAY;
