import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ICAL from "ical.js";
import { Interval, DateTime } from "luxon";
import { calendarParts, normalizeIcsEvents, parseRoots, readIcs, type IcsCalendar } from "../../shared/normalize/ical";
import { scanIcs } from "../../shared/normalize/icalScan";
import { basicUtcMillis, naiveMillis, parseIcsValue } from "../../shared/normalize/icalTime";
import type { CalendarEvent } from "../../shared/event";
import type { Result } from "../../shared/result";
import { printable } from "../../shared/text/printable";

/**
 * The first pass (icalScan.ts) leaves plain VEVENTs out of ical.js's parse until the window is
 * known. These tests hold it to the whole parse: the same calendar zone, the same events (ids,
 * times, titles, attendees, order) or the same error, for generated files and the fixtures.
 */

/** The file read as before the first pass existed: ical.js parses all of it. */
const readWhole = (text: string): Result<IcsCalendar, string> => {
  const body = text.replace(/^\uFEFF/, "");
  let roots: ICAL.Component[];
  try {
    roots = parseRoots(body);
  } catch (e) {
    return { ok: false, error: `the iCalendar file is malformed: ${printable(e instanceof Error ? e.message : String(e), 120)}` };
  }
  const calendars = roots.filter((root) => root.name === "vcalendar");
  if (calendars.length === 0) return { ok: false, error: "not an iCalendar file: it has no VCALENDAR" };
  return { ok: true, value: calendarParts(calendars) };
};

const shown = (events: Result<CalendarEvent[], Error>): unknown =>
  events.ok
    ? events.value.map((e) => [e.id, e.start.toISO(), e.end.toISO(), e.title, e.allDay, e.ignored, e.outOfOffice, e.attendees, e.bookingKey])
    : `error: ${events.error.message}`;

/** Both readings of `text` over `ranges` in `zone`, side by side. */
const both = (text: string, zone: string, ranges: readonly Interval<true>[]): { fast: unknown[]; whole: unknown[] } => {
  const fastCal = readIcs(text);
  const wholeCal = readWhole(text);
  if (!fastCal.ok || !wholeCal.ok) {
    return { fast: [fastCal.ok ? "read" : fastCal.error.message], whole: [wholeCal.ok ? "read" : wholeCal.error] };
  }
  const fast: unknown[] = [fastCal.value.calendarZone];
  const whole: unknown[] = [wholeCal.value.calendarZone];
  for (const range of ranges) {
    fast.push(shown(normalizeIcsEvents(fastCal.value, { zone, me: "me@seller.com", range })));
    whole.push(shown(normalizeIcsEvents(wholeCal.value, { zone, me: "me@seller.com", range })));
  }
  // Reading every VEVENT afterwards gives them all, in file order.
  fast.push(fastCal.value.vevents.map((v) => JSON.stringify(v.toJSON())));
  whole.push(wholeCal.value.vevents.map((v) => JSON.stringify(v.toJSON())));
  return { fast, whole };
};

const week = (iso: string, zone: string, weeks = 9): Interval<true> => {
  const start = DateTime.fromISO(iso, { zone });
  return Interval.fromDateTimes(start, start.plus({ weeks })) as Interval<true>;
};

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Custom Eastern",
  "BEGIN:STANDARD",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];

/** One generated VEVENT's lines. */
const veventArb = fc
  .record({
    uid: fc.oneof(fc.constantFrom("", "a", "b", "c", "series", "x\\,y", " spaced "), fc.integer({ min: 0, max: 30 }).map((n) => `u${n}`)),
    // Days from 2026-09-01: the window used below is 2026-10-05 to 2026-12-07.
    day: fc.integer({ min: -120, max: 200 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minutes: fc.integer({ min: -60, max: 600 }),
    // Mostly plain events (the ones the first pass defers), some of every odd kind.
    form: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom("utc", "floating", "date", "bare-date", "tzid-iana", "tzid-quoted") },
      { weight: 1, arbitrary: fc.constantFrom("tzid-custom", "tzid-windows", "tzid-unknown", "date-value-time", "bad", "leap", "no-such-day", "lower-case", "utc-value-param") },
    ),
    endForm: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("same", "none", "utc", "date") }, { weight: 1, arbitrary: fc.constant("bad") }),
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.subarray(["valarm", "attendee-quoted", "x-prop", "description-folded", "cancelled"]) },
      { weight: 1, arbitrary: fc.subarray(["rrule", "exdate", "recurrence-id", "duration", "value-param", "bad-line", "two-dtstart", "begin-param", "rdate"], { maxLength: 2 }) },
    ),
  })
  .map(({ uid, day, hour, minutes, form, endForm, extra }) => {
    const at = new Date(Date.UTC(2026, 8, 1 + day, hour, 0));
    const end = new Date(at.getTime() + minutes * 60_000);
    const ymd = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
    const hms = (d: Date) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
    const value = (name: string, d: Date, f: string): string => {
      switch (f) {
        case "utc":
          return `${name}:${ymd(d)}T${hms(d)}Z`;
        case "floating":
          return `${name}:${ymd(d)}T${hms(d)}`;
        case "date":
          return `${name};VALUE=DATE:${ymd(d)}`;
        case "bare-date":
          return `${name}:${ymd(d)}`;
        case "tzid-iana":
          return `${name};TZID=America/New_York:${ymd(d)}T${hms(d)}`;
        case "tzid-custom":
          return `${name};TZID=Custom Eastern:${ymd(d)}T${hms(d)}`;
        case "tzid-windows":
          return `${name};TZID=W. Europe Standard Time:${ymd(d)}T${hms(d)}`;
        case "tzid-unknown":
          return `${name};TZID=Mars/Olympus:${ymd(d)}T${hms(d)}`;
        case "tzid-quoted":
          return `${name};TZID="Europe/Paris":${ymd(d)}T${hms(d)}`;
        case "date-value-time":
          return `${name};VALUE=DATE:${ymd(d)}T${hms(d)}Z`;
        case "leap":
          return `${name}:${ymd(d)}T235960Z`;
        case "no-such-day":
          return `${name}:${d.getUTCFullYear()}0231T${hms(d)}Z`;
        case "lower-case":
          return `${name}:${ymd(d)}t${hms(d)}z`;
        case "utc-value-param":
          return `${name};VALUE=DATE-TIME:${ymd(d)}T${hms(d)}Z`;
        default:
          return `${name}:${ymd(d)}T2${hms(d)}`;
      }
    };
    const lines = ["BEGIN:VEVENT"];
    if (uid !== "") lines.push(`UID:${uid}`);
    lines.push(value("DTSTART", at, form));
    if (extra.includes("two-dtstart")) lines.push(value("DTSTART", end, "utc"));
    if (endForm !== "none") lines.push(value("DTEND", end, endForm === "same" ? form : endForm));
    lines.push(`SUMMARY:Meeting ${uid} on ${ymd(at)}`, "ORGANIZER;CN=Me:mailto:me@seller.com", "ATTENDEE;PARTSTAT=ACCEPTED;CN=Buyer:mailto:buyer@account.com");
    if (extra.includes("attendee-quoted")) lines.push('ATTENDEE;CN="Smith, Jo: CEO";PARTSTAT=NEEDS-ACTION:mailto:jo@other.com');
    if (extra.includes("rrule")) lines.push("RRULE:FREQ=WEEKLY;COUNT=20");
    if (extra.includes("rdate")) lines.push(`RDATE:${ymd(end)}T${hms(end)}Z`);
    if (extra.includes("exdate")) lines.push(`EXDATE:${ymd(at)}T${hms(at)}Z`);
    if (extra.includes("recurrence-id")) lines.push(value("RECURRENCE-ID", at, form === "bad" ? "utc" : form));
    if (extra.includes("duration")) lines.push("DURATION:PT45M");
    if (extra.includes("cancelled")) lines.push("STATUS:CANCELLED");
    if (extra.includes("value-param")) lines.push("X-THING;VALUE=INTEGER:12");
    if (extra.includes("x-prop")) lines.push("X-GOOGLE-CONFERENCE:https://meet.example.com/abc");
    if (extra.includes("bad-line")) lines.push("this line has no colon");
    if (extra.includes("begin-param")) lines.push("BEGIN;X=1:VALARM");
    if (extra.includes("description-folded")) lines.push("DESCRIPTION:A long description that an export folds at seventy-five octets, as RFC 5545 says");
    if (extra.includes("valarm")) lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P0DT0H30M0S", "UID:alarm-uid", "DTSTART:19700101T000000", "END:VALARM");
    lines.push("END:VEVENT");
    return lines;
  });

/** Lines that look like the ones the first pass reads, or nearly. */
const ODD_LINES = [
  "uid:lower-case-name",
  "Uid;X-P=1:with-a-parameter",
  "UIDX:not-a-uid",
  "UID:has\\;escapes",
  "dtstart:20261012T150000Z",
  "DtEnd:20261012T160000Z",
  "DTSTARTX:20261012T150000Z",
  "DTSTART:20261012t150000z",
  "DTSTART:20261012T150000ZZ",
  "DTEND;TZID=America/New_York;VALUE=DATE-TIME:20261012T110000",
  "Begin:valarm",
  "begin:vevent",
  "End:Valarm",
  "END;X=1:VEVENT",
  "BEGINX:VALARM",
  "BEGIN:VEVENT ",
  "rrule:FREQ=DAILY;COUNT=2",
  "Exdate:20261013T150000Z",
  "EXDATEX:20261013T150000Z",
  "Geo:1.5;2.5",
  "FREEBUSY;FBTYPE=BUSY:20261012T150000Z/PT1H",
  "Request-Status:2.0;Success",
  "recurrence-id:20261012T150000Z",
  "Duration:PT1H",
  "X-ODD:a line with a\rCR inside",
  "",
  " a continuation after anything",
  ":starts with a colon",
  "no colon on this line",
];

/** Folds a line at the given widths (RFC 5545: a line break then a space or tab). */
const fold = (line: string, widths: readonly number[], tab: boolean): string => {
  let out = "";
  let rest = line;
  for (const w of widths) {
    if (rest.length <= w) break;
    out += `${rest.slice(0, w)}\r\n${tab ? "\t" : " "}`;
    rest = rest.slice(w);
  }
  return out + rest;
};

const fileArb = fc
  .record({
    vevents: fc.array(veventArb, { maxLength: 25 }),
    newline: fc.constantFrom("\r\n", "\n"),
    folds: fc.array(fc.tuple(fc.nat({ max: 200 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }), fc.boolean()), { maxLength: 20 }),
    vtimezone: fc.boolean(),
    wr: fc.constantFrom(null, "America/New_York", "Europe/Paris", "Nowhere/Else"),
    bom: fc.boolean(),
    // Lines the first pass reads by their first characters, put anywhere: names in other cases,
    // near-names, parameters where it wants none, CRs where lines do not end, odd continuations.
    odd: fc.array(fc.tuple(fc.nat({ max: 400 }), fc.constantFrom(...ODD_LINES)), { maxLength: 3 }),
    endsWithCr: fc.boolean(),
  })
  .map(({ vevents, newline, folds, vtimezone, wr, bom, odd, endsWithCr }) => {
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Next Week tests//scan//EN", ...(wr ? [`X-WR-TIMEZONE:${wr}`] : []), ...(vtimezone ? VTIMEZONE : []), ...vevents.flat(), "END:VCALENDAR"];
    // (The first line stays whole: readIcs checks it before parsing, in both readings.)
    for (const [at, widths, tab] of folds) lines[1 + (at % (lines.length - 1))] = fold(lines[1 + (at % (lines.length - 1))]!, widths, tab);
    for (const [at, line] of odd) lines.splice(1 + (at % (lines.length - 1)), 0, line);
    return `${bom ? "\uFEFF" : ""}${lines.join("\r\n").replace(/\r\n/g, newline)}${endsWithCr ? "\r" : ""}`;
  });

describe("iCalendar first pass (plain VEVENTs parsed only when they can reach the window)", () => {
  test("generated files: the same zone, events and errors as parsing the whole file", () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom("America/New_York", "Europe/Paris", "Asia/Kolkata", "UTC"), (text, zone) => {
        const { fast, whole } = both(text, zone, [week("2026-10-05", zone), week("2026-03-02", zone, 2)]);
        expect(fast).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test("each odd line, in a plain VEVENT of the window or between VEVENTs, reads as the whole parse reads it", () => {
    const vevent = (uid: string, ...extra: string[]) => ["BEGIN:VEVENT", `UID:${uid}`, "DTSTART:20261012T150000Z", "DTEND:20261012T160000Z", ...extra, `SUMMARY:${uid}`, "END:VEVENT"];
    for (const odd of ODD_LINES) {
      for (const newline of ["\r\n", "\n"]) {
        for (const lines of [
          ["BEGIN:VCALENDAR", ...vevent("first", odd), ...vevent("second"), "END:VCALENDAR"],
          ["BEGIN:VCALENDAR", ...vevent("first"), odd, ...vevent("second"), "END:VCALENDAR"],
          ["BEGIN:VCALENDAR", "BEGIN:VEVENT", odd, "UID:third", "DTSTART:20261012T150000Z", "END:VEVENT", "END:VCALENDAR"],
        ]) {
          const text = lines.join(newline);
          const { fast, whole } = both(text, "America/New_York", [week("2026-10-05", "America/New_York")]);
          expect([odd, fast]).toEqual([odd, whole]);
        }
      }
    }
  });

  test("the times the first pass reads itself are those of the VEVENT built whole", () => {
    const utcOf = (value: string | undefined): number => {
      const v = value === undefined ? null : parseIcsValue(value);
      return v && v.utc ? naiveMillis(v.wall) : NaN;
    };
    fc.assert(
      fc.property(fileArb, (text) => {
        const scan = scanIcs(text.replace(/^\uFEFF/, ""));
        if (!scan) return;
        const { deferred } = scan;
        for (let i = 0; i < deferred.count; i++) {
          const d = deferred.at(i);
          expect(deferred.uidAt(i)).toBe(d.uid);
          expect(deferred.positions[i]).toBe(d.position);
          const start = deferred.utcStarts[i]!;
          const end = deferred.utcEnds[i]!;
          // A number only where the whole VEVENT gives the same UTC instant; NaN sends it the slow way.
          if (!Number.isNaN(start)) expect(start).toBe(utcOf(d.dtstart.value));
          if (!Number.isNaN(end)) expect(end).toBe(d.dtend ? utcOf(d.dtend.value) : start);
          // A plain UTC time written without parameters is always read here.
          if (/^DTSTART:\d{8}T\d{6}Z\r?$/m.test(d.text) && !Number.isNaN(utcOf(d.dtstart.value))) expect(start).not.toBeNaN();
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a UTC time in basic form reads as its jCal form does, impossible dates and all", () => {
    const digits = (n: number, w: number) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 69 }),
        fc.integer({ min: 0, max: 69 }),
        (y, mo, d, h, mi, se) => {
          const basic = `:${digits(y, 4)}${digits(mo, 2)}${digits(d, 2)}T${digits(h, 2)}${digits(mi, 2)}${digits(se, 2)}Z`;
          const jcal = parseIcsValue(`${digits(y, 4)}-${digits(mo, 2)}-${digits(d, 2)}T${digits(h, 2)}:${digits(mi, 2)}:${digits(se, 2)}Z`);
          const expected = jcal ? naiveMillis(jcal.wall) : NaN;
          expect(basicUtcMillis(basic, 1)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(basicUtcMillis(":20240229T235960Z", 1)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(basicUtcMillis(":20250229T120000Z", 1)).toBeNaN();
  });

  test("the fixtures: the same zone, events and errors as parsing the whole file", () => {
    const dir = join(__dirname, "..", "fixtures", "ics");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".ics"))) {
      const text = readFileSync(join(dir, name), "utf8");
      for (const zone of ["America/New_York", "Europe/Paris"]) {
        for (const start of ["2026-02-16", "2026-03-02", "2026-10-05", "2026-11-23"]) {
          const { fast, whole } = both(text, zone, [week(start, zone)]);
          expect([name, fast]).toEqual([name, whole]);
        }
      }
    }
  });

  test("an export's years of single meetings are left out of the parse; series, overrides and odd events are parsed", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:plain",
      "DTSTART:20250102T140000Z",
      "DTEND:20250102T150000Z",
      "ATTENDEE;CN=\"Doe, Jane\":mailto:jane@acme.com",
      "DESCRIPTION:A description folded",
      " over three lines as",
      " exports write them",
      "BEGIN:VALARM",
      "TRIGGER:-PT10M",
      "END:VALARM",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:series",
      "DTSTART:20250102T140000Z",
      "RRULE:FREQ=WEEKLY",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:odd",
      "DTSTART;X-FOO=1:20250102T140000Z",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const scan = scanIcs(text);
    const deferred = scan!.deferred;
    expect(Array.from({ length: deferred.count }, (_, i) => deferred.at(i)).map((d) => [d.position, d.uid, d.dtstart.value, d.dtend?.value])).toEqual([[1, "plain", "2025-01-02T14:00:00Z", "2025-01-02T15:00:00Z"]]);
    expect([deferred.utcStarts[0], deferred.utcEnds[0]]).toEqual([Date.UTC(2025, 0, 2, 14), Date.UTC(2025, 0, 2, 15)]);
    expect(scan?.parsedPositions).toEqual([2, 3]);
    expect(scan?.parsedText).not.toContain("UID:plain");
  });

  test("plain VEVENTs that only touch the window's edges are read, as the whole parse reads them", () => {
    // The window starts 2026-10-05 00:00 in New York (04:00Z) and ends nine weeks later (05:00Z, after the clocks change).
    const vevent = (uid: string, start: string, end: string | null) => ["BEGIN:VEVENT", `UID:${uid}`, `DTSTART:${start}`, ...(end ? [`DTEND:${end}`] : []), `SUMMARY:${uid}`, "END:VEVENT"];
    const text = [
      "BEGIN:VCALENDAR",
      ...vevent("across-start", "20261005T033000Z", "20261005T043000Z"),
      ...vevent("ends-at-start", "20261005T033000Z", "20261005T040000Z"),
      ...vevent("instant-at-start", "20261005T040000Z", null),
      ...vevent("instant-before", "20261005T035959Z", null),
      ...vevent("across-end", "20261207T043000Z", "20261207T053000Z"),
      ...vevent("starts-at-end", "20261207T050000Z", "20261207T060000Z"),
      ...vevent("long-across", "20260901T120000Z", "20270101T120000Z"),
      "END:VCALENDAR",
    ].join("\r\n");
    expect(scanIcs(text)?.deferred.count).toBe(7);
    const { fast, whole } = both(text, "America/New_York", [week("2026-10-05", "America/New_York")]);
    expect(fast).toEqual(whole);
    expect((fast[1] as unknown[][]).map((e) => e[0])).toEqual(["long-across", "across-start", "instant-at-start", "across-end"]);
  });

  test("a lower-case t or z in a DTSTART or DTEND is left to ical.js, which reads a lower-case z as floating", () => {
    // Out of the window, so only the whole reading sees that DTEND (UTC) is before DTSTART (floating, New York).
    const text = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:lower", "DTSTART:20260901t000000z", "DTEND:20260901T000000Z", "SUMMARY:lower", "END:VEVENT", "BEGIN:VEVENT", "UID:param", "DTSTART;VALUE=DATE-TIME:20260902T010000z", "END:VEVENT", "END:VCALENDAR"].join("\r\n");
    expect(scanIcs(text)?.deferred.count ?? 0).toBe(0);
    const { fast, whole } = both(text, "America/New_York", [week("2026-10-05", "America/New_York")]);
    expect(fast).toEqual(whole);
    expect(fast[1]).toMatch(/DTEND 20260901T000000Z is before DTSTART 20260901T000000$/);
  });

  test("a DTSTART or DTEND whose VALUE type and digits disagree holds what ical.js's strict parse holds", () => {
    // VALUE=DATE with a time keeps the date alone (an all-day event, here before the window); a
    // DATE-TIME of eight digits is "YYYY-MM-DDT::", which error messages show as written.
    const vevent = (uid: string, start: string, end: string) => ["BEGIN:VEVENT", `UID:${uid}`, start, end, `SUMMARY:${uid}`, "END:VEVENT"];
    const dated = ["BEGIN:VCALENDAR", ...vevent("dated", "DTSTART;VALUE=DATE:20261004T130000Z", "DTEND;VALUE=DATE:20261004T220100Z"), ...vevent("bare", "DTSTART:20261010", "DTEND:20261011"), "END:VCALENDAR"].join("\r\n");
    expect(scanIcs(dated)?.deferred.count).toBe(2);
    const one = both(dated, "Europe/Paris", [week("2026-10-05", "Europe/Paris")]);
    expect(one.fast).toEqual(one.whole);
    expect((one.fast[1] as unknown[][]).map((e) => [e[0], e[4]])).toEqual([["bare", true]]);
    const backwards = ["BEGIN:VCALENDAR", ...vevent("backwards", "DTSTART;VALUE=DATE-TIME:20261012", "DTEND:20261010"), "END:VCALENDAR"].join("\r\n");
    const two = both(backwards, "Europe/Paris", [week("2026-10-05", "Europe/Paris")]);
    expect(two.fast).toEqual(two.whole);
    expect(two.fast[1]).toMatch(/DTEND 20261010T is before DTSTART 20261012T$/);
  });

  test("plain VEVENTs with a TZID or floating times are placed in their own zone before they are left out", () => {
    // The window: 2026-10-05 00:00 in New York (04:00Z) to 2026-12-07 00:00 (05:00Z). Read in the
    // user's zone instead of their own, the first two would fall outside it and the last two inside.
    const vevent = (uid: string, start: string, end: string) => ["BEGIN:VEVENT", `UID:${uid}`, `DTSTART${start}`, `DTEND${end}`, `SUMMARY:${uid}`, "END:VEVENT"];
    const text = [
      "BEGIN:VCALENDAR",
      ...vevent("tokyo-before-end", ";TZID=Asia/Tokyo:20261207T130000", ";TZID=Asia/Tokyo:20261207T133000"),
      ...vevent("los-angeles-after-start", ";TZID=America/Los_Angeles:20261004T220000", ";TZID=America/Los_Angeles:20261004T223000"),
      ...vevent("tokyo-before-start", ";TZID=Asia/Tokyo:20261005T120000", ";TZID=Asia/Tokyo:20261005T123000"),
      ...vevent("los-angeles-at-end", ";TZID=America/Los_Angeles:20261206T210000", ";TZID=America/Los_Angeles:20261206T213000"),
      ...vevent("floating-inside", ":20261006T090000", ":20261006T100000"),
      ...vevent("mixed-zones", ";TZID=Europe/Paris:20261006T090000", ":20261006T100000Z"),
      "END:VCALENDAR",
    ].join("\r\n");
    expect(scanIcs(text)?.deferred.count).toBe(6);
    const { fast, whole } = both(text, "America/New_York", [week("2026-10-05", "America/New_York")]);
    expect(fast).toEqual(whole);
    expect((fast[1] as unknown[][]).map((e) => e[0]).sort()).toEqual(["floating-inside", "los-angeles-after-start", "mixed-zones", "tokyo-before-end"]);
  });

  test("files not laid out plainly are parsed whole", () => {
    const calendar = (...lines: string[]) => ["BEGIN:VCALENDAR", ...lines, "END:VCALENDAR"].join("\r\n");
    expect(scanIcs(calendar("BEGIN:VEVENT", "UID:a", "END:VEV", " ENT"))).toBeNull(); // a folded END line
    expect(scanIcs(`BEGIN:VTODO\r\nEND:VTODO\r\n${calendar()}`)).toBeNull(); // a component outside a VCALENDAR
    expect(scanIcs(calendar("BEGIN:VEVENT", "UID:a\rDTSTART:20260101"))).toBeNull(); // a CR alone
    expect(scanIcs(calendar("BEGIN:VEVENT", "UID:a"))).toBeNull(); // a VEVENT not closed
  });
});
