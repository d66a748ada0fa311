import { ME, NY, attendee, gEvent, planGoogle } from "./build";

// Next week: Mon 30 Nov – Mon 7 Dec 2026, New York. Accounts: Acme (dream), Initech (A-list), Umbrella (pain).
const NOW = "2026-11-23T12:00:00-05:00";
const plan = (items: unknown[], settings = NY) => planGoogle(items, settings, { now: NOW });
const meet = (day: string, ...emails: string[]) =>
  gEvent(`2026-12-${day}T10:00:00-05:00`, `2026-12-${day}T11:00:00-05:00`, { attendees: [attendee(ME, { self: true }), ...emails.map((e) => attendee(e))] });

describe("sales meetings (spec §3 meetings.sales)", () => {
  test("a meeting with anyone outside the own domains counts, a meeting with only colleagues does not", () => {
    const { json } = plan([meet("01", "lee@acme.com"), meet("02", "someone@newco.io"), meet("03", "pat@seller.com")]);
    expect(json.meetings.sales).toBe(2);
  });

  test("a meeting whose outside attendees are all at pain accounts is not a sales meeting; one more outside guest makes it one", () => {
    const { json } = plan([meet("01", "ops@umbrella.com"), meet("02", "ops@umbrella.com", "pat@seller.com"), meet("03", "ops@umbrella.com", "new@globex.com")]);
    expect(json.meetings.sales).toBe(1);
  });

  test("each occurrence counts once: the same event in two sources is one meeting, two occurrences of a series are two", () => {
    const a = meet("01", "lee@acme.com");
    const { json } = plan([a, { ...a }, { ...meet("02", "lee@acme.com"), id: "series_20261202", recurringEventId: "series" }, { ...meet("03", "lee@acme.com"), id: "series_20261203", recurringEventId: "series" }]);
    expect(json.meetings.sales).toBe(3);
  });

  test("declined, free and cancelled meetings are not sales meetings", () => {
    const declined = gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { attendees: [attendee(ME, { self: true, responseStatus: "declined" }), attendee("lee@acme.com")] });
    const free = { ...meet("02", "lee@acme.com"), transparency: "transparent" };
    const cancelled = { ...meet("03", "lee@acme.com"), status: "cancelled" };
    expect(plan([declined, free, cancelled]).json.meetings.sales).toBe(0);
  });

  test("the goal's target is the pipeline math's weekly meetings, an explicit target wins, else 3", () => {
    const goal = (settings: typeof NY) => plan([meet("01", "lee@acme.com")], settings).json.goals.find((g) => g.id === "salesMeetings");
    expect(goal(NY)).toEqual({ id: "salesMeetings", target: 3, actual: 1, met: false });
    // 500000 / 10000 / 0.5 / 0.2 / 46 = 10.87 → 11 a week.
    expect(goal({ ...NY, pipeline: { annualTarget: 500000 } })?.target).toBe(11);
    expect(goal({ ...NY, pipeline: { annualTarget: 500000 }, targets: { salesMeetings: 1 } })).toEqual({ id: "salesMeetings", target: 1, actual: 1, met: true });
  });

  test("with hidden attendees the visible outside guest still makes a sales meeting", () => {
    const { json } = plan([{ ...meet("01", "lee@newco.io"), attendeesOmitted: true }]);
    expect(json.meetings.sales).toBe(1);
  });
});

describe("meetings counted once per occurrence, however crowded the start", () => {
  test("twenty events at one start, each listed twice, are twenty meetings", () => {
    const at = (i: number) => ({ ...meet("01", `p${i}@newco${i}.io`), id: `crowd${i}` });
    const events = Array.from({ length: 20 }, (_, i) => at(i));
    const { json } = plan([...events, ...events.map((e) => ({ ...e }))]);
    expect(json.meetings.sales).toBe(20);
    expect(json.suggestedAccounts.reduce((n, s) => n + s.meetings, 0)).toBe(10);
  });
});
