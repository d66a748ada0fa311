import { DateTime } from "luxon";

/**
 * Checks `--now` before any file is read: an ISO date-time in the years luxon and the week
 * arithmetic after it handle (1000 to 9999). Null when it is fine or absent, else the one line to print.
 * @example checkNow("yesterday") → '--now must be an ISO date-time between the years 1000 and 9999, …, not "yesterday"'
 */
export const checkNow = (text: string | undefined): string | null => {
  if (text === undefined) return null;
  const at = DateTime.fromISO(text, { setZone: true });
  if (!at.isValid || at.year < 1000 || at.year > 9999) return `--now must be an ISO date-time between the years 1000 and 9999, such as 2026-11-25T09:00:00-05:00, not "${text}"`;
  return null;
};
