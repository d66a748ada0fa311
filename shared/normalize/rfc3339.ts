/**
 * Hand readers for the one date-time form the calendar APIs send ("2026-12-01T10:00:00-05:00",
 * Graph's "2026-12-01T10:00:00.0000000"), to epoch numbers without building a luxon object.
 * They answer NaN for anything else, and the caller then asks luxon (the slow reading decides
 * what is valid). Where they answer a number it is the number luxon's `fromISO` gives.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

const two = (s: string, i: number): number => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/** The index after the fraction of seconds (or 19 when there is none); -1 for a dot without digits. */
const fractionEnd = (s: string): number => {
  if (s.charCodeAt(19) !== 46 /* . */) return 19;
  let i = 20;
  while (digit(s, i) >= 0) i++;
  return i === 20 ? -1 : i;
};

/**
 * "YYYY-MM-DDTHH:MM:SS[.fraction]" at the start of `s` as milliseconds of the wall clock read as
 * UTC (fraction beyond milliseconds dropped); NaN when the start is not that form, out of range,
 * or before the year 1000.
 * @example wallMillisPrefix("2026-12-01T10:00:00.1239999") → Date.UTC(2026, 11, 1, 10, 0, 0, 123)
 */
const wallMillisPrefix = (s: string): number => {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (hi < 10 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  let ms = 0;
  if (s.charCodeAt(19) === 46) {
    const a = digit(s, 20);
    const b = digit(s, 21);
    const c = digit(s, 22);
    ms = (a < 0 ? 0 : a * 100) + (a < 0 || b < 0 ? 0 : b * 10) + (a < 0 || b < 0 || c < 0 ? 0 : c);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
};

/**
 * A wall-clock date-time without offset ("2026-12-01T10:00:00", any number of fractional digits)
 * as milliseconds of the wall clock read as UTC; NaN for any other form.
 * @example wallMillis("2026-12-01T10:00:00.0000000") → Date.UTC(2026, 11, 1, 10)
 * @example wallMillis("2026-12-01T10:00:00Z") → NaN
 */
export const wallMillis = (s: string): number => (fractionEnd(s) === s.length ? wallMillisPrefix(s) : NaN);

/**
 * A date-time with a `Z` or `±HH:MM` offset as epoch milliseconds; NaN for any other form.
 * @example offsetMillis("2026-12-01T10:00:00-05:00") → Date.UTC(2026, 11, 1, 15)
 */
export const offsetMillis = (s: string): number => {
  const end = fractionEnd(s);
  if (end < 0) return NaN;
  const sign = s.charCodeAt(end);
  if (sign === 90 /* Z */) return end + 1 === s.length ? wallMillisPrefix(s) : NaN;
  if ((sign !== 43 /* + */ && sign !== 45) /* - */ || end + 6 !== s.length || s.charCodeAt(end + 3) !== 58) return NaN;
  const hours = two(s, end + 1);
  const minutes = two(s, end + 4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  const offset = (hours * 60 + minutes) * 60_000;
  return wallMillisPrefix(s) - (sign === 45 ? -offset : offset);
};

/**
 * A calendar date "YYYY-MM-DD" as [year, month, day] numbers packed year × 10,000 + month × 100
 * + day; NaN for any other form, an impossible date, or a year before 1000.
 * @example dateNumber("2026-12-01") → 20261201
 */
export const dateNumber = (s: string): number => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (hi < 10 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  return year * 10_000 + month * 100 + day;
};
