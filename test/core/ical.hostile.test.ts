import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ICAL from "ical.js";
import { DateTime, Interval } from "luxon";
import { MAX_ICS_CHARS, parseIcs } from "../../shared/normalize/ical";
import { expandSeries, fileBudget } from "../../shared/normalize/icalRecurrence";
import { UTC_ZONE, type Wall } from "../../shared/normalize/icalTime";
import { NextWeekError } from "../../shared/errors";

// Inputs that used to hang, exhaust memory or print a wrong number (issue: hostile and huge
// inputs). Speed is measured in `npm run bench`; here each input must end in the right result or
// in one clean line.

const NY = "America/New_York";
const hostile = (name: string): string => readFileSync(join(__dirname, "..", "fixtures", "ics", "hostile", name), "utf8");
const week = (startDate: string, zone: string, days = 7): Interval<true> => {
  const start = DateTime.fromISO(startDate, { zone });
  return Interval.fromDateTimes(start, start.plus({ days })) as Interval<true>;
};
const WEEK = week("2026-03-09", NY);
const calendar = (...lines: string[]): string => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Next Week tests//hostile//EN", ...lines, "END:VCALENDAR"].join("\r\n");
const vevent = (...lines: string[]): string[] => ["BEGIN:VEVENT", "DTSTAMP:20260101T000000Z", ...lines, "END:VEVENT"];
const errorOf = (text: string, ctx: { zone?: string; range?: Interval<true> } = {}): string => {
  const parsed = parseIcs(text, { zone: ctx.zone ?? NY, range: ctx.range ?? WEEK });
  if (parsed.ok) throw new Error(`expected an error, got ${parsed.value.events.length} events`);
  expect(parsed.error).toBeInstanceOf(NextWeekError);
  return parsed.error.message;
};
const startsUtc = (text: string, ctx: { zone?: string; range?: Interval<true> } = {}): string[] => {
  const parsed = parseIcs(text, { zone: ctx.zone ?? NY, range: ctx.range ?? WEEK });
  if (!parsed.ok) throw parsed.error;
  return parsed.value.events.map((e) => e.start.toUTC().toISO({ suppressMilliseconds: true }) ?? "invalid");
};

/** A VTIMEZONE with one STANDARD block from 1601 repeating at `freq`. */
const floodZone = (freq: string): string[] => [
  "BEGIN:VTIMEZONE",
  "TZID:Evil",
  "BEGIN:STANDARD",
  "DTSTART:16010101T000000",
  `RRULE:FREQ=${freq}`,
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "END:STANDARD",
  "END:VTIMEZONE",
];
const evilEvent = vevent("UID:evil-1", "DTSTART;TZID=Evil:20260310T100000", "DTEND;TZID=Evil:20260310T110000", "SUMMARY:Meeting");

describe("a VTIMEZONE whose rule repeats by the second, minute or hour", () => {
  test("the file that ran past 60 s and 2 GB is refused with one line naming the TZID and the fix", () => {
    expect(errorOf(hostile("vtimezone-secondly.ics"))).toBe(
      'event evil-1: DTSTART has TZID "Evil", a VTIMEZONE of the file that cannot be used: its STANDARD block repeats SECONDLY ("FREQ=SECONDLY"); ' +
        "time zone rules may repeat at most daily: fix or remove the VTIMEZONE",
    );
  });

  test.each(["MINUTELY", "HOURLY"])("FREQ=%s is refused the same way", (freq) => {
    expect(errorOf(calendar(...floodZone(freq), ...evilEvent))).toMatch(new RegExp(`^event evil-1: DTSTART has TZID "Evil".*repeats ${freq} `));
  });

  test("a daily rule from 1601 is read, and places the time with the offset it gives (bounded: only the years around the time are computed)", () => {
    // Every day at 00:00 the zone changes from +01:00 to +00:00: on 10 March 10:00 it is at +00:00.
    expect(startsUtc(calendar(...floodZone("DAILY"), ...evilEvent))).toEqual(["2026-03-10T10:00:00Z"]);
  });
});

/** Outlook's way of writing a zone: DTSTART in 1601 and yearly rules (here the US and the EU ones). */
const outlookZone = (tzid: string, std: { start: string; rule: string; from: string; to: string }, dst: { start: string; rule: string; from: string; to: string }): string[] => [
  "BEGIN:VTIMEZONE",
  `TZID:${tzid}`,
  "BEGIN:STANDARD",
  `DTSTART:${std.start}`,
  `RRULE:${std.rule}`,
  `TZOFFSETFROM:${std.from}`,
  `TZOFFSETTO:${std.to}`,
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  `DTSTART:${dst.start}`,
  `RRULE:${dst.rule}`,
  `TZOFFSETFROM:${dst.from}`,
  `TZOFFSETTO:${dst.to}`,
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];
const WEST = outlookZone(
  "West",
  { start: "16011104T020000", rule: "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", from: "-0400", to: "-0500" },
  { start: "16010311T020000", rule: "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", from: "-0500", to: "-0400" },
);
const EAST = outlookZone(
  "East",
  { start: "16011028T030000", rule: "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", from: "+0200", to: "+0100" },
  { start: "16010325T020000", rule: "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", from: "+0100", to: "+0200" },
);

describe("wall clocks of TZID and floating times resolve as RFC 5545 says (a repeated time is its first pass, a skipped one takes the offset from before)", () => {
  const at = (tzid: string, wall: string, zoneLines: string[] = []): string => {
    const day = DateTime.fromISO(`${wall.slice(0, 4)}-${wall.slice(4, 6)}-${wall.slice(6, 8)}`, { zone: "UTC" });
    const range = Interval.fromDateTimes(day.minus({ days: 1 }), day.plus({ days: 2 })) as Interval<true>;
    const starts = startsUtc(calendar(...zoneLines, ...vevent("UID:a", `DTSTART;TZID=${tzid}:${wall}`, "DURATION:PT1H")), { zone: "UTC", range });
    return starts[0]!;
  };
  const floating = (zone: string, wall: string): string => {
    const day = DateTime.fromISO(`${wall.slice(0, 4)}-${wall.slice(4, 6)}-${wall.slice(6, 8)}`, { zone: "UTC" });
    const range = Interval.fromDateTimes(day.minus({ days: 1 }), day.plus({ days: 2 })) as Interval<true>;
    return startsUtc(calendar(...vevent("UID:a", `DTSTART:${wall}`, "DURATION:PT1H")), { zone, range })[0]!;
  };

  test.each([
    // west: New York, 1 November 2026 01:30 happens twice (EDT first), 8 March 02:30 never (read with EST)
    [NY, "20261101T013000", "2026-11-01T05:30:00Z"],
    [NY, "20260308T023000", "2026-03-08T07:30:00Z"],
    // east: Berlin, 25 October 2026 02:30 twice (CEST first), 29 March 02:30 never (read with CET)
    ["Europe/Berlin", "20261025T023000", "2026-10-25T00:30:00Z"],
    ["Europe/Berlin", "20260329T023000", "2026-03-29T01:30:00Z"],
    // southern hemisphere: Sydney, 5 April 2026 02:30 twice (AEDT first), 4 October 02:30 never (read with AEST)
    ["Australia/Sydney", "20260405T023000", "2026-04-04T15:30:00Z"],
    ["Australia/Sydney", "20261004T023000", "2026-10-03T16:30:00Z"],
  ])("%s %s: as TZID and as a floating time in that zone → %s", (zone, wall, expected) => {
    expect(at(zone, wall)).toBe(expected);
    expect(floating(zone, wall)).toBe(expected);
  });

  test.each([
    ["West", WEST, "20261101T013000", "2026-11-01T05:30:00Z"],
    ["West", WEST, "20260308T023000", "2026-03-08T07:30:00Z"],
    ["East", EAST, "20261025T023000", "2026-10-25T00:30:00Z"],
    ["East", EAST, "20260329T023000", "2026-03-29T01:30:00Z"],
  ])("a VTIMEZONE %s (Outlook style, rules from 1601), %s → %s", (tzid, zoneLines, wall, expected) => {
    expect(at(tzid, wall, zoneLines)).toBe(expected);
  });

  test("an Outlook-style VTIMEZONE places any wall clock from 1990 to 2035 where its IANA zone does", () => {
    const wallArb = fc.record({
      year: fc.integer({ min: 1990, max: 2035 }),
      day: fc.integer({ min: 0, max: 364 }),
      minute: fc.integer({ min: 0, max: 24 * 4 - 1 }).map((q) => q * 15),
      east: fc.boolean(),
    });
    fc.assert(
      fc.property(wallArb, ({ year, day, minute, east }) => {
        const d = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: "UTC" }).plus({ days: day, minutes: minute });
        const wall = d.toFormat("yyyyLLdd'T'HHmmss");
        // The EU rule has applied since 1996 and the US one since 2007; before, the IANA zones differ.
        const [tzid, lines, iana, since] = east ? ["East", EAST, "Europe/Berlin", 1996] : ["West", WEST, NY, 2007];
        if (year < since) return;
        expect(at(tzid, wall, lines)).toBe(at(iana, wall));
      }),
      { numRuns: 300 },
    );
  });
});

describe("one recurrence budget per file, and expansion that starts at the analysed week", () => {
  test("100 series repeating every hour since 2023 (14.7 s before) give every hourly occurrence of the week, each once", () => {
    const parsed = parseIcs(hostile("hourly-flood.ics"), { zone: NY, range: WEEK });
    if (!parsed.ok) throw parsed.error;
    const events = parsed.value.events;
    // Every hour of the week for each series, plus the 5-minute occurrences of the four series
    // (56–59 minutes past the hour) that start before the week and end inside it.
    const inWeek = events.filter((e) => e.start >= WEEK.start);
    expect(inWeek).toHaveLength(100 * 7 * 24);
    expect(events.filter((e) => e.start < WEEK.start).map((e) => e.id).sort()).toEqual([
      "hourly-56_20260309T035600Z",
      "hourly-57_20260309T035700Z",
      "hourly-58_20260309T035800Z",
      "hourly-59_20260309T035900Z",
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // Series 7 started at 07:07 UTC: its occurrences are at 7 minutes past every hour.
    expect(inWeek.filter((e) => e.id.startsWith("hourly-7_")).map((e) => e.start.minute)).toEqual(Array(7 * 24).fill(7));
  });

  test("500 of them need more than the file's 50,000 occurrences: one line naming the limit, never a partial week", () => {
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) lines.push(...vevent(`UID:h${i}`, `DTSTART:20230101T${String(i % 24).padStart(2, "0")}0000Z`, "DURATION:PT5M", "RRULE:FREQ=HOURLY"));
    const message = errorOf(calendar(...lines));
    expect(message).toMatch(/^event h\d+: RRULE repeats too often: the recurring events of this file need more than 50,000 occurrences .*the limit per file; the rule that went over is "FREQ=HOURLY"/);
    expect(message).not.toMatch(/\n/);
  });

  test("a COUNT rule jumps too: the 20,001st to 20,168th hours of a 20,168-hour series are the last week's", () => {
    // 20,168 hours from 2024-01-01 00:00 UTC end on 2026-04-20 23:00 UTC (the week 14–21 April holds the last 168).
    const text = calendar(...vevent("UID:c", "DTSTART:20240101T000000Z", "DURATION:PT5M", "RRULE:FREQ=HOURLY;COUNT=20168"));
    const last = DateTime.fromISO("2024-01-01T00:00:00Z", { zone: "UTC" }).plus({ hours: 20167 });
    const range = Interval.fromDateTimes(last.minus({ hours: 167 }), last.plus({ days: 2 })) as Interval<true>;
    const starts = startsUtc(text, { zone: "UTC", range });
    expect(starts).toHaveLength(168);
    expect(starts[167]).toBe(last.toISO({ suppressMilliseconds: true }));
  });

  // The reference: ical.js walking the rule from DTSTART, with no jump, in floating (UTC) time.
  const reference = (rule: string, start: Wall, fromMs: number, toMs: number): number[] => {
    const iterator = ICAL.Recur.fromString(rule).iterator(ICAL.Time.fromData({ ...start, isDate: false }));
    const out: number[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const next = iterator.next();
      if (!next) break;
      const ms = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
      if (ms >= toMs) break;
      if (ms >= fromMs) out.push(ms);
    }
    return out;
  };

  test("expansion that jumps to the week finds exactly the occurrences a walk from DTSTART finds", () => {
    const ruleArb = fc.oneof(
      fc.record({
        freq: fc.constantFrom("HOURLY", "DAILY", "WEEKLY"),
        interval: fc.integer({ min: 1, max: 5 }),
        parts: fc.subarray(["BYDAY=MO,WE,FR", "BYHOUR=9,17", "BYMONTH=3,4,11", "BYMINUTE=0,30", "BYMONTHDAY=1,10,31"], { maxLength: 2 }),
      }),
      fc.record({
        freq: fc.constantFrom("MONTHLY", "YEARLY"),
        interval: fc.integer({ min: 1, max: 3 }),
        parts: fc.subarray(["BYDAY=2TU", "BYDAY=-1FR", "BYMONTHDAY=31", "BYMONTHDAY=1,15", "BYMONTH=3,11", "BYHOUR=8,20"], { maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom(0, 30 * 60_000, 3 * 86_400_000),
        ({ freq, interval, parts }, startDay, hour, windowDay, maxLengthMs) => {
          if (freq === "WEEKLY" && parts.some((p) => p.startsWith("BYMONTHDAY"))) return;
          const rule = [`FREQ=${freq}`, `INTERVAL=${interval}`, ...parts].join(";");
          // Hourly to weekly series start in the 14 months before the window (the reference walks
          // every step); monthly and yearly ones up to 36 years before.
          const startMs = freq === "MONTHLY" || freq === "YEARLY" ? Date.UTC(1990, 0, 1 + startDay * 12, hour, 15) : Date.UTC(2025, 0, 1 + startDay, hour, 15);
          const d = new Date(startMs);
          const start: Wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: 15, second: 0 };
          const fromMs = Date.UTC(2026, 2, 1 + windowDay);
          const toMs = fromMs + 7 * 86_400_000;
          const recur = ICAL.Recur.fromString(rule);
          const expanded = expandSeries({ start, allDay: false, zone: UTC_ZONE, rrules: [recur], rdates: [] }, { fromMs, toMs, maxLengthMs }, fileBudget());
          let want: number[];
          try {
            want = reference(rule, start, fromMs - maxLengthMs + 1, toMs).filter((ms) => ms !== startMs);
          } catch {
            // A rule ical.js cannot iterate (the last Friday on the 1st or 15th) is an error both ways.
            expect(expanded.ok).toBe(false);
            return;
          }
          if (!expanded.ok) throw new Error(expanded.error);
          const got = expanded.value.map((o) => o.startMs).filter((ms) => ms + maxLengthMs > fromMs && ms !== startMs);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("event lengths are bounded; no NaN reaches a measure", () => {
  test("DURATION:P99999999W (printed '15:00–undefined NaN' and 0 busy minutes before) is refused naming the event", () => {
    expect(errorOf(hostile("huge-duration.ics"))).toBe(
      'event forever: DURATION "P99999999W" is longer than 366 days, the longest event this reads: shorten the event or leave it out of the export',
    );
  });

  test("a DTEND more than 366 days after DTSTART is refused the same way; 366 days is read", () => {
    expect(errorOf(calendar(...vevent("UID:long", "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20270103")))).toBe(
      "event long: DTEND is 367 days after DTSTART, the longest event this reads: shorten the event or leave it out of the export",
    );
    expect(errorOf(calendar(...vevent("UID:long", "DTSTART:20260101T000000Z", "DTEND:20280101T000000Z")))).toMatch(/^event long: DTEND is more than 366 days after DTSTART/);
    const parsed = parseIcs(calendar(...vevent("UID:year", "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20270102")), { zone: NY, range: WEEK });
    expect(parsed.ok && parsed.value.events.map((e) => e.end.diff(e.start, "days").days)).toEqual([366]);
  });

  test("an RDATE period longer than 366 days is refused", () => {
    expect(errorOf(calendar(...vevent("UID:p", "DTSTART:20260101T000000Z", "DURATION:PT1H", "RDATE;VALUE=PERIOD:20260301T000000Z/P9999W")))).toMatch(
      /^event p: RDATE has a period "P9999W" longer than 366 days/,
    );
  });

  test("every event read has finite times and never ends before it starts (fixtures and hostile files)", () => {
    for (const name of ["hourly-flood.ics"]) {
      const parsed = parseIcs(hostile(name), { zone: NY, range: WEEK });
      if (!parsed.ok) throw parsed.error;
      const bad = parsed.value.events.filter((e) => !Number.isFinite(e.start.toMillis()) || !Number.isFinite(e.end.toMillis()) || e.end < e.start);
      expect(bad).toEqual([]);
    }
  });
});

describe("refusals are one printable line", () => {
  const ESC = "\u001b";
  test("control characters from the file are never echoed, and long excerpts are cut", () => {
    const uid = `${ESC}[2J${ESC}]0;pwned\u0007\u0000${"x".repeat(2000)}`;
    const message = errorOf(calendar(...vevent(`UID:${uid}`, "DTSTART:2026031XT090000")));
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/^event \[2J \]0;pwned x+…: DTSTART is not a valid date or date-time: "2026031XT090000"$/);
  });

  test("a file that does not start with BEGIN:VCALENDAR: its first line is shown cleaned and cut", () => {
    const message = errorOf(`${ESC}[31mhello\u0000${"y".repeat(5000)}\r\nBEGIN:VCALENDAR`);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(150);
    expect(message).toMatch(/^not an iCalendar file: it starts with " ?\[31mhello y+…" instead of BEGIN:VCALENDAR$/);
  });

  test("a malformed line: the parser's message is cleaned and cut", () => {
    const message = errorOf(calendar(`${ESC}[1m${"z".repeat(3000)}`));
    expect(message).toMatch(/^the iCalendar file is malformed: /);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(200);
  });

  test("a TZID with control characters is named cleanly", () => {
    expect(errorOf(calendar(...vevent("UID:t", `DTSTART;TZID=Mars${ESC}[5m:20260310T090000`)))).toBe(
      'event t: DTSTART has an unknown time zone TZID "Mars [5m" (not an IANA zone, not a VTIMEZONE of the file, not a Windows zone name)',
    );
  });
});

describe("input size", () => {
  test(`a text of more than ${MAX_ICS_CHARS.toLocaleString("en-US")} characters is refused with the limit, before any parsing`, () => {
    const text = calendar("X-FILLER:" + "a".repeat(MAX_ICS_CHARS));
    expect(errorOf(text)).toBe("the iCalendar file is too large: more than 50 MB, the limit; export a shorter date range");
  });
});
