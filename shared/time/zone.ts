import type { Settings } from "../settings/settings";
import { zoneFromName } from "../normalize/eventTimes";

/**
 * The user's zone: the settings' zone, else the calendar's own zone (an IANA name, or a
 * Windows name from Outlook), else UTC.
 * @example resolveZone({ timeZone: "Europe/Paris", … }, "America/New_York") → "Europe/Paris"
 * @example resolveZone({ … no timeZone }, "Eastern Standard Time") → "America/New_York"
 */
export const resolveZone = (settings: Pick<Settings, "timeZone">, calendarZone?: string | null): string => {
  if (settings.timeZone) return settings.timeZone;
  return (calendarZone ? zoneFromName(calendarZone) : null) ?? "UTC";
};
