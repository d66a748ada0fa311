/**
 * The add-on's own calendar reader (addon/gas/calendarSource.ts `readEvents`) against the fake
 * Calendar API, through the Apps Script advanced service's call shape (`appsScriptCalendar`):
 * one query over the whole window, every page followed, Google's time-window rules, recurring
 * events expanded, and failures as error values. The core then gives the sample week's numbers.
 */
import { DateTime } from "luxon";
import { readEvents } from "../../addon/gas/calendarSource";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { measuresJson, normalizeGoogleEvents, parseSettings, planWeek, resolveZone, weekFor } from "../../shared";
import { appsScriptCalendar } from "./appsScriptCalendar";
import { createFakeCalendarApi, FAULTS, type FakeAnswer, type FakeCalendarOptions, type GoogleEventJson } from "./fakeCalendarApi";

const NOW = DateTime.fromISO("2026-11-23T12:00:00Z");
const NEW_YORK = "America/New_York";
const EVENTS_PATH = "/calendar/v3/calendars/primary/events";

/** The fake, the advanced service over it, and every answer it gave (to follow the page tokens). */
const setUp = (options: FakeCalendarOptions) => {
  const fake = createFakeCalendarApi(options);
  const answers: FakeAnswer[] = [];
  const request = fake.request;
  const recording = { ...fake, request: (method: string, url: string) => {
    const out = request(method, url);
    answers.push(out);
    return out;
  } };
  return { fake, answers, calendar: appsScriptCalendar(recording) };
};

const renamed = (prefix: string) => (e: GoogleEventJson): GoogleEventJson => ({ ...e, id: `${prefix}_${e.id}` });

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

describe("readEvents against the fake Calendar API", () => {
  test("reads next week of the sample calendar page by page; the core gives the sample week's numbers", () => {
    const sample = sampleWeek(NOW);
    const { fake, calendar } = setUp({
      events: [...sampleWeek(NOW.minus({ weeks: 1 })).google.map(renamed("prev")), ...sample.google, ...sampleWeek(NOW.plus({ weeks: 1 })).google.map(renamed("next"))],
      timeZone: sample.zone,
      owner: sample.me,
      pageSize: 4,
    });
    const items = ok(readEvents(calendar, sample.week, sample.zone)) as GoogleEventJson[];

    // 18 sample events in the week; the cancelled "Lunch with Acme procurement" is not sent
    // (showDeleted=false); none of the weeks before or after. 17 events at 4 a page = 5 pages.
    const expectedIds = sample.google.filter((e) => e.status !== "cancelled").map((e) => e.id);
    expect(items.map((e) => e.id).sort()).toEqual([...expectedIds].sort());
    expect(fake.requests).toHaveLength(5);
    const starts = items.map((e) => DateTime.fromISO(e.start.dateTime ?? e.start.date ?? "", { zone: sample.zone }).toMillis());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    const settings = ok(parseSettings(sample.settings));
    const zone = resolveZone(settings, NEW_YORK);
    const events = ok(normalizeGoogleEvents(items, { zone, me: sample.me }));
    const m = measuresJson(planWeek({ events, settings, zone, now: NOW, week: sample.week, me: sample.me }));
    expect(m.week).toEqual({ start: "2026-11-30T00:00:00-05:00", end: "2026-12-07T00:00:00-05:00", timeZone: NEW_YORK });
    // Working hours Mon–Fri 09:00–17:00: 5 × 480 = 2400.
    expect(m.workingMinutes).toBe(2400);
    // Busy inside working hours (overlaps counted once; free, declined, cancelled and working
    // location left out; an out-of-office day is busy all day):
    //   Mon: stand-up 15 + Acme discovery 60 + Umbrella escalation 60 + expenses 30 = 165
    //   Tue: stand-up 15 + Globex demo 11:00–12:00 ∪ Initech 11:30–12:30 = 90          = 105
    //   Wed: out of office, the whole 09:00–17:00                                        = 480
    //   Thu: stand-up 15 + pipeline review 90 + prospecting 60                           = 165
    //   Fri: stand-up 15 + Umbrella sync 60 + Acme exec check-in 45                      = 120
    // dreamClient: Acme discovery 60 + Globex demo 60 + Acme exec 45 = 165 (3 meetings)
    // aList: Initech check-in 60; pain: Umbrella escalation 60 + Umbrella sync 60 = 120
    // decisionMaker: Dana (Acme discovery 60, Acme exec 45) + Hank (Globex demo 60) = 165 (3 meetings)
    // internal: 4 stand-ups × 15 + pipeline review 90 = 150; prospecting: "Prospecting: …" 60
    // outOfOffice: Wednesday all day = 24 × 60 = 1440
    expect(m.busyWorkingMinutes).toBe(1035);
    expect(m.minutes).toEqual({ dreamClient: 165, aList: 60, pain: 120, decisionMaker: 165, internal: 150, prospecting: 60, outOfOffice: 1440 });
    expect(m.meetings).toMatchObject({ dreamClient: 3, decisionMaker: 3 });
  });

  test("every request is the same query over the window; each later page carries the token the previous page ended with", () => {
    const sample = sampleWeek(NOW);
    const { fake, answers, calendar } = setUp({ events: sample.google, timeZone: sample.zone, pageSize: 4 });
    ok(readEvents(calendar, sample.week, sample.zone));

    expect(fake.requests).toHaveLength(5);
    fake.requests.forEach((r, page) => {
      expect(r.method).toBe("GET");
      expect(r.path).toBe(EVENTS_PATH);
      expect(r.query.get("timeMin")).toBe("2026-11-30T00:00:00.000-05:00");
      expect(r.query.get("timeMax")).toBe("2026-12-07T00:00:00.000-05:00");
      expect(r.query.get("singleEvents")).toBe("true");
      expect(r.query.get("orderBy")).toBe("startTime");
      expect(r.query.get("showDeleted")).toBe("false");
      expect(r.query.get("maxResults")).toBe("2500");
      expect(r.query.get("timeZone")).toBe(NEW_YORK);
      const previous = answers[page - 1]?.body as { nextPageToken?: string } | undefined;
      expect(r.query.get("pageToken")).toBe(page === 0 ? null : (previous?.nextPageToken ?? "missing"));
      expect(r.status).toBe(200);
    });
    expect((answers.at(-1)?.body as { nextPageToken?: string }).nextPageToken).toBeUndefined();
  });

  test("a window of eight look-back weeks and the week is ONE query: its pages, nothing outside it", () => {
    const week = weekFor({ now: NOW, zone: NEW_YORK, weekStartsOn: 1 });
    const window = { start: week.start.minus({ weeks: 8 }), end: week.end };
    // The sample week copied into each of the nine weeks, and into the week before and after the window.
    const events = [-9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1].flatMap((w) => sampleWeek(NOW.plus({ weeks: w })).google.map(renamed(`w${w + 9}`)));
    const { fake, calendar } = setUp({ events, timeZone: NEW_YORK, pageSize: 40 });
    const items = ok(readEvents(calendar, window, NEW_YORK)) as GoogleEventJson[];

    // 17 events a week (the cancelled one is not sent) × 9 weeks = 153, 40 a page = 4 pages.
    expect(items).toHaveLength(153);
    expect(new Set(items.map((e) => e.id.split("_")[0]))).toEqual(new Set(["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"]));
    expect(fake.requests).toHaveLength(4);
    expect(new Set(fake.requests.map((r) => `${r.query.get("timeMin")}/${r.query.get("timeMax")}`))).toEqual(new Set(["2026-10-05T00:00:00.000-04:00/2026-12-07T00:00:00.000-05:00"]));
    expect(fake.requests.map((r) => r.query.get("pageToken") === null)).toEqual([true, false, false, false]);
  });

  test("an event ending exactly at timeMin or starting exactly at timeMax is left out; one across timeMin is kept", () => {
    const week = weekFor({ now: NOW, zone: NEW_YORK, weekStartsOn: 1 });
    const timed = (id: string, from: DateTime, to: DateTime): GoogleEventJson => ({
      id,
      status: "confirmed",
      summary: id,
      start: { dateTime: from.toISO({ suppressMilliseconds: true }), timeZone: NEW_YORK },
      end: { dateTime: to.toISO({ suppressMilliseconds: true }), timeZone: NEW_YORK },
    });
    const { calendar } = setUp({
      timeZone: NEW_YORK,
      events: [
        timed("endsAtTimeMin", week.start.minus({ hours: 1 }), week.start),
        { id: "allDaySundayBefore", summary: "Sunday", start: { date: "2026-11-29" }, end: { date: "2026-11-30" } },
        timed("acrossTimeMin", week.start.minus({ minutes: 30 }), week.start.plus({ minutes: 30 })),
        timed("lastMinute", week.end.minus({ minutes: 1 }), week.end),
        timed("startsAtTimeMax", week.end, week.end.plus({ hours: 1 })),
        { id: "allDayMondayAfter", summary: "Monday after", start: { date: "2026-12-07" }, end: { date: "2026-12-08" } },
      ],
    });
    const items = ok(readEvents(calendar, week, NEW_YORK)) as GoogleEventJson[];
    expect(items.map((e) => e.id)).toEqual(["acrossTimeMin", "lastMinute"]);
  });

  test("a weekly series comes back as its instances, at the same wall-clock time across DST", () => {
    const week = weekFor({ now: NOW, zone: NEW_YORK, weekStartsOn: 1 });
    const { calendar } = setUp({
      timeZone: NEW_YORK,
      events: [
        {
          id: "oneOnOne",
          status: "confirmed",
          summary: "1:1 with Jordan",
          start: { dateTime: "2026-10-05T15:00:00-04:00", timeZone: NEW_YORK },
          end: { dateTime: "2026-10-05T15:30:00-04:00", timeZone: NEW_YORK },
          recurrence: ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE"],
        },
      ],
    });
    const items = ok(readEvents(calendar, week, NEW_YORK)) as (GoogleEventJson & { recurringEventId?: string })[];
    expect(items.map((e) => [e.id, e.recurringEventId, e.start.dateTime])).toEqual([
      ["oneOnOne_20261130T200000Z", "oneOnOne", "2026-11-30T15:00:00-05:00"],
      ["oneOnOne_20261202T200000Z", "oneOnOne", "2026-12-02T15:00:00-05:00"],
    ]);
  });

  describe("failures are error values, never a shorter week", () => {
    const week = weekFor({ now: NOW, zone: NEW_YORK, weekStartsOn: 1 });

    test("a 500 on the third page fails the whole read, and no page after it is asked for", () => {
      const fake = createFakeCalendarApi({ events: sampleWeek(NOW).google, timeZone: NEW_YORK, pageSize: 4 });
      let calls = 0;
      const calendar = appsScriptCalendar({
        ...fake,
        request: (method, url) => {
          if (++calls === 3) fake.failNext("/events", FAULTS.backendError);
          return fake.request(method, url);
        },
      });
      const read = readEvents(calendar, week, NEW_YORK);

      expect(read.ok ? "read" : read.error.message).toBe("Could not read your calendar: Google Calendar had a temporary problem. Try again.");
      expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 500]);
    });

    test("Google's 403 rate limit and 500 say what to do in words a seller can act on", () => {
      const { fake, calendar } = setUp({ events: [], timeZone: NEW_YORK });
      fake.failNext("/events", FAULTS.rateLimited);
      const limited = readEvents(calendar, week, NEW_YORK);
      expect(limited.ok ? "read" : limited.error.message).toBe("Could not read your calendar: Google is limiting requests right now. Wait a minute and try again.");
      fake.failNext("/events", FAULTS.backendError);
      const backend = readEvents(calendar, week, NEW_YORK);
      expect(backend.ok ? "read" : backend.error.message).toBe("Could not read your calendar: Google Calendar had a temporary problem. Try again.");
    });
  });
});
