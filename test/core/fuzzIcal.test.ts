import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DateTime, Interval } from "luxon";
import { parseIcs } from "../../shared/normalize/ical";
import { NextWeekError } from "../../shared/errors";

// Random bytes and random mutations of the real .ics fixtures fed to the iCalendar reader. Every
// case must end in a result or in one clean error of the project (no other exception, no
// control character or line break in the message, no NaN time). The work per case is bounded by
// the reader's own budgets (occurrences per file, transitions per VTIMEZONE), not by a clock.

const DIR = join(__dirname, "..", "fixtures", "ics");
const fixtures = readdirSync(DIR)
  .filter((name) => name.endsWith(".ics"))
  .map((name) => readFileSync(join(DIR, name), "utf8"));
const start = DateTime.fromISO("2026-03-09", { zone: "America/New_York" });
const WEEK = Interval.fromDateTimes(start, start.plus({ days: 7 })) as Interval<true>;

/** Lines an attacker might add: floods, impossible rules, huge lengths, control characters. */
const HOSTILE_LINES = [
  "RRULE:FREQ=SECONDLY",
  "RRULE:FREQ=MINUTELY;BYMONTH=3",
  "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
  "RRULE:FREQ=MONTHLY;BYDAY=5FR;BYSETPOS=-1",
  "RRULE:FREQ=DAILY;COUNT=99999999",
  "RRULE:FREQ=HOURLY;INTERVAL=0",
  "DURATION:P99999999W",
  "DURATION:-PT1H",
  "DTSTART:00010101T000000",
  "DTEND:99991231T235959Z",
  "DTSTART;TZID=Evil:20260310T100000",
  "EXDATE:20260310T100000Z,garbage",
  "RDATE;VALUE=PERIOD:20260310T100000Z/P9999W",
  "BEGIN:VTIMEZONE\r\nTZID:Evil\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nRRULE:FREQ=DAILY\r\nTZOFFSETFROM:+1400\r\nTZOFFSETTO:-1200\r\nEND:STANDARD\r\nEND:VTIMEZONE",
  "BEGIN:VEVENT",
  "END:VEVENT",
  "END:VCALENDAR",
  "UID:\u001b[2J\u0000",
  "SUMMARY:\u0007\u0000\u202e",
];

const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), line: fc.constantFrom(...HOSTILE_LINES) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), line: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), char: fc.integer({ min: 0, max: 0xffff }) }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

const mutate = (text: string, mutations: readonly Mutation[]): string => {
  let lines = text.split("\r\n");
  for (const m of mutations) {
    const at = m.at % Math.max(1, lines.length);
    if (m.kind === "delete") lines = [...lines.slice(0, at), ...lines.slice(at + 1)];
    else if (m.kind === "duplicate") lines = [...lines.slice(0, at), lines[at] ?? "", ...lines.slice(at)];
    else if (m.kind === "insert") lines = [...lines.slice(0, at), m.line, ...lines.slice(at)];
    else {
      const joined = lines.join("\r\n");
      const pos = m.at % Math.max(1, joined.length);
      lines = (joined.slice(0, pos) + String.fromCharCode(m.char) + joined.slice(pos + 1)).split("\r\n");
    }
  }
  return lines.join("\r\n");
};

const check = (text: string): void => {
  let parsed: ReturnType<typeof parseIcs>;
  try {
    parsed = parseIcs(text, { zone: "America/New_York", me: "sam@seller.com", range: WEEK });
  } catch (e) {
    throw new Error(`the reader threw instead of answering: ${e instanceof Error ? e.stack : String(e)}`);
  }
  if (!parsed.ok) {
    expect(parsed.error).toBeInstanceOf(NextWeekError);
    expect(parsed.error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(parsed.error.message.length).toBeLessThan(1_000);
    return;
  }
  const bad = parsed.value.events.filter((e) => !e.start.isValid || !e.end.isValid || !Number.isFinite(e.start.toMillis()) || !Number.isFinite(e.end.toMillis()) || e.end < e.start);
  expect(bad.map((e) => e.id)).toEqual([]);
};

describe("fuzzing the iCalendar reader", () => {
  test("random mutations of the real fixtures end in events or one clean error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures.map((_, i) => i)), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        check(mutate(fixtures[index]!, mutations));
      }),
      { numRuns: 400 },
    );
  });

  test("random bytes, alone and after a BEGIN:VCALENDAR line, end in events or one clean error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, header) => {
        const body = Buffer.from(bytes).toString("latin1");
        check(header ? `BEGIN:VCALENDAR\r\n${body}\r\nEND:VCALENDAR` : body);
      }),
      { numRuns: 400 },
    );
  });
});
