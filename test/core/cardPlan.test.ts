import { DateTime } from "luxon";
import { cardModel } from "../../shared/view/cardModel";
import { bookingMessage } from "../../shared/booking/bookingMessage";
import { requestFromAction } from "../../shared/booking/requestFromAction";
import { applySuggestion } from "../../shared/settings/applySuggestion";
import { prepareWeek } from "../../shared/flow/prepareWeek";
import { weekScreen } from "../../shared/flow/weekScreen";
import { normalizeGoogleEvents } from "../../shared/normalize/google";
import { CalendarReadError } from "../../shared/errors";
import { err, ok } from "../../shared/result";
import { parseSettings, type SettingsInput } from "../../shared/settings/settings";
import { ME, NY, attendee, gEvent, planGoogle } from "./build";

// Next week: Mon 30 Nov – Mon 7 Dec 2026, New York; now is Mon 23 Nov 12:00; look-back from 5 Oct.
const NOW = "2026-11-23T12:00:00-05:00";
const card = (items: unknown[], settings: SettingsInput = NY) => cardModel(planGoogle(items, settings, { now: NOW }).plan);
const meet = (start: string, end: string, ...emails: string[]) => gEvent(start, end, { attendees: [attendee(ME, { self: true }), ...emails.map((e) => attendee(e))] });
const settingsOf = (input: SettingsInput) => {
  const s = parseSettings(input);
  if (!s.ok) throw s.error;
  return s.value;
};

const ACCOUNTS: SettingsInput = {
  ...NY,
  accounts: [
    { name: "Initech", domains: ["initech.com"], tier: "a-list" },
    { name: "Acme", domains: ["acme.com"], tier: "dream" },
    { name: "Hooli", domains: ["hooli.com"], tier: "dream" },
    { name: "Globex", domains: ["globex.com"], tier: "dream" },
    { name: "Umbrella", domains: ["umbrella.com"], tier: "pain" },
  ],
};

describe("the score", () => {
  test("leads with sales meetings against the pipeline target; rows marked met or not met the same way", () => {
    const c = card([meet("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", "lee@acme.com")], { ...NY, pipeline: {} });
    expect(c.score.map((r) => r.id)).toEqual(["salesMeetings", "dreamClientMinutes", "decisionMakerMeetings", "prospectingMinutes"]);
    expect(c.score[0]).toMatchObject({ label: "Sales meetings", value: "1 of 3", text: "1 of 3 sales meetings — your pipeline needs 3 a week", mark: { met: false, symbol: "✗", label: "not met" } });
    expect(c.score[1]!.text).toBe("1 h of 4 h with dream clients");
    expect(c.verdict).toBe("Book 2 more sales meetings and 3 h more with dream clients.");
    expect(c.onTrack).toBe(false);
  });

  test("the pain cap appears only when exceeded; a week meeting every target is on track", () => {
    const settings: SettingsInput = { ...NY, targets: { dreamClientMinutes: 60, decisionMakerMeetings: 1, salesMeetings: 1, prospectingMinutes: 0, painMinutesMax: 30 } };
    const good = card([meet("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", "cfo@acme.com")], settings);
    expect(good.onTrack).toBe(true);
    expect(good.verdict).toMatch(/^On track/);
    expect(good.score.every((r) => r.mark.met)).toBe(true);
    const over = card([meet("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", "cfo@acme.com"), meet("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", "ops@umbrella.com")], settings);
    expect(over.score.at(-1)).toMatchObject({ id: "painMinutesMax", text: "1 h with pain accounts — over the 30 min cap", mark: { met: false } });
    expect(over.verdict).toBe("Nearly there: pain accounts are 30 min over their cap.");
  });
});

describe("who to meet", () => {
  test("dream accounts before A-list, cold before due, longest since the last meeting first; booked ones left out; outreach in the suggested spot", () => {
    const c = card(
      [
        meet("2026-11-10T10:00:00-05:00", "2026-11-10T11:00:00-05:00", "lee@acme.com", "cfo@acme.com"),
        meet("2026-10-20T10:00:00-04:00", "2026-10-20T11:00:00-04:00", "hank@hooli.com"),
        meet("2026-11-18T10:00:00-05:00", "2026-11-18T11:00:00-05:00", "bob@initech.com"),
        meet("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", "bob@initech.com"),
      ],
      ACCOUNTS,
    );
    expect(c.whoToMeet.rows.map((r) => [r.account, r.tier, r.status, r.since, r.notes])).toEqual([
      ["Globex", "Dream", "cold", "not met in 8 weeks", []],
      ["Hooli", "Dream", "due", "last met 34 days ago", ["one contact", "no decision-maker"]],
      ["Acme", "Dream", "due", "last met 13 days ago", []],
    ]);
    expect(c.whoToMeet.rows[0]!.book).toMatchObject({ account: "Globex", title: "Prospecting: Globex", label: "Book outreach block", start: "2026-11-30T09:00:00-05:00", end: "2026-11-30T10:30:00-05:00" });
    expect(c.whoToMeet.more).toBeNull();
  });

  test("at most five, then 'and N more'", () => {
    const many: SettingsInput = { ...NY, accounts: Array.from({ length: 7 }, (_, i) => ({ name: `Co${i}`, domains: [`co${i}.com`], tier: "dream" as const })) };
    const c = card([], many);
    expect(c.whoToMeet.rows).toHaveLength(5);
    expect(c.whoToMeet.more).toBe("and 2 more");
  });

  test("a last meeting still ahead of now is given by its day, not as 'ago'", () => {
    const c = planGoogle([meet("2026-11-25T10:00:00-05:00", "2026-11-25T11:00:00-05:00", "lee@acme.com")], ACCOUNTS, { now: NOW });
    expect(cardModel(c.plan).whoToMeet.rows.find((r) => r.account === "Acme")!.since).toBe("last meeting Wed 25 Nov, 10:00");
  });
});

describe("blank spots, trend, breakdown, first run, navigation", () => {
  test("one primary block; every spot listed with its own button; the largest marked", () => {
    const c = card([meet("2026-11-30T09:00:00-05:00", "2026-11-30T16:00:00-05:00", "x@seller.com")]);
    expect(c.spots.primary).toMatchObject({ label: "Book prospecting block", title: "Prospecting block", when: "Tue 1 Dec, 09:00–10:30 (1 h 30 min)" });
    expect(c.spots.rows[0]).toMatchObject({ day: "Mon 30 Nov", time: "16:00–17:00", largest: false });
    // A spot shorter than the block books the whole spot.
    expect(c.spots.rows[0]!.book).toMatchObject({ start: "2026-11-30T16:00:00-05:00", end: "2026-11-30T17:00:00-05:00" });
    expect(c.spots.rows.filter((r) => r.largest)).toHaveLength(1);
  });

  test("the trend has a row per look-back week, bars against the larger of target and best week", () => {
    const c = card([meet("2026-11-17T10:00:00-05:00", "2026-11-17T11:00:00-05:00", "lee@acme.com")]);
    expect(c.headings.trend).toBe("Last 8 weeks");
    expect(c.trend.rows.map((r) => r.week)).toEqual(["5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov"]);
    expect(c.trend.rows[6]).toMatchObject({ salesMeetings: 1, salesMet: false, dreamClient: "1 h", dreamClientMinutes: 60 });
    expect(c.trend.rows[6]!.salesBar.fraction).toBeCloseTo(1 / 3);
    expect(c.trend.legend).toBe("Targets: 3 sales meetings and 4 h with dream clients a week");
    expect(c.trend.average).toBe("On average 0.1 sales meetings and 8 min with dream clients a week");
  });

  test("breakdown bars are scaled to working time, pain included (over its cap is marked)", () => {
    const c = card([meet("2026-12-01T09:00:00-05:00", "2026-12-01T13:00:00-05:00", "ops@umbrella.com"), meet("2026-12-02T09:00:00-05:00", "2026-12-02T13:00:00-05:00", "lee@acme.com")]);
    const pain = c.breakdown.find((r) => r.id === "pain")!;
    const dream = c.breakdown.find((r) => r.id === "dreamClient")!;
    expect(pain.bar.fraction).toBeCloseTo(240 / 2400);
    expect(dream.bar.fraction).toBeCloseTo(pain.bar.fraction);
    expect(pain.bar.over).toBe(true);
    expect(pain.value).toBe("4 h (cap 3 h)");
  });

  test("first run offers the companies met, each with dream / A-list / pain / not an account", () => {
    const c = card([meet("2026-11-10T10:00:00-05:00", "2026-11-10T11:30:00-05:00", "a@globex.io", "b@globex.io")], { timeZone: "America/New_York", ownDomains: ["seller.com"] });
    expect(c.firstRun).toMatchObject({ heading: "Accounts you met in the last 8 weeks", rows: [{ domain: "globex.io", name: "Globex", detail: "1 meeting · 1 h 30 min · 2 contacts" }] });
    expect(c.firstRun!.rows[0]!.choices.map((x) => x.label)).toEqual(["Dream", "A-list", "Pain", "Not an account"]);
    expect(card([], ACCOUNTS).firstRun).toBeNull();
  });

  test("navigation: earlier, next week, later", () => {
    const c = card([]);
    expect(c.navigation.previous).toMatchObject({ label: "◀ Earlier", weekOf: "2026-11-23" });
    expect(c.navigation.home).toMatchObject({ label: "Next week", weekOf: "2026-11-30" });
    expect(c.navigation.next).toMatchObject({ label: "Later ▶", weekOf: "2026-12-07" });
    expect(c.headings.ignored).toBe("Counted as nothing");
  });
});

describe("the flow", () => {
  const settings = settingsOf({ ownDomains: ["seller.com"] });
  const at = DateTime.fromISO(NOW, { setZone: true });

  test("prepareWeek: the calendar's zone, next week, and the window with the look-back; the same under two clocks' zones", () => {
    const p = prepareWeek({ settings, calendarZone: "Eastern Standard Time", now: at.toUTC() });
    expect(p.zone).toBe("America/New_York");
    expect(p.week.start.toISO()).toBe("2026-11-30T00:00:00.000-05:00");
    expect(p.window.start.toISO()).toBe("2026-10-05T00:00:00.000-04:00");
    expect(p.weekOf).toBe("2026-11-30");
    expect(prepareWeek({ settings, calendarZone: "America/New_York", now: at.setZone("Asia/Tokyo"), weekOf: "2026-12-09" }).weekOf).toBe("2026-12-07");
  });

  test("weekScreen: a read error and a malformed event are error screens with the week to retry, never a card", () => {
    const p = prepareWeek({ settings, calendarZone: "America/New_York", now: at });
    const failed = weekScreen(err(new CalendarReadError("Google Calendar did not answer.")), normalizeGoogleEvents, p);
    expect(failed).toMatchObject({ kind: "error", error: { heading: "Could not read your calendar", retryLabel: "Try again", retryWeekOf: "2026-11-30" } });
    const bad = weekScreen(ok([{ id: "x1", status: "confirmed", start: { dateTime: "soon" }, end: { dateTime: "later" } }]), normalizeGoogleEvents, p);
    expect(bad.kind).toBe("error");
    if (bad.kind === "error") expect(bad.error.message).toMatch(/^One event on your calendar could not be read \(event x1: start.dateTime/);
    const good = weekScreen(ok([]), normalizeGoogleEvents, p);
    expect(good.kind === "card" && good.card.title).toBe("Next week · 30 Nov – 6 Dec");
  });
});

describe("booking", () => {
  const settings = settingsOf(ACCOUNTS);
  const zone = "America/New_York";
  const c = card([], ACCOUNTS);
  const primary = c.spots.primary!;
  const outreach = c.whoToMeet.rows[0]!.book!;

  test("a button's parameters become the request: plain or outreach; a changed spot or a removed account is refused", () => {
    const plain = requestFromAction(primary, settings, zone);
    expect(plain.ok && plain.value.request.title).toBe("Prospecting block");
    const forAccount = requestFromAction(outreach, settings, zone);
    expect(forAccount.ok && forAccount.value.request.title).toBe(`Prospecting: ${outreach.account}`);
    expect(requestFromAction({ ...primary, end: "2026-11-30T11:00:00-05:00" }, settings, zone).ok).toBe(false);
    const gone = requestFromAction({ ...outreach, account: "Nobody Inc" }, settings, zone);
    expect(!gone.ok && gone.error.message).toBe('"Nobody Inc" is no longer in your accounts, so nothing was booked. The week is shown again.');
  });

  test("one message per outcome, the same words in every host", () => {
    expect(bookingMessage({ kind: "booked", start: primary.start, end: primary.end }, primary).text).toBe("Booked: Prospecting block, Mon 30 Nov, 09:00–10:30 (1 h 30 min).");
    expect(bookingMessage({ kind: "alreadyBooked", start: primary.start, end: primary.end }, primary)).toMatchObject({ tone: "info", text: "That block is already on your calendar (Mon 30 Nov, 09:00–10:30 (1 h 30 min)). Nothing new was booked." });
    const taken = bookingMessage({ kind: "spotTaken", by: "<b>Board</b>" }, primary);
    expect(taken).toMatchObject({ tone: "bad", alert: true, short: "That spot is no longer free. Nothing was booked." });
    expect(taken.text).toContain("“<b>Board</b>”");
    expect(bookingMessage(err(new CalendarReadError("Google Calendar did not answer.")), primary)).toMatchObject({ text: "Google Calendar did not answer. Nothing was booked.", short: "The block was not booked." });
    expect(bookingMessage(err(new CalendarReadError("That button's spot could not be read, so nothing was booked.")), primary).short).toBe("Nothing was booked.");
    expect(bookingMessage(err(new CalendarReadError("Outlook did not answer after the block was sent: it may be booked.")), primary).short).toBe("The block may have been booked: check your calendar.");
  });
});

describe("a suggestion applied in one click", () => {
  const settings = settingsOf({ ownDomains: ["seller.com"], accounts: [{ name: "Globex", domains: ["globex.com"], tier: "pain" }] });
  test("a tier adds an account named after the domain (the domain when the name is taken); 'not' remembers the domain", () => {
    const dream = applySuggestion(settings, "hooli.io", "dream");
    expect(dream.ok && dream.value.accounts.at(-1)).toEqual({ name: "Hooli", domains: ["hooli.io"], tier: "dream" });
    const taken = applySuggestion(settings, "globex.io", "a-list");
    expect(taken.ok && taken.value.accounts.at(-1)).toEqual({ name: "globex.io", domains: ["globex.io"], tier: "a-list" });
    const hyphenated = applySuggestion(settings, "acme-corp.io", "pain");
    expect(hyphenated.ok && hyphenated.value.accounts.at(-1)?.name).toBe("Acme Corp");
    const not = applySuggestion(settings, "Gmail-Like.io", "not");
    expect(not.ok && not.value.notAccounts).toEqual(["gmail-like.io"]);
  });
});
