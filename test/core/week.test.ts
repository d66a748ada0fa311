import { DateTime, Settings } from "luxon";
import { daysOf, weekFor } from "../../shared/time/week";

const week = (zone: string, weekOf: string, weekStartsOn: number) => {
  const w = weekFor({ now: DateTime.fromISO("2026-01-15T12:00:00Z"), zone, weekStartsOn, weekOf });
  return { start: w.start.toISO(), end: w.end.toISO(), hours: w.length("hours"), days: daysOf(w).map((d) => d.toISO()) };
};

/** The same call under two fake "todays" far apart must give one answer. */
const stable = <T>(fn: () => T): T => {
  const real = Settings.now;
  try {
    Settings.now = () => Date.UTC(2026, 0, 15, 12);
    const a = fn();
    Settings.now = () => Date.UTC(2031, 6, 15, 12);
    expect(fn()).toEqual(a);
    return a;
  } finally {
    Settings.now = real;
  }
};

describe("the week starts at the first midnight", () => {
  test("where midnight happens twice the week starts at the first one (Havana, Sunday 1 Nov 2026, weeks starting Sunday)", () => {
    const w = stable(() => week("America/Havana", "2026-11-03", 7));
    expect(w.start).toBe("2026-11-01T00:00:00.000-04:00");
    expect(w.end).toBe("2026-11-08T00:00:00.000-05:00");
    expect(w.hours).toBe(169);
  });

  test("the week before a twice-happening midnight ends at its first pass (Havana)", () => {
    const w = stable(() => week("America/Havana", "2026-10-28", 7));
    expect(w.end).toBe("2026-11-01T00:00:00.000-04:00");
    expect(w.hours).toBe(168);
  });

  test("where midnight never happens the week starts at the first instant of that day (Santiago, Sunday 6 Sep 2026 starts at 01:00)", () => {
    const w = stable(() => week("America/Santiago", "2026-09-08", 7));
    expect(w.start).toBe("2026-09-06T01:00:00.000-03:00");
    expect(w.end).toBe("2026-09-13T00:00:00.000-03:00");
    expect(w.hours).toBe(167);
  });

  test("a day inside the week whose midnight is skipped starts at its first instant (Santiago, Monday weeks)", () => {
    const w = stable(() => week("America/Santiago", "2026-09-02", 1));
    expect(w.start).toBe("2026-08-31T00:00:00.000-04:00");
    expect(w.days[6]).toBe("2026-09-06T01:00:00.000-03:00");
    expect(w.end).toBe("2026-09-07T00:00:00.000-03:00");
  });

  test("an ordinary week is seven midnights (New York, Monday 30 Nov 2026)", () => {
    const w = week("America/New_York", "2026-12-02", 1);
    expect(w.start).toBe("2026-11-30T00:00:00.000-05:00");
    expect(w.end).toBe("2026-12-07T00:00:00.000-05:00");
    expect(w.days).toHaveLength(7);
  });

  test("next week follows the week containing now", () => {
    const w = weekFor({ now: DateTime.fromISO("2026-11-23T12:00:00Z"), zone: "America/New_York", weekStartsOn: 1 });
    expect(w.start.toISO()).toBe("2026-11-30T00:00:00.000-05:00");
  });
});
