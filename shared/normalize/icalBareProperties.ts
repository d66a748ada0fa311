import ICAL from "ical.js";
import type { JcalProperty } from "./icalJcal";
import { ICAL_MARKER_PROPERTY } from "./icalVevent";

/**
 * A deferred VEVENT's properties that reading it looks at beyond its UID and times (readVevent,
 * icsPeople, icsIgnoredReason), read by hand from its text as ical.js's parse would give them in
 * jCal, so that an export's events in the window need not go through ical.js's parser. Only lines
 * of a plain form are read: anything else (a quoted or escaped parameter, a VALUE parameter, a
 * line ical.js would refuse) answers null, and the VEVENT is parsed by ical.js as before.
 */

const TEXT = new Set(["summary", "status", "transp"]);
const ADDRESS = new Set(["attendee", "organizer"]);
/** Not in ical.js's design: its "unknown" type, the value as written. */
const UNKNOWN = new Set(["x-microsoft-cdo-busystatus", ICAL_MARKER_PROPERTY.toLowerCase()]);
/** The parameters icsPeople reads of an ATTENDEE or ORGANIZER. */
const ADDRESS_PARAMETERS = new Set(["cutype", "partstat", "email"]);

type ValueDesign = { readonly fromICAL: (value: string, structured: boolean) => unknown };
let icalValues: Record<string, ValueDesign> | undefined;
/** A TEXT or INTEGER value read by ical.js's own design (unescaping; parseInt, 0 for NaN), as its parse reads it. */
const fromIcal = (type: "text" | "integer", value: string): unknown =>
  (icalValues ??= ICAL.design.icalendar.value as Record<string, ValueDesign>)[type]!.fromICAL(value, false);

/** A parameter section ical.js reads as plain `name=value` pairs: no quotes, RFC 6868 carets or backslashes. */
const UNPLAIN_PARAMETERS = /["^\\]/;

/**
 * The text's lines as ical.js's parse sees them: split at LF (a CR before it dropped), a line
 * that starts with a space or a tab continuing the one before without that character, empty
 * lines left out.
 */
const unfolded = (text: string): string[] => {
  const lines: string[] = [];
  let line = "";
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const cut = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const first = text.charCodeAt(at);
    if (first === 32 || first === 9) line += text.slice(at + 1, cut);
    else {
      if (line) lines.push(line);
      line = text.slice(at, cut);
    }
    at = end + 1;
  }
  if (line) lines.push(line);
  return lines;
};

/**
 * The SUMMARY, STATUS, TRANSP, X-MICROSOFT-CDO-BUSYSTATUS, marker, ATTENDEE, ORGANIZER and
 * SEQUENCE properties of a VEVENT's text (BEGIN:VEVENT to END:VEVENT, no line of its own
 * subcomponents such as a VALARM), in file order, as ical.js's jCal holds them (of an ATTENDEE's or
 * ORGANIZER's parameters, those icsPeople reads); null when a line of one of them is not of the
 * plain form.
 * @example bareProperties("BEGIN:VEVENT\r\nSUMMARY:Call\\, Acme\r\nATTENDEE;PARTSTAT=DECLINED;CN=Dana:mailto:dana@acme.com\r\nEND:VEVENT\r\n")
 *   → [["summary", {}, "text", "Call, Acme"], ["attendee", { partstat: "DECLINED" }, "cal-address", "mailto:dana@acme.com"]]
 */
export const bareProperties = (text: string): JcalProperty[] | null => {
  const out: JcalProperty[] = [];
  let depth = 0;
  for (const line of unfolded(text)) {
    // Only names that start as BEGIN, END or a name read here need a closer look.
    const first = line.charCodeAt(0) | 32;
    if (first !== 98 && first !== 101 && first !== 115 && first !== 116 && first !== 120 && first !== 97 && first !== 111) continue;
    const colon = line.indexOf(":");
    const semicolon = line.indexOf(";");
    const paramsAt = semicolon !== -1 && (colon === -1 || semicolon < colon) ? semicolon : -1;
    if (colon === -1) return null;
    const name = line.slice(0, paramsAt === -1 ? colon : paramsAt).toLowerCase();
    if (paramsAt === -1 && name === "begin") {
      depth += 1;
      continue;
    }
    if (paramsAt === -1 && name === "end") {
      depth -= 1;
      continue;
    }
    const address = ADDRESS.has(name);
    if (depth !== 1 || !(address || TEXT.has(name) || UNKNOWN.has(name) || name === "sequence")) continue;
    const params: Record<string, string> = {};
    if (paramsAt !== -1) {
      const section = line.slice(paramsAt + 1, colon);
      if (UNPLAIN_PARAMETERS.test(section)) return null;
      for (let from = 0; from <= section.length; ) {
        let to = section.indexOf(";", from);
        if (to === -1) to = section.length;
        const equals = section.indexOf("=", from);
        if (equals <= from || equals >= to) return null;
        const key = section.slice(from, equals).toLowerCase();
        // VALUE changes the value's type: left to ical.js.
        if (key === "value") return null;
        if (address && ADDRESS_PARAMETERS.has(key)) params[key] = section.slice(equals + 1, to);
        from = to + 1;
      }
    }
    const value = line.slice(colon + 1);
    if (address) out.push([name, params, "cal-address", value]);
    else if (TEXT.has(name)) out.push([name, params, "text", fromIcal("text", value)]);
    else if (name === "sequence") out.push([name, params, "integer", fromIcal("integer", value)]);
    else out.push([name, params, "unknown", value]);
  }
  return out;
};
