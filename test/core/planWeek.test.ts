import { ME, NY, attendee, gAllDay, gEvent, planGoogle } from "./build";

// Next week for these tests: Mon 30 Nov – Mon 7 Dec 2026, New York (UTC−5), working Mon–Fri 09–17.
const NOW = "2026-11-23T12:00:00-05:00";
const plan = (items: unknown[], settings = NY) => planGoogle(items, settings, { now: NOW });
const withAcme = { attendees: [attendee(ME, { self: true }), attendee("lee@acme.com")] };

describe("a week with nothing in it", () => {
  test("has 40 working hours, no busy time, and one blank spot per working day", () => {
    const { json } = plan([]);
    expect(json.week).toEqual({ start: "2026-11-30T00:00:00-05:00", end: "2026-12-07T00:00:00-05:00", timeZone: "America/New_York" });
    expect(json.workingMinutes).toBe(2400);
    expect(json.busyWorkingMinutes).toBe(0);
    expect(json.blankSpots.map((s) => [s.start, s.minutes])).toEqual([
      ["2026-11-30T09:00:00-05:00", 480],
      ["2026-12-01T09:00:00-05:00", 480],
      ["2026-12-02T09:00:00-05:00", 480],
      ["2026-12-03T09:00:00-05:00", 480],
      ["2026-12-04T09:00:00-05:00", 480],
    ]);
    expect(json.suggestedBlock).toEqual({ start: "2026-11-30T09:00:00-05:00", end: "2026-11-30T10:30:00-05:00" });
  });
});

describe("which events are busy", () => {
  test("a meeting the user declined counts as nothing", () => {
    const { json, plan: p } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee(ME, { self: true, responseStatus: "declined" }), attendee("lee@acme.com")] })]);
    expect(json.busyWorkingMinutes).toBe(0);
    expect(json.minutes.dreamClient).toBe(0);
    expect(p.ignored.map((e) => e.ignored)).toEqual(["declined"]);
  });

  test("the user is found by --me when events carry no self flag (case-insensitive)", () => {
    const { json } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee("Me@Seller.COM", { responseStatus: "declined" }), attendee("lee@acme.com")] })]);
    expect(json.busyWorkingMinutes).toBe(0);
  });

  test("a meeting an attendee declined stays busy, but that attendee is not considered", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", {
        attendees: [attendee(ME, { self: true }), attendee("cfo@acme.com", { responseStatus: "declined" }), attendee("bill@initech.com")],
      }),
    ]);
    expect(json.busyWorkingMinutes).toBe(60);
    expect(json.minutes.dreamClient).toBe(0);
    expect(json.minutes.decisionMaker).toBe(0);
    expect(json.minutes.aList).toBe(60);
  });

  test("a cancelled event counts as nothing, even one Google sends without times", () => {
    const { json, plan: p } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { status: "cancelled", ...withAcme }),
      { kind: "calendar#event", id: "gone", status: "cancelled" },
    ]);
    expect(json.busyWorkingMinutes).toBe(0);
    expect(json.minutes.dreamClient).toBe(0);
    expect(p.ignored.map((e) => e.ignored)).toEqual(["cancelled"]);
  });

  test("tentative and unanswered invitations are busy", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee(ME, { self: true, responseStatus: "tentative" }), attendee("lee@acme.com")] }),
      gEvent("2026-12-02T10:00:00-05:00", "2026-12-02T10:30:00-05:00", { attendees: [attendee(ME, { self: true, responseStatus: "needsAction" }), attendee("lee@acme.com")] }),
    ]);
    expect(json.busyWorkingMinutes).toBe(90);
    expect(json.minutes.dreamClient).toBe(90);
    expect(json.meetings.dreamClient).toBe(2);
  });

  test("free (transparent), working-location and birthday events count as nothing; focus time is busy", () => {
    const { json, plan: p } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { transparency: "transparent", ...withAcme }),
      gAllDay("2026-12-02", "2026-12-03", { eventType: "workingLocation", transparency: "transparent" }),
      gAllDay("2026-12-03", "2026-12-04", { eventType: "birthday" }),
      gEvent("2026-12-04T09:00:00-05:00", "2026-12-04T11:00:00-05:00", { eventType: "focusTime" }),
    ]);
    expect(json.busyWorkingMinutes).toBe(120);
    expect(p.ignored.map((e) => e.ignored)).toEqual(["free", "workingLocation", "birthday"]);
  });

  test("out-of-office is busy and measured in its own line, clipped to the week", () => {
    const { json } = plan([gEvent("2026-12-04T12:00:00-05:00", "2026-12-08T12:00:00-05:00", { eventType: "outOfOffice" })]);
    // Fri 12:00 → Mon 7 Dec 00:00 = 12 h + 48 h = 3600 min inside the week; working part Fri 12–17 = 300 min.
    expect(json.minutes.outOfOffice).toBe(3600);
    expect(json.busyWorkingMinutes).toBe(300);
  });
});

describe("all-day events", () => {
  test("free when marked free (Google creates them so), busy midnight to midnight in the user's zone otherwise", () => {
    const free = plan([gAllDay("2026-12-01", "2026-12-02", { transparency: "transparent", ...withAcme })]);
    expect(free.json.busyWorkingMinutes).toBe(0);
    const busy = plan([gAllDay("2026-12-01", "2026-12-03", withAcme)]);
    expect(busy.json.busyWorkingMinutes).toBe(960);
    expect(busy.json.minutes.dreamClient).toBe(2880);
    expect(busy.json.blankSpots.map((s) => s.start.slice(0, 10))).toEqual(["2026-11-30", "2026-12-03", "2026-12-04"]);
  });
});

describe("overlaps and edges", () => {
  test("overlapping meetings are counted once", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", withAcme),
      gEvent("2026-12-01T10:30:00-05:00", "2026-12-01T12:00:00-05:00", withAcme),
      gEvent("2026-12-01T10:45:00-05:00", "2026-12-01T11:15:00-05:00", withAcme),
    ]);
    expect(json.busyWorkingMinutes).toBe(120);
    expect(json.minutes.dreamClient).toBe(120);
    expect(json.meetings.dreamClient).toBe(3);
  });

  test("an event crossing the week's start counts only its part inside the week", () => {
    const { json } = plan([gEvent("2026-11-29T22:00:00-05:00", "2026-11-30T10:00:00-05:00", withAcme)]);
    // Sun 22:00 → Mon 10:00: 10 h inside the week (from Mon 00:00), 1 h of it in working time.
    expect(json.minutes.dreamClient).toBe(600);
    expect(json.busyWorkingMinutes).toBe(60);
    expect(json.meetings.dreamClient).toBe(1);
  });

  test("an event ending exactly at the week's start does not belong to it", () => {
    const { json } = plan([gEvent("2026-11-29T20:00:00-05:00", "2026-11-30T00:00:00-05:00", withAcme)]);
    expect(json.minutes.dreamClient).toBe(0);
    expect(json.meetings.dreamClient).toBe(0);
  });

  test("a zero-length event counts as a meeting when its instant is inside the week, and adds no minutes", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T10:00:00-05:00", { attendees: [attendee("cfo@acme.com")] }),
      gEvent("2026-12-07T00:00:00-05:00", "2026-12-07T00:00:00-05:00", { attendees: [attendee("cfo@acme.com")] }),
    ]);
    expect(json.meetings.decisionMaker).toBe(1);
    expect(json.minutes.decisionMaker).toBe(0);
  });

  test("minutes are elapsed time rounded to whole minutes", () => {
    const { json } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T10:20:30-05:00", withAcme)]);
    expect(json.minutes.dreamClient).toBe(21);
  });
});

describe("attendees", () => {
  test("resource rooms are not attendees: a prospecting block in a room is still prospecting", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", {
        summary: "Prospecting hour",
        attendees: [attendee(ME, { self: true }), attendee("c_1889@resource.calendar.google.com", { resource: true }), attendee("boardroom@acme.com", { resource: true })],
      }),
    ]);
    expect(json.minutes.prospecting).toBe(60);
    expect(json.minutes.dreamClient).toBe(0);
  });

  test("subdomains match their account; look-alike domains do not", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee("anna@eu.acme.com")] }),
      gEvent("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", { attendees: [attendee("bob@notacme.com")] }),
      gEvent("2026-12-03T10:00:00-05:00", "2026-12-03T11:00:00-05:00", { attendees: [attendee("carl@acme.com.evil.io")] }),
    ]);
    expect(json.minutes.dreamClient).toBe(60);
    expect(json.meetings.dreamClient).toBe(1);
  });

  test("mixed-case emails match accounts and decision-makers", () => {
    const { json } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee("CFO@ACME.Com")] })], {
      ...NY,
      decisionMakers: [{ email: "Cfo@Acme.com", name: "Dana", title: "CFO" }],
    });
    expect(json.minutes.decisionMaker).toBe(60);
    expect(json.meetings.decisionMaker).toBe(1);
    expect(json.minutes.dreamClient).toBe(60);
  });

  test("the organizer counts as an attendee unless it is the user or a calendar system address", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { organizer: { email: "cfo@acme.com" } }),
      gEvent("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", { summary: "prospecting", organizer: { email: "team@group.calendar.google.com" } }),
      gEvent("2026-12-03T10:00:00-05:00", "2026-12-03T11:00:00-05:00", { summary: "Prospecting", organizer: { email: ME, self: true } }),
    ]);
    expect(json.meetings.decisionMaker).toBe(1);
    expect(json.minutes.prospecting).toBe(120);
  });

  test("internal needs every considered attendee at an own domain; a hidden list is never internal nor prospecting", () => {
    const { json } = plan([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee(ME, { self: true }), attendee("jo@seller.com"), attendee("kim@uk.seller.com")] }),
      gEvent("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", { attendees: [attendee("jo@seller.com"), attendee("lee@acme.com")] }),
      gEvent("2026-12-03T10:00:00-05:00", "2026-12-03T11:00:00-05:00", { attendeesOmitted: true, attendees: [attendee("jo@seller.com")] }),
      gEvent("2026-12-04T10:00:00-05:00", "2026-12-04T11:00:00-05:00", { summary: "prospecting", attendeesOmitted: true }),
      gEvent("2026-12-04T12:00:00-05:00", "2026-12-04T13:00:00-05:00", { summary: "Lunch", attendees: [attendee(ME, { self: true })] }),
    ]);
    expect(json.minutes.internal).toBe(60);
    expect(json.minutes.prospecting).toBe(0);
    expect(json.minutes.dreamClient).toBe(60);
  });

  test("without ownDomains in the settings, the user's own domain is internal", () => {
    const { json } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee("jo@seller.com")] })], { ...NY, ownDomains: undefined });
    expect(json.minutes.internal).toBe(60);
  });

  test("an event booked by Next Week is prospecting whatever its title", () => {
    const { json } = plan([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:30:00-05:00", { summary: "Calls", extendedProperties: { private: { nextWeekBlock: "nw1-x" } } })]);
    expect(json.minutes.prospecting).toBe(90);
  });
});

describe("goals", () => {
  test("targets come with their actual values; the pain cap is met when at or under it", () => {
    const pain = (d: string) => gEvent(`${d}T09:00:00-05:00`, `${d}T10:30:00-05:00`, { attendees: [attendee("x@umbrella.com")] });
    const { json } = plan([pain("2026-11-30"), pain("2026-12-01")]);
    expect(json.goals).toEqual([
      { id: "dreamClientMinutes", target: 240, actual: 0, met: false },
      { id: "decisionMakerMeetings", target: 3, actual: 0, met: false },
      // Meetings with pain accounts only are not sales meetings.
      { id: "salesMeetings", target: 3, actual: 0, met: false },
      { id: "prospectingMinutes", target: 120, actual: 0, met: false },
      { id: "painMinutesMax", target: 180, actual: 180, met: true },
    ]);
    const over = plan([pain("2026-11-30"), pain("2026-12-01"), gEvent("2026-12-02T09:00:00-05:00", "2026-12-02T09:01:00-05:00", { attendees: [attendee("x@umbrella.com")] })]);
    expect(over.json.goals.find((g) => g.id === "painMinutesMax")).toEqual({ id: "painMinutesMax", target: 180, actual: 181, met: false });
  });

  test("pipeline math gives 3 meetings a week for the seed example and appears only when set", () => {
    expect(plan([]).json.pipeline).toBeUndefined();
    const { json } = plan([], { ...NY, pipeline: { annualTarget: 100000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 } });
    expect(json.pipeline).toEqual({ weeklyMeetings: 3 });
    const bigger = plan([], { ...NY, pipeline: { annualTarget: 500000 } });
    // 500000 / 10000 / 0.5 / 0.2 / 46 = 10.87 → 11
    expect(bigger.json.pipeline).toEqual({ weeklyMeetings: 11 });
  });
});

describe("the suggested block", () => {
  test("starts at the first spot's start rounded up to the quarter hour", () => {
    const { json } = plan([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T10:07:00-05:00")]);
    expect(json.suggestedBlock).toEqual({ start: "2026-11-30T10:15:00-05:00", end: "2026-11-30T11:45:00-05:00" });
  });

  test("a start on the quarter hour stays; seconds round up to the next minute first", () => {
    expect(plan([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T10:15:00-05:00")]).json.suggestedBlock?.start).toBe("2026-11-30T10:15:00-05:00");
    expect(plan([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T10:15:20-05:00")]).json.suggestedBlock?.start).toBe("2026-11-30T10:30:00-05:00");
  });

  test("skips spots too short for the block once rounded, and is null when none fits", () => {
    // Monday free 09:00–10:35 (95 min) only fits 90 minutes from 09:00; Tuesday 09:10–10:50 rounds to 09:15–10:45.
    const busyMon = gEvent("2026-11-30T10:35:00-05:00", "2026-11-30T17:00:00-05:00");
    const { json } = plan([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T09:10:00-05:00"), busyMon, gEvent("2026-12-01T09:00:00-05:00", "2026-12-01T09:10:00-05:00"), gEvent("2026-12-01T10:50:00-05:00", "2026-12-01T17:00:00-05:00")]);
    // Monday's spot 09:10–10:35 → 09:15 + 90 = 10:45 > 10:35: does not fit; Tuesday's 09:10–10:50 → 09:15–10:45 fits.
    expect(json.suggestedBlock).toEqual({ start: "2026-12-01T09:15:00-05:00", end: "2026-12-01T10:45:00-05:00" });
    const full = plan([gEvent("2026-11-30T00:00:00-05:00", "2026-12-07T00:00:00-05:00")]);
    expect(full.json.suggestedBlock).toBeNull();
    expect(full.json.blankSpots).toEqual([]);
  });

  test("blank spots shorter than the minimum are left out", () => {
    const { json } = plan([gEvent("2026-11-30T10:00:00-05:00", "2026-11-30T17:00:00-05:00"), gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T09:01:00-05:00")]);
    expect(json.blankSpots[0]?.start).toBe("2026-12-01T09:00:00-05:00");
  });
});
