import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime, Interval } from "luxon";
import { normalizeIcsEvents, parseIcs, readIcs } from "../../shared/normalize/ical";
import type { CalendarEvent } from "../../shared/event";

// The analysed week in most tests: Mon 9 – Mon 16 March 2026 in New York, the first week of
// daylight-saving time (the clocks went forward on Sunday 8 March).
const NY = "America/New_York";
const ME = "sam@seller.com";

const fixture = (name: string): string => readFileSync(join(__dirname, "..", "fixtures", "ics", name), "utf8");

const range = (startDate: string, zone: string, days = 7): Interval<true> => {
  const start = DateTime.fromISO(startDate, { zone });
  return Interval.fromDateTimes(start, start.plus({ days })) as Interval<true>;
};
const WEEK = range("2026-03-09", NY);

const iso = (d: DateTime): string => d.toISO({ suppressMilliseconds: true }) ?? "invalid";
const brief = (e: CalendarEvent) => ({ id: e.id, title: e.title, start: iso(e.start), end: iso(e.end) });

const eventsOf = (name: string, ctx: { zone?: string; me?: string; range?: Interval<true> } = {}): CalendarEvent[] => {
  const parsed = parseIcs(fixture(name), { zone: ctx.zone ?? NY, me: ctx.me ?? ME, range: ctx.range ?? WEEK });
  if (!parsed.ok) throw parsed.error;
  return parsed.value.events;
};
const byId = (events: readonly CalendarEvent[], id: string): CalendarEvent => {
  const found = events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id} among ${events.map((e) => e.id).join(", ")}`);
  return found;
};

const calendar = (...vevents: string[]): string =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Next Week tests//inline//EN", ...vevents, "END:VCALENDAR"].join("\r\n");
const vevent = (...lines: string[]): string => ["BEGIN:VEVENT", "DTSTAMP:20260301T120000Z", ...lines, "END:VEVENT"].join("\r\n");

describe("a Google Calendar export: recurrences, EXDATE and overrides", () => {
  const events = eventsOf("google-export.ics");

  test("the week holds exactly the expanded occurrences, the overrides and the single events, in time order", () => {
    expect(events.map(brief)).toEqual([
      { id: "standup@google.com_20260309T133000Z", title: "Team standup", start: "2026-03-09T09:30:00-04:00", end: "2026-03-09T09:45:00-04:00" },
      { id: "pipeline-review@google.com_20260309T140000Z", title: "Acme pipeline review", start: "2026-03-09T10:00:00-04:00", end: "2026-03-09T11:00:00-04:00" },
      { id: "standup@google.com_20260310T133000Z", title: "Team standup", start: "2026-03-10T09:30:00-04:00", end: "2026-03-10T09:45:00-04:00" },
      { id: "0a1b2c3d4e5f6a7b8c9d@google.com_20260310T150000Z", title: "Beta Corp weekly sync", start: "2026-03-10T12:00:00-04:00", end: "2026-03-10T13:00:00-04:00" },
      { id: "gamma-intro@google.com", title: "Intro call with Gamma", start: "2026-03-10T13:00:00-04:00", end: "2026-03-10T13:30:00-04:00" },
      { id: "standup@google.com_20260311T133000Z", title: "Team standup", start: "2026-03-11T09:30:00-04:00", end: "2026-03-11T09:45:00-04:00" },
      { id: "field-day@google.com_20260310", title: "Field day (moved to Thursday)", start: "2026-03-12T00:00:00-04:00", end: "2026-03-13T00:00:00-04:00" },
      { id: "pipeline-review@google.com_20260313T140000Z", title: "Acme pipeline review (moved)", start: "2026-03-13T14:00:00-04:00", end: "2026-03-13T15:30:00-04:00" },
    ]);
  });

  test("EXDATE removes Wednesday's pipeline review", () => {
    expect(events.some((e) => e.id === "pipeline-review@google.com_20260311T140000Z")).toBe(false);
  });

  test("the override replaces Friday's 10:00 occurrence, keeping the original start in its id", () => {
    const friday = events.filter((e) => e.id.startsWith("pipeline-review@google.com") && e.start.weekday === 5);
    expect(friday.map(brief)).toEqual([
      { id: "pipeline-review@google.com_20260313T140000Z", title: "Acme pipeline review (moved)", start: "2026-03-13T14:00:00-04:00", end: "2026-03-13T15:30:00-04:00" },
    ]);
    expect(friday[0]!.attendees).toEqual(["dana.ruiz@acme.com"]);
  });

  test("an override whose series is not in the file is an ordinary event", () => {
    const orphan = byId(events, "0a1b2c3d4e5f6a7b8c9d@google.com_20260310T150000Z");
    expect(orphan.ignored).toBeNull();
    expect(orphan.attendees).toEqual(["priya@betacorp.io"]);
  });

  test("an all-day series is overridden by date: Tuesday's field day moves to Thursday", () => {
    const fieldDays = events.filter((e) => e.id.startsWith("field-day@google.com"));
    expect(fieldDays).toHaveLength(1);
    expect(fieldDays[0]!.allDay).toBe(true);
    expect(iso(fieldDays[0]!.start)).toBe("2026-03-12T00:00:00-04:00");
  });

  test("UNTIL in UTC includes the occurrence at exactly that instant and nothing after", () => {
    expect(events.filter((e) => e.title === "Team standup").map((e) => iso(e.start))).toEqual([
      "2026-03-09T09:30:00-04:00",
      "2026-03-10T09:30:00-04:00",
      "2026-03-11T09:30:00-04:00",
    ]);
  });

  test("a series that ended before the week and a single event of last week are not returned", () => {
    expect(events.some((e) => e.id.startsWith("onboarding@google.com") || e.id === "last-week@google.com")).toBe(false);
  });

  test("attendees: the user (organizer and attendee), resources and system addresses are out; optional and unanswered ones count", () => {
    expect(byId(events, "pipeline-review@google.com_20260309T140000Z").attendees).toEqual(["dana.ruiz@acme.com", "lee@acme.com"]);
  });

  test("every event is from iCal, in the user's zone, with hidden attendees false", () => {
    for (const e of events) {
      expect(e.source).toBe("ical");
      expect(e.start.zoneName).toBe(NY);
      expect(e.end.zoneName).toBe(NY);
      expect(e.attendeesHidden).toBe(false);
    }
  });

  test("an occurrence that starts before the range and ends inside it is returned", () => {
    const fromMidMeeting = Interval.fromDateTimes(DateTime.fromISO("2026-03-09T10:30", { zone: NY }), DateTime.fromISO("2026-03-09T12:00", { zone: NY })) as Interval<true>;
    expect(eventsOf("google-export.ics", { range: fromMidMeeting }).map((e) => e.id)).toEqual(["pipeline-review@google.com_20260309T140000Z"]);
  });

  test("an occurrence moved into the range from outside it is returned, and the one moved out is not", () => {
    const friday = range("2026-03-13", NY, 1);
    expect(eventsOf("google-export.ics", { range: friday }).map((e) => e.title)).toEqual(["Acme pipeline review (moved)"]);
    const fridayMorning = Interval.fromDateTimes(DateTime.fromISO("2026-03-13T09:00", { zone: NY }), DateTime.fromISO("2026-03-13T12:00", { zone: NY })) as Interval<true>;
    expect(eventsOf("google-export.ics", { range: fridayMorning })).toEqual([]);
  });
});

describe("an Outlook export: Windows and custom time zones, busy status", () => {
  const events = eventsOf("outlook-export.ics");

  test("a custom VTIMEZONE (\"Customized Time Zone\") is read with its own rules: 09:00 at +01:00 before the EU change", () => {
    const qbr = events.find((e) => e.title === "Delta QBR")!;
    expect(brief(qbr)).toEqual({
      id: "040000008200E00074C5B7101A82E0080000000010A1B2C3D4E5F601000000000000000010000000AB12CD34EF56AB78CD90EF12AB34CD56",
      title: "Delta QBR",
      start: "2026-03-10T04:00:00-04:00",
      end: "2026-03-10T05:30:00-04:00",
    });
  });

  test("the same custom VTIMEZONE gives +02:00 after the EU change", () => {
    const paris = eventsOf("outlook-export.ics", { zone: "Europe/Paris", range: range("2026-03-30", "Europe/Paris") });
    expect(paris.map(brief)).toEqual([
      { id: "outlook-delta-follow-up", title: "Delta follow-up (after the EU clock change)", start: "2026-03-31T09:00:00+02:00", end: "2026-03-31T10:30:00+02:00" },
    ]);
  });

  test("a Windows TZID (\"Eastern Standard Time\") with no VTIMEZONE is America/New_York", () => {
    expect(brief(byId(events, "outlook-epsilon-demo"))).toEqual({ id: "outlook-epsilon-demo", title: "Epsilon demo", start: "2026-03-11T15:00:00-04:00", end: "2026-03-11T16:00:00-04:00" });
  });

  test("\"W. Europe Standard Time\" is Europe/Berlin: 16:00 CET is 11:00 in New York", () => {
    expect(iso(byId(events, "outlook-zeta").start)).toBe("2026-03-13T11:00:00-04:00");
  });

  test("folded lines, MAILTO and Mailto: the organizer is the user; the attendee address is lower-cased", () => {
    expect(events.find((e) => e.title === "Delta QBR")!.attendees).toEqual(["claire.dubois@delta-finance.fr"]);
  });

  test("BUSYSTATUS: FREE and WORKINGELSEWHERE are free, OOF is busy and out of office, TENTATIVE is busy", () => {
    expect([byId(events, "outlook-free"), byId(events, "outlook-working-elsewhere")].map((e) => e.ignored)).toEqual(["free", "free"]);
    const vacation = byId(events, "outlook-vacation");
    expect({ ignored: vacation.ignored, outOfOffice: vacation.outOfOffice, allDay: vacation.allDay }).toEqual({ ignored: null, outOfOffice: true, allDay: true });
    const demo = byId(events, "outlook-epsilon-demo");
    expect({ ignored: demo.ignored, outOfOffice: demo.outOfOffice }).toEqual({ ignored: null, outOfOffice: false });
  });
});

describe("TZID resolution order", () => {
  const events = eventsOf("tzid-precedence.ics");

  test("an IANA name wins over a VTIMEZONE of the same name", () => {
    expect(iso(byId(events, "iana-name-wins-over-vtimezone").start)).toBe("2026-03-10T04:00:00-04:00");
  });

  test("the file's VTIMEZONE wins over the Windows zone of the same name", () => {
    expect(iso(byId(events, "vtimezone-wins-over-windows").start)).toBe("2026-03-10T02:00:00-04:00");
  });

  test("an unknown TZID is an error naming the event and the TZID", () => {
    const parsed = parseIcs(fixture("unknown-tzid.ics"), { zone: NY, range: WEEK });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.kind).toBe("EventError");
    expect(parsed.error.message).toContain("mars-base-sync");
    expect(parsed.error.message).toContain('TZID "Mars/Olympus_Mons"');
  });

  test("an unknown TZID is an error even when the event is outside the range", () => {
    const parsed = parseIcs(fixture("unknown-tzid.ics"), { zone: NY, range: range("2027-01-04", NY) });
    expect(parsed.ok).toBe(false);
  });
});

describe("floating times and X-WR-TIMEZONE", () => {
  test("without a zone from the settings, X-WR-TIMEZONE is the zone and floating times are read in it", () => {
    const parsed = parseIcs(fixture("floating.ics"), { range: range("2026-03-09", "Europe/Paris") });
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value.zone).toBe("Europe/Paris");
    expect(parsed.value.events.map(brief)).toEqual([
      { id: "floating-breakfast", title: "Breakfast with the Paris team", start: "2026-03-10T09:00:00+01:00", end: "2026-03-10T10:00:00+01:00" },
      { id: "utc-call", title: "Call (UTC)", start: "2026-03-10T16:00:00+01:00", end: "2026-03-10T16:30:00+01:00" },
    ]);
  });

  test("with a zone from the settings, X-WR-TIMEZONE is ignored: the floating time is 09:00 in that zone, the UTC time stays an instant", () => {
    const parsed = parseIcs(fixture("floating.ics"), { zone: NY, range: WEEK });
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value.zone).toBe(NY);
    expect(parsed.value.events.map(brief)).toEqual([
      { id: "floating-breakfast", title: "Breakfast with the Paris team", start: "2026-03-10T09:00:00-04:00", end: "2026-03-10T10:00:00-04:00" },
      { id: "utc-call", title: "Call (UTC)", start: "2026-03-10T11:00:00-04:00", end: "2026-03-10T11:30:00-04:00" },
    ]);
  });

  test("readIcs reports X-WR-TIMEZONE only when it is an IANA zone; no zone anywhere means UTC", () => {
    const paris = readIcs(fixture("floating.ics"));
    expect(paris.ok && paris.value.calendarZone).toBe("Europe/Paris");
    const bogus = readIcs(calendar("X-WR-TIMEZONE:Somewhere/Else", vevent("UID:a", "DTSTART:20260310T090000")));
    expect(bogus.ok && bogus.value.calendarZone).toBeNull();
    const parsed = parseIcs(calendar(vevent("UID:a", "DTSTART:20260310T090000")), { range: range("2026-03-09", "UTC") });
    expect(parsed.ok && parsed.value.zone).toBe("UTC");
    expect(parsed.ok && iso(parsed.value.events[0]!.start)).toBe("2026-03-10T09:00:00Z");
  });
});

describe("event lengths", () => {
  const events = eventsOf("lengths.ics");

  test("an all-day event without DTEND lasts one day, midnight to midnight in the user's zone", () => {
    const e = byId(events, "all-day-no-end");
    expect({ allDay: e.allDay, start: iso(e.start), end: iso(e.end) }).toEqual({ allDay: true, start: "2026-03-10T00:00:00-04:00", end: "2026-03-11T00:00:00-04:00" });
  });

  test("a timed event without DTEND or DURATION has no length", () => {
    const e = byId(events, "timed-no-end");
    expect({ start: iso(e.start), end: iso(e.end) }).toEqual({ start: "2026-03-10T16:00:00-04:00", end: "2026-03-10T16:00:00-04:00" });
  });

  test("DURATION gives the end of timed and all-day events", () => {
    expect(iso(byId(events, "timed-duration").end)).toBe("2026-03-11T10:30:00-04:00");
    const offsite = byId(events, "all-day-duration");
    expect([iso(offsite.start), iso(offsite.end)]).toEqual(["2026-03-12T00:00:00-04:00", "2026-03-14T00:00:00-04:00"]);
  });

  test("a multi-day event that started last week is returned because it ends inside the week", () => {
    const show = byId(events, "all-day-multi");
    expect([iso(show.start), iso(show.end)]).toEqual(["2026-03-05T00:00:00-05:00", "2026-03-10T00:00:00-04:00"]);
  });

  test("a zero-length event counts when its instant is in [start, end): at the range end it does not", () => {
    const until16 = Interval.fromDateTimes(DateTime.fromISO("2026-03-10T12:00", { zone: NY }), DateTime.fromISO("2026-03-10T16:00", { zone: NY })) as Interval<true>;
    expect(eventsOf("lengths.ics", { range: until16 }).map((e) => e.id)).not.toContain("timed-no-end");
    const from16 = Interval.fromDateTimes(DateTime.fromISO("2026-03-10T16:00", { zone: NY }), DateTime.fromISO("2026-03-10T17:00", { zone: NY })) as Interval<true>;
    expect(eventsOf("lengths.ics", { range: from16 }).map((e) => e.id)).toContain("timed-no-end");
  });
});

describe("statuses and attendees", () => {
  const events = eventsOf("statuses.ics", { me: "Sam@Seller.com" });

  test("precedence: cancelled > declined > free", () => {
    expect(byId(events, "cancelled-and-declined-and-free").ignored).toBe("cancelled");
    expect(byId(events, "declined-and-free").ignored).toBe("declined");
    expect(byId(events, "free").ignored).toBe("free");
  });

  test("the user's own ATTENDEE with PARTSTAT=DECLINED is declined, whatever the case of the address", () => {
    const withoutMe = eventsOf("statuses.ics", { me: "" });
    expect(byId(withoutMe, "declined-and-free").ignored).toBe("free");
    const upper = eventsOf("statuses.ics", { me: "SAM@SELLER.COM" });
    expect(byId(upper, "declined-and-free").ignored).toBe("declined");
  });

  test("tentative and unanswered invitations are busy", () => {
    const e = byId(events, "tentative-and-needs-action");
    expect(e.ignored).toBeNull();
    expect(e.attendees).toEqual(["kim@omega.ai"]);
  });

  test("considered attendees: MAILTO in capitals read, duplicates once, declined, rooms, resources, system addresses and the user out, EMAIL parameter used", () => {
    expect(byId(events, "attendee-rules").attendees).toEqual(["cfo@delta-finance.fr", "ops@delta-finance.fr", "kim@omega.ai"]);
  });

  test("X-NEXT-WEEK-BLOCK marks a block booked by this add-on, with its key", () => {
    const block = byId(events, "booked-block");
    expect({ bookedByUs: block.bookedByUs, bookingKey: block.bookingKey }).toEqual({ bookedByUs: true, bookingKey: "nw1-20260311T180000Z-90" });
    const other = byId(events, "free");
    expect({ bookedByUs: other.bookedByUs, bookingKey: other.bookingKey }).toEqual({ bookedByUs: false, bookingKey: null });
  });

  test("a missing SUMMARY is an empty title", () => {
    expect(byId(events, "untitled").title).toBe("");
  });
});

describe("daylight-saving time", () => {
  test("a weekly 09:00 New York meeting stays at 09:00 across the March change (14:00Z, then 13:00Z)", () => {
    const events = eventsOf("dst-weekly.ics", { range: range("2026-03-02", NY, 14) });
    expect(events.map((e) => [e.id, iso(e.start), iso(e.end), e.end.diff(e.start, "minutes").minutes])).toEqual([
      ["weekly-forecast_20260302T140000Z", "2026-03-02T09:00:00-05:00", "2026-03-02T10:00:00-05:00", 60],
      ["weekly-forecast_20260309T130000Z", "2026-03-09T09:00:00-04:00", "2026-03-09T10:00:00-04:00", 60],
    ]);
  });

  test("seen from Paris, the same meeting moves from 15:00 to 14:00 (Europe changes later)", () => {
    const events = eventsOf("dst-weekly.ics", { zone: "Europe/Paris", range: range("2026-03-02", "Europe/Paris", 14) });
    expect(events.map((e) => iso(e.start))).toEqual(["2026-03-02T15:00:00+01:00", "2026-03-09T14:00:00+01:00"]);
  });

  test("and across the November change it stays at 09:00 too", () => {
    const events = eventsOf("dst-weekly.ics", { range: range("2026-10-26", NY, 21) });
    expect(events.filter((e) => e.title === "Autumn weekly").map((e) => iso(e.start))).toEqual([
      "2026-10-26T09:00:00-04:00",
      "2026-11-02T09:00:00-05:00",
      "2026-11-09T09:00:00-05:00",
    ]);
  });
});

describe("more recurrence rules", () => {
  const series = (...lines: string[]) => calendar(vevent("UID:s", "SUMMARY:Series", ...lines));
  const startsOf = (text: string, r: Interval<true> = WEEK, zone = NY): string[] => {
    const parsed = parseIcs(text, { zone, range: r });
    if (!parsed.ok) throw parsed.error;
    return parsed.value.events.map((e) => `${e.id} ${iso(e.start)}–${iso(e.end)}`);
  };

  test("RDATE adds occurrences, a PERIOD with its own length; EXDATE also removes an RDATE", () => {
    const text = series(
      "DTSTART;TZID=America/New_York:20260309T080000",
      "DTEND;TZID=America/New_York:20260309T083000",
      "RDATE;TZID=America/New_York:20260311T080000,20260312T080000",
      "RDATE;VALUE=PERIOD:20260313T120000Z/PT2H",
      "EXDATE:20260312T120000Z",
    );
    expect(startsOf(text)).toEqual([
      "s_20260309T120000Z 2026-03-09T08:00:00-04:00–2026-03-09T08:30:00-04:00",
      "s_20260311T120000Z 2026-03-11T08:00:00-04:00–2026-03-11T08:30:00-04:00",
      "s_20260313T120000Z 2026-03-13T08:00:00-04:00–2026-03-13T10:00:00-04:00",
    ]);
  });

  test("an EXDATE in UTC removes the occurrence at that instant even when the series has a TZID", () => {
    const text = series("DTSTART;TZID=America/New_York:20260309T080000", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260310T120000Z");
    expect(startsOf(text).map((s) => s.split(" ")[0])).toEqual(["s_20260309T120000Z", "s_20260311T120000Z"]);
  });

  test("a DATE EXDATE removes the all-day occurrence of that date", () => {
    const text = series("DTSTART;VALUE=DATE:20260309", "RRULE:FREQ=DAILY;COUNT=5", "EXDATE;VALUE=DATE:20260311");
    expect(startsOf(text).map((s) => s.split(" ")[0])).toEqual(["s_20260309", "s_20260310", "s_20260312", "s_20260313"]);
  });

  test("an all-day series lasts whole days in the user's zone, whatever it is", () => {
    const text = series("DTSTART;VALUE=DATE:20260309", "DTEND;VALUE=DATE:20260310", "RRULE:FREQ=WEEKLY");
    expect(startsOf(text, range("2026-03-09", "Asia/Tokyo"), "Asia/Tokyo")).toEqual(["s_20260309 2026-03-09T00:00:00+09:00–2026-03-10T00:00:00+09:00"]);
  });

  test("DTSTART is the first instance even when the rule does not match it", () => {
    const text = series("DTSTART;TZID=America/New_York:20260309T080000", "DURATION:PT30M", "RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=2");
    expect(startsOf(text).map((s) => s.split(" ")[0])).toEqual(["s_20260309T120000Z", "s_20260311T120000Z"]);
  });

  test("an override with a higher SEQUENCE wins over an older copy of the same override", () => {
    const text = calendar(
      vevent("UID:s", "SUMMARY:Series", "DTSTART:20260309T140000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2"),
      vevent("UID:s", "SUMMARY:Newer", "SEQUENCE:3", "RECURRENCE-ID:20260310T140000Z", "DTSTART:20260310T160000Z", "DURATION:PT1H"),
      vevent("UID:s", "SUMMARY:Older", "SEQUENCE:1", "RECURRENCE-ID:20260310T140000Z", "DTSTART:20260310T150000Z", "DURATION:PT1H"),
    );
    const parsed = parseIcs(text, { zone: "UTC", range: WEEK });
    expect(parsed.ok && parsed.value.events.map((e) => `${e.title} ${iso(e.start)}`)).toEqual(["Series 2026-03-09T14:00:00Z", "Newer 2026-03-10T16:00:00Z"]);
  });

  test("a cancelled override replaces its occurrence and is listed as cancelled", () => {
    const text = calendar(
      vevent("UID:s", "SUMMARY:Series", "DTSTART:20260309T140000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2"),
      vevent("UID:s", "SUMMARY:Series", "STATUS:CANCELLED", "RECURRENCE-ID:20260310T140000Z", "DTSTART:20260310T140000Z", "DURATION:PT1H"),
    );
    const parsed = parseIcs(text, { zone: "UTC", range: WEEK });
    expect(parsed.ok && parsed.value.events.map((e) => [e.id, e.ignored])).toEqual([
      ["s_20260309T140000Z", null],
      ["s_20260310T140000Z", "cancelled"],
    ]);
  });

  test("an endless daily series that began decades ago expands only up to the range", () => {
    const text = series("DTSTART;TZID=America/New_York:20000103T083000", "DURATION:PT15M", "RRULE:FREQ=DAILY");
    expect(startsOf(text)).toHaveLength(7);
  });

  test("a rule that matches no date at all ends in a clear error instead of a hang", () => {
    const parsed = parseIcs(series("DTSTART:20260101T090000Z", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"), { zone: "UTC", range: WEEK });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toMatch(/^event s: RRULE matches no date \(20,000 candidate dates in a row tested\): "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"$/);
  });

  test("a rule with millions of occurrences before the range starts near the range: every minute of the week, each once", () => {
    const starts = startsOf(series("DTSTART:20200101T090000Z", "DURATION:PT1M", "RRULE:FREQ=MINUTELY"));
    expect(starts).toHaveLength(7 * 24 * 60);
    expect(new Set(starts).size).toBe(starts.length);
  });

  test("a rule with more occurrences in the week than the file may expand is refused, naming the limit", () => {
    const parsed = parseIcs(series("DTSTART:20200101T090000Z", "RRULE:FREQ=SECONDLY"), { zone: "UTC", range: WEEK });
    expect(!parsed.ok && parsed.error.message).toMatch(/^event s: RRULE repeats too often: the recurring events of this file need more than 50,000 occurrences .* the limit per file; the rule that went over is "FREQ=SECONDLY"/);
  });
});

describe("malformed input", () => {
  const fails = (text: string, zone = NY) => {
    const parsed = parseIcs(text, { zone, range: WEEK });
    if (parsed.ok) throw new Error("expected an error");
    return parsed.error;
  };

  test("an event without DTSTART is an error naming its UID and the field", () => {
    const error = fails(calendar(vevent("UID:no-start@x", "SUMMARY:Broken", "DTEND:20260310T100000Z")));
    expect(error.kind).toBe("EventError");
    expect(error.message).toBe("event no-start@x: DTSTART is missing");
  });

  test("an unparseable date is an error quoting it", () => {
    expect(fails(calendar(vevent("UID:bad-date", "DTSTART:20261332T090000Z"))).message).toBe('event bad-date: DTSTART is not a valid date or date-time: "20261332T090000Z"');
  });

  test("DTEND before DTSTART is an error", () => {
    expect(fails(calendar(vevent("UID:backwards", "DTSTART:20260310T100000Z", "DTEND:20260310T090000Z"))).message).toBe(
      "event backwards: DTEND 20260310T090000Z is before DTSTART 20260310T100000Z",
    );
  });

  test("a negative DURATION is an error", () => {
    expect(fails(calendar(vevent("UID:negative", "DTSTART:20260310T100000Z", "DURATION:-PT1H"))).message).toBe('event negative: DURATION is negative: "-PT1H"');
  });

  test("an event without UID is named by its position in the file", () => {
    expect(fails(calendar(vevent("UID:ok", "DTSTART:20260310T100000Z"), vevent("SUMMARY:no uid"))).message).toBe("event #2: DTSTART is missing");
  });

  test("a malformed event that is cancelled is dropped, not an error", () => {
    const parsed = parseIcs(calendar(vevent("UID:gone", "STATUS:CANCELLED", "SUMMARY:Gone")), { zone: NY, range: WEEK });
    expect(parsed.ok && parsed.value.events).toEqual([]);
  });

  test("text that is not an iCalendar file, an empty file and a vCard are input errors", () => {
    for (const [text, message] of [
      ["", "not an iCalendar file: it is empty"],
      ["\uFEFF  \r\n", "not an iCalendar file: it is empty"],
      ["<!DOCTYPE html><html>", 'not an iCalendar file: it starts with "<!DOCTYPE html><html>" instead of BEGIN:VCALENDAR'],
      ["BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD", 'not an iCalendar file: it starts with "BEGIN:VCARD" instead of BEGIN:VCALENDAR'],
    ] as const) {
      const read = readIcs(text);
      expect(read.ok).toBe(false);
      expect(!read.ok && [read.error.kind, read.error.message]).toEqual(["InputError", message]);
    }
  });

  test("a file ical.js cannot parse is an input error that says so", () => {
    const read = readIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis line has no colon\r\nEND:VEVENT\r\nEND:VCALENDAR");
    expect(!read.ok && read.error.message).toMatch(/^the iCalendar file is malformed: /);
  });

  test("two calendars concatenated into one file are read as one", () => {
    const text = `${calendar(vevent("UID:a", "SUMMARY:A", "DTSTART:20260310T100000Z"))}\r\n${calendar(vevent("UID:b", "SUMMARY:B", "DTSTART:20260311T100000Z"))}`;
    const parsed = parseIcs(text, { zone: "UTC", range: WEEK });
    expect(parsed.ok && parsed.value.events.map((e) => e.title)).toEqual(["A", "B"]);
  });

  test("a byte-order mark and LF line ends are accepted", () => {
    const read = readIcs(`\uFEFF${calendar(vevent("UID:a", "DTSTART:20260310T100000Z")).replace(/\r\n/g, "\n")}`);
    expect(read.ok && read.value.vevents).toHaveLength(1);
  });
});

describe("normalizeIcsEvents", () => {
  test("normalizes one parsed calendar for different zones and weeks without changing it", () => {
    const cal = readIcs(fixture("dst-weekly.ics"));
    if (!cal.ok) throw cal.error;
    const first = normalizeIcsEvents(cal.value, { zone: NY, range: range("2026-03-09", NY) });
    const second = normalizeIcsEvents(cal.value, { zone: "Asia/Tokyo", range: range("2026-03-16", "Asia/Tokyo") });
    const again = normalizeIcsEvents(cal.value, { zone: NY, range: range("2026-03-09", NY) });
    expect(first.ok && first.value.map(brief)).toEqual(again.ok && again.value.map(brief));
    expect(second.ok && second.value.map((e) => iso(e.start))).toEqual(["2026-03-16T22:00:00+09:00"]);
  });
});
