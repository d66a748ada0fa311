import { ME, NY, attendee, gEvent, planGoogle } from "./build";

// The week: Mon 30 Nov – Mon 7 Dec 2026, New York; the look-back (8 weeks) starts Mon 5 Oct 2026.
const NOW = "2026-11-23T12:00:00-05:00";
const SETTINGS = {
  ...NY,
  accounts: [
    { name: "Initech", domains: ["initech.com"], tier: "a-list" as const },
    { name: "Acme", domains: ["acme.com", "acme.co.uk"], tier: "dream" as const },
    { name: "Umbrella", domains: ["umbrella.com"], tier: "pain" as const },
    { name: "Hooli", domains: ["hooli.com"], tier: "dream" as const },
  ],
};
const plan = (items: unknown[], settings = SETTINGS) => planGoogle(items, settings, { now: NOW });
const meet = (start: string, end: string, ...emails: string[]) => gEvent(start, end, { attendees: [attendee(ME, { self: true }), ...emails.map((e) => attendee(e))] });

describe("the account ledger (spec §3b accounts)", () => {
  test("one entry per dream and A-list account in settings order; pain accounts have none", () => {
    expect(plan([]).json.accounts.map((a) => [a.name, a.tier])).toEqual([
      ["Initech", "a-list"],
      ["Acme", "dream"],
      ["Hooli", "dream"],
    ]);
  });

  test("an account never met is cold; one met only in the look-back is due, with its last meeting", () => {
    const { json } = plan([meet("2026-10-14T15:00:00-04:00", "2026-10-14T16:00:00-04:00", "lee@acme.com"), meet("2026-11-12T10:00:00-05:00", "2026-11-12T10:30:00-05:00", "Cfo@Acme.com")]);
    const acme = json.accounts.find((a) => a.name === "Acme");
    expect(acme).toEqual({
      name: "Acme",
      tier: "dream",
      minutes: 0,
      meetings: 0,
      lastMeeting: "2026-11-12T10:00:00-05:00",
      nextMeeting: null,
      contacts: ["cfo@acme.com", "lee@acme.com"],
      decisionMakers: ["cfo@acme.com"],
      status: "due",
    });
    expect(json.accounts.find((a) => a.name === "Hooli")).toMatchObject({ status: "cold", lastMeeting: null, nextMeeting: null, contacts: [], decisionMakers: [] });
  });

  test("a meeting in the week books the account: union minutes, distinct meetings, the first meeting's start", () => {
    const { json } = plan([
      meet("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", "lee@acme.com"),
      meet("2026-12-02T10:30:00-05:00", "2026-12-02T11:30:00-05:00", "kim@eu.acme.co.uk"),
      meet("2026-12-01T16:00:00-05:00", "2026-12-01T16:15:00-05:00", "lee@acme.com", "bob@initech.com"),
      meet("2026-11-20T09:00:00-05:00", "2026-11-20T10:00:00-05:00", "lee@acme.com"),
    ]);
    const acme = json.accounts.find((a) => a.name === "Acme");
    expect(acme).toMatchObject({ minutes: 90 + 15, meetings: 3, lastMeeting: "2026-11-20T09:00:00-05:00", nextMeeting: "2026-12-01T16:00:00-05:00", contacts: ["kim@eu.acme.co.uk", "lee@acme.com"], decisionMakers: [], status: "booked" });
    expect(json.accounts.find((a) => a.name === "Initech")).toMatchObject({ minutes: 15, meetings: 1, status: "booked", contacts: ["bob@initech.com"] });
  });

  test("declined and free meetings are not meetings with the account, and events before the look-back are not read", () => {
    const { json } = plan([
      gEvent("2026-11-10T10:00:00-05:00", "2026-11-10T11:00:00-05:00", { attendees: [attendee(ME, { self: true, responseStatus: "declined" }), attendee("lee@acme.com")] }),
      { ...meet("2026-11-11T10:00:00-05:00", "2026-11-11T11:00:00-05:00", "lee@acme.com"), transparency: "transparent" },
      meet("2026-10-02T10:00:00-04:00", "2026-10-02T11:00:00-04:00", "lee@acme.com"),
    ]);
    expect(json.accounts.find((a) => a.name === "Acme")).toMatchObject({ status: "cold", contacts: [] });
  });

  test("lookBackWeeks 0 reads only the week: nothing is ever due", () => {
    const { json } = plan([meet("2026-11-20T09:00:00-05:00", "2026-11-20T10:00:00-05:00", "lee@acme.com")], { ...SETTINGS, lookBackWeeks: 0 });
    expect(json.history).toEqual([]);
    expect(json.accounts.find((a) => a.name === "Acme")).toMatchObject({ status: "cold", lastMeeting: null });
  });

  test("a meeting that starts in the look-back and runs into the week is both the last and the next meeting", () => {
    const { json } = plan([meet("2026-11-29T23:00:00-05:00", "2026-11-30T01:00:00-05:00", "lee@acme.com")]);
    expect(json.accounts.find((a) => a.name === "Acme")).toMatchObject({ minutes: 60, meetings: 1, lastMeeting: "2026-11-29T23:00:00-05:00", nextMeeting: "2026-11-29T23:00:00-05:00", status: "booked" });
  });
});
