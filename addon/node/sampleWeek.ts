import { DateTime } from "luxon";
import { type SettingsInput, weekFor } from "../../shared";

/**
 * The bundled sample week: a realistic seller's week, dated at run time on the week after
 * `now`, in both Calendar API v3 and Microsoft Graph shapes (the same meetings, so both hosts
 * show the same numbers), and the eight weeks before it (the look-back: who to meet, the trend,
 * and for empty settings the suggested accounts).
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
    { name: "Hooli", domains: ["hooli.com"], tier: "dream" },
    { name: "Vandelay", domains: ["vandelay.com"], tier: "a-list" },
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

/** One look-back event: `weeksBefore` weeks before the analysed week (1 = the week just before). */
interface LookBackEvent extends SampleEvent {
  readonly weeksBefore: number;
}

const meeting = (weeksBefore: number, id: string, title: string, day: number, time: readonly [string, string], organizer: string, guests: readonly string[]): LookBackEvent => ({
  weeksBefore,
  id: `lb${weeksBefore}_${id}`,
  title,
  day,
  time,
  organizer,
  attendees: [ME, ...guests.filter((g) => g !== ME)],
  kind: "meeting",
});
const umbrellaSync = (w: number) => meeting(w, "umbrella_sync", "Umbrella weekly sync", 4, ["10:00", "11:00"], "ops@umbrella-corp.com", ["ops@umbrella-corp.com"]);
const pipelineReview = (w: number) => meeting(w, "pipeline_review", "Pipeline review", 3, ["09:30", "11:00"], "jordan@example-seller.com", colleagues);
const prospecting = (w: number, day: number): LookBackEvent => ({ weeksBefore: w, id: `lb${w}_prospecting`, title: "Prospecting block", day, time: ["14:00", "15:30"], organizer: ME, attendees: [], kind: "meeting" });

/**
 * The eight weeks before the sample week, oldest first: the dream and A-list accounts met every
 * few weeks (Acme, Globex, Initech), Vandelay met once five weeks before (due), Hooli never (cold),
 * companies that are no account yet (Stark, across two subdomains, and Wayne), a free-mail guest,
 * the pain account's weekly sync, internal reviews and prospecting blocks.
 */
const LOOK_BACK: readonly LookBackEvent[] = [
  meeting(8, "acme_call", "Acme: intro call with Dana", 0, ["10:00", "11:00"], ME, ["dana.ruiz@acme.com"]),
  pipelineReview(8),
  umbrellaSync(8),
  meeting(7, "globex_demo", "Globex demo for Hank", 1, ["14:00", "15:00"], ME, ["hank.scorpio@globex.com"]),
  meeting(7, "initech_qbr", "Initech quarterly review", 2, ["10:00", "11:30"], "bill@initech.com", ["bill@initech.com"]),
  meeting(7, "stark_intro", "Intro: Stark Industries", 3, ["15:00", "15:30"], ME, ["pepper@stark.co.uk"]),
  umbrellaSync(7),
  prospecting(6, 0),
  meeting(6, "acme_workshop", "Acme requirements workshop", 1, ["13:00", "15:00"], ME, ["dana.ruiz@acme.com", "lee@acme.com"]),
  pipelineReview(6),
  umbrellaSync(6),
  meeting(5, "vandelay_intro", "Vandelay intro", 2, ["11:00", "11:45"], "art@vandelay.com", ["art@vandelay.com"]),
  meeting(5, "globex_followup", "Globex follow-up", 3, ["10:00", "10:30"], "it@globex.com", ["it@globex.com"]),
  meeting(5, "wayne_discovery", "Wayne Enterprises discovery", 4, ["14:00", "15:00"], ME, ["lucius@wayne-enterprises.com"]),
  umbrellaSync(5),
  meeting(4, "stark_demo", "Stark demo", 1, ["10:00", "11:00"], ME, ["pepper@stark.co.uk", "tony@eu.stark.co.uk"]),
  prospecting(4, 2),
  pipelineReview(4),
  umbrellaSync(4),
  meeting(4, "acme_exec", "Acme exec sponsor check-in", 4, ["13:00", "13:45"], "dana.ruiz@acme.com", ["dana.ruiz@acme.com"]),
  meeting(3, "globex_pricing", "Globex pricing with Hank", 0, ["15:00", "16:00"], ME, ["hank.scorpio@globex.com"]),
  meeting(3, "initech_checkin", "Initech check-in", 2, ["11:00", "12:00"], "bill@initech.com", ["bill@initech.com"]),
  meeting(3, "coffee_jo", "Coffee with Jo (referral)", 3, ["08:30", "09:00"], ME, ["jo.freelance@gmail.com"]),
  umbrellaSync(3),
  meeting(2, "acme_followup", "Acme follow-up with Lee", 1, ["10:00", "11:00"], ME, ["lee@acme.com"]),
  prospecting(2, 2),
  pipelineReview(2),
  meeting(2, "wayne_proposal", "Wayne proposal review", 3, ["14:00", "15:00"], "lucius@wayne-enterprises.com", ["lucius@wayne-enterprises.com", "fox@wayne-enterprises.com"]),
  umbrellaSync(2),
  meeting(1, "stark_checkin", "Stark check-in", 0, ["16:00", "16:30"], ME, ["pepper@stark.co.uk"]),
  meeting(1, "globex_demo", "Globex demo for the ops team", 2, ["11:00", "12:00"], ME, ["hank.scorpio@globex.com", "it@globex.com"]),
  meeting(1, "acme_exec", "Acme exec sponsor check-in", 3, ["13:00", "14:00"], "dana.ruiz@acme.com", ["dana.ruiz@acme.com"]),
  umbrellaSync(1),
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
 * The sample week on the week after `now`: `google` and `graph` hold the week's events only;
 * `lookBack` the eight weeks before it; `window` both, as a host reads them (look-back first).
 * @example sampleWeek(DateTime.fromISO("2026-11-23T12:00:00Z")).google[0].start.dateTime → "2026-11-30T09:00:00-05:00"
 * @example sampleWeek(DateTime.fromISO("2026-11-23T12:00:00Z")).lookBack.google[0].start.dateTime → "2026-10-05T10:00:00-04:00"
 */
export const sampleWeek = (now: DateTime, zone: string = SAMPLE_ZONE) => {
  const week = weekFor({ now, zone, weekStartsOn: 1 });
  const dayOf = (e: SampleEvent) => week.start.plus({ days: e.day }).startOf("day");
  const lookBackDayOf = (e: LookBackEvent) => week.start.minus({ weeks: e.weeksBefore }).plus({ days: e.day }).startOf("day");
  const google = EVENTS.map((e) => toGoogle(e, dayOf(e), zone));
  const graph = EVENTS.map((e) => toGraph(e, dayOf(e)));
  const lookBack = {
    google: LOOK_BACK.map((e) => toGoogle(e, lookBackDayOf(e), zone)),
    graph: LOOK_BACK.map((e) => toGraph(e, lookBackDayOf(e))),
  };
  return {
    google,
    graph,
    lookBack,
    window: { google: [...lookBack.google, ...google], graph: [...lookBack.graph, ...graph] },
    settings: sampleSettings(zone),
    me: ME,
    zone,
    week,
  };
};
