import { DateTime } from "luxon";
import { type SettingsInput, weekFor } from "../../shared";

/**
 * The bundled sample week: a realistic seller's week, dated at run time on the week after
 * `now`, in both Calendar API v3 and Microsoft Graph shapes (the same meetings, so both hosts
 * show the same numbers).
 */
export const SAMPLE_ME = "alex@example-seller.com";
export const SAMPLE_ZONE = "America/New_York";

export const sampleSettings = (zone: string): SettingsInput => ({
  version: 1,
  timeZone: zone,
  weekStartsOn: 1,
  workingHours: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }],
  ownDomains: ["example-seller.com"],
  accounts: [
    { name: "Acme", domains: ["acme.com"], tier: "dream" },
    { name: "Globex", domains: ["globex.com"], tier: "dream" },
    { name: "Initech", domains: ["initech.com"], tier: "a-list" },
    { name: "Umbrella", domains: ["umbrella-corp.com"], tier: "pain" },
  ],
  decisionMakers: [
    { email: "dana.ruiz@acme.com", name: "Dana Ruiz", title: "CFO" },
    { email: "hank.scorpio@globex.com", name: "Hank Scorpio", title: "VP Operations" },
  ],
  targets: { dreamClientMinutes: 240, decisionMakerMeetings: 3, prospectingMinutes: 120, painMinutesMax: 180 },
  pipeline: { annualTarget: 100000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 },
  blankSpotMinMinutes: 60,
  prospectingBlockMinutes: 90,
});

type Kind = "meeting" | "declined" | "cancelled" | "outOfOffice" | "workingLocation" | "free";

interface SampleEvent {
  readonly id: string;
  readonly title: string;
  /** Day of the week, 0 = the week's Monday. */
  readonly day: number;
  /** "HH:mm"–"HH:mm", or null for all day. */
  readonly time: readonly [string, string] | null;
  readonly organizer: string;
  readonly attendees: readonly string[];
  readonly kind: Kind;
  readonly rooms?: readonly string[];
}

const ME = SAMPLE_ME;
const colleagues = ["jordan@example-seller.com", "sam@example-seller.com"];

const standup = (day: number): SampleEvent => ({ id: `standup_${day}`, title: "Team stand-up", day, time: ["09:00", "09:15"], organizer: "jordan@example-seller.com", attendees: [ME, ...colleagues], kind: "meeting" });

const EVENTS: readonly SampleEvent[] = [
  standup(0), standup(1), standup(3), standup(4),
  { id: "wl_mon", title: "Home", day: 0, time: null, organizer: ME, attendees: [], kind: "workingLocation" },
  { id: "acme_discovery", title: "Acme: discovery call with Dana", day: 0, time: ["10:00", "11:00"], organizer: ME, attendees: [ME, "dana.ruiz@acme.com", "lee@acme.com"], kind: "meeting", rooms: ["c_188dk3@resource.calendar.google.com"] },
  { id: "umbrella_escalation", title: "Umbrella: invoice escalation", day: 0, time: ["14:00", "15:00"], organizer: "billing@umbrella-corp.com", attendees: [ME, "billing@umbrella-corp.com"], kind: "meeting" },
  { id: "expenses", title: "Expense reports", day: 0, time: ["16:00", "16:30"], organizer: ME, attendees: [], kind: "meeting" },
  { id: "globex_demo", title: "Globex demo for Hank", day: 1, time: ["11:00", "12:00"], organizer: ME, attendees: [ME, "hank.scorpio@globex.com", "it@globex.com"], kind: "meeting" },
  { id: "initech_checkin", title: "Initech check-in", day: 1, time: ["11:30", "12:30"], organizer: "bill@initech.com", attendees: [ME, "bill@initech.com"], kind: "meeting" },
  { id: "vendor_webinar", title: "Vendor webinar: CRM tips", day: 1, time: ["15:00", "16:00"], organizer: "events@crm-vendor.example", attendees: [ME, "events@crm-vendor.example"], kind: "declined" },
  { id: "ooo_wed", title: "Out of office: dentist and school run", day: 2, time: null, organizer: ME, attendees: [], kind: "outOfOffice" },
  { id: "pipeline_review", title: "Pipeline review", day: 3, time: ["09:30", "11:00"], organizer: "jordan@example-seller.com", attendees: [ME, ...colleagues], kind: "meeting" },
  { id: "prospecting_thu", title: "Prospecting: Globex lookalikes", day: 3, time: ["14:00", "15:00"], organizer: ME, attendees: [], kind: "meeting" },
  { id: "acme_lunch", title: "Lunch with Acme procurement", day: 3, time: ["12:00", "13:00"], organizer: "buyer@acme.com", attendees: [ME, "buyer@acme.com"], kind: "cancelled" },
  { id: "umbrella_sync", title: "Umbrella weekly sync", day: 4, time: ["10:00", "11:00"], organizer: "ops@umbrella-corp.com", attendees: [ME, "ops@umbrella-corp.com"], kind: "meeting" },
  { id: "acme_exec", title: "Acme exec sponsor check-in", day: 4, time: ["13:00", "13:45"], organizer: "dana.ruiz@acme.com", attendees: [ME, "dana.ruiz@acme.com"], kind: "meeting" },
  { id: "gym", title: "Gym", day: 4, time: ["12:00", "13:00"], organizer: ME, attendees: [], kind: "free" },
];

const at = (day: DateTime, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return day.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
};

const toGoogle = (e: SampleEvent, day: DateTime, zone: string) => {
  const times = e.time
    ? {
        start: { dateTime: at(day, e.time[0]).toISO({ suppressMilliseconds: true }), timeZone: zone },
        end: { dateTime: at(day, e.time[1]).toISO({ suppressMilliseconds: true }), timeZone: zone },
      }
    : { start: { date: day.toISODate() }, end: { date: day.plus({ days: 1 }).toISODate() } };
  const attendees = e.attendees.map((email) => ({
    email,
    ...(email === ME ? { self: true } : {}),
    ...(email === e.organizer ? { organizer: true } : {}),
    responseStatus: email === ME && e.kind === "declined" ? "declined" : "accepted",
  }));
  const rooms = (e.rooms ?? []).map((email) => ({ email, resource: true, responseStatus: "accepted", displayName: "Room 4.2" }));
  return {
    kind: "calendar#event",
    etag: `"${e.id}"`,
    id: `${e.id}`,
    status: e.kind === "cancelled" ? "cancelled" : "confirmed",
    htmlLink: `https://www.google.com/calendar/event?eid=${e.id}`,
    summary: e.title,
    creator: { email: e.organizer, ...(e.organizer === ME ? { self: true } : {}) },
    organizer: { email: e.organizer, ...(e.organizer === ME ? { self: true } : {}) },
    ...times,
    ...(e.kind === "free" || e.kind === "workingLocation" ? { transparency: "transparent" } : {}),
    eventType: e.kind === "outOfOffice" ? "outOfOffice" : e.kind === "workingLocation" ? "workingLocation" : "default",
    ...(attendees.length + rooms.length > 0 ? { attendees: [...attendees, ...rooms] } : {}),
    iCalUID: `${e.id}@google.com`,
    sequence: 0,
    reminders: { useDefault: true },
  };
};

const graphTime = (d: DateTime) => ({ dateTime: d.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'.0000000'"), timeZone: "UTC" });

const toGraph = (e: SampleEvent, day: DateTime) => {
  const allDay = e.time === null;
  const start = allDay ? { dateTime: `${day.toISODate()}T00:00:00.0000000`, timeZone: "UTC" } : graphTime(at(day, e.time![0]));
  const end = allDay ? { dateTime: `${day.plus({ days: 1 }).toISODate()}T00:00:00.0000000`, timeZone: "UTC" } : graphTime(at(day, e.time![1]));
  const showAs = e.kind === "outOfOffice" ? "oof" : e.kind === "free" ? "free" : e.kind === "workingLocation" ? "workingElsewhere" : "busy";
  return {
    id: `AAMkAG${e.id}`,
    subject: e.title,
    isAllDay: allDay,
    isCancelled: e.kind === "cancelled",
    isOrganizer: e.organizer === ME,
    hideAttendees: false,
    showAs,
    type: "singleInstance",
    responseStatus: { response: e.organizer === ME ? "organizer" : e.kind === "declined" ? "declined" : "accepted", time: "0001-01-01T00:00:00Z" },
    start,
    end,
    organizer: { emailAddress: { name: e.organizer.split("@")[0], address: e.organizer } },
    attendees: [
      ...e.attendees.filter((a) => a !== e.organizer).map((address) => ({ type: "required", status: { response: address === ME && e.kind === "declined" ? "declined" : "accepted", time: "0001-01-01T00:00:00Z" }, emailAddress: { name: address.split("@")[0], address } })),
      ...(e.rooms ?? []).map((address) => ({ type: "resource", status: { response: "accepted", time: "0001-01-01T00:00:00Z" }, emailAddress: { name: "Room 4.2", address: "room42@example-seller.com" } })),
    ],
  };
};

/**
 * The sample week on the week after `now`.
 * @example sampleWeek(DateTime.fromISO("2026-11-23T12:00:00Z")).google[0].start.dateTime → "2026-11-30T09:00:00-05:00"
 */
export const sampleWeek = (now: DateTime, zone: string = SAMPLE_ZONE) => {
  const week = weekFor({ now, zone, weekStartsOn: 1 });
  const dayOf = (e: SampleEvent) => week.start.plus({ days: e.day }).startOf("day");
  return {
    google: EVENTS.map((e) => toGoogle(e, dayOf(e), zone)),
    graph: EVENTS.map((e) => toGraph(e, dayOf(e))),
    settings: sampleSettings(zone),
    me: ME,
    zone,
    week,
  };
};
