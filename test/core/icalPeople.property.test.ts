import fc from "fast-check";
import ICAL from "ical.js";
import { consideredAttendees, type AttendeeCandidate } from "../../shared/normalize/attendees";
import { icsIgnoredReason, icsPeople, isOutOfOffice } from "../../shared/normalize/icalPeople";

/**
 * icalPeople reads a VEVENT's people and status from its jCal. The reference below reads them
 * through ical.js's Property objects, as it did before: both must give the same answers (or
 * both throw) for every VEVENT ical.js parses.
 */

const MAILTO = /^mailto:/i;
const upper = (value: unknown): string => (typeof value === "string" ? value.trim().toUpperCase() : "");
const param = (prop: ICAL.Property, name: string): string | null => {
  const value = prop.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
};
const addressOf = (prop: ICAL.Property): string | null => {
  const value = prop.getFirstValue();
  if (typeof value === "string" && MAILTO.test(value.trim())) {
    const address = value.trim().replace(MAILTO, "").trim();
    if (address.includes("@")) return address;
  }
  const email = param(prop, "email");
  return email?.includes("@") ? email.replace(MAILTO, "") : null;
};
const reference = (vevent: ICAL.Component, me: string | undefined) => {
  const user = me?.trim().toLowerCase() || undefined;
  const candidates: AttendeeCandidate[] = [];
  let declinedByMe = false;
  for (const prop of vevent.getAllProperties("attendee")) {
    const email = addressOf(prop);
    if (!email) continue;
    const cutype = upper(param(prop, "cutype"));
    const declined = upper(param(prop, "partstat")) === "DECLINED";
    if (declined && user !== undefined && email.toLowerCase() === user) declinedByMe = true;
    candidates.push({ email, resource: cutype === "RESOURCE" || cutype === "ROOM", declined });
  }
  for (const prop of vevent.getAllProperties("organizer")) {
    const email = addressOf(prop);
    if (email) candidates.push({ email });
  }
  const busyStatus = upper(vevent.getFirstPropertyValue("x-microsoft-cdo-busystatus"));
  const ignored = upper(vevent.getFirstPropertyValue("status")) === "CANCELLED" ? "cancelled" : declinedByMe ? "declined" : upper(vevent.getFirstPropertyValue("transp")) === "TRANSPARENT" || busyStatus === "FREE" || busyStatus === "WORKINGELSEWHERE" ? "free" : null;
  return { attendees: consideredAttendees(candidates, user), declinedByMe, ignored, outOfOffice: busyStatus === "OOF" };
};
const mine = (vevent: ICAL.Component, me: string | undefined) => {
  const people = icsPeople(vevent, me);
  return { ...people, ignored: icsIgnoredReason(vevent, people.declinedByMe), outOfOffice: isOutOfOffice(vevent) };
};
const outcome = (read: () => unknown): unknown => {
  try {
    return read();
  } catch (e) {
    return `threw ${e instanceof Error ? e.message : String(e)}`;
  }
};

const address = fc.constantFrom("mailto:dana@acme.com", "MAILTO:Me@Seller.com", " mailto: jo@other.com ", "mailto:room@resource.calendar.google.com", "urn:uuid:1234", "mailto:no-at-sign", "");
const addressLine = fc
  .record({
    name: fc.constantFrom("ATTENDEE", "ORGANIZER", "attendee", "Organizer"),
    params: fc.subarray(["CUTYPE=ROOM", "CUTYPE=resource", "CUTYPE=INDIVIDUAL", "PARTSTAT=DECLINED", "partstat=declined", "PARTSTAT=ACCEPTED", "EMAIL=alt@acme.com", 'EMAIL="mailto:q@acme.com"', "CN=Dana", 'CN="Doe, Jo"', "VALUE=URI", "VALUE=TEXT", 'MEMBER="mailto:a@x.com","mailto:b@x.com"'], { maxLength: 4 }),
    value: address,
  })
  .map(({ name, params, value }) => [name, ...params].join(";") + `:${value}`);
const statusLine = fc
  .record({
    name: fc.constantFrom("STATUS", "TRANSP", "X-MICROSOFT-CDO-BUSYSTATUS", "status", "X-Microsoft-CDO-BusyStatus"),
    params: fc.subarray(["X-P=1", "VALUE=TEXT", "VALUE=INTEGER", "LANGUAGE=en"], { maxLength: 2 }),
    value: fc.constantFrom("CANCELLED", " cancelled ", "TRANSPARENT", "OPAQUE", "FREE", "OOF", "WORKINGELSEWHERE", "BUSY", "12", "a\\,b", ""),
  })
  .map(({ name, params, value }) => [name, ...params].join(";") + `:${value}`);
const vevent = fc
  .array(fc.oneof(addressLine, statusLine, fc.constantFrom("SUMMARY:x", "BEGIN:VALARM\r\nACTION:EMAIL\r\nATTENDEE:mailto:alarm@acme.com\r\nEND:VALARM")), { maxLength: 8 })
  .map((lines) => ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:u1", "DTSTART:20261201T150000Z", ...lines, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"));

describe("icalPeople reads the jCal as ical.js's Property objects read it", () => {
  test("the same attendees, declined, ignored and out-of-office answers (or the same error) on generated VEVENTs", () => {
    fc.assert(
      fc.property(vevent, fc.constantFrom(undefined, "me@seller.com", "ME@SELLER.COM"), (text, me) => {
        let parsed: ICAL.Component;
        try {
          parsed = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent("vevent")!;
        } catch {
          return; // not a file ical.js reads: nothing reaches icalPeople
        }
        expect(outcome(() => mine(parsed, me))).toEqual(outcome(() => reference(parsed, me)));
      }),
      { numRuns: 2000 },
    );
  });

  test("attendees before organizers, in file order, whatever order the file gives them in", () => {
    const vevent = new ICAL.Component(
      ICAL.parse(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "ORGANIZER:mailto:org@acme.com", "ATTENDEE:mailto:b@acme.com", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@seller.com", "ATTENDEE;CUTYPE=ROOM:mailto:room@acme.com", "ATTENDEE:mailto:a@other.com", "END:VEVENT", "END:VCALENDAR"].join("\r\n")) as unknown[],
    ).getFirstSubcomponent("vevent")!;
    expect(icsPeople(vevent, "me@seller.com")).toEqual({ attendees: ["b@acme.com", "a@other.com", "org@acme.com"], declinedByMe: true });
  });
});
