import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DateTime, Interval } from "luxon";
import { normalizeIcsEvents, readIcs, type IcsCalendar } from "../../shared/normalize/ical";
import type { CalendarEvent } from "../../shared/event";

const FIXTURES = ["google-export.ics", "outlook-export.ics", "statuses.ics", "lengths.ics", "floating.ics", "dst-weekly.ics", "tzid-precedence.ics"];
const ZONES = ["America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Sydney", "America/Santiago", "UTC"];

const calendars: [string, IcsCalendar][] = FIXTURES.map((name) => {
  const read = readIcs(readFileSync(join(__dirname, "..", "fixtures", "ics", name), "utf8"));
  if (!read.ok) throw read.error;
  return [name, read.value];
});

const normalize = (cal: IcsCalendar, zone: string, range: Interval<true>): CalendarEvent[] => {
  const events = normalizeIcsEvents(cal, { zone, me: "sam@seller.com", range });
  if (!events.ok) throw events.error;
  return events.value;
};

/** The spec's overlap: starts before the end and ends after the start; a zero-length event when its instant is in [start, end). */
const overlaps = (e: CalendarEvent, range: Interval<true>): boolean =>
  e.end > e.start ? e.start < range.end && e.end > range.start : e.start >= range.start && e.start < range.end;

const key = (e: CalendarEvent): string => `${e.id}|${e.start.toMillis()}|${e.end.toMillis()}`;

// Ranges from mid-February to mid-April 2026 (both DST changes of the fixtures' zones), up to ten days long.
const rangeArb = fc
  .record({
    startMinute: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    minutes: fc.integer({ min: 0, max: 60 * 24 * 10 }),
    zone: fc.constantFrom(...ZONES),
    fixture: fc.integer({ min: 0, max: calendars.length - 1 }),
  })
  .map(({ startMinute, minutes, zone, fixture }) => {
    const start = DateTime.fromISO("2026-02-15T00:00", { zone }).plus({ minutes: startMinute });
    return { zone, calendar: calendars[fixture]!, range: Interval.fromDateTimes(start, start.plus({ minutes })) as Interval<true> };
  });

describe("iCal normalization properties", () => {
  test("every returned event overlaps the range, in the user's zone", () => {
    fc.assert(
      fc.property(rangeArb, ({ zone, calendar: [, cal], range }) => {
        for (const e of normalize(cal, zone, range)) {
          expect(overlaps(e, range)).toBe(true);
          expect(e.start.zoneName).toBe(zone);
          expect(e.end >= e.start).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("splitting the range in two splits the events: nothing lost, nothing invented", () => {
    fc.assert(
      fc.property(rangeArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ zone, calendar: [, cal], range }, at) => {
        const middle = range.start.plus({ milliseconds: Math.floor(range.toDuration().toMillis() * at) });
        const left = Interval.fromDateTimes(range.start, middle) as Interval<true>;
        const right = Interval.fromDateTimes(middle, range.end) as Interval<true>;
        const whole = new Set(normalize(cal, zone, range).map(key));
        const parts = new Set([...normalize(cal, zone, left), ...normalize(cal, zone, right)].map(key));
        expect([...parts].sort()).toEqual([...whole].sort());
      }),
      { numRuns: 100 },
    );
  });

  test("a generated daily or weekly series keeps its wall-clock time and its length in its own zone, in any user zone", () => {
    fc.assert(
      fc.property(
        fc.record({
          seriesZone: fc.constantFrom("America/New_York", "Europe/Paris", "Australia/Sydney", "America/Santiago"),
          userZone: fc.constantFrom(...ZONES),
          day: fc.integer({ min: 0, max: 300 }),
          hour: fc.integer({ min: 8, max: 18 }),
          minute: fc.constantFrom(0, 15, 30, 45),
          minutes: fc.integer({ min: 5, max: 240 }),
          freq: fc.constantFrom("DAILY", "WEEKLY"),
          weekOffset: fc.integer({ min: 0, max: 60 }),
        }),
        ({ seriesZone, userZone, day, hour, minute, minutes, freq, weekOffset }) => {
          const start = DateTime.fromObject({ year: 2026, month: 1, day: 1, hour, minute }, { zone: seriesZone }).plus({ days: day });
          const end = start.plus({ minutes });
          const wall = (d: DateTime) => d.toFormat("yyyyLLdd'T'HHmmss");
          const text = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:generated",
            `DTSTART;TZID=${seriesZone}:${wall(start)}`,
            `DTEND;TZID=${seriesZone}:${wall(end)}`,
            `RRULE:FREQ=${freq}`,
            "END:VEVENT",
            "END:VCALENDAR",
          ].join("\r\n");
          const cal = readIcs(text);
          if (!cal.ok) throw cal.error;
          const from = start.setZone(userZone).plus({ weeks: weekOffset });
          // Seven days and an hour: across a daylight-saving change in the series' zone, two weekly
          // occurrences can be 169 hours apart, and a 168-hour window may then hold none of them.
          const range = Interval.fromDateTimes(from, from.plus({ days: 7, hours: 1 })) as Interval<true>;
          const events = normalize(cal.value, userZone, range);
          expect(events.length).toBeGreaterThanOrEqual(freq === "DAILY" ? 6 : 1);
          for (const e of events) {
            const local = e.start.setZone(seriesZone);
            expect([local.hour, local.minute]).toEqual([hour, minute]);
            expect(e.end.diff(e.start, "minutes").minutes).toBe(minutes);
            expect(e.id).toBe(`generated_${e.start.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
