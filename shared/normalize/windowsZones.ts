import { findIana } from "windows-iana";
import { IANAZone } from "luxon";

/**
 * Maps a Windows zone name to its IANA zone with the whole CLDR table (windows-iana), the
 * territory-neutral ("001") entry first. Returns null for a name that is not a Windows zone.
 * @example windowsToIana("Eastern Standard Time") → "America/New_York"
 * @example windowsToIana("Nepal Standard Time") → "Asia/Katmandu" or "Asia/Kathmandu" (both valid IANA names)
 */
export const windowsToIana = (name: string): string | null => {
  const trimmed = name.trim();
  if (/^(tzone:\/\/Microsoft\/)?utc$/i.test(trimmed) || /^Coordinated Universal Time$/i.test(trimmed)) return "UTC";
  const candidates = findIana(trimmed) ?? [];
  const valid = candidates.find((zone) => IANAZone.isValidZone(zone));
  return valid ?? null;
};
