import fc from "fast-check";
import { ME, NY, attendee, gEvent, planGoogle } from "./build";

// The week: Mon 30 Nov – Mon 7 Dec 2026, New York. New York leaves daylight saving on Sun 1 Nov 2026
// (01:00–02:00 happens twice), so the 8-week look-back from 5 Oct crosses it.
const NOW = "2026-11-23T12:00:00-05:00";
const plan = (items: unknown[], settings = NY, week?: string) => planGoogle(items, settings, { now: NOW, ...(week ? { week } : {}) });
const meet = (start: string, end: string, ...emails: string[]) => gEvent(start, end, { attendees: [attendee(ME, { self: true }), ...emails.map((e) => attendee(e))] });
const block = (start: string, end: string) => gEvent(start, end, { summary: "Prospecting" });

describe("the trend (spec §3b history)", () => {
  test("one entry per look-back week, oldest first, each starting at its first midnight across the DST change", () => {
    const { json } = plan([]);
    expect(json.history.map((h) => h.start)).toEqual([
      "2026-10-05T00:00:00-04:00",
      "2026-10-12T00:00:00-04:00",
      "2026-10-19T00:00:00-04:00",
      "2026-10-26T00:00:00-04:00",
      "2026-11-02T00:00:00-05:00",
      "2026-11-09T00:00:00-05:00",
      "2026-11-16T00:00:00-05:00",
      "2026-11-23T00:00:00-05:00",
    ]);
    expect(json.history[0]).toEqual({ start: "2026-10-05T00:00:00-04:00", dreamClientMinutes: 0, decisionMakerMeetings: 0, salesMeetings: 0, prospectingMinutes: 0 });
  });

  test("the week of the change holds 169 hours: a block in the repeated hour and one across the week's end are split by elapsed time", () => {
    const { json } = plan([
      // 01:30 EDT (the first pass) to 01:30 EST (the second): one elapsed hour on Sun 1 Nov, though the wall clock did not move.
      block("2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00"),
      // Sun 1 Nov 23:30 to Mon 2 Nov 00:30 EST: 30 minutes in each week.
      block("2026-11-01T23:30:00-05:00", "2026-11-02T00:30:00-05:00"),
    ]);
    const byStart = Object.fromEntries(json.history.map((h) => [h.start, h.prospectingMinutes]));
    expect(byStart["2026-10-26T00:00:00-04:00"]).toBe(60 + 30);
    expect(byStart["2026-11-02T00:00:00-05:00"]).toBe(30);
  });

  test("each week counts its sales meetings, dream-client minutes and decision-maker meetings", () => {
    const { json } = plan([
      meet("2026-11-17T10:00:00-05:00", "2026-11-17T11:00:00-05:00", "cfo@acme.com"),
      meet("2026-11-17T10:30:00-05:00", "2026-11-17T11:30:00-05:00", "lee@acme.com"),
      meet("2026-11-18T10:00:00-05:00", "2026-11-18T11:00:00-05:00", "ops@umbrella.com"),
      meet("2026-11-19T10:00:00-05:00", "2026-11-19T11:00:00-05:00", "new@globex.io"),
    ]);
    expect(json.history.find((h) => h.start === "2026-11-16T00:00:00-05:00")).toEqual({ start: "2026-11-16T00:00:00-05:00", dreamClientMinutes: 90, decisionMakerMeetings: 1, salesMeetings: 3, prospectingMinutes: 0 });
  });

  test("the look-back follows lookBackWeeks", () => {
    expect(plan([], { ...NY, lookBackWeeks: 3 }).json.history.map((h) => h.start)).toEqual(["2026-11-09T00:00:00-05:00", "2026-11-16T00:00:00-05:00", "2026-11-23T00:00:00-05:00"]);
  });
});

describe("property: a look-back week counts what the week counts when analysed itself", () => {
  const people = ["cfo@acme.com", "lee@acme.com", "bob@initech.com", "ops@umbrella.com", "pat@seller.com", "x@globex.io", "y@gmail.com"];
  const WINDOW_START = Date.UTC(2026, 9, 5, 4); // Mon 5 Oct 2026 00:00 EDT
  const WINDOW_HOURS = 9 * 7 * 24;
  const event = fc.record({
    hour: fc.integer({ min: -48, max: WINDOW_HOURS + 48 }),
    quarter: fc.integer({ min: 0, max: 3 }),
    minutes: fc.constantFrom(0, 15, 30, 60, 90, 600, 3000),
    guests: fc.subarray(people, { maxLength: 3 }),
    prospecting: fc.boolean(),
    declined: fc.boolean(),
  });
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

  test("history entry W equals week W's own measures", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (specs) => {
        const items = specs.map((s) => {
          const start = WINDOW_START + s.hour * 3_600_000 + s.quarter * 900_000;
          return gEvent(iso(start), iso(start + s.minutes * 60_000), {
            summary: s.prospecting ? "Prospecting calls" : "Meeting",
            attendees: s.guests.length > 0 ? [attendee(ME, { self: true, responseStatus: s.declined ? "declined" : "accepted" }), ...s.guests.map((g) => attendee(g))] : undefined,
          });
        });
        const whole = plan(items).json;
        for (const h of whole.history) {
          const own = plan(items, NY, h.start.slice(0, 10)).json;
          expect(own.week.start).toBe(h.start);
          expect(h).toEqual({
            start: own.week.start,
            dreamClientMinutes: own.minutes.dreamClient,
            decisionMakerMeetings: own.meetings.decisionMaker,
            salesMeetings: own.meetings.sales,
            prospectingMinutes: own.minutes.prospecting,
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
