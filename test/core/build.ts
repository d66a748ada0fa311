// Test builders: real Calendar v3 / Graph event shapes with only the fields a test cares about.
import { DateTime } from "luxon";
import { normalizeGoogleEvents } from "../../shared/normalize/google";
import { normalizeGraphEvents } from "../../shared/normalize/graph";
import { planWeek } from "../../shared/plan/planWeek";
import { parseSettings, type SettingsInput } from "../../shared/settings/settings";
import { measuresJson } from "../../shared/plan/measuresJson";
import { weekFor } from "../../shared/time/week";

export const ME = "me@seller.com";

let counter = 0;
/** A Calendar API v3 Event with a timed start/end given as ISO with offset. */
export const gEvent = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
  kind: "calendar#event",
  id: `evt${++counter}`,
  status: "confirmed",
  summary: "Meeting",
  start: { dateTime: start },
  end: { dateTime: end },
  ...extra,
});

/** A Calendar v3 all-day event (end date exclusive). */
export const gAllDay = (date: string, endDate: string, extra: Record<string, unknown> = {}) => ({
  kind: "calendar#event",
  id: `evt${++counter}`,
  status: "confirmed",
  summary: "All day",
  start: { date },
  end: { date: endDate },
  ...extra,
});

export const attendee = (email: string, extra: Record<string, unknown> = {}) => ({ email, responseStatus: "accepted", ...extra });

type Normalizer = typeof normalizeGoogleEvents;

/** Normalizes events with `normalize` and plans the week; throws on bad input so tests read simply. */
const planWith = (normalize: Normalizer) => (items: unknown[], settingsInput: SettingsInput, opts: { now: string; week?: string; me?: string }) => {
  const settings = parseSettings(settingsInput);
  if (!settings.ok) throw settings.error;
  const zone = settings.value.timeZone ?? "UTC";
  const now = DateTime.fromISO(opts.now, { setZone: true }).setZone(zone);
  const events = normalize(items, { zone, me: opts.me ?? ME });
  if (!events.ok) throw events.error;
  const week = weekFor({ now, zone, weekStartsOn: settings.value.weekStartsOn, weekOf: opts.week });
  const plan = planWeek({ events: events.value, settings: settings.value, zone, now, week, me: opts.me ?? ME });
  return { plan, json: measuresJson(plan) };
};

/** Calendar v3 events planned for a week. */
export const planGoogle = planWith(normalizeGoogleEvents);
/** Graph events planned for a week. */
export const planGraph = planWith(normalizeGraphEvents);

/** A Graph event with wall-clock times in the given zone (UTC by default). */
export const graphEvent = (start: string, end: string, extra: Record<string, unknown> = {}, timeZone = "UTC") => ({
  id: `AAMk${++counter}`,
  subject: "Meeting",
  isAllDay: false,
  isCancelled: false,
  isOrganizer: false,
  showAs: "busy",
  type: "singleInstance",
  responseStatus: { response: "accepted", time: "0001-01-01T00:00:00Z" },
  start: { dateTime: start, timeZone },
  end: { dateTime: end, timeZone },
  attendees: [],
  organizer: { emailAddress: { name: "Organizer", address: "organizer@elsewhere.com" } },
  ...extra,
});

export const graphAttendee = (address: string, type = "required", response = "accepted") => ({ type, status: { response, time: "0001-01-01T00:00:00Z" }, emailAddress: { name: address, address } });

/** Settings for New York with one dream account, one pain, one A-list, and a decision-maker. */
export const NY: SettingsInput = {
  timeZone: "America/New_York",
  ownDomains: ["seller.com"],
  accounts: [
    { name: "Acme", domains: ["acme.com"], tier: "dream" },
    { name: "Initech", domains: ["initech.com"], tier: "a-list" },
    { name: "Umbrella", domains: ["umbrella.com"], tier: "pain" },
  ],
  decisionMakers: [{ email: "cfo@acme.com", name: "Dana Ruiz", title: "CFO" }],
};
