import type { GraphClient as Client } from "./graphClient";
import { err, type NextWeekError, ok, type Result, type WorkingHoursRule, zoneFromName } from "../../shared";
import { graphFailure } from "./graphErrors";

/** What the add-in takes from the mailbox: the zone as Graph names it and the working hours. */
export interface MailboxDefaults {
  /** The mailbox's zone as Graph gives it (Windows name such as "Eastern Standard Time", or IANA); null when unset. */
  readonly timeZone: string | null;
  /** The mailbox's working hours as a settings rule; null when unset or not expressible. */
  readonly workingHours: WorkingHoursRule | null;
  /** The zone the working hours are written in (IANA), when Graph names one we know. */
  readonly workingHoursZone: string | null;
}

const DAYS: Readonly<Record<string, number>> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/** "08:30:00.0000000" → "08:30"; null when malformed. */
const hhmm = (time: unknown): string | null => {
  if (typeof time !== "string") return null;
  const match = /^(\d{2}):(\d{2})/.exec(time);
  return match ? `${match[1]}:${match[2]}` : null;
};

/**
 * Graph `workingHours` into a settings rule.
 * @example workingHoursRule({ daysOfWeek: ["monday","friday"], startTime: "08:00:00.0000000", endTime: "16:30:00.0000000" })
 *   → { days: [1, 5], start: "08:00", end: "16:30" }
 */
export const workingHoursRule = (graph: unknown): WorkingHoursRule | null => {
  if (typeof graph !== "object" || graph === null) return null;
  const w = graph as { daysOfWeek?: unknown; startTime?: unknown; endTime?: unknown };
  const days = Array.isArray(w.daysOfWeek)
    ? [...new Set(w.daysOfWeek.map((d) => DAYS[String(d).toLowerCase()]).filter((d): d is number => d !== undefined))].sort((a, b) => a - b)
    : [];
  const start = hhmm(w.startTime);
  const end = hhmm(w.endTime);
  // Overnight shifts (end before start) cannot be one same-day rule: leave the defaults.
  if (days.length === 0 || !start || !end || end <= start) return null;
  return { days, start, end };
};

/**
 * Reads `/me/mailboxSettings` (zone and working hours), the first-run defaults of the settings.
 * @example await readMailboxDefaults(client) → ok({ timeZone: "Eastern Standard Time", workingHours: { days: [1,2,3,4,5], start: "08:00", end: "17:00" }, … })
 */
export const readMailboxDefaults = async (client: Client): Promise<Result<MailboxDefaults, NextWeekError>> => {
  try {
    const answer = (await client.api("/me/mailboxSettings").select(["timeZone", "workingHours"]).get()) as {
      timeZone?: unknown;
      workingHours?: { timeZone?: { name?: unknown } } | null;
    } | null;
    const timeZone = typeof answer?.timeZone === "string" && answer.timeZone.trim() !== "" ? answer.timeZone : null;
    const hoursZoneName = answer?.workingHours?.timeZone?.name;
    return ok({
      timeZone,
      workingHours: workingHoursRule(answer?.workingHours),
      workingHoursZone: typeof hoursZoneName === "string" ? zoneFromName(hoursZoneName) : null,
    });
  } catch (error) {
    return err(graphFailure(error, { doing: "read your mailbox settings", permission: "MailboxSettings.Read" }));
  }
};
