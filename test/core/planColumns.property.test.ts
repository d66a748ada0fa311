// The shortcuts of planWeek's columns (shared/plan/windowItems.ts, domainTable.ts) against the
// plain ways: the domain table answers as a Map would, and the plan does not depend on the order
// the calendar lists its events in (sorted input takes the no-sort path; shuffled input the
// packed sort, or the comparator sort when a start lies centuries back).
import fc from "fast-check";
import { DateTime } from "luxon";
import { DomainTable } from "../../shared/plan/domainTable";
import { describeMatch } from "../../shared/plan/classify";
import { orderByStartEnd } from "../../shared/plan/windowItems";
import { attendee, gEvent, ME, planGoogle } from "./build";

describe("DomainTable", () => {
  test("finds a domain part exactly as a Map of the cut domain would, across growth", () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(fc.uniqueArray(domain, { minLength: 1, maxLength: 300 }), fc.array(fc.tuple(fc.stringMatching(/^[a-z.]{0,5}$/), domain), { maxLength: 200 }), (stored, asked) => {
        const table = new DomainTable<number>();
        const map = new Map<string, number>();
        stored.forEach((d, i) => {
          table.set(d, i);
          map.set(d, i);
        });
        for (const d of stored) expect(table.get(`someone@${d}`, "someone@".length)).toBe(map.get(d));
        for (const [local, d] of asked) expect(table.get(`${local}@${d}`, local.length + 1)).toBe(map.get(d));
      }),
    );
  });
});

const SETTINGS = {
  timeZone: "America/New_York",
  ownDomains: ["seller.com"],
  lookBackWeeks: 2,
  accounts: [
    { name: "Acme", domains: ["acme.com"], tier: "dream" as const },
    { name: "Initech", domains: ["initech.com", "eu.acme.com"], tier: "a-list" as const },
    { name: "Umbrella", domains: ["umbrella.com"], tier: "pain" as const },
  ],
  decisionMakers: [{ email: "cfo@acme.com", name: "Dana", title: "CFO" }],
};
const NOW = "2026-11-23T12:00:00-05:00";
// The week of Mon 30 Nov 2026 and its two look-back weeks, New York.
const WINDOW_START = DateTime.fromISO("2026-11-16T00:00:00", { zone: "America/New_York" });

const guests = ["cfo@acme.com", "lee@acme.com", "kim@eu.acme.com", "ana@initech.com", "bo@umbrella.com", "cy@seller.com", "dee@globex.io", "eve@gmail.com", "fay@hooli.co.uk"];
const event = fc.record({
  // Few distinct starts, so many events share one (crowded starts number occurrences by map).
  slot: fc.integer({ min: 0, max: 20 }),
  minutes: fc.constantFrom(0, 15, 30, 60, 90),
  id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
  status: fc.constantFrom("confirmed", "confirmed", "confirmed", "cancelled"),
  who: fc.subarray(guests, { maxLength: 3 }),
  declined: fc.boolean(),
});
const calendarEvent = (e: { slot: number; minutes: number; id: string; status: string; who: string[]; declined: boolean }) => {
  const start = WINDOW_START.plus({ hours: e.slot * 20 });
  return gEvent(start.toISO()!, start.plus({ minutes: e.minutes }).toISO()!, {
    id: e.id,
    status: e.status,
    attendees: [attendee(ME, { self: true, responseStatus: e.declined ? "declined" : "accepted" }), ...e.who.map((w) => attendee(w))],
  });
};
/** A century long: crosses the whole window from far before it. */
const ancient = gEvent("1900-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", { id: "ancient", attendees: [attendee(ME, { self: true }), attendee("lee@acme.com")] });

const summary = (items: unknown[]) => {
  const { plan, json } = planGoogle(items, SETTINGS, { now: NOW });
  const busy = plan.busy.map((b) => JSON.stringify([b.event.id, b.event.start.toMillis(), b.event.end.toMillis(), [...b.categories].sort(), b.sales, b.matches.map(describeMatch)])).sort();
  return { json, busy, ignored: plan.ignored.map((e) => `${e.id} ${e.start.toMillis()}`).sort() };
};

describe("planWeek does not depend on the order of the events", () => {
  test("sorted, shuffled or reversed, with or without a very long event: the same plan", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), fc.boolean(), (events, keys, withAncient) => {
        const items = events.map(calendarEvent).concat(withAncient ? [ancient] : []);
        const byStart = [...items].sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime) || a.end.dateTime.localeCompare(b.end.dateTime));
        const shuffled = items.map((item, i) => ({ item, key: keys[i % keys.length]! + i / 1000 })).sort((a, b) => a.key - b.key).map((x) => x.item);
        const expected = summary(byStart);
        expect(summary(shuffled)).toEqual(expected);
        expect(summary([...byStart].reverse())).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });
});

describe("orderByStartEnd", () => {
  const reference = (starts: Float64Array, ends: Float64Array) =>
    Array.from(starts, (_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  test("packed or not, the order of start, then end, then position", () => {
    const times = [
      fc.integer({ min: 0, max: 50 }).map((m) => 1_800_000_000_000 + m * 900_000), // few starts, many ties: packed
      fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), // too wide to pack once there are a few hundred
      fc.double({ min: 0, max: 1e6, noNaN: true }), // fractions: never packed
    ];
    const pairs = fc.constantFrom(0, 1, 2).chain((kind) => fc.array(fc.tuple(times[kind]!, fc.integer({ min: 0, max: 3 })), { maxLength: 400 }));
    fc.assert(
      fc.property(pairs, (list) => {
        const starts = Float64Array.from(list, ([s]) => s);
        const ends = Float64Array.from(list, ([s, d]) => s + d * 900_000);
        // By comparator (few items), and by radix where the times allow it.
        expect(Array.from(orderByStartEnd(starts, ends))).toEqual(reference(starts, ends));
        expect(Array.from(orderByStartEnd(starts, ends, 0))).toEqual(reference(starts, ends));
      }),
      { numRuns: 300 },
    );
  });
});

describe("occurrences by id hash", () => {
  // "id43zx" and "idbpad" have the same FNV-1a hash: the ids must still be told apart.
  const at = (id: string, who: string) => gEvent("2026-12-01T10:00:00-05:00", "2026-12-01T11:00:00-05:00", { id, attendees: [attendee(ME, { self: true }), attendee(who)] });
  test.each([
    ["a quiet start", 0],
    ["a crowded start", 12],
  ])("two ids with one hash at %s are two meetings, each listed twice still one", (_, others) => {
    const crowd = Array.from({ length: others }, (_, i) => at(`other${i}`, "x@elsewhere.io"));
    const { json } = planGoogle([...crowd, at("id43zx", "cfo@acme.com"), at("idbpad", "cfo@acme.com"), at("idbpad", "cfo@acme.com"), at("id43zx", "cfo@acme.com")], SETTINGS, { now: NOW });
    expect(json.meetings.decisionMaker).toBe(2);
    expect(json.meetings.sales).toBe(2 + others);
  });
});
