import type ICAL from "ical.js";
import type { IgnoredReason } from "../event";
import { consideredAttendees, type AttendeeCandidate } from "./attendees";
import { firstValue, firstValueOf, jcalProperties, parameterOf, type JcalProperty } from "./icalJcal";

const MAILTO = /^mailto:/i;

const param = (prop: JcalProperty, name: string): string | null => {
  const value = parameterOf(prop, name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
};

/**
 * The address of an ATTENDEE or ORGANIZER: its `mailto:` value (scheme in any case), else its
 * RFC 7986 `EMAIL` parameter; null for anything else (a `urn:uuid:` with no EMAIL).
 * @example addressOf(<ATTENDEE;CN=Dana:MAILTO:Dana@Acme.com>) → "Dana@Acme.com"
 */
export const addressOf = (prop: JcalProperty, vevent: ICAL.Component): string | null => {
  const value = firstValueOf(prop, vevent);
  if (typeof value === "string" && MAILTO.test(value.trim())) {
    const address = value.trim().replace(MAILTO, "").trim();
    if (address.includes("@")) return address;
  }
  const email = param(prop, "email");
  return email?.includes("@") ? email.replace(MAILTO, "") : null;
};

const upper = (value: unknown): string => (typeof value === "string" ? value.trim().toUpperCase() : "");

/** What the people of a VEVENT say: the considered attendees and whether the user declined. */
export interface IcsPeople {
  readonly attendees: string[];
  readonly declinedByMe: boolean;
}

/**
 * Considered attendees (spec §1) of a VEVENT: ATTENDEE and ORGANIZER addresses, lower-cased,
 * once each, that are not the user (`me`, case-insensitive), not resources (CUTYPE=RESOURCE or
 * ROOM), not calendar system addresses, and have not declined (PARTSTAT=DECLINED).
 * `declinedByMe` is true when the user's own ATTENDEE has PARTSTAT=DECLINED.
 * @example icsPeople(<ORGANIZER:mailto:me@x.com, ATTENDEE;PARTSTAT=ACCEPTED:MAILTO:CFO@Acme.com>, "ME@x.com")
 *   → { attendees: ["cfo@acme.com"], declinedByMe: false }
 */
export const icsPeople = (vevent: ICAL.Component, me: string | undefined): IcsPeople => {
  const user = me?.trim().toLowerCase() || undefined;
  const candidates: AttendeeCandidate[] = [];
  let declinedByMe = false;
  // Attendees first, then organizers, each in file order (as getAllProperties lists them).
  const organizers: JcalProperty[] = [];
  for (const prop of jcalProperties(vevent)) {
    if (prop[0] === "organizer") organizers.push(prop);
    if (prop[0] !== "attendee") continue;
    const email = addressOf(prop, vevent);
    if (!email) continue;
    const cutype = upper(param(prop, "cutype"));
    const declined = upper(param(prop, "partstat")) === "DECLINED";
    if (declined && user !== undefined && email.toLowerCase() === user) declinedByMe = true;
    candidates.push({ email, resource: cutype === "RESOURCE" || cutype === "ROOM", declined });
  }
  for (const prop of organizers) {
    const email = addressOf(prop, vevent);
    if (email) candidates.push({ email });
  }
  return { attendees: consideredAttendees(candidates, user), declinedByMe };
};

/** Whether the VEVENT is cancelled (STATUS:CANCELLED). */
export const isCancelled = (vevent: ICAL.Component): boolean => upper(firstValue(vevent, "status")) === "CANCELLED";

/**
 * Why a VEVENT counts as nothing, in the spec's precedence cancelled > declined > free; null
 * when it is busy. Free: TRANSP:TRANSPARENT, or X-MICROSOFT-CDO-BUSYSTATUS FREE or WORKINGELSEWHERE.
 * @example icsIgnoredReason(<STATUS:CANCELLED, TRANSP:TRANSPARENT>, false) → "cancelled"
 */
export const icsIgnoredReason = (vevent: ICAL.Component, declinedByMe: boolean): IgnoredReason | null => {
  if (isCancelled(vevent)) return "cancelled";
  if (declinedByMe) return "declined";
  const busyStatus = upper(firstValue(vevent, "x-microsoft-cdo-busystatus"));
  if (upper(firstValue(vevent, "transp")) === "TRANSPARENT") return "free";
  if (busyStatus === "FREE" || busyStatus === "WORKINGELSEWHERE") return "free";
  return null;
};

/** X-MICROSOFT-CDO-BUSYSTATUS:OOF: busy and out of office. */
export const isOutOfOffice = (vevent: ICAL.Component): boolean => upper(firstValue(vevent, "x-microsoft-cdo-busystatus")) === "OOF";
