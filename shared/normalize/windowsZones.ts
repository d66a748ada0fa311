import { isIanaZone } from "../time/wallClock";
import { WINDOWS_ZONES } from "./windowsZoneTable";

const has = Object.prototype.hasOwnProperty;

/**
 * Maps a Windows zone name to its IANA zone with the whole CLDR table (generated into
 * windowsZoneTable.ts), the territory-neutral ("001") zone of each name. Returns null for a name
 * that is not a Windows zone, or whose zone this runtime does not know.
 * @example windowsToIana("Eastern Standard Time") → "America/New_York"
 * @example windowsToIana("Nepal Standard Time") → "Asia/Katmandu" (CLDR's name; luxon knows it as Asia/Kathmandu too)
 */
export const windowsToIana = (name: string): string | null => {
  const trimmed = name.trim();
  if (/^(tzone:\/\/Microsoft\/)?utc$/i.test(trimmed) || /^Coordinated Universal Time$/i.test(trimmed)) return "UTC";
  if (!has.call(WINDOWS_ZONES, trimmed)) return null;
  const zone = WINDOWS_ZONES[trimmed];
  return zone !== undefined && isIanaZone(zone) ? zone : null;
};
