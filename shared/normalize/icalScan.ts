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

import { basicUtcMillis } from "./icalTime";

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

/**
 * The VEVENTs of the file that ical.js has not parsed, as columns: an export holds thousands of
 * them and most are only compared with the window, so nothing is built for one until it is asked for.
 */
export interface DeferredVevents {
  readonly count: number;
  /** 1-based: each one's place among the file's VEVENTs, in file order. */
  readonly positions: ArrayLike<number>;
  /**
   * Each one's DTSTART as epoch milliseconds when it is a UTC date-time written without
   * parameters (as `naiveMillis(parseIcsValue(value).wall)` reads it); NaN otherwise.
   */
  readonly utcStarts: ArrayLike<number>;
  /** Its DTEND likewise (NaN when it has one that is not such a time); its DTSTART's number when it has none. */
  readonly utcEnds: ArrayLike<number>;
  /** The UID of the i-th, as ical.js reads it (no escapes in it), "" when there is none. */
  readonly uidAt: (i: number) => string;
  /** The i-th, built now. */
  readonly at: (i: number) => DeferredVevent;
}

/** What the first pass found: the text for ical.js (the deferred VEVENTs cut out) and the VEVENTs left out of it. */
export interface IcsScan {
  readonly parsedText: string;
  /** The positions (1-based, in the whole file) of the VEVENTs of `parsedText`, in order. */
  readonly parsedPositions: readonly number[];
  readonly deferred: DeferredVevents;
}

/** What a line is to the first pass, from its name (`lineKind`). */
const OTHER = 0;
const BEGIN = 1;
const END = 2;
const UID = 3;
const DTSTART = 4;
const DTEND = 5;
/** A name that keeps a VEVENT in ical.js's parse: recurrence, overrides, lengths, value types whose parse may fail, BEGIN/END with parameters. */
const KEEP = 6;

/** A name matched in any case without the i flag (which makes the search several times slower): "uid" → "[Uu][Ii][Dd]". */
const anyCase = (name: string): string => name.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
const NAMES = ["begin", "end", "uid", "dtstart", "dtend", "rrule", "exrule", "rdate", "exdate", "recurrence-id", "duration", "freebusy", "geo", "request-status"];
/**
 * The start of each line after the first that `lineKind` may call other than OTHER: a name of
 * NAMES then a semicolon or a colon. Only `test` is used (it builds no match), and the match is
 * the LF alone, so `lastIndex` is where the line starts; lines between are never visited.
 */
const NAMED_LINE = new RegExp(`\n(?=(?:${NAMES.map(anyCase).join("|")})[;:])`, "g");
/** A text ical.js reads differently from the lines the first pass sees: it starts with a continuation, has a CR not before an LF, or continues a line without a colon (or an empty one). */
const UNPLAIN = /^[ \t]|\r(?!\n)|(?:^|\n)(?:[^:\r\n \t][^:\r\n]*)?\r?\n[ \t]/;

/** Whether the text has `lower` (a lower-case name) at `at`, in any case. */
const nameAt = (text: string, at: number, lower: string): boolean => {
  for (let i = 0; i < lower.length; i++) {
    const want = lower.charCodeAt(i);
    const c = text.charCodeAt(at + i);
    // A letter in either case (only A-Z and a-z give a-z when 32 is set); a hyphen as it is.
    if (want >= 97 ? (c | 32) !== want : c !== want) return false;
  }
  return true;
};

/** Whether the text has `lower` at `at` followed by a semicolon or a colon (a property with or without parameters). */
const propertyAt = (text: string, at: number, lower: string): boolean => {
  if (!nameAt(text, at, lower)) return false;
  const after = text.charCodeAt(at + lower.length);
  return after === 58 || after === 59;
};

/**
 * What the line starting at `at` is: BEGIN or END (as ical.js reads components: a colon right after
 * the name), UID, DTSTART or DTEND (with parameters or not), a name that keeps a VEVENT in the
 * parse, or another line (not looked at further).
 */
const lineKind = (text: string, at: number): number => {
  switch (text.charCodeAt(at) | 32) {
    case 98: // b
      return !nameAt(text, at, "begin") ? OTHER : text.charCodeAt(at + 5) === 58 ? BEGIN : text.charCodeAt(at + 5) === 59 ? KEEP : OTHER;
    case 101: // e
      if (nameAt(text, at, "end")) return text.charCodeAt(at + 3) === 58 ? END : text.charCodeAt(at + 3) === 59 ? KEEP : OTHER;
      return propertyAt(text, at, "exrule") || propertyAt(text, at, "exdate") ? KEEP : OTHER;
    case 117: // u
      return propertyAt(text, at, "uid") ? UID : OTHER;
    case 100: // d
      return propertyAt(text, at, "dtstart") ? DTSTART : propertyAt(text, at, "dtend") ? DTEND : propertyAt(text, at, "duration") ? KEEP : OTHER;
    case 114: // r
      return propertyAt(text, at, "rrule") || propertyAt(text, at, "rdate") || propertyAt(text, at, "recurrence-id") || propertyAt(text, at, "request-status") ? KEEP : OTHER;
    case 102: // f
      return propertyAt(text, at, "freebusy") ? KEEP : OTHER;
    case 103: // g
      return propertyAt(text, at, "geo") ? KEEP : OTHER;
    default:
      return OTHER;
  }
};

/** Whether `text` from `from` to `to` names `upper` (ical.js compares component names without case). */
const namedAt = (text: string, from: number, to: number, upper: string): boolean => {
  if (to - from !== upper.length) return false;
  for (let i = 0; i < upper.length; i++) if (text.charCodeAt(from + i) !== upper.charCodeAt(i)) return named(text.slice(from, to), upper);
  return true;
};

/** Whether a DTSTART or DTEND value from `from` (its colon) to `to` is plain: ":" then a DATE or a DATE-TIME with an optional Z, no parameters. */
const plainTimeAt = (text: string, from: number, to: number): boolean => {
  const n = to - from;
  if ((n !== 9 && n !== 16 && n !== 17) || text.charCodeAt(from) !== 58) return false;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(from + i);
    if (i === 9 ? c !== 84 : i === 16 ? c !== 90 : c < 48 || c > 57) return false;
  }
  return true;
};

/** Whether the text holds no backslash from `from` to `to`. */
const noBackslash = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 92) return false;
  return true;
};

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

/** A DTSTART or DTEND line read as ical.js's jCal would hold it; null when the first pass leaves it to ical.js. */
export const timeOf = (line: string): DeferredTime | null => {
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
  // The pattern ignores case, ical.js does not: a "t" or "z" in the value is left to it (it reads "…z" as floating).
  if (raw.length > 8 && (raw.charCodeAt(8) !== 84 || (raw.length === 16 && raw.charCodeAt(15) !== 90))) return null;
  const date = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  // As ical.js's strict parse writes the jCal: a DATE keeps its date alone, even when a time
  // follows; a DATE-TIME of eight digits becomes "YYYY-MM-DDT::" (read later as that date).
  if (type === "date") return { type, value: date, tzid };
  if (raw.length === 8) return { type, value: `${date}T::`, tzid };
  return { type, value: `${date}T${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}${raw.length === 16 ? "Z" : ""}`, tzid };
};

/** The VEVENT the walk is in (one object serves the whole walk: VEVENTs do not nest). */
export class Block {
  declare start: number;
  declare position: number;
  /** Components open inside the VEVENT (VALARM…). */
  declare nested: number;
  declare ok: boolean;
  /** Where its UID's value starts and ends in the text (-1: no UID). */
  declare uidStart: number;
  declare uidEnd: number;
  declare uids: number;
  declare dtstarts: number;
  declare dtends: number;
  /** Where its DTSTART and DTEND lines start and end (-1: none); their VALUE parameters are allowed. */
  declare dtstartLine: number;
  declare dtstartEnd: number;
  declare dtendLine: number;
  declare dtendEnd: number;
  /** As `DeferredVevents.utcStarts` and `utcEnds` say (NaN until read). */
  declare utcStart: number;
  declare utcEnd: number;

  constructor() {
    this.reset(0, 0);
  }

  /** Makes this a new VEVENT starting at `start`, the `position`-th of the file. */
  reset(start: number, position: number): void {
    this.start = start;
    this.position = position;
    this.nested = 0;
    this.ok = true;
    this.uidStart = -1;
    this.uidEnd = -1;
    this.uids = 0;
    this.dtstarts = 0;
    this.dtends = 0;
    this.dtstartLine = -1;
    this.dtstartEnd = -1;
    this.dtendLine = -1;
    this.dtendEnd = -1;
    this.utcStart = NaN;
    this.utcEnd = NaN;
  }
}

/**
 * The first pass; null when the file is not laid out plainly enough to cut (it is then parsed
 * whole, as before): a continued BEGIN or END line, a continued line without a colon on its
 * first line (a folded name), a CR not before an LF, a component outside a VCALENDAR, a BEGIN
 * not closed.
 * Lines are those `ICAL.parse` reads: split at LF (a CR before it dropped), a line starting with
 * a space or tab continuing the one before. Each line is looked at by its first characters only,
 * in one walk that builds nothing for a line it does not need.
 * @example scanIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260302T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR")
 *   → { parsedText: "BEGIN:VCALENDAR\r\nEND:VCALENDAR", parsedPositions: [], deferred: { count: 1, positions: [1], utcStarts: [Date.UTC(2026, 2, 2, 9)], uidAt(0) → "a", … } }
 */
export const scanIcs = (body: string): IcsScan | null => {
  // A line without a colon continued on the next (a name or a BEGIN/END folded, or an empty line continued) is read only by ical.js.
  if (UNPLAIN.test(body)) return null;
  const len = body.length;
  const continued = (next: number): boolean => next < len && (body.charCodeAt(next) === 32 || body.charCodeAt(next) === 9);
  const parsedPositions: number[] = [];
  const columns = new DeferredColumns(body, Math.max(64, Math.ceil(len / 256)));
  const pieces: string[] = [];
  let copiedTo = 0;
  /** Depth of components: 0 outside, 1 in a VCALENDAR, 2 in its components. */
  let depth = 0;
  let position = 0;
  const block = new Block();
  let inBlock = false;
  NAMED_LINE.lastIndex = 0;
  for (let here = lineKind(body, 0) !== OTHER ? 0 : NAMED_LINE.test(body) ? NAMED_LINE.lastIndex : -1; here >= 0; here = NAMED_LINE.test(body) ? NAMED_LINE.lastIndex : -1) {
    const kind = lineKind(body, here);
    if (kind === OTHER) continue;
    const lf = body.indexOf("\n", here);
    /** Where the line after this one starts (len at the end of the text); a CR is only ever before an LF (UNPLAIN). */
    const next = lf === -1 ? len : lf + 1;
    const lineEnd = lf === -1 ? len : body.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    if (kind === BEGIN || kind === END) {
      if (continued(next)) return null;
      const valueStart = here + (kind === BEGIN ? 6 : 4);
      if (kind === BEGIN) {
        if (inBlock) block.nested += 1;
        else if (depth === 0 && !namedAt(body, valueStart, lineEnd, "VCALENDAR")) return null;
        else if (depth === 1 && namedAt(body, valueStart, lineEnd, "VEVENT")) {
          position += 1;
          block.reset(here, position);
          inBlock = true;
        }
        depth += 1;
      } else {
        depth -= 1;
        if (depth < 0) return null;
        if (inBlock && block.nested > 0) block.nested -= 1;
        else if (inBlock) {
          if (!namedAt(body, valueStart, lineEnd, "VEVENT")) return null;
          inBlock = false;
          if (deferrable(body, block, next)) {
            pieces.push(body.slice(copiedTo, block.start));
            copiedTo = next;
            columns.add(block, next);
          } else {
            parsedPositions.push(block.position);
          }
        }
      }
      continue;
    }
    if (!inBlock || !block.ok || block.nested > 0) continue;
    if (kind === UID) {
      block.uids += 1;
      if (body.charCodeAt(here + 3) !== 58 || !noBackslash(body, here + 4, lineEnd) || continued(next)) block.ok = false;
      else {
        block.uidStart = here + 4;
        block.uidEnd = lineEnd;
      }
    } else if (kind === DTSTART || kind === DTEND) {
      // Checked as timeOf reads it; a value without parameters is read here, the others when asked for.
      const valueAt = here + (kind === DTSTART ? 7 : 5);
      const plain = plainTimeAt(body, valueAt, lineEnd);
      if (continued(next) || !(plain || timeOf(body.slice(here, lineEnd)))) {
        block.ok = false;
        continue;
      }
      const utc = plain && lineEnd - valueAt === 17 ? basicUtcMillis(body, valueAt + 1) : NaN;
      if (kind === DTSTART) {
        block.dtstarts += 1;
        block.dtstartLine = here;
        block.dtstartEnd = lineEnd;
        block.utcStart = utc;
      } else {
        block.dtends += 1;
        block.dtendLine = here;
        block.dtendEnd = lineEnd;
        block.utcEnd = utc;
      }
    } else {
      block.ok = false; // a name that keeps the VEVENT in the parse
    }
  }
  if (depth !== 0 || inBlock) return null;
  pieces.push(body.slice(copiedTo));
  columns.finish();
  return { parsedText: pieces.join(""), parsedPositions, deferred: columns };
};

/** Whether a BEGIN or END value names `upper` (ical.js compares names without case). */
const named = (value: string, upper: string): boolean => value.length === upper.length && (value === upper || value.toUpperCase() === upper);

/** Whether a VEVENT (from `b.start` to `end`) can be left out of ical.js's parse. */
export const deferrable = (body: string, b: Block, end: number): boolean => {
  if (!b.ok || b.uids > 1 || b.dtstarts !== 1 || b.dtends > 1) return false;
  SAFE_BLOCK.lastIndex = b.start;
  if (!SAFE_BLOCK.test(body) || SAFE_BLOCK.lastIndex !== end) return false;
  // A VALUE parameter only on DTSTART or DTEND (its only time lines: one DTSTART, at most one DTEND).
  const params = body.slice(b.start, end);
  if (!VALUE_PARAM.test(params)) return true;
  const lines = [b.dtstartLine, b.dtstartEnd, b.dtendLine, b.dtendEnd].filter((at) => at >= 0);
  const order = lines.length === 4 && lines[2]! < lines[0]! ? [lines[2]!, lines[3]!, lines[0]!, lines[1]!] : lines;
  let rest = params;
  for (let i = order.length - 2; i >= 0; i -= 2) rest = rest.slice(0, order[i]! - b.start) + rest.slice(order[i + 1]! - b.start);
  return !VALUE_PARAM.test(rest);
};

/** `into` with `from` copied to its start. */
const grown = <T extends Int32Array | Float64Array>(into: T, from: T): T => {
  into.set(from);
  return into;
};

/** The deferred VEVENTs as numbers (places in the text), each built only when asked for. */
class DeferredColumns implements DeferredVevents {
  count = 0;
  positions: Int32Array;
  utcStarts: Float64Array;
  utcEnds: Float64Array;
  /** Per VEVENT, seven places in the text: its start and end, its UID's, its DTSTART line's, and its DTEND line's start (-1: none). */
  private places: Int32Array;
  private dtendEnds: Int32Array;

  /**
   * Typed arrays, grown by doubling from `capacity`: their numbers live outside the JavaScript
   * heap, so the garbage collector neither traces nor copies them while the pass runs.
   */
  constructor(
    private readonly body: string,
    capacity: number,
  ) {
    this.positions = new Int32Array(capacity);
    this.utcStarts = new Float64Array(capacity);
    this.utcEnds = new Float64Array(capacity);
    this.places = new Int32Array(capacity * 7);
    this.dtendEnds = new Int32Array(capacity);
  }

  add(b: Block, end: number): void {
    const i = this.count;
    if (i === this.positions.length) this.grow(i * 2);
    this.positions[i] = b.position;
    this.utcStarts[i] = b.utcStart;
    this.utcEnds[i] = b.dtends === 0 ? b.utcStart : b.utcEnd;
    const p = this.places;
    const k = i * 7;
    p[k] = b.start;
    p[k + 1] = end;
    p[k + 2] = b.uidStart;
    p[k + 3] = b.uidEnd;
    p[k + 4] = b.dtstartLine;
    p[k + 5] = b.dtstartEnd;
    p[k + 6] = b.dtendLine;
    this.dtendEnds[i] = b.dtendEnd;
    this.count = i + 1;
  }

  private grow(capacity: number): void {
    this.positions = grown(new Int32Array(capacity), this.positions);
    this.utcStarts = grown(new Float64Array(capacity), this.utcStarts);
    this.utcEnds = grown(new Float64Array(capacity), this.utcEnds);
    this.places = grown(new Int32Array(capacity * 7), this.places);
    this.dtendEnds = grown(new Int32Array(capacity), this.dtendEnds);
  }

  /** Trims the public columns to the VEVENTs found (views, no copy). */
  finish(): void {
    this.positions = this.positions.subarray(0, this.count);
    this.utcStarts = this.utcStarts.subarray(0, this.count);
    this.utcEnds = this.utcEnds.subarray(0, this.count);
  }

  readonly uidAt = (i: number): string => {
    const at = this.places[i * 7 + 2]!;
    return at < 0 ? "" : this.body.slice(at, this.places[i * 7 + 3]);
  };

  readonly at = (i: number): DeferredVevent => {
    const p = this.places;
    const k = i * 7;
    const dtend = p[k + 6]! < 0 ? null : timeOf(this.body.slice(p[k + 6], this.dtendEnds[i]));
    return {
      position: this.positions[i]!,
      text: this.body.slice(p[k], p[k + 1]),
      uid: this.uidAt(i),
      dtstart: timeOf(this.body.slice(p[k + 4], p[k + 5]))!,
      dtend,
    };
  };
}
