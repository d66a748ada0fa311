/**
 * A cheap first pass over an iCalendar text: finds the VEVENTs that ical.js need not parse
 * before the analysed window is known. An export holds years of single meetings; ical.js would
 * build a tree of every property of every one of them (and the garbage collector then free it)
 * although only the few weeks of the read window matter.
 *
 * A VEVENT is deferred only when leaving it out of ical.js's parse changes nothing: the file is
 * laid out as ical.js reads it (lines unfolded exactly as `ICAL.parse` does, VCALENDARs holding
 * components, every BEGIN closed), each of the VEVENT's lines is one ical.js parses without an
 * error (a property name, simple parameters, a colon), and it has no recurrence (RRULE, RDATE,
 * EXDATE, EXRULE), no RECURRENCE-ID and no DURATION, one DTSTART and at most one DTEND written
 * as plain digits (a DATE, or a DATE-TIME with an optional Z, with at most a TZID parameter),
 * and a UID without escapes. Anything else is parsed with the rest of the file, as before.
 * A deferred VEVENT is later either read from its UID, DTSTART and DTEND alone (the checks and
 * times `readVevent` gives it are those of the whole VEVENT) when it cannot reach the window,
 * or parsed by ical.js on its own.
 */

/** A DTSTART or DTEND of a deferred VEVENT, as ical.js's jCal would hold it. */
export interface DeferredTime {
  /** The jCal value type: the VALUE parameter ("date", "date-time"), else "date-time", as ical.js gives it. */
  readonly type: string;
  /** The jCal value: "2026-03-02", "2026-03-02T09:00:00" or "2026-03-02T09:00:00Z". */
  readonly value: string;
  /** The TZID parameter as ical.js gives it, or undefined. */
  readonly tzid: string | undefined;
}

/** A VEVENT of the file that ical.js has not parsed. */
export interface DeferredVevent {
  /** 1-based: its place among the file's VEVENTs (what names an event without a UID). */
  readonly position: number;
  /** Its text as written (folded lines and all), from BEGIN:VEVENT to the line after END:VEVENT. */
  readonly text: string;
  /** The UID as ical.js reads it (no escapes in it), "" when there is none. */
  readonly uid: string;
  readonly dtstart: DeferredTime;
  readonly dtend: DeferredTime | null;
}

/** What the first pass found: the text for ical.js (the deferred VEVENTs cut out) and the VEVENTs left out of it. */
export interface IcsScan {
  readonly parsedText: string;
  /** The positions (1-based, in the whole file) of the VEVENTs of `parsedText`, in order. */
  readonly parsedPositions: readonly number[];
  readonly deferred: readonly DeferredVevent[];
}

/**
 * In one pass, the lines that matter here, each at the start of a line of the text (a line that
 * starts with a letter is never a continuation): BEGIN and END (ical.js's components: no
 * parameter before the colon), and the properties a deferred VEVENT must not have or is read by.
 */
const LINE_BODY = String.raw`([Bb][Ee][Gg][Ii][Nn]|[Ee][Nn][Dd]):([^\r\n]*)|([BbDdEeFfGgRrUu][A-Za-z0-9-]*)([;:][^\r\n]*)`;
/** (Written without the i flag, which makes the search several times slower; names are compared in lower case below.) */
const LINES = new RegExp(String.raw`\n(?:${LINE_BODY})`, "g");
/** The same, for the text's first line. */
const FIRST_LINE = new RegExp(`(?:${LINE_BODY})`, "y");
/** Names that keep a VEVENT in ical.js's parse (recurrence, overrides, lengths, value types whose parse may fail, BEGIN/END with parameters). */
const KEEP = new Set(["rrule", "exrule", "rdate", "exdate", "recurrence-id", "duration", "freebusy", "geo", "request-status", "begin", "end"]);

/**
 * A VEVENT every line of which ical.js parses without an error: a name, parameters (unquoted, or one
 * quoted value each) and a colon on the line's first physical line, or a continuation (space or
 * tab). Read from BEGIN:VEVENT to the first END:VEVENT line.
 */
const SAFE_BLOCK = /BEGIN:VEVENT\r?\n(?:(?:[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"\r\n]*"|[^";:\r\n]*))*:[^\r\n]*|[ \t][^\r\n]*)\r?\n)*?END:VEVENT(?:\r?\n|$)/iy;
/** A VALUE parameter (it changes how ical.js parses a value: only DTSTART's and DTEND's are allowed, as TIME_LINE says). */
const VALUE_PARAM = /;value=/i;
/** DTSTART/DTEND: the value, with at most a TZID parameter (quoted or not) and VALUE=DATE or DATE-TIME. */
const TIME_LINE = /^(dtstart|dtend)((?:;(?:tzid=(?:"[^"^\r\n]*"|[^";:^\r\n]*)|value=(?:date|date-time)))*):(\d{8}(?:T\d{6}Z?)?)$/i;
const TZID_PARAM = /;tzid=(?:"([^"]*)"|([^";:]*))/gi;
const VALUE_OF = /;value=([^;:]*)/gi;

const timeOf = (line: string): DeferredTime | null => {
  const m = TIME_LINE.exec(line);
  if (!m) return null;
  const params = m[2]!;
  let tzid: string | undefined;
  // ical.js: the type is the (last) VALUE parameter, else date-time; the digits give the form.
  let type = "date-time";
  if (params !== "") {
    let count = 0;
    for (const t of params.matchAll(TZID_PARAM)) {
      count += 1;
      tzid = t[1] ?? t[2];
    }
    if (count > 1) return null;
    for (const v of params.matchAll(VALUE_OF)) type = v[1]!.toLowerCase();
  }
  const raw = m[3]!;
  const date = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  if (raw.length === 8) return { type, value: date, tzid };
  return { type, value: `${date}T${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}${raw.length === 16 ? "Z" : ""}`, tzid };
};

interface Block {
  readonly start: number;
  readonly position: number;
  /** Components open inside the VEVENT (VALARM…). */
  nested: number;
  ok: boolean;
  uid: string;
  uids: number;
  dtstart: DeferredTime | null;
  dtstarts: number;
  dtend: DeferredTime | null;
  dtends: number;
  /** Where its DTSTART and DTEND lines are (their VALUE parameters are allowed). */
  readonly timeLines: number[];
}

/**
 * The first pass; null when the file is not laid out plainly enough to cut (it is then parsed
 * whole, as before): a continued BEGIN or END line, a continued line without a colon on its
 * first line (a folded name), a CR not before an LF, a component outside a VCALENDAR, a BEGIN
 * not closed.
 * Lines are those `ICAL.parse` reads: split at LF (a CR before it dropped), a line starting with
 * a space or tab continuing the one before.
 * @example scanIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260302T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR")
 *   → { parsedText: "BEGIN:VCALENDAR\r\nEND:VCALENDAR", parsedPositions: [], deferred: [{ position: 1, uid: "a", … }] }
 */
export const scanIcs = (body: string): IcsScan | null => {
  // A line without a colon continued on the next (a name or a BEGIN/END folded, or an empty line continued) is read only by ical.js.
  if (/^[ \t]|\r(?!\n)|(?:^|\n)(?:[^:\r\n \t][^:\r\n]*)?\r?\n[ \t]/.test(body)) return null;
  const len = body.length;
  /** Where the line after the one ending at `at` (its CR or LF) starts, and whether that line continues it. */
  const nextLine = (at: number): number => {
    const nl = body.indexOf("\n", at);
    return nl === -1 ? len : nl + 1;
  };
  const continued = (next: number): boolean => next < len && (body.charCodeAt(next) === 32 || body.charCodeAt(next) === 9);
  const parsedPositions: number[] = [];
  const deferred: DeferredVevent[] = [];
  const pieces: string[] = [];
  let copiedTo = 0;
  /** Depth of components: 0 outside, 1 in a VCALENDAR, 2 in its components. */
  let depth = 0;
  let position = 0;
  let block: Block | null = null;
  FIRST_LINE.lastIndex = 0;
  LINES.lastIndex = 0;
  for (let m = FIRST_LINE.exec(body) ?? LINES.exec(body); m; m = LINES.exec(body)) {
    const lineStart = m.index + (body.charCodeAt(m.index) === 10 ? 1 : 0);
    const lineEnd = m.index + m[0].length;
    const next = nextLine(lineEnd);
    const structural = m[1];
    if (structural !== undefined) {
      if (continued(next)) return null;
      const value = m[2]!.toLowerCase();
      if (structural.toLowerCase() === "begin") {
        if (block) block.nested += 1;
        else if (depth === 0 && value !== "vcalendar") return null;
        else if (depth === 1 && value === "vevent") {
          position += 1;
          block = { start: lineStart, position, nested: 0, ok: true, uid: "", uids: 0, dtstart: null, dtstarts: 0, dtend: null, dtends: 0, timeLines: [] };
        }
        depth += 1;
      } else {
        depth -= 1;
        if (depth < 0) return null;
        if (block && block.nested > 0) block.nested -= 1;
        else if (block) {
          if (value !== "vevent") return null;
          const b = block;
          block = null;
          if (deferrable(body, b, next)) {
            pieces.push(body.slice(copiedTo, b.start));
            copiedTo = next;
            deferred.push({ position: b.position, text: body.slice(b.start, next), uid: b.uid, dtstart: b.dtstart!, dtend: b.dtend });
          } else {
            parsedPositions.push(b.position);
          }
        }
      }
      continue;
    }
    if (!block || !block.ok || block.nested > 0) continue;
    const name = m[3]!.toLowerCase();
    const rest = m[4]!;
    if (name === "uid") {
      block.uids += 1;
      const value = rest.slice(1);
      if (rest[0] !== ":" || value.includes("\\") || continued(next)) block.ok = false;
      else block.uid = value;
    } else if (name === "dtstart" || name === "dtend") {
      const time = continued(next) ? null : timeOf(name + rest);
      block.timeLines.push(lineStart, lineEnd);
      if (!time) block.ok = false;
      else if (name === "dtstart") {
        block.dtstarts += 1;
        block.dtstart = time;
      } else {
        block.dtends += 1;
        block.dtend = time;
      }
    } else if (KEEP.has(name)) {
      block.ok = false;
    }
  }
  if (depth !== 0 || block) return null;
  pieces.push(body.slice(copiedTo));
  return { parsedText: pieces.join(""), parsedPositions, deferred };
};

/** Whether a VEVENT (from `b.start` to `end`) can be left out of ical.js's parse. */
const deferrable = (body: string, b: Block, end: number): boolean => {
  if (!b.ok || b.uids > 1 || b.dtstarts !== 1 || b.dtends > 1 || !b.dtstart || (b.dtends === 1 && !b.dtend)) return false;
  SAFE_BLOCK.lastIndex = b.start;
  if (!SAFE_BLOCK.test(body) || SAFE_BLOCK.lastIndex !== end) return false;
  // A VALUE parameter only on DTSTART or DTEND.
  const params = body.slice(b.start, end);
  if (!VALUE_PARAM.test(params)) return true;
  let rest = params;
  for (let i = b.timeLines.length - 2; i >= 0; i -= 2) rest = rest.slice(0, b.timeLines[i]! - b.start) + rest.slice(b.timeLines[i + 1]! - b.start);
  return !VALUE_PARAM.test(rest);
};
