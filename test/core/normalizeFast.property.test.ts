import fc from "fast-check";
import { DateTime, IANAZone, Settings } from "luxon";
import { normalizeGoogleEvents, googleEventSchema, isGoogleEvent } from "../../shared/normalize/google";
import { normalizeGraphEvents, graphEventSchema, isGraphEvent } from "../../shared/normalize/graph";
import { consideredAttendees } from "../../shared/normalize/attendees";
import { cachedZone } from "../../shared/time/cachedZone";
import type { CalendarEvent } from "../../shared/event";

// The fast paths of the Calendar v3 and Graph normalizers (hand-read date-times, cached zone
// offsets, shared DateTimes, hand shape checks, the attendee collector) against slow references
// built from luxon and zod alone, on generated events, each run under two fake "todays".

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Windows names and the IANA zones CLDR maps them to (written out here, not read from the table). */
const WINDOWS: Record<string, string> = {
  "Eastern Standard Time": "America/New_York",
  "W. Europe Standard Time": "Europe/Berlin",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "Pacific SA Standard Time": "America/Santiago",
  "Cuba Standard Time": "America/Havana",
  "Lord Howe Standard Time": "Australia/Lord_Howe",
  "Chatham Islands Standard Time": "Pacific/Chatham",
  "Iran Standard Time": "Asia/Tehran",
  "Morocco Standard Time": "Africa/Casablanca",
  "Newfoundland Standard Time": "America/St_Johns",
  "GMT Standard Time": "Europe/London",
  "E. South America Standard Time": "America/Sao_Paulo",
  "Samoa Standard Time": "Pacific/Apia",
  UTC: "UTC",
};
const IANA = [...new Set(Object.values(WINDOWS)), "Asia/Kolkata", "Africa/Cairo", "America/Los_Angeles", "Asia/Kathmandu"];
const USER_ZONES = ["America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe", "America/Havana", "America/Santiago", "UTC"];
const TODAYS = [Date.UTC(2026, 0, 15, 12), Date.UTC(2031, 6, 15, 12)];

/** Runs `fn` with luxon's "now" and the machine's date set to each of two dates far apart, in an order that alternates. */
let flip = false;
const underTwoTodays = <T>(fn: () => T): [T, T] => {
  const real = Settings.now;
  flip = !flip;
  const order = flip ? TODAYS : [...TODAYS].reverse();
  const answers: T[] = [];
  try {
    for (const today of order) {
      jest.setSystemTime(today);
      Settings.now = () => today;
      answers.push(fn());
    }
  } finally {
    Settings.now = real;
  }
  return (flip ? answers : answers.reverse()) as [T, T];
};

beforeAll(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));
afterAll(() => jest.useRealTimers());

// ---- slow references: luxon's Intl-backed offsets, read one instant at a time

const offsetMs = (zone: string, t: number): number => IANAZone.create(zone).offset(t) * MINUTE;
const wallOf = (zone: string, t: number): number => t + offsetMs(zone, t);

/** The first t in (lo, hi] with pred(t), given !pred(lo) and pred(hi) (one change between them). */
const bisect = (lo: number, hi: number, pred: (t: number) => boolean): number => {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (pred(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
};

/**
 * A wall clock in a zone by brute force: every offset the zone has within two days gives a
 * candidate; the earliest candidate whose wall clock reads back is the answer (first pass). With
 * none (a skipped time), the change is found by bisection and the offset before it is used.
 */
const referenceWallClock = (naive: number, zone: string): number => {
  const offsets = new Set<number>();
  for (let t = naive - 2 * DAY; t <= naive + 2 * DAY; t += 15 * MINUTE) offsets.add(offsetMs(zone, t));
  const passes = [...offsets].map((o) => naive - o).filter((t) => wallOf(zone, t) === naive);
  if (passes.length > 0) return Math.min(...passes);
  const change = bisect(naive - 2 * DAY, naive + 2 * DAY, (t) => wallOf(zone, t) >= naive);
  return naive - offsetMs(zone, change - 1);
};

/** The first instant whose wall clock is on or after a date's midnight (first 00:00, else the first instant of the day). */
const referenceDayStart = (date: string, zone: string): number => {
  const midnight = DateTime.fromISO(date, { zone: "UTC" }).toMillis();
  let t = midnight - 30 * HOUR;
  while (wallOf(zone, t + 15 * MINUTE) < midnight) t += 15 * MINUTE;
  return bisect(t, t + 15 * MINUTE, (x) => wallOf(zone, x) >= midnight);
};

/** The changes of a zone over some years (day by day, then bisection): [instant, offset before, offset after]. */
const changesCache = new Map<string, [number, number, number][]>();
const changesOf = (zone: string): [number, number, number][] => {
  let found = changesCache.get(zone);
  if (!found) {
    found = [];
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2033, 0, 1); t += DAY) {
      const a = offsetMs(zone, t);
      const b = offsetMs(zone, t + DAY);
      if (a !== b) {
        const at = bisect(t, t + DAY, (x) => offsetMs(zone, x) !== a);
        found.push([at, a, b]);
      }
    }
    changesCache.set(zone, found);
  }
  return found;
};

// ---- generators

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const naiveText = (naive: number): string => new Date(naive).toISOString().slice(0, 19);
const fractionArb = fc.integer({ min: 0, max: 7 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })).map((d) => (d.length ? `.${d.join("")}` : ""));

/** Wall clocks (naive ms, whole seconds) in a zone: near one of its changes (both sides, repeated and skipped times) or anywhere in 2019–2032. */
const wallArb = (zone: string): fc.Arbitrary<number> => {
  const changes = changesOf(zone);
  const anywhere = fc.integer({ min: Date.UTC(2019, 0, 1) / 1000, max: Date.UTC(2032, 11, 31) / 1000 }).map((s) => s * 1000);
  if (changes.length === 0) return anywhere;
  const near = fc
    .record({ i: fc.integer({ min: 0, max: changes.length - 1 }), side: fc.boolean(), delta: fc.integer({ min: -3 * 3600, max: 3 * 3600 }) })
    .map(({ i, side, delta }) => {
      const [at, before, after] = changes[i]!;
      return at + (side ? before : after) + delta * 1000;
    });
  return fc.oneof({ arbitrary: near, weight: 3 }, { arbitrary: anywhere, weight: 1 });
};

const zoneNameArb = fc.constantFrom(...Object.keys(WINDOWS), ...IANA);
const ianaOf = (name: string): string => WINDOWS[name] ?? name;

const wallTimeArb = zoneNameArb.chain((name) => fc.record({ name: fc.constant(name), naive: wallArb(ianaOf(name)), fraction: fractionArb }));

// ---- comparing an answer with the reference

type Expected = { startMs: number; endMs: number; zone: string } | { error: string };

const expectedSpan = (id: string, startMs: number, endMs: number, zone: string): Expected => {
  if (endMs < startMs) {
    const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO();
    return { error: `event ${id}: end (${iso(endMs)}) is before start (${iso(startMs)})` };
  }
  return { startMs, endMs, zone };
};

const answer = (r: { ok: true; value: CalendarEvent[] } | { ok: false; error: Error }): unknown =>
  r.ok ? r.value.map((e) => ({ start: e.start.toISO(), end: e.end.toISO(), startMs: e.start.toMillis(), endMs: e.end.toMillis(), zone: e.start.zoneName, endZone: e.end.zoneName, valid: e.start.isValid && e.end.isValid })) : { error: r.error.message };

const expectedAnswer = (x: Expected): unknown =>
  "error" in x
    ? x
    : [{ start: DateTime.fromMillis(x.startMs, { zone: x.zone }).toISO(), end: DateTime.fromMillis(x.endMs, { zone: x.zone }).toISO(), startMs: x.startMs, endMs: x.endMs, zone: x.zone, endZone: x.zone, valid: true }];

const checkUnderTwoTodays = (run: () => unknown, expected: unknown): void => {
  const [a, b] = underTwoTodays(run);
  expect(a).toEqual(expected);
  expect(b).toEqual(a);
};

describe("fast paths agree with slow references", () => {
  test("Graph wall clocks (IANA and Windows names, 0–7 fractional digits, repeated and skipped times) resolve as the brute-force reference", () => {
    fc.assert(
      fc.property(wallTimeArb, wallTimeArb, fc.constantFrom(...USER_ZONES), (start, end, userZone) => {
        const text = (w: { naive: number; fraction: string }) => naiveText(w.naive) + w.fraction;
        const raw = { id: "g", subject: "x", start: { dateTime: text(start), timeZone: start.name }, end: { dateTime: text(end), timeZone: end.name } };
        // luxon reads the naive wall clock (fraction to milliseconds), the brute force places it.
        const naive = (w: { naive: number; fraction: string }) => DateTime.fromISO(text(w), { zone: "UTC" }).toMillis();
        const expected = expectedSpan("g", referenceWallClock(naive(start), ianaOf(start.name)), referenceWallClock(naive(end), ianaOf(end.name)), userZone);
        checkUnderTwoTodays(() => answer(normalizeGraphEvents([raw], { zone: userZone })), expectedAnswer(expected));
      }),
      { numRuns: 150 },
    );
  });

  test("Calendar v3 offset times (Z or ±HH:MM, 0–7 fractional digits) are luxon's fromISO instants, placed in the user's zone", () => {
    const offsetArb = fc.oneof(
      fc.constant("Z"),
      fc.record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 14 }), m: fc.constantFrom(0, 15, 30, 45) }).map(({ sign, h, m }) => `${sign}${pad(h)}:${pad(m)}`),
    );
    const timeArb = fc.record({
      naive: fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000),
      fraction: fractionArb,
      offset: offsetArb,
      declared: fc.constantFrom(undefined, null, "America/New_York", "Eastern Standard Time", "Mars/Olympus"),
    });
    fc.assert(
      fc.property(timeArb, timeArb, fc.constantFrom(...USER_ZONES), (start, end, userZone) => {
        const text = (t: typeof start) => naiveText(t.naive) + t.fraction + t.offset;
        const raw = { id: "e", start: { dateTime: text(start), timeZone: start.declared }, end: { dateTime: text(end), timeZone: end.declared } };
        const instant = (t: typeof start) => DateTime.fromISO(text(t), { setZone: true }).toMillis();
        const expected = expectedSpan("e", instant(start), instant(end), userZone);
        checkUnderTwoTodays(() => answer(normalizeGoogleEvents([raw], { zone: userZone })), expectedAnswer(expected));
      }),
      { numRuns: 300 },
    );
  });

  test("Calendar v3 times without offset are wall clocks in their timeZone (else the user's), as the brute-force reference", () => {
    fc.assert(
      fc.property(wallTimeArb, fc.constantFrom(...USER_ZONES), fc.boolean(), (w, userZone, declare) => {
        const text = naiveText(w.naive) + w.fraction;
        const zone = declare ? ianaOf(w.name) : userZone;
        const raw = { id: "e", start: { dateTime: text, ...(declare ? { timeZone: w.name } : {}) }, end: { dateTime: text, ...(declare ? { timeZone: w.name } : {}) } };
        const at = referenceWallClock(DateTime.fromISO(text, { zone: "UTC" }).toMillis(), zone);
        checkUnderTwoTodays(() => answer(normalizeGoogleEvents([raw], { zone: userZone })), expectedAnswer(expectedSpan("e", at, at, userZone)));
      }),
      { numRuns: 100 },
    );
  });

  test("all-day dates (Calendar v3 date, Graph isAllDay) start at the first instant of their day in the user's zone", () => {
    const dayArb = fc.record({
      zone: fc.constantFrom(...USER_ZONES, "America/Santiago", "America/Havana", "Asia/Tehran", "Africa/Cairo"),
      near: fc.boolean(),
      pick: fc.nat(),
      days: fc.integer({ min: -1, max: 1 }),
      any: fc.integer({ min: Date.UTC(2019, 0, 1) / DAY, max: Date.UTC(2032, 11, 1) / DAY }),
    });
    fc.assert(
      fc.property(dayArb, ({ zone, near, pick, days, any }) => {
        const changes = changesOf(zone);
        const change = changes[pick % Math.max(1, changes.length)];
        const dayMs = near && change ? Math.floor((change[0] + change[1]) / DAY + days) * DAY : any * DAY;
        const date = new Date(dayMs).toISOString().slice(0, 10);
        const next = new Date(dayMs + DAY).toISOString().slice(0, 10);
        const expected = expectedAnswer(expectedSpan("d", referenceDayStart(date, zone), referenceDayStart(next, zone), zone));
        checkUnderTwoTodays(() => answer(normalizeGoogleEvents([{ id: "d", start: { date }, end: { date: next } }], { zone })), expected);
        const graph = { id: "d", isAllDay: true, start: { dateTime: `${date}T00:00:00.0000000`, timeZone: "UTC" }, end: { dateTime: `${next}T00:00:00.0000000`, timeZone: "UTC" } };
        checkUnderTwoTodays(() => answer(normalizeGraphEvents([graph], { zone })), expected);
      }),
      { numRuns: 120 },
    );
  });

  test("cached zone offsets equal luxon's at any instant of any zone Intl knows (1900–2100), and to the second around changes", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, t) => {
        expect(cachedZone(zone)!.offset(t)).toBe(IANAZone.create(zone).offset(t));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...IANA), fc.nat(), fc.integer({ min: -5000, max: 5000 }), (zone, pick, d) => {
        const changes = changesOf(zone);
        if (changes.length === 0) return;
        const t = changes[pick % changes.length]![0] + d;
        expect(cachedZone(zone)!.offset(t)).toBe(IANAZone.create(zone).offset(t));
      }),
      { numRuns: 500 },
    );
  });
});

describe("hand checks and collectors agree with what they stand in for", () => {
  const scalar = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 3 }), fc.boolean(), fc.integer(), fc.constant([]), fc.constant({}));
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: scalar, weight: 1 });
  const str = fc.oneof({ arbitrary: fc.string({ maxLength: 3 }), weight: 4 }, { arbitrary: scalar, weight: 1 });
  const bool = fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, { arbitrary: scalar, weight: 1 });
  const record = (shape: Record<string, fc.Arbitrary<unknown>>) => fc.record(shape, { requiredKeys: [] });
  const list = <T>(arb: fc.Arbitrary<T>) => maybe(fc.array(arb, { maxLength: 3 }));

  test("the Calendar v3 shape check says yes exactly where the zod schema does", () => {
    const time = maybe(record({ date: str, dateTime: str, timeZone: str }));
    const event = maybe(
      record({
        id: str,
        status: str,
        summary: str,
        start: time,
        end: time,
        transparency: str,
        eventType: str,
        attendeesOmitted: bool,
        attendees: list(maybe(record({ email: str, self: bool, resource: bool, responseStatus: str }))),
        organizer: maybe(record({ email: str, self: bool })),
        extendedProperties: maybe(record({ private: maybe(record({ nextWeekBlock: fc.oneof(fc.string(), fc.constant(undefined), scalar), other: scalar })) })),
        kind: scalar,
      }),
    );
    fc.assert(fc.property(event, (raw) => expect(isGoogleEvent(raw)).toBe(googleEventSchema().safeParse(raw).success)), { numRuns: 1000 });
  });

  test("the Graph shape check says yes exactly where the zod schema does", () => {
    const time = maybe(record({ dateTime: str, timeZone: str }));
    const email = maybe(record({ address: str, name: str }));
    const response = maybe(record({ response: str }));
    const event = maybe(
      record({
        id: str,
        subject: str,
        start: time,
        end: time,
        isAllDay: bool,
        isCancelled: bool,
        isOrganizer: bool,
        hideAttendees: bool,
        showAs: str,
        type: str,
        responseStatus: response,
        attendees: list(maybe(record({ type: str, status: response, emailAddress: email }))),
        organizer: maybe(record({ emailAddress: email })),
        singleValueExtendedProperties: list(maybe(record({ id: str, value: str }))),
      }),
    );
    fc.assert(fc.property(event, (raw) => expect(isGraphEvent(raw)).toBe(graphEventSchema().safeParse(raw).success)), { numRuns: 1000 });
  });

  test("considered attendees equal the set-based reading (duplicates in any case and spacing, long lists)", () => {
    /** The rules of spec §1 written with sets, as the first version of the core read them. */
    const reference = (candidates: { email: string | null; self?: boolean; resource?: boolean; declined?: boolean }[], me?: string): string[] => {
      const user = me?.trim().toLowerCase();
      const excluded = new Set<string>();
      const seen = new Set<string>();
      for (const c of candidates) {
        const email = c.email?.trim().toLowerCase();
        if (!email) continue;
        seen.add(email);
        const system = ["@group.calendar.google.com", "@resource.calendar.google.com", "@import.calendar.google.com"].some((s) => email.endsWith(s)) || email === "unknownorganizer@calendar.google.com";
        if (c.self || c.resource || c.declined || email === user || system) excluded.add(email);
      }
      return [...seen].filter((email) => !excluded.has(email));
    };
    const address = fc
      .record({
        local: fc.constantFrom("dana", "Dana", "sam", "me", "unknownorganizer", "x", ""),
        domain: fc.constantFrom("acme.com", "ACME.com", "seller.com", "group.calendar.google.com", "calendar.google.com", "resource.calendar.google.com"),
        space: fc.constantFrom("", " ", "\t"),
        n: fc.integer({ min: 0, max: 40 }),
      })
      .map(({ local, domain, space, n }) => `${space}${local}${n % 3 === 0 ? n : ""}@${domain}${space}`);
    const candidate = fc.record({ email: fc.oneof({ arbitrary: address, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 }), self: fc.boolean(), resource: fc.boolean(), declined: fc.boolean() }).map((c) => ({
      ...c,
      // Most entries flag nothing, so that several addresses survive.
      self: c.self && c.resource,
      resource: c.resource && c.declined,
      declined: c.declined && c.self,
    }));
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 80 }), fc.constantFrom(undefined, "me@seller.com", " ME@Seller.com "), (candidates, me) => {
        expect(consideredAttendees(candidates, me)).toEqual(reference(candidates, me));
      }),
      { numRuns: 400 },
    );
  });
});
