import fc from "fast-check";
import { DateTime, Interval } from "luxon";
import { intersect, subtract, totalMillis, union, type Span } from "../../shared/time/intervals";
import { weekFor } from "../../shared/time/week";
import { workingTime } from "../../shared/time/workingTime";

const BASE = Date.UTC(2026, 10, 30);
const toSpan = ([a, len]: [number, number]): Span =>
  Interval.fromDateTimes(DateTime.fromMillis(BASE + a * 60_000, { zone: "UTC" }), DateTime.fromMillis(BASE + (a + len) * 60_000, { zone: "UTC" })) as Span;
const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 600 })), { maxLength: 40 }).map((xs) => xs.map(toSpan));
const pairs = (list: readonly Span[]) => list.map((i) => [i.start.toMillis(), i.end.toMillis()]);
const covers = (list: readonly Span[], t: number) => list.some((i) => i.start.toMillis() <= t && t < i.end.toMillis());
const probes = fc.array(fc.integer({ min: -10, max: 11_000 }).map((m) => BASE + m * 60_000), { minLength: 1, maxLength: 30 });

describe("interval algebra (property tests)", () => {
  test("union is idempotent", () => {
    fc.assert(fc.property(spans, (xs) => expect(pairs(union(union(xs)))).toEqual(pairs(union(xs)))));
  });

  test("union does not depend on order", () => {
    fc.assert(fc.property(spans, fc.func(fc.integer()), (xs, key) => {
      const shuffled = [...xs].sort((a, b) => key(a.start.toMillis()) - key(b.start.toMillis()));
      expect(pairs(union(shuffled))).toEqual(pairs(union(xs)));
    }));
  });

  test("union is sorted, disjoint and non-touching, and covers exactly the same instants", () => {
    fc.assert(fc.property(spans, probes, (xs, ts) => {
      const u = union(xs);
      for (let i = 1; i < u.length; i++) expect(u[i]!.start.toMillis()).toBeGreaterThan(u[i - 1]!.end.toMillis());
      for (const t of ts) expect(covers(u, t)).toBe(covers(xs, t));
    }));
  });

  test("the measure of a union is at most the sum of the measures", () => {
    fc.assert(fc.property(spans, (xs) => expect(totalMillis(union(xs))).toBeLessThanOrEqual(xs.reduce((s, i) => s + i.length("milliseconds"), 0))));
  });

  test("an intersection lies inside both sides", () => {
    fc.assert(fc.property(spans, spans, probes, (a, b, ts) => {
      const i = intersect(union(a), union(b));
      for (const t of ts) expect(covers(i, t)).toBe(covers(a, t) && covers(b, t));
      expect(totalMillis(i)).toBeLessThanOrEqual(Math.min(totalMillis(union(a)), totalMillis(union(b))));
    }));
  });

  test("a subtraction is disjoint from what was subtracted and inside what it was taken from", () => {
    fc.assert(fc.property(spans, spans, probes, (a, b, ts) => {
      const d = subtract(union(a), union(b));
      expect(totalMillis(intersect(d, union(b)))).toBe(0);
      for (const t of ts) expect(covers(d, t)).toBe(covers(a, t) && !covers(b, t));
      expect(totalMillis(d) + totalMillis(intersect(union(a), union(b)))).toBe(totalMillis(union(a)));
    }));
  });
});

const ZONES = ["America/New_York", "Europe/London", "Asia/Jerusalem", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "UTC", "America/St_Johns"];
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) });
const rule = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
  .map(([days, a, len]) => {
    const start = Math.min(a, 47);
    const end = Math.min(48, start + len);
    const hhmm = (half: number) => (half === 48 ? "24:00" : `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`);
    return { days, start: hhmm(start), end: hhmm(end) };
  });

describe("the week (property tests)", () => {
  test("always seven calendar days from 00:00 on the start day, after the week containing now", () => {
    fc.assert(fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 7 }), (ms, zone, weekStartsOn) => {
      const now = DateTime.fromMillis(ms, { zone });
      const week = weekFor({ now, zone, weekStartsOn });
      expect(week.start.weekday).toBe(weekStartsOn);
      expect(week.end.weekday).toBe(weekStartsOn);
      expect(week.end.diff(week.start, "days").days).toBeCloseTo(7, 0);
      expect(week.start.startOf("day").equals(week.start)).toBe(true);
      expect(Math.round(week.start.diff(now.startOf("day"), "days").days)).toBeGreaterThanOrEqual(1);
      expect(Math.round(week.start.diff(now.startOf("day"), "days").days)).toBeLessThanOrEqual(7);
      const hours = week.length("hours");
      expect(hours).toBeGreaterThanOrEqual(166);
      expect(hours).toBeLessThanOrEqual(170);
    }));
  });

  test("working time lies inside the week, sorted and disjoint", () => {
    fc.assert(fc.property(instant, fc.constantFrom(...ZONES), fc.array(rule, { minLength: 0, maxLength: 4 }), (ms, zone, rules) => {
      const week = weekFor({ now: DateTime.fromMillis(ms, { zone }), zone, weekStartsOn: 1 });
      const w = workingTime(week, rules);
      for (const i of w) {
        expect(i.start >= week.start).toBe(true);
        expect(i.end <= week.end).toBe(true);
      }
      for (let k = 1; k < w.length; k++) expect(w[k]!.start > w[k - 1]!.end).toBe(true);
      expect(totalMillis(w)).toBeLessThanOrEqual(week.length("milliseconds"));
    }));
  });
});
