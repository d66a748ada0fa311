import { attendee, gEvent, graphAttendee, graphEvent, planGoogle, planGraph } from "./build";

describe("New York across daylight-saving changes (west of UTC)", () => {
  const NY = { timeZone: "America/New_York", workingHours: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, { days: [7], start: "00:00", end: "04:00" }] };

  test("the autumn week has 169 hours; Sunday 00:00–04:00 of working time holds 5 real hours", () => {
    // DST ends Sun 1 Nov 2026 at 02:00 EDT → 01:00 EST: the hour 01:00–02:00 happens twice.
    const { json, plan } = planGoogle([], NY, { now: "2026-10-21T12:00:00-04:00" });
    expect(json.week.start).toBe("2026-10-26T00:00:00-04:00");
    expect(json.week.end).toBe("2026-11-02T00:00:00-05:00");
    expect(plan.week.length("hours")).toBe(169);
    // 5 × 8 h + 5 h on Sunday
    expect(json.workingMinutes).toBe(2400 + 300);
  });

  test("the spring week has 167 hours; Sunday 00:00–04:00 holds 3 real hours", () => {
    // DST starts Sun 14 Mar 2027 at 02:00 EST → 03:00 EDT.
    const { json, plan } = planGoogle([], NY, { now: "2027-03-03T12:00:00-05:00" });
    expect(json.week.start).toBe("2027-03-08T00:00:00-05:00");
    expect(json.week.end).toBe("2027-03-15T00:00:00-04:00");
    expect(plan.week.length("hours")).toBe(167);
    expect(json.workingMinutes).toBe(2400 + 180);
  });

  test("a meeting across the autumn change counts its elapsed minutes", () => {
    const { json } = planGoogle([gEvent("2026-11-01T00:30:00-04:00", "2026-11-01T03:30:00-05:00", { attendees: [attendee("x@acme.com")] })], { ...NY, accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }] }, { now: "2026-10-21T12:00:00-04:00" });
    // 00:30 EDT = 04:30Z; 03:30 EST = 08:30Z → 4 h elapsed.
    expect(json.minutes.dreamClient).toBe(240);
    // Working Sunday 00:00–04:00 EST (04:00Z–09:00Z); meeting 04:30Z–08:30Z inside it.
    expect(json.busyWorkingMinutes).toBe(240);
  });
});

describe("Jerusalem, a Sunday-start week across its spring change (east of UTC)", () => {
  // Israel moves to summer time on Fri 26 Mar 2027 at 02:00 → 03:00.
  const IL = { timeZone: "Asia/Jerusalem", weekStartsOn: 7, workingHours: [{ days: [7, 1, 2, 3, 4], start: "09:00", end: "17:00" }, { days: [5], start: "00:00", end: "04:00" }] };

  test("the week runs Sunday to Sunday, 167 hours, with 3 real hours on Friday 00:00–04:00", () => {
    const { json, plan } = planGoogle([], IL, { now: "2027-03-17T10:00:00+02:00" });
    expect(json.week.start).toBe("2027-03-21T00:00:00+02:00");
    expect(json.week.end).toBe("2027-03-28T00:00:00+03:00");
    expect(plan.week.length("hours")).toBe(167);
    expect(json.workingMinutes).toBe(5 * 480 + 180);
    expect(json.blankSpots[0]).toEqual({ start: "2027-03-21T09:00:00+02:00", end: "2027-03-21T17:00:00+02:00", minutes: 480 });
    expect(json.blankSpots[5]).toEqual({ start: "2027-03-26T00:00:00+02:00", end: "2027-03-26T04:00:00+03:00", minutes: 180 });
  });
});

describe("Asia/Kathmandu (+05:45) with now inside the analysed week", () => {
  const KTM = { timeZone: "Asia/Kathmandu", prospectingBlockMinutes: 60 };

  test("blank spots start at now, and the block starts at the next quarter hour of the wall clock", () => {
    const { json } = planGoogle([gEvent("2026-12-02T13:00:00+05:45", "2026-12-02T17:00:00+05:45")], KTM, { now: "2026-12-02T10:07:00+05:45", week: "2026-12-02" });
    expect(json.week).toEqual({ start: "2026-11-30T00:00:00+05:45", end: "2026-12-07T00:00:00+05:45", timeZone: "Asia/Kathmandu" });
    // Monday, Tuesday and Wednesday before 10:07 are past; Wed 10:07–13:00 is the first spot.
    expect(json.blankSpots[0]).toEqual({ start: "2026-12-02T10:07:00+05:45", end: "2026-12-02T13:00:00+05:45", minutes: 173 });
    expect(json.blankSpots).toHaveLength(3);
    expect(json.suggestedBlock).toEqual({ start: "2026-12-02T10:15:00+05:45", end: "2026-12-02T11:15:00+05:45" });
    // Working minutes are the whole week's, not only what is left.
    expect(json.workingMinutes).toBe(2400);
  });

  test("now after the week leaves no blank spots", () => {
    const { json } = planGoogle([], KTM, { now: "2026-12-09T10:00:00+05:45", week: "2026-12-02" });
    expect(json.blankSpots).toEqual([]);
    expect(json.suggestedBlock).toBeNull();
  });
});

describe("Graph times", () => {
  const S = { timeZone: "America/Los_Angeles", accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" as const }] };
  const now = "2026-11-23T09:00:00-08:00";

  test("Windows zone names map through the CLDR table; seven fractional digits are read", () => {
    const { json } = planGraph(
      [
        graphEvent("2026-12-01T12:00:00.0000000", "2026-12-01T13:00:00.0000000", { attendees: [graphAttendee("a@acme.com")] }, "Eastern Standard Time"),
        graphEvent("2026-12-02T10:00:00.0000000", "2026-12-02T10:30:00.0000000", { attendees: [graphAttendee("a@acme.com")] }, "Pacific Standard Time"),
        graphEvent("2026-12-03T18:00:00.0000000", "2026-12-03T19:00:00.0000000", { attendees: [graphAttendee("a@acme.com")] }, "UTC"),
        graphEvent("2026-12-04T09:00:00.0000000", "2026-12-04T09:45:00.0000000", { attendees: [graphAttendee("a@acme.com")] }, "America/Los_Angeles"),
      ],
      S,
      { now },
    );
    expect(json.minutes.dreamClient).toBe(60 + 30 + 60 + 45);
    // 12:00 Eastern = 09:00 Pacific → inside working time.
    expect(json.blankSpots[1]?.start).toBe("2026-12-01T10:00:00-08:00");
  });

  test("a missing timeZone is UTC; an unknown zone is an error naming the event and field", () => {
    const { json } = planGraph([{ ...graphEvent("2026-12-01T17:00:00", "2026-12-01T18:00:00"), start: { dateTime: "2026-12-01T17:00:00" }, end: { dateTime: "2026-12-01T18:00:00" } }], S, { now });
    expect(json.busyWorkingMinutes).toBe(60);
    expect(() => planGraph([{ ...graphEvent("2026-12-01T17:00:00", "2026-12-01T18:00:00", {}, "Mars Standard Time"), id: "bad1" }], S, { now })).toThrow('event bad1: start.timeZone is not a time zone Next Week knows: "Mars Standard Time"');
  });

  test("the organizer listed only in organizer counts; the user as organizer does not", () => {
    const { json } = planGraph(
      [
        graphEvent("2026-12-01T17:00:00", "2026-12-01T18:00:00", { organizer: { emailAddress: { address: "Boss@Acme.com" } }, attendees: [graphAttendee("me@seller.com")] }),
        graphEvent("2026-12-02T17:00:00", "2026-12-02T18:00:00", { subject: "Prospecting", isOrganizer: true, organizer: { emailAddress: { address: "me@seller.com" } }, attendees: [] }),
      ],
      S,
      { now },
    );
    expect(json.minutes.dreamClient).toBe(60);
    expect(json.minutes.prospecting).toBe(60);
  });

  test("showAs, responses, cancelled and series masters follow the spec", () => {
    const { json, plan } = planGraph(
      [
        graphEvent("2026-12-01T17:00:00", "2026-12-01T18:00:00", { showAs: "tentative" }),
        graphEvent("2026-12-01T18:00:00", "2026-12-01T19:00:00", { showAs: "unknown" }),
        graphEvent("2026-12-01T19:00:00", "2026-12-01T20:00:00", { showAs: undefined, responseStatus: { response: "notResponded" } }),
        graphEvent("2026-12-02T17:00:00", "2026-12-02T18:00:00", { showAs: "free" }),
        graphEvent("2026-12-02T18:00:00", "2026-12-02T19:00:00", { showAs: "workingElsewhere" }),
        graphEvent("2026-12-02T19:00:00", "2026-12-02T20:00:00", { responseStatus: { response: "declined" } }),
        graphEvent("2026-12-02T20:00:00", "2026-12-02T21:00:00", { isCancelled: true }),
        graphEvent("2026-12-03T17:00:00", "2026-12-03T18:00:00", { type: "seriesMaster" }),
        { ...graphEvent("2026-12-04T00:00:00.0000000", "2026-12-05T00:00:00.0000000", { showAs: "oof", isAllDay: true }), start: { dateTime: "2026-12-04T00:00:00.0000000", timeZone: "Pacific Standard Time" }, end: { dateTime: "2026-12-05T00:00:00.0000000", timeZone: "Pacific Standard Time" } },
      ],
      S,
      { now },
    );
    expect(json.busyWorkingMinutes).toBe(180 + 480);
    expect(json.minutes.outOfOffice).toBe(1440);
    expect(plan.ignored.map((e) => e.ignored)).toEqual(["free", "free", "declined", "cancelled"]);
  });

  test("resource attendees and declined attendees are not considered", () => {
    const { json } = planGraph(
      [graphEvent("2026-12-01T17:00:00", "2026-12-01T18:00:00", { subject: "prospecting", organizer: { emailAddress: { address: "me@seller.com" } }, isOrganizer: true, attendees: [graphAttendee("room@acme.com", "resource"), graphAttendee("cfo@acme.com", "required", "declined")] })],
      S,
      { now },
    );
    expect(json.minutes.dreamClient).toBe(0);
    expect(json.minutes.prospecting).toBe(60);
  });
});

describe("working hours whose edges fall where the clocks change (New York)", () => {
  const rule = (start: string, end: string) => ({ timeZone: "America/New_York", workingHours: [{ days: [7], start, end }] });

  test("a rule across the skipped hour holds only the time that exists", () => {
    // Sun 14 Mar 2027: 02:00 EST jumps to 03:00 EDT. 01:30–02:30 on the clock is 01:30–02:00 EST.
    const { json } = planGoogle([], rule("01:30", "02:30"), { now: "2027-03-03T12:00:00-05:00" });
    expect(json.workingMinutes).toBe(30);
    expect(json.blankSpots).toEqual([]);
    // 02:30–04:00 on the clock is 03:00–04:00 EDT.
    expect(planGoogle([], { ...rule("02:30", "04:00"), blankSpotMinMinutes: 30 }, { now: "2027-03-03T12:00:00-05:00" }).json.blankSpots).toEqual([
      { start: "2027-03-14T03:00:00-04:00", end: "2027-03-14T04:00:00-04:00", minutes: 60 },
    ]);
  });

  test("a rule across the repeated hour holds both passes of it", () => {
    // Sun 1 Nov 2026: 02:00 EDT falls back to 01:00 EST. 01:30–02:00 on the clock happens twice.
    const { json } = planGoogle([], { ...rule("01:30", "02:00"), blankSpotMinMinutes: 30 }, { now: "2026-10-21T12:00:00-04:00" });
    expect(json.workingMinutes).toBe(60);
    expect(json.blankSpots).toEqual([
      { start: "2026-11-01T01:30:00-04:00", end: "2026-11-01T01:00:00-05:00", minutes: 30 },
      { start: "2026-11-01T01:30:00-05:00", end: "2026-11-01T02:00:00-05:00", minutes: 30 },
    ]);
  });
});
