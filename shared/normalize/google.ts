import * as z from "zod/mini";
import { EventError } from "../errors";
import type { CalendarEvent, IgnoredReason, NormalizeContext } from "../event";
import { err, ok, type Result } from "../result";
import { GOOGLE_MARKER_PROPERTY } from "../booking/booking";
import { DateTimes } from "../time/dateTimes";
import { AttendeeCollector } from "./attendees";
import { userZone } from "../time/cachedZone";
import { checkedSpan, dateStartMillis, instantMillis, zoneFromName } from "./eventTimes";
import { isNullishArrayOf, isNullishBoolean, isNullishString, isObject } from "./shapeCheck";
import { describeShapeIssue } from "./shapeIssue";

/** The Calendar API v3 `Events` list (or just its items), as `--google FILE` accepts it. */
export type GoogleEventList = readonly unknown[] | { readonly items?: readonly unknown[]; readonly timeZone?: string };

/**
 * The fields of a Calendar v3 `Event` the core reads; everything else passes through unread.
 * Built on first use: `isGoogleEvent` answers for the events the schema accepts, so most runs
 * never need it.
 */
const buildGoogleEventSchema = () => {
  const EventTime = z.object({
    date: z.nullish(z.string()),
    dateTime: z.nullish(z.string()),
    timeZone: z.nullish(z.string()),
  });
  const Organizer = z.object({
    email: z.nullish(z.string()),
    self: z.nullish(z.boolean()),
  });
  const Person = z.object({
    email: z.nullish(z.string()),
    self: z.nullish(z.boolean()),
    resource: z.nullish(z.boolean()),
    responseStatus: z.nullish(z.string()),
  });
  return z.object({
    id: z.nullish(z.string()),
    status: z.nullish(z.string()),
    summary: z.nullish(z.string()),
    start: z.nullish(EventTime),
    end: z.nullish(EventTime),
    transparency: z.nullish(z.string()),
    eventType: z.nullish(z.string()),
    attendeesOmitted: z.nullish(z.boolean()),
    attendees: z.nullish(z.array(Person)),
    organizer: z.nullish(Organizer),
    // Only our own marker is read from the private properties; other keys pass through unread.
    extendedProperties: z.nullish(z.object({ private: z.nullish(z.object({ [GOOGLE_MARKER_PROPERTY]: z.optional(z.string()) })) })),
  });
};
let googleSchema: ReturnType<typeof buildGoogleEventSchema> | undefined;
/** The schema of a Calendar v3 `Event` as the core reads it (built once, on first use). */
export const googleEventSchema = (): ReturnType<typeof buildGoogleEventSchema> => (googleSchema ??= buildGoogleEventSchema());
export type GoogleEvent = z.infer<ReturnType<typeof buildGoogleEventSchema>>;
type Person = NonNullable<GoogleEvent["attendees"]>[number];

const isEventTime = (v: unknown): boolean =>
  v === undefined || v === null || (isObject(v) && isNullishString(v.date) && isNullishString(v.dateTime) && isNullishString(v.timeZone));

const isPerson = (v: unknown): boolean =>
  isObject(v) && isNullishString(v.email) && isNullishBoolean(v.self) && isNullishBoolean(v.resource) && isNullishString(v.responseStatus);

const isExtendedProperties = (v: unknown): boolean => {
  if (v === undefined || v === null) return true;
  if (!isObject(v)) return false;
  const own = v.private;
  if (own === undefined || own === null) return true;
  if (!isObject(own)) return false;
  const marker = own[GOOGLE_MARKER_PROPERTY];
  return marker === undefined || typeof marker === "string";
};

/** The schema's answer for the events it accepts, without zod's cost; false sends the event to zod. */
export const isGoogleEvent = (v: unknown): v is GoogleEvent => {
  if (!isObject(v)) return false;
  const organizer = v.organizer;
  return (
    isNullishString(v.id) &&
    isNullishString(v.status) &&
    isNullishString(v.summary) &&
    isEventTime(v.start) &&
    isEventTime(v.end) &&
    isNullishString(v.transparency) &&
    isNullishString(v.eventType) &&
    isNullishBoolean(v.attendeesOmitted) &&
    isNullishArrayOf(v.attendees, isPerson) &&
    (organizer === undefined || organizer === null || (isObject(organizer) && isNullishString(organizer.email) && isNullishBoolean(organizer.self))) &&
    isExtendedProperties(v.extendedProperties)
  );
};

/** One end of an event as epoch milliseconds, or the error naming the field. */
const time = (id: string, field: "start" | "end", value: GoogleEvent["start"], zone: string): number | EventError => {
  if (!value) return new EventError(id, field, "is missing");
  if (value.dateTime) {
    const declared = value.timeZone ? zoneFromName(value.timeZone) : null;
    const at = instantMillis(value.dateTime, declared ?? zone);
    return at === at ? at : new EventError(id, `${field}.dateTime`, `is not a date-time: "${value.dateTime}"`);
  }
  if (value.date) {
    const at = dateStartMillis(value.date, zone);
    return at === at ? at : new EventError(id, `${field}.date`, `is not a date: "${value.date}"`);
  }
  return new EventError(id, field, "has neither dateTime nor date");
};

const ignoredReason = (e: GoogleEvent, mine: Person | undefined): IgnoredReason | null => {
  if (e.status === "cancelled") return "cancelled";
  if (mine?.responseStatus === "declined") return "declined";
  if (e.eventType === "workingLocation") return "workingLocation";
  if (e.eventType === "birthday") return "birthday";
  if (e.transparency === "transparent") return "free";
  return null;
};

/**
 * Calendar API v3 `Event` resources (as `Events.list` with `singleEvents: true` returns them)
 * into `CalendarEvent`s in the user's zone. Cancelled events without times are dropped; a
 * malformed event is an error naming its id and the field.
 * @example normalizeGoogleEvents([{ id: "a", summary: "Acme QBR", start: { dateTime: "2026-12-01T10:00:00-05:00" }, end: { dateTime: "2026-12-01T11:00:00-05:00" }, attendees: [{ email: "cfo@acme.com" }] }], { zone: "America/New_York" })
 *   → ok([{ id: "a", title: "Acme QBR", start: 10:00, end: 11:00, attendees: ["cfo@acme.com"], ignored: null, … }])
 */
export const normalizeGoogleEvents = (items: readonly unknown[], ctx: NormalizeContext): Result<CalendarEvent[], EventError> => {
  const out: CalendarEvent[] = [];
  const times = new DateTimes(userZone(ctx.zone));
  const user = ctx.me?.toLowerCase();
  const people = new AttendeeCollector(ctx.me);
  for (let index = 0; index < items.length; index++) {
    const raw = items[index];
    const rawId = typeof (raw as { id?: unknown } | null)?.id === "string" ? (raw as { id: string }).id : `#${index + 1}`;
    // Cancelled events are dropped before anything else is read; one with readable times stays
    // only so the card can list it as "cancelled".
    const cancelled = (raw as { status?: unknown } | null)?.status === "cancelled";
    let e: GoogleEvent;
    if (isGoogleEvent(raw)) e = raw;
    else {
      const parsed = googleEventSchema().safeParse(raw);
      if (!parsed.success) {
        if (cancelled) continue;
        return err(new EventError(rawId, ...describeShapeIssue(parsed.error, raw)));
      }
      e = parsed.data;
    }
    const id = e.id ?? rawId;
    const span = checkedSpan(id, time(id, "start", e.start, ctx.zone), time(id, "end", e.end, ctx.zone), cancelled, times);
    if (span === "skip") continue;
    if (!span.ok) return span;
    let mine: Person | undefined;
    const attendees = e.attendees;
    if (attendees) {
      for (let i = 0; i < attendees.length; i++) {
        const a = attendees[i]!;
        if (mine === undefined && (a.self === true || (user !== undefined && a.email?.toLowerCase() === user))) mine = a;
        people.add(a.email, a.self === true || a.resource === true || a.responseStatus === "declined");
      }
    }
    if (e.organizer) people.add(e.organizer.email, e.organizer.self === true);
    const marker = e.extendedProperties?.private?.[GOOGLE_MARKER_PROPERTY] ?? null;
    out.push({
      id,
      title: e.summary ?? "",
      start: span.value.start,
      end: span.value.end,
      allDay: !e.start?.dateTime,
      ignored: ignoredReason(e, mine),
      outOfOffice: e.eventType === "outOfOffice",
      attendees: people.take(),
      attendeesHidden: e.attendeesOmitted === true,
      bookedByUs: marker !== null,
      bookingKey: marker,
      source: "google",
    });
  }
  return ok(out);
};

/** The items of a `--google` file: an array of events or an `Events` list with `items`. */
export const googleItems = (list: GoogleEventList): { items: readonly unknown[]; calendarZone: string | null } =>
  Array.isArray(list)
    ? { items: list, calendarZone: null }
    : { items: (list as { items?: readonly unknown[] }).items ?? [], calendarZone: (list as { timeZone?: string }).timeZone ?? null };
