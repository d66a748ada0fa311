import { DateTime, IANAZone, Settings } from "luxon";
import { normalizeGraphEvents } from "../../shared/normalize/graph";
import { ianaZone } from "../../shared/normalize/icalTime";
import { compatibleMillis, isIanaZone, offsetAt, startOfDayMillis, wallClockMillis } from "../../shared/time/wallClock";

const iso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO();
const wall = (y: number, mo: number, d: number, h: number, mi: number) => Date.UTC(y, mo - 1, d, h, mi);

/** Runs `fn` twice with luxon's "now" set to two dates far apart and returns both answers. */
const underTwoTodays = <T>(fn: () => T): [T, T] => {
  const real = Settings.now;
  try {
    Settings.now = () => Date.UTC(2026, 0, 15, 12);
    const winter = fn();
    Settings.now = () => Date.UTC(2031, 6, 15, 12);
    const summer = fn();
    return [winter, summer];
  } finally {
    Settings.now = real;
  }
};

describe("wall-clock times (compatible)", () => {
  test("a repeated time is its first pass, west of Greenwich (New York 01:30 on 1 Nov 2026 is EDT)", () => {
    const [a, b] = underTwoTodays(() => iso(wallClockMillis(wall(2026, 11, 1, 1, 30), "America/New_York"), "America/New_York"));
    expect(a).toBe("2026-11-01T01:30:00.000-04:00");
    expect(b).toBe(a);
  });

  test("a repeated time is its first pass, east of Greenwich (Berlin 02:30 on 25 Oct 2026 is CEST)", () => {
    const [a, b] = underTwoTodays(() => iso(wallClockMillis(wall(2026, 10, 25, 2, 30), "Europe/Berlin"), "Europe/Berlin"));
    expect(a).toBe("2026-10-25T02:30:00.000+02:00");
    expect(b).toBe(a);
  });

  test("a skipped time is read with the offset from before the change (New York 02:30 on 8 Mar 2026 → 03:30 EDT)", () => {
    const [a, b] = underTwoTodays(() => iso(wallClockMillis(wall(2026, 3, 8, 2, 30), "America/New_York"), "America/New_York"));
    expect(a).toBe("2026-03-08T03:30:00.000-04:00");
    expect(b).toBe(a);
  });

  test("a skipped time east of Greenwich (Sydney 02:30 on 4 Oct 2026 → 03:30 AEDT)", () => {
    expect(iso(wallClockMillis(wall(2026, 10, 4, 2, 30), "Australia/Sydney"), "Australia/Sydney")).toBe("2026-10-04T03:30:00.000+11:00");
  });

  test("an ordinary time is its only reading; an unknown zone is NaN", () => {
    expect(wallClockMillis(wall(2026, 12, 1, 9, 0), "America/New_York")).toBe(Date.UTC(2026, 11, 1, 14, 0));
    expect(wallClockMillis(wall(2026, 12, 1, 9, 0), "Mars/Olympus")).toBeNaN();
    expect(isIanaZone("Mars/Olympus")).toBe(false);
    expect(isIanaZone("Asia/Kolkata")).toBe(true);
  });

  test("compatibleMillis works with any offset function (a fixed offset)", () => {
    expect(compatibleMillis(wall(2026, 12, 1, 9, 0), () => 3_600_000)).toBe(Date.UTC(2026, 11, 1, 8, 0));
  });

  test("an iCalendar TZID (ianaZone) places wall clocks as luxon's own zone would, skipped and repeated times too", () => {
    for (const zone of ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham"]) {
      const iana = IANAZone.create(zone);
      const cached = ianaZone(zone);
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 23 * 60_000 + 11_000) {
        const d = new Date(ms);
        const w = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
        const expected = compatibleMillis(ms, (utc) => iana.offset(utc) * 60_000);
        if (cached.toMillis(w) !== expected) throw new Error(`${zone} at ${d.toISOString()}`);
      }
    }
  });

  test("cached offsets equal luxon's every 37 minutes around changes in several zones", () => {
    for (const zone of ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Chatham"]) {
      const iana = IANAZone.create(zone);
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 60_000 + 7_000) {
        if (offsetAt(zone, ms) !== iana.offset(ms) * 60_000) throw new Error(`${zone} at ${new Date(ms).toISOString()}`);
      }
    }
  });
});

describe("start of a day", () => {
  test("where midnight happens twice it is the first 00:00 (Havana, 1 Nov 2026: 01:00 CDT goes back to 00:00 CST)", () => {
    const [a, b] = underTwoTodays(() => startOfDayMillis(2026, 11, 1, "America/Havana"));
    expect(iso(a, "America/Havana")).toBe("2026-11-01T00:00:00.000-04:00");
    expect(b).toBe(a);
  });

  test("where midnight never happens it is the first instant of the day (Santiago, 6 Sep 2026 starts at 01:00)", () => {
    const [a, b] = underTwoTodays(() => startOfDayMillis(2026, 9, 6, "America/Santiago"));
    expect(iso(a, "America/Santiago")).toBe("2026-09-06T01:00:00.000-03:00");
    expect(b).toBe(a);
    expect(iso(a - 1, "America/Santiago")).toBe("2026-09-05T23:59:59.999-04:00");
  });

  test("an ordinary day starts at 00:00", () => {
    expect(iso(startOfDayMillis(2026, 11, 30, "America/New_York"), "America/New_York")).toBe("2026-11-30T00:00:00.000-05:00");
  });
});

describe("Graph wall-clock times", () => {
  const graph = (dateTime: string, timeZone: string) => {
    const r = normalizeGraphEvents([{ id: "g", subject: "x", start: { dateTime, timeZone }, end: { dateTime: dateTime.replace(/T\d\d/, "T23"), timeZone } }], { zone: "UTC" });
    if (!r.ok) throw r.error;
    return r.value[0]!.start.toISO();
  };

  test("a Graph time in the repeated hour is its first pass, west (Eastern Standard Time 01:30 on 1 Nov 2026 → 05:30Z)", () => {
    const [a, b] = underTwoTodays(() => graph("2026-11-01T01:30:00.0000000", "Eastern Standard Time"));
    expect(a).toBe("2026-11-01T05:30:00.000Z");
    expect(b).toBe(a);
  });

  test("a Graph time in the repeated hour is its first pass, east (Europe/Berlin 02:30 on 25 Oct 2026 → 00:30Z)", () => {
    const [a, b] = underTwoTodays(() => graph("2026-10-25T02:30:00.0000000", "W. Europe Standard Time"));
    expect(a).toBe("2026-10-25T00:30:00.000Z");
    expect(b).toBe(a);
  });

  test("a Graph time in the skipped hour takes the offset from before the change, west (New York 02:30 on 8 Mar 2026 → 07:30Z)", () => {
    const [a, b] = underTwoTodays(() => graph("2026-03-08T02:30:00.0000000", "America/New_York"));
    expect(a).toBe("2026-03-08T07:30:00.000Z");
    expect(b).toBe(a);
  });

  test("a Graph time in the skipped hour takes the offset from before the change, east (Berlin 02:30 on 29 Mar 2026 → 01:30Z)", () => {
    const [a, b] = underTwoTodays(() => graph("2026-03-29T02:30:00.0000000", "Europe/Berlin"));
    expect(a).toBe("2026-03-29T01:30:00.000Z");
    expect(b).toBe(a);
  });
});
