// The ledger's contacts are interned only for domains at a dream or A-list account, and its
// decision-makers are a filter of them (shared/plan/): both must be what the plain definitions
// give, whatever the case of the addresses as the events give them, with pain accounts about.
import fc from "fast-check";
import { DateTime } from "luxon";
import type { CalendarEvent } from "../../shared/event";
import { planWeek } from "../../shared/plan/planWeek";
import { parseSettings } from "../../shared/settings/settings";

const ZONE = "America/New_York";
const NOW = DateTime.fromISO("2026-11-23T12:00:00", { zone: ZONE });
const MONDAY = DateTime.fromISO("2026-11-30T09:00:00", { zone: ZONE });

const DECISION_MAKERS = ["cfo@acme.com", "CEO@Eu.Acme.com", "vp@initech.com", "σς@acme.com", "lee@other.io"];
const parsed = parseSettings({
  timeZone: ZONE,
  lookBackWeeks: 1,
  accounts: [
    { name: "Acme", domains: ["acme.com"], tier: "dream" },
    { name: "Initech", domains: ["initech.com", "eu.acme.com"], tier: "a-list" },
    { name: "Umbrella", domains: ["umbrella.com", "eu.acme.com"], tier: "pain" },
  ],
  decisionMakers: DECISION_MAKERS.map((email) => ({ email })),
});
if (!parsed.ok) throw parsed.error;
const settings = parsed.value;
const listed = new Set(DECISION_MAKERS.map((e) => e.toLowerCase()));

const local = fc.constantFrom("cfo", "CFO", "ceo", "Ceo", "vp", "lee", "a@b", "A@B", "σς", "ΣΣ", "İ");
const domain = fc.constantFrom("acme.com", "ACME.com", "eu.acme.com", "Eu.Acme.Com", "initech.com", "umbrella.com", "b@acme.com", "other.io");
const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);

const event = (attendees: string[], day: number, i: number): CalendarEvent => {
  const start = MONDAY.plus({ days: day, minutes: i * 30 });
  return { id: `e${i}`, title: "", start, end: start.plus({ minutes: 30 }), allDay: false, ignored: null, outOfOffice: false, attendees, attendeesHidden: false, bookedByUs: false, bookingKey: null, source: "google" };
};

/** The plain definition: every attendee of the window whose domain, or a parent of it, is one of the account's. */
const contactsOf = (events: readonly CalendarEvent[], domains: readonly string[]) => {
  const at = (address: string) => {
    const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
    const parts = domain.split(".");
    return parts.some((_, i) => domains.includes(parts.slice(i).join(".")));
  };
  return [...new Set(events.flatMap((e) => e.attendees.filter(at)))].sort();
};

test("each account's contacts and decision-makers are the plain ones, case-insensitively", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.array(address, { maxLength: 4 }), fc.integer({ min: -7, max: 6 })), { maxLength: 30 }), (list) => {
      const events = list.map(([attendees, day], i) => event(attendees, day, i));
      const plan = planWeek({ events, settings, zone: ZONE, now: NOW });
      for (const entry of plan.accounts) {
        const account = settings.accounts.find((a) => a.name === entry.name)!;
        expect(entry.contacts).toEqual(contactsOf(events, account.domains));
        expect(entry.decisionMakers).toEqual(entry.contacts.filter((c) => listed.has(c.toLowerCase())));
      }
    }),
    { numRuns: 300 },
  );
});
