import { DateTime, Interval } from "luxon";
import { cardModel } from "../../shared/view/cardModel";
import { blockKey, checkSpot, parseBlock } from "../../shared/booking/booking";
import { normalizeGoogleEvents } from "../../shared/normalize/google";
import { ME, NY, attendee, gEvent, planGoogle } from "./build";

const NOW = "2026-11-23T12:00:00-05:00";
const card = (items: unknown[], settings = NY) => cardModel(planGoogle(items, settings, { now: NOW }).plan);

describe("the card model", () => {
  test("header names the week and the zone; navigation points at the weeks around it", () => {
    const c = card([]);
    expect(c.title).toBe("Next week · 30 Nov – 6 Dec");
    expect(c.timeZone).toBe("America/New_York");
    expect(c.zoneLabel).toBe("Times in America/New_York");
    expect([c.navigation.previous.weekOf, c.navigation.home.weekOf, c.navigation.next.weekOf, c.navigation.current]).toEqual(["2026-11-23", "2026-11-30", "2026-12-07", "2026-11-30"]);
  });

  test("the score line says in plain words how many decision-maker meetings are booked", () => {
    const dm = (d: string) => gEvent(`${d}T10:00:00-05:00`, `${d}T11:00:00-05:00`, { attendees: [attendee(ME, { self: true }), attendee("cfo@acme.com")] });
    const c = card([dm("2026-11-30"), dm("2026-12-01")], { ...NY, pipeline: {} });
    const score = c.score.find((s) => s.id === "decisionMakerMeetings")!;
    expect(score.text).toBe("2 of 3 decision-maker meetings");
    expect(score.mark.met).toBe(false);
    expect(c.score[0]!.text).toBe("2 of 3 sales meetings — your pipeline needs 3 a week");
    expect(c.score.find((s) => s.id === "dreamClientMinutes")!.value).toBe("2 h of 4 h");
    // The verdict leads with sales meetings (both meetings are sales meetings) and names at most two gaps.
    expect(c.verdict).toBe("Book 1 more sales meeting and 2 h more with dream clients.");
  });

  test("blank spots are listed with their day, the largest highlighted, each with a booking action inside the spot", () => {
    const c = card([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T10:07:00-05:00"), gEvent("2026-11-30T11:00:00-05:00", "2026-11-30T17:00:00-05:00"), gEvent("2026-12-01T09:00:00-05:00", "2026-12-04T17:00:00-05:00")]);
    // Mon 10:07–11:00 is 53 min (< 60): not a spot; Tue–Fri are busy all day.
    expect(c.spots.rows).toEqual([]);
    expect(c.spots.emptyText).toBe("No blank spots of 1 h or more in your working hours.");
    expect(c.spots.primary).toBeNull();

    const d = card([gEvent("2026-11-30T09:00:00-05:00", "2026-11-30T09:50:00-05:00"), gEvent("2026-11-30T11:00:00-05:00", "2026-11-30T17:00:00-05:00")], { ...NY, workingHours: [{ days: [1, 2], start: "09:00", end: "17:00" }] });
    expect(d.spots.rows.map((x) => x.day)).toEqual(["Mon 30 Nov", "Tue 1 Dec"]);
    const [mon] = d.spots.rows;
    expect(mon).toMatchObject({ time: "09:50–11:00", duration: "1 h 10 min", largest: false });
    // The block offered in a 70-minute spot starts at the quarter hour and stops at the spot's end.
    expect(mon!.book).toMatchObject({ start: "2026-11-30T10:00:00-05:00", end: "2026-11-30T11:00:00-05:00", label: "Book prospecting block" });
    expect(d.spots.rows[1]).toMatchObject({ time: "09:00–17:00", largest: true });
    expect(d.spots.primary).toMatchObject({ start: "2026-12-01T09:00:00-05:00", end: "2026-12-01T10:30:00-05:00" });
    expect(d.spots.primary!.key).toBe(d.spots.rows[1]!.book.key);
  });

  test("every figure lists the meetings it counts with what matched; ignored events say why", () => {
    const c = card([
      gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { summary: "<b>QBR</b>", attendees: [attendee("cfo@acme.com")] }),
      gEvent("2026-12-02T10:00:00-05:00", "2026-12-02T11:00:00-05:00", { summary: "Webinar", attendees: [attendee(ME, { self: true, responseStatus: "declined" }), attendee("x@vendor.io")] }),
    ]);
    const dream = c.breakdown.find((r) => r.id === "dreamClient")!;
    expect(dream.items).toEqual([{ day: "Tue 1 Dec", time: "10:00–11:00", title: "<b>QBR</b>", matched: "Acme (dream account): cfo@acme.com" }]);
    expect(c.breakdown.find((r) => r.id === "decisionMaker")!.items[0]!.matched).toBe("Dana Ruiz, CFO <cfo@acme.com>");
    expect(c.breakdown.find((r) => r.id === "pain")!.value).toBe("0 min (cap 3 h)");
    expect(c.ignored).toEqual([{ day: "Wed 2 Dec", time: "10:00–11:00", title: "Webinar", reason: "declined by you" }]);
    expect(c.breakdown.map((r) => r.id)).toEqual(["dreamClient", "decisionMaker", "aList", "pain", "internal", "prospecting", "outOfOffice", "other"]);
  });
});

describe("booking", () => {
  const zone = "America/New_York";
  const block = parseBlock("2026-12-01T10:00:00-05:00", "2026-12-01T11:30:00-05:00", zone)!;

  test("the same block always has the same key, another block another key", () => {
    const again = Interval.fromDateTimes(DateTime.fromISO("2026-12-01T15:00:00Z"), DateTime.fromISO("2026-12-01T16:30:00Z")) as Interval<true>;
    expect(blockKey(block)).toBe("nw1-20261201T150000Z-90");
    expect(blockKey(again)).toBe(blockKey(block));
    expect(blockKey(parseBlock("2026-12-01T10:15:00-05:00", "2026-12-01T11:45:00-05:00", zone)!)).not.toBe(blockKey(block));
  });

  test("a malformed or backwards block is refused", () => {
    expect(parseBlock("nope", "2026-12-01T11:30:00-05:00", zone)).toBeNull();
    expect(parseBlock("2026-12-01T11:30:00-05:00", "2026-12-01T10:00:00-05:00", zone)).toBeNull();
  });

  test("re-checking a spot: free, already booked by us, or taken by a busy event (free events do not take it)", () => {
    const events = (items: unknown[]) => {
      const r = normalizeGoogleEvents(items, { zone, me: ME });
      if (!r.ok) throw r.error;
      return r.value;
    };
    const key = blockKey(block);
    expect(checkSpot(events([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { transparency: "transparent" })]), block, key)).toEqual({ kind: "free" });
    expect(checkSpot(events([gEvent("2026-12-01T11:30:00-05:00", "2026-12-01T12:00:00-05:00")]), block, key)).toEqual({ kind: "free" });
    expect(checkSpot(events([gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:30:00-05:00", { extendedProperties: { private: { nextWeekBlock: key } } })]), block, key).kind).toBe("alreadyBooked");
    expect(checkSpot(events([gEvent("2026-12-01T11:00:00-05:00", "2026-12-01T12:00:00-05:00", { summary: "Acme call" })]), block, key)).toEqual({ kind: "taken", by: "Acme call" });
  });
});
