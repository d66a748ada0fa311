// planWeek words a busy event's matches only when they are read (shared/plan/busyEvent.ts): read
// in any order, once or twice, they are the plain definition's (spec §3's categories, each with
// the attendee or account that matched, in the order of the attendees, then the note).
import fc from "fast-check";
import { DateTime } from "luxon";
import type { CalendarEvent } from "../../shared/event";
import type { Match } from "../../shared/plan/plan";
import { planWeek } from "../../shared/plan/planWeek";
import { parseSettings, type Settings } from "../../shared/settings/settings";

const ZONE = "America/New_York";
const NOW = DateTime.fromISO("2026-11-23T12:00:00", { zone: ZONE });
const MONDAY = DateTime.fromISO("2026-11-30T00:00:00", { zone: ZONE });
const parsed = parseSettings({
  timeZone: ZONE,
  ownDomains: ["seller.com"],
  lookBackWeeks: 1,
  accounts: [
    { name: "Acme", domains: ["acme.com"], tier: "dream" },
    { name: "Initech", domains: ["initech.com", "eu.acme.com"], tier: "a-list" },
    { name: "Umbrella", domains: ["umbrella.com", "acme.com"], tier: "pain" },
    { name: "Hooli", domains: ["hooli.co.uk"], tier: "dream" },
  ],
  decisionMakers: [
    { email: "cfo@acme.com", name: "Dana", title: "CFO" },
    { email: "ceo@globex.io" },
    { email: "vp@eu.acme.com", title: "VP" },
  ],
});
if (!parsed.ok) throw parsed.error;
const settings = parsed.value;

const TIER = { dream: ["dreamClient", "dream account"], "a-list": ["aList", "A-list account"], pain: ["pain", "pain account"] } as const;

/** The matches by their definition, one attendee after another: nothing shared, nothing cached. */
const plainMatches = (event: CalendarEvent, s: Settings): Match[] => {
  const out: Match[] = [];
  const seen = new Set<string>();
  const own = (email: string) => (s.ownDomains ?? []).some((d) => email.endsWith(`@${d}`) || email.endsWith(`.${d}`));
  for (const email of event.attendees) {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    s.accounts.forEach((account, index) => {
      if (!account.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return;
      const [category, label] = TIER[account.tier];
      if (seen.has(category)) return;
      seen.add(category);
      out.push({ category, email, account: { name: s.accounts[index]!.name, label } });
    });
    const dm = s.decisionMakers.find((d) => d.email === email);
    if (dm && !seen.has("decisionMaker")) {
      seen.add("decisionMaker");
      out.push({ category: "decisionMaker", email, person: [dm.name, dm.title].filter(Boolean).join(", ") });
    }
  }
  if (!event.attendeesHidden) {
    if (event.attendees.length > 0 && event.attendees.every(own)) out.push({ category: "internal", note: "only colleagues" });
    else if (event.attendees.length === 0) {
      if (event.bookedByUs) out.push({ category: "prospecting", note: "booked by Next Week" });
      else if (event.title.toLowerCase().includes("prospecting")) out.push({ category: "prospecting", note: "title says prospecting" });
    }
  }
  if (event.outOfOffice) out.push({ category: "outOfOffice", note: "out of office" });
  return out;
};

const guests = ["cfo@acme.com", "lee@acme.com", "vp@eu.acme.com", "kim@eu.acme.com", "ana@initech.com", "bo@umbrella.com", "cy@seller.com", "ceo@globex.io", "eve@gmail.com", "fay@hooli.co.uk", "gil@x.hooli.co.uk"];
const item = fc.record({
  hour: fc.integer({ min: -170, max: 170 }),
  minutes: fc.constantFrom(0, 30, 90),
  who: fc.subarray(guests, { maxLength: 4 }).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length })),
  title: fc.constantFrom("", "Prospecting", "Sync"),
  hidden: fc.boolean(),
  outOfOffice: fc.boolean(),
  bookedByUs: fc.boolean(),
});

test("a busy event's matches, read in any order and again, are the plain definition's", () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 80 }), (list, reads) => {
      const events: CalendarEvent[] = list.map((e, i) => {
        const start = MONDAY.plus({ hours: e.hour });
        return { id: `e${i}`, title: e.title, start, end: start.plus({ minutes: e.minutes }), allDay: false, ignored: null, outOfOffice: e.outOfOffice, attendees: e.who, attendeesHidden: e.hidden, bookedByUs: e.bookedByUs, bookingKey: null, source: "google" };
      });
      const plan = planWeek({ events, settings, zone: ZONE, now: NOW });
      // Some read first, in a random order; then all, in order; then all again (the same lists).
      for (const r of reads) if (plan.busy.length > 0) plan.busy[r % plan.busy.length]!.matches;
      const first = plan.busy.map((b) => b.matches);
      plan.busy.forEach((b, i) => {
        expect(b.matches).toEqual(plainMatches(b.event, settings));
        expect(b.matches).toBe(first[i]);
      });
    }),
    { numRuns: 300 },
  );
});
