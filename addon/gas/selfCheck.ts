import { DateTime, IANAZone } from "luxon";

/** One check of the runtime's time-zone support. */
export interface ZoneCheck {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

const offsetAt = (iso: string, zone: string): string => {
  const d = DateTime.fromISO(iso, { zone: "UTC" }).setZone(zone);
  return d.isValid ? d.toFormat("ZZ") : `invalid (${d.invalidReason ?? "?"})`;
};

const wallClockAt = (isoLocal: string, zone: string): string => {
  const d = DateTime.fromISO(isoLocal, { zone });
  return d.isValid ? d.toUTC().toISO({ suppressMilliseconds: true }) ?? "" : `invalid (${d.invalidReason ?? "?"})`;
};

/**
 * Checks that this runtime's `Intl` does the zone math the core relies on (luxon reads offsets
 * through `Intl.DateTimeFormat`): New York's 2026 DST changes, a southern-hemisphere zone, a
 * half-hour zone, English day names and zone-name validation. Deployers run it once from the Apps Script editor.
 * @example selfCheck() → { ok: true, checks: [{ name: "New York before DST (8 Mar 2026 06:59Z)", expected: "-05:00", actual: "-05:00", ok: true }, …] }
 */
export const selfCheck = (): { ok: boolean; checks: ZoneCheck[] } => {
  const cases: [string, string, () => string][] = [
    ["New York before DST (8 Mar 2026 06:59Z)", "-05:00", () => offsetAt("2026-03-08T06:59:00Z", "America/New_York")],
    ["New York after DST starts (8 Mar 2026 07:00Z)", "-04:00", () => offsetAt("2026-03-08T07:00:00Z", "America/New_York")],
    ["New York after DST ends (1 Nov 2026 06:00Z)", "-05:00", () => offsetAt("2026-11-01T06:00:00Z", "America/New_York")],
    ["New York 09:00 on 30 Nov 2026 is 14:00Z", "2026-11-30T14:00:00Z", () => wallClockAt("2026-11-30T09:00:00", "America/New_York")],
    ["Sydney in January (daylight time)", "+11:00", () => offsetAt("2026-01-15T00:00:00Z", "Australia/Sydney")],
    ["Kolkata (half-hour zone)", "+05:30", () => offsetAt("2026-06-01T00:00:00Z", "Asia/Kolkata")],
    ["English day and month names (the card's day labels)", "Mon 30 Nov", () => DateTime.fromISO("2026-11-30T09:00:00", { zone: "America/New_York" }).setLocale("en-GB").toFormat("ccc d LLL")],
    ["Europe/Berlin is a valid zone", "true", () => String(IANAZone.isValidZone("Europe/Berlin"))],
    ["Mars/Olympus is not a valid zone", "false", () => String(IANAZone.isValidZone("Mars/Olympus"))],
  ];
  const checks = cases.map(([name, expected, run]) => {
    let actual: string;
    try {
      actual = run();
    } catch (e) {
      actual = `threw ${String(e)}`;
    }
    return { name, expected, actual, ok: actual === expected };
  });
  return { ok: checks.every((c) => c.ok), checks };
};
