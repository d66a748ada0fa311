import fc from "fast-check";
import ICAL from "ical.js";
import { expandSeries, fileBudget, periodOf, type RecurrenceBudget } from "../../shared/normalize/icalRecurrence";
import { ianaZone, UTC_ZONE, type Wall } from "../../shared/normalize/icalTime";

/**
 * Rules that repeat by a fixed number of days (daily, weekly, weekly on some weekdays) are
 * expanded by moving the occurrences of one period on, after ical.js found the first period.
 * The plain way has ical.js find every occurrence: both must give the same occurrences (or the
 * same error) and spend the same budget, for any start, interval, week start, count and window.
 */

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const ruleArb = fc.record({
  freq: fc.constantFrom("DAILY", "WEEKLY", "WEEKLY", "WEEKLY"),
  interval: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 })),
  byday: fc.oneof(fc.constant([] as string[]), fc.subarray([...DAYS], { minLength: 1 }), fc.shuffledSubarray([...DAYS], { minLength: 1 })),
  wkst: fc.constantFrom(null, ...DAYS),
  count: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 80 })),
  until: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 900 })),
});

const text = (r: { freq: string; interval: number; byday: string[]; wkst: string | null; count: number | null; until: number | null }, start: Wall): string => {
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byday.length > 0 && r.freq === "WEEKLY") parts.push(`BYDAY=${r.byday.join(",")}`);
  if (r.wkst) parts.push(`WKST=${r.wkst}`);
  if (r.count !== null) parts.push(`COUNT=${r.count}`);
  else if (r.until !== null) {
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day + r.until));
    parts.push(`UNTIL=${d.toISOString().slice(0, 10).replace(/-/g, "")}T235959Z`);
  }
  return parts.join(";");
};

const startArb = fc.record({
  day: fc.integer({ min: 0, max: 900 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 15, 30, 59),
  allDay: fc.boolean(),
});

const wallOf = (ms: number, allDay: boolean): Wall => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: allDay ? 0 : d.getUTCHours(), minute: allDay ? 0 : d.getUTCMinutes(), second: 0 };
};

const expandBoth = (rule: string, start: Wall, allDay: boolean, zone: string, fromMs: number, weeks: number, budget: () => RecurrenceBudget) => {
  const series = { start, allDay, zone: zone === "UTC" ? UTC_ZONE : ianaZone(zone), rrules: [ICAL.Recur.fromString(rule)], rdates: [] };
  const window = { fromMs, toMs: fromMs + weeks * 7 * 86_400_000, maxLengthMs: 3_600_000 };
  const shown = (budgetLeft: RecurrenceBudget, result: ReturnType<typeof expandSeries>) => ({
    result: result.ok ? result.value.map((o) => [o.startMs, o.wall]) : `error: ${result.error}`,
    budget: { ...budgetLeft },
  });
  const fastBudget = budget();
  const fast = shown(fastBudget, expandSeries(series, window, fastBudget, true));
  const plainBudget = budget();
  const plain = shown(plainBudget, expandSeries(series, window, plainBudget, false));
  return { fast, plain };
};

describe("series that repeat by a fixed period", () => {
  test("are expanded as ical.js expands them: the same occurrences and the same budget spent", () => {
    fc.assert(
      fc.property(
        ruleArb,
        startArb,
        fc.integer({ min: -60, max: 1200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"),
        (r, s, windowDay, weeks, zone) => {
          const start = wallOf(Date.UTC(2024, 0, 1 + s.day, s.hour, s.minute), s.allDay);
          const rule = text(r, start);
          const { fast, plain } = expandBoth(rule, start, s.allDay, zone, Date.UTC(2024, 0, 1 + windowDay), weeks, fileBudget);
          expect([rule, fast]).toEqual([rule, plain]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("a budget that runs out runs out at the same occurrence both ways", () => {
    fc.assert(
      fc.property(ruleArb, startArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 120 }), (r, s, occurrences, candidates) => {
        const start = wallOf(Date.UTC(2026, 0, 1 + (s.day % 60), s.hour, s.minute), s.allDay);
        const rule = text({ ...r, until: null }, start);
        const { fast, plain } = expandBoth(rule, start, s.allDay, "UTC", Date.UTC(2026, 0, 1), 26, () => ({ occurrences, candidates }));
        expect([rule, fast]).toEqual([rule, plain]);
      }),
      { numRuns: 800 },
    );
  });

  test("only rules without month or year parts count as periodic", () => {
    const period = (rule: string) => periodOf(ICAL.Recur.fromString(rule));
    expect(period("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE")).toEqual({ days: 14, occurrences: 2 });
    expect(period("FREQ=DAILY;INTERVAL=3;COUNT=5")).toEqual({ days: 3, occurrences: 1 });
    expect(period("FREQ=WEEKLY")).toEqual({ days: 7, occurrences: 1 });
    for (const rule of ["FREQ=WEEKLY;BYDAY=1MO", "FREQ=WEEKLY;BYMONTH=3", "FREQ=DAILY;BYDAY=MO", "FREQ=DAILY;BYHOUR=9", "FREQ=MONTHLY", "FREQ=HOURLY"]) {
      expect([rule, period(rule)]).toEqual([rule, null]);
    }
  });
});
