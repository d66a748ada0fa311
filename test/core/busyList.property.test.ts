// planWeek sizes its list of busy events once, from a count taken while reading the events
// (shared/plan/windowItems.ts): the list must hold exactly the busy events of the week, in order
// of start, then end, then input order, with no empty place.
import fc from "fast-check";
import { DateTime } from "luxon";
import type { CalendarEvent, IgnoredReason } from "../../shared/event";
import { planWeek } from "../../shared/plan/planWeek";
import { parseSettings } from "../../shared/settings/settings";

const ZONE = "Europe/London";
const NOW = DateTime.fromISO("2026-11-23T12:00:00", { zone: ZONE });
const MONDAY = DateTime.fromISO("2026-11-30T00:00:00", { zone: ZONE });
const parsed = parseSettings({ timeZone: ZONE, lookBackWeeks: 1 });
if (!parsed.ok) throw parsed.error;
const settings = parsed.value;

const item = fc.record({
  hour: fc.integer({ min: -200, max: 200 }),
  minutes: fc.constantFrom(0, 30, 60, 60 * 30),
  ignored: fc.constantFrom<IgnoredReason | null>(null, null, null, "declined", "free"),
});

test("the busy list is the week's busy events in order, each once, with no empty place", () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 60 }), (list) => {
      const events: CalendarEvent[] = list.map((e, i) => {
        const start = MONDAY.plus({ hours: e.hour });
        return { id: `e${i}`, title: "", start, end: start.plus({ minutes: e.minutes }), allDay: false, ignored: e.ignored, outOfOffice: false, attendees: [], attendeesHidden: false, bookedByUs: false, bookingKey: null, source: "google" };
      });
      const plan = planWeek({ events, settings, zone: ZONE, now: NOW });
      const from = plan.week.start.toMillis();
      const to = plan.week.end.toMillis();
      const inWeek = (e: CalendarEvent) => {
        const s = e.start.toMillis();
        const t = e.end.toMillis();
        return t > s ? s < to && t > from : s >= from && s < to;
      };
      const expected = events
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => e.ignored === null && inWeek(e))
        .sort((a, b) => a.e.start.toMillis() - b.e.start.toMillis() || a.e.end.toMillis() - b.e.end.toMillis() || a.i - b.i)
        .map(({ e }) => e);
      expect(Object.keys(plan.busy).length).toBe(plan.busy.length);
      expect(plan.busy.map((b) => b.event)).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});
