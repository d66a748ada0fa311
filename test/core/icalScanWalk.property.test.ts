import fc from "fast-check";
import { Block, deferrable, scanIcs, timeOf, type DeferredTime } from "../../shared/normalize/icalScan";
import { basicUtcMillis } from "../../shared/normalize/icalTime";

/**
 * The first pass walks the text line by line and reads each line by its first characters. It
 * used to find the same lines with one regular expression; that reading, kept here, is the plain
 * way the walk must agree with: the same verdict (parsed whole or not), the same text for ical.js,
 * and the same deferred VEVENTs, field by field.
 */

interface Summary {
  readonly parsedText: string;
  readonly parsedPositions: readonly number[];
  readonly deferred: readonly { position: number; text: string; uid: string; dtstart: DeferredTime | null; dtend: DeferredTime | null; utcStart: number; utcEnd: number }[];
}

const anyCase = (name: string): string => name.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
const KEEP = ["rrule", "exrule", "rdate", "exdate", "recurrence-id", "duration", "freebusy", "geo", "request-status", "begin", "end"];
const LINE_BODY = String.raw`(${anyCase("begin")}|${anyCase("end")}):([^\r\n]*)|(?:(${anyCase("uid")})|(${anyCase("dtstart")}|${anyCase("dtend")})|(${KEEP.map(anyCase).join("|")}))([;:][^\r\n]*)`;
const named = (value: string, upper: string): boolean => value.length === upper.length && (value === upper || value.toUpperCase() === upper);

/** The first pass as one regular expression found its lines. */
const regexScan = (body: string): Summary | null => {
  if (/^[ \t]|\r(?!\n)|(?:^|\n)(?:[^:\r\n \t][^:\r\n]*)?\r?\n[ \t]/.test(body)) return null;
  const lines = new RegExp(String.raw`\n(?:${LINE_BODY})`, "g");
  const firstLine = new RegExp(`(?:${LINE_BODY})`, "y");
  const len = body.length;
  const nextLine = (at: number): number => {
    const nl = body.indexOf("\n", at);
    return nl === -1 ? len : nl + 1;
  };
  const continued = (next: number): boolean => next < len && (body.charCodeAt(next) === 32 || body.charCodeAt(next) === 9);
  const parsedPositions: number[] = [];
  const deferred: Summary["deferred"][number][] = [];
  const pieces: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let position = 0;
  let block: Block | null = null;
  for (let m = firstLine.exec(body) ?? lines.exec(body); m; m = lines.exec(body)) {
    const lineStart = m.index + (body.charCodeAt(m.index) === 10 ? 1 : 0);
    const lineEnd = m.index + m[0].length;
    const next = nextLine(lineEnd);
    if (m[1] !== undefined) {
      if (continued(next)) return null;
      if (m[1].length === 5) {
        if (block) block.nested += 1;
        else if (depth === 0 && !named(m[2]!, "VCALENDAR")) return null;
        else if (depth === 1 && named(m[2]!, "VEVENT")) {
          position += 1;
          block = new Block();
          block.reset(lineStart, position);
        }
        depth += 1;
      } else {
        depth -= 1;
        if (depth < 0) return null;
        if (block && block.nested > 0) block.nested -= 1;
        else if (block) {
          if (!named(m[2]!, "VEVENT")) return null;
          const b = block;
          block = null;
          if (deferrable(body, b, next)) {
            pieces.push(body.slice(copiedTo, b.start));
            copiedTo = next;
            deferred.push({
              position: b.position,
              text: body.slice(b.start, next),
              uid: b.uidStart < 0 ? "" : body.slice(b.uidStart, b.uidEnd),
              dtstart: timeOf(body.slice(b.dtstartLine, b.dtstartEnd)),
              dtend: b.dtendLine < 0 ? null : timeOf(body.slice(b.dtendLine, b.dtendEnd)),
              utcStart: b.utcStart,
              utcEnd: b.dtends === 0 ? b.utcStart : b.utcEnd,
            });
          } else {
            parsedPositions.push(b.position);
          }
        }
      }
      continue;
    }
    if (!block || !block.ok || block.nested > 0) continue;
    const rest = m[6]!;
    if (m[3] !== undefined) {
      block.uids += 1;
      if (rest.charCodeAt(0) !== 58 || rest.includes("\\") || continued(next)) block.ok = false;
      else {
        block.uidStart = lineEnd - rest.length + 1;
        block.uidEnd = lineEnd;
      }
    } else if (m[4] !== undefined) {
      const plain = /^:\d{8}(?:T\d{6}Z?)?$/.test(rest);
      if (continued(next) || !(plain || timeOf(m[4] + rest))) {
        block.ok = false;
        continue;
      }
      const utc = plain && rest.length === 17 && rest.charCodeAt(16) === 90 ? basicUtcMillis(rest, 1) : NaN;
      if (m[4].length === 7) {
        block.dtstarts += 1;
        block.dtstartLine = lineStart;
        block.dtstartEnd = lineEnd;
        block.utcStart = utc;
      } else {
        block.dtends += 1;
        block.dtendLine = lineStart;
        block.dtendEnd = lineEnd;
        block.utcEnd = utc;
      }
    } else {
      block.ok = false;
    }
  }
  if (depth !== 0 || block) return null;
  pieces.push(body.slice(copiedTo));
  return { parsedText: pieces.join(""), parsedPositions, deferred };
};

/** The walk's answer in the same form. */
const walkScan = (body: string): Summary | null => {
  const scan = scanIcs(body);
  if (!scan) return null;
  const d = scan.deferred;
  return {
    parsedText: scan.parsedText,
    parsedPositions: [...scan.parsedPositions],
    deferred: Array.from({ length: d.count }, (_, i) => {
      const v = d.at(i);
      expect(d.uidAt(i)).toBe(v.uid);
      return { position: d.positions[i]!, text: v.text, uid: v.uid, dtstart: v.dtstart, dtend: v.dtend, utcStart: d.utcStarts[i]!, utcEnd: d.utcEnds[i]! };
    }),
  };
};

/** Pieces of lines: names in every case, near-names, parameters, values plain and not, line ends of every kind. */
const NAMES = ["BEGIN", "begin", "Begin", "BEGINX", "END", "end", "EnD", "ENDX", "UID", "uid", "UIDX", "DTSTART", "dtstart", "DtStart", "DTSTARTX", "DTEND", "dtend", "DTENDX", "RRULE", "rrule", "EXRULE", "EXDATE", "exdate", "RDATE", "RECURRENCE-ID", "recurrence-id", "RECURRENCE_ID", "DURATION", "FREEBUSY", "GEO", "geo", "REQUEST-STATUS", "SUMMARY", "X-THING", "D", "R", "E", "B", "U", ""];
const AFTER = [":", ";TZID=America/New_York:", ';TZID="Europe/Paris":', ";VALUE=DATE:", ";VALUE=DATE-TIME:", ";X=1:", ";TZID=a;TZID=b:", ""];
const VALUES = ["VCALENDAR", "vcalendar", "VEVENT", "vevent", "VEvent", "VALARM", "VTIMEZONE", "VEVENT ", "20261012T150000Z", "20261012T150000", "20261012", "20261012t150000z", "20261012T150000ZZ", "20260231T150000Z", "2026101", "a\\,b", "id-1", "plain text", "x:y", ""];
const ENDS = ["\r\n", "\r\n", "\r\n", "\n", "\r", "\r\n ", "\r\n\t", "\n "];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...AFTER), fc.constantFrom(...VALUES), fc.constantFrom(...ENDS)), { maxLength: 40 })
  .map((parts) => parts.map(([name, after, value, end]) => `${name}${after}${value}${end}`).join(""));

/** Mostly well-formed calendars with odd lines among the VEVENT's lines. */
const calendarArb = fc
  .array(
    fc.tuple(
      fc.constantFrom("UID:a", "UID:b\\,c", "uid:d", "UID;X=1:e", "", "UID:f\r\n g"),
      fc.constantFrom("DTSTART:20261012T150000Z", "dtstart:20261012T150000Z", "DTSTART;TZID=America/New_York:20261012T110000", "DTSTART:20261012", "DTSTART;VALUE=DATE:20261012", "DTSTART:2026101"),
      fc.constantFrom("DTEND:20261012T160000Z", "", "DTEND;VALUE=DATE:20261013", "DtEnd:20261012T160000", "DTEND:20261012T16000\r\n 0Z"),
      fc.subarray(["RRULE:FREQ=DAILY", "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM", "Begin:Valarm\r\nend:valarm", "X-A;VALUE=TEXT:x", "DESCRIPTION:folded\r\n  line", "GEO:1;2", "END;X=1:VALARM", "BEGIN;X=1:VALARM", "no colon"]),
      fc.constantFrom("\r\n", "\n"),
    ),
    { maxLength: 8 },
  )
  .map((vevents) =>
    [
      "BEGIN:VCALENDAR\r\n",
      ...vevents.map(([uid, start, end, extra, nl]) => ["BEGIN:VEVENT", uid, start, end, ...extra, "END:VEVENT"].filter((l) => l !== "").join(nl) + nl),
      "END:VCALENDAR",
    ].join(""),
  );

describe("the first pass's line walk", () => {
  test("agrees with the regular expression on texts of odd lines", () => {
    fc.assert(
      fc.property(fc.oneof(textArb, textArb.map((t) => `BEGIN:VCALENDAR\r\n${t}END:VCALENDAR`)), (text) => {
        expect(walkScan(text)).toEqual(regexScan(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("agrees with the regular expression on calendars with odd lines in their VEVENTs", () => {
    fc.assert(
      fc.property(calendarArb, (text) => {
        const walked = walkScan(text);
        expect(walked).toEqual(regexScan(text));
      }),
      { numRuns: 2000 },
    );
  });

  test("some of those calendars are cut, some parsed whole", () => {
    const cut = walkScan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nuid:a\r\nDTSTART:20261012T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR");
    expect(cut?.deferred.map((d) => [d.uid, d.utcStart])).toEqual([["a", Date.UTC(2026, 9, 12, 15)]]);
    expect(walkScan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261012T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r")).toBeNull();
    expect(walkScan("BEGIN:VCALENDAR\r\nno colon\r\n continued\r\nEND:VCALENDAR")).toBeNull();
    for (const text of [
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT \r\nUID:a\r\nDTSTART:20261012T150000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261012T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR",
      "BEGIN:VCALENDAR\r\nBEGIN:vevent\r\nUID:a\r\nDTSTART:20261012T150000Z\r\nEND:VEVENTS\r\nEND:VCALENDAR",
      "BEGIN:VCALENDARS\r\nEND:VCALENDAR",
    ]) {
      expect(walkScan(text)).toEqual(regexScan(text));
    }
    // More VEVENTs than the columns first hold (one per 256 characters): they grow, keeping every one.
    const small = Array.from({ length: 1_000 }, (_, i) => `BEGIN:VEVENT\r\nUID:u${i}\r\nDTSTART:2026${String(1 + (i % 12)).padStart(2, "0")}01T0${i % 10}0000Z\r\nEND:VEVENT\r\n`);
    const many = `BEGIN:VCALENDAR\r\n${small.join("")}END:VCALENDAR`;
    const walked = walkScan(many);
    expect(walked?.deferred).toHaveLength(1_000);
    expect(walked).toEqual(regexScan(many));
  });
});
