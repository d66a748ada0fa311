import * as z from "zod/mini";
import { EventError } from "../errors";
import type { CalendarEvent, IgnoredReason, NormalizeContext } from "../event";
import { err, ok, type Result } from "../result";
import { GRAPH_MARKER_PROPERTY_ID } from "../booking/booking";
import { DateTimes } from "../time/dateTimes";
import { AttendeeCollector } from "./attendees";
import { userZone } from "../time/cachedZone";
import { checkedSpan, dateStartMillis, instantMillis, zoneFromName } from "./eventTimes";
import { isNullishArrayOf, isNullishBoolean, isNullishString, isObject } from "./shapeCheck";
import { describeShapeIssue } from "./shapeIssue";

/** A Graph `calendarView` answer (or just its `value`), as `--graph FILE` accepts it. */
export type GraphEventList = readonly unknown[] | { readonly value?: readonly unknown[] };

/**
 * The fields of a Graph `event` the core reads. Built on first use: `isGraphEvent` answers for the
 * events the schema accepts, so most runs never need it.
 */
const buildGraphEventSchema = () => {
  const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.nullish(z.string()) });
  const EmailAddress = z.nullish(z.object({ address: z.nullish(z.string()), name: z.nullish(z.string()) }));
  return z.object({
    id: z.nullish(z.string()),
    subject: z.nullish(z.string()),
    start: DateTimeTimeZone,
    end: DateTimeTimeZone,
    isAllDay: z.nullish(z.boolean()),
    isCancelled: z.nullish(z.boolean()),
    isOrganizer: z.nullish(z.boolean()),
    hideAttendees: z.nullish(z.boolean()),
    showAs: z.nullish(z.string()),
    type: z.nullish(z.string()),
    responseStatus: z.nullish(z.object({ response: z.nullish(z.string()) })),
    attendees: z.nullish(z.array(z.object({ type: z.nullish(z.string()), status: z.nullish(z.object({ response: z.nullish(z.string()) })), emailAddress: EmailAddress }))),
    organizer: z.nullish(z.object({ emailAddress: EmailAddress })),
    singleValueExtendedProperties: z.nullish(z.array(z.object({ id: z.string(), value: z.nullish(z.string()) }))),
  });
};
let graphSchema: ReturnType<typeof buildGraphEventSchema> | undefined;
/** The schema of a Graph `event` as the core reads it (built once, on first use). */
export const graphEventSchema = (): ReturnType<typeof buildGraphEventSchema> => (graphSchema ??= buildGraphEventSchema());
export type GraphEvent = z.infer<ReturnType<typeof buildGraphEventSchema>>;

const isDateTimeTimeZone = (v: unknown): boolean => isObject(v) && typeof v.dateTime === "string" && isNullishString(v.timeZone);

const isEmailAddress = (v: unknown): boolean => v === undefined || v === null || (isObject(v) && isNullishString(v.address) && isNullishString(v.name));

const isResponse = (v: unknown): boolean => v === undefined || v === null || (isObject(v) && isNullishString(v.response));

const isAttendee = (v: unknown): boolean => isObject(v) && isNullishString(v.type) && isResponse(v.status) && isEmailAddress(v.emailAddress);

const isProperty = (v: unknown): boolean => isObject(v) && typeof v.id === "string" && isNullishString(v.value);

/** The schema's answer for the events it accepts, without zod's cost; false sends the event to zod. */
export const isGraphEvent = (v: unknown): v is GraphEvent => {
  if (!isObject(v)) return false;
  const organizer = v.organizer;
  return (
    isNullishString(v.id) &&
    isNullishString(v.subject) &&
    isDateTimeTimeZone(v.start) &&
    isDateTimeTimeZone(v.end) &&
    isNullishBoolean(v.isAllDay) &&
    isNullishBoolean(v.isCancelled) &&
    isNullishBoolean(v.isOrganizer) &&
    isNullishBoolean(v.hideAttendees) &&
    isNullishString(v.showAs) &&
    isNullishString(v.type) &&
    isResponse(v.responseStatus) &&
    isNullishArrayOf(v.attendees, isAttendee) &&
    (organizer === undefined || organizer === null || (isObject(organizer) && isEmailAddress(organizer.emailAddress))) &&
    isNullishArrayOf(v.singleValueExtendedProperties, isProperty)
  );
};

/** One end of an event as epoch milliseconds, or the error naming the field. */
const time = (id: string, field: "start" | "end", value: GraphEvent["start"], allDay: boolean, zone: string): number | EventError => {
  if (allDay) {
    const at = dateStartMillis(value.dateTime.slice(0, 10), zone);
    return at === at ? at : new EventError(id, `${field}.dateTime`, `is not a date: "${value.dateTime}"`);
  }
  const declared = value.timeZone ?? "UTC";
  const sourceZone = zoneFromName(declared);
  if (!sourceZone) return new EventError(id, `${field}.timeZone`, `is not a time zone Next Week knows: "${declared}"`);
  const at = instantMillis(value.dateTime, sourceZone);
  return at === at ? at : new EventError(id, `${field}.dateTime`, `is not a date-time: "${value.dateTime}"`);
};

const ignoredReason = (e: GraphEvent): IgnoredReason | null => {
  if (e.isCancelled) return "cancelled";
  if (e.responseStatus?.response === "declined") return "declined";
  if (e.showAs === "free" || e.showAs === "workingElsewhere") return "free";
  return null;
};

const MARKER_ID = GRAPH_MARKER_PROPERTY_ID.toLowerCase();

/** The value of our marker among an event's extended properties (ids compared case-insensitively). */
const markerOf = (properties: GraphEvent["singleValueExtendedProperties"]): string | null => {
  if (!properties) return null;
  for (let i = 0; i < properties.length; i++) if (properties[i]!.id.toLowerCase() === MARKER_ID) return properties[i]!.value ?? null;
  return null;
};

/**
 * Microsoft Graph `event` resources (from `/me/calendarView`) into `CalendarEvent`s in the
 * user's zone. Series masters and cancelled events without readable times are dropped; a
 * `timeZone` may be UTC, IANA or a Windows name; a malformed event names its id and field.
 * @example normalizeGraphEvents([{ id: "g1", subject: "Acme", start: { dateTime: "2026-12-01T15:00:00.0000000", timeZone: "UTC" }, end: { dateTime: "2026-12-01T16:00:00.0000000", timeZone: "UTC" }, organizer: { emailAddress: { address: "cfo@acme.com" } } }], { zone: "America/New_York" })
 *   → ok([{ id: "g1", start: 10:00-05:00, end: 11:00-05:00, attendees: ["cfo@acme.com"], … }])
 */
export const normalizeGraphEvents = (items: readonly unknown[], ctx: NormalizeContext): Result<CalendarEvent[], EventError> => {
  const out: CalendarEvent[] = [];
  const times = new DateTimes(userZone(ctx.zone));
  const people = new AttendeeCollector(ctx.me);
  for (let index = 0; index < items.length; index++) {
    const raw = items[index] as { id?: unknown; isCancelled?: unknown; type?: unknown } | null;
    const rawId = typeof raw?.id === "string" ? raw.id : `#${index + 1}`;
    if (raw?.type === "seriesMaster") continue;
    const cancelled = raw?.isCancelled === true;
    let e: GraphEvent;
    if (isGraphEvent(raw)) e = raw;
    else {
      const parsed = graphEventSchema().safeParse(raw);
      if (!parsed.success) {
        if (cancelled) continue;
        return err(new EventError(rawId, ...describeShapeIssue(parsed.error, raw)));
      }
      e = parsed.data;
    }
    const id = e.id ?? rawId;
    const allDay = e.isAllDay === true;
    const span = checkedSpan(id, time(id, "start", e.start, allDay, ctx.zone), time(id, "end", e.end, allDay, ctx.zone), cancelled, times);
    if (span === "skip") continue;
    if (!span.ok) return span;
    const attendees = e.attendees;
    if (attendees) {
      for (let i = 0; i < attendees.length; i++) {
        const a = attendees[i]!;
        people.add(a.emailAddress?.address, a.type === "resource" || a.status?.response === "declined");
      }
    }
    if (e.organizer) people.add(e.organizer.emailAddress?.address, e.isOrganizer === true);
    const marker = markerOf(e.singleValueExtendedProperties);
    out.push({
      id,
      title: e.subject ?? "",
      start: span.value.start,
      end: span.value.end,
      allDay,
      ignored: ignoredReason(e),
      outOfOffice: e.showAs === "oof",
      attendees: people.take(),
      attendeesHidden: e.hideAttendees === true,
      bookedByUs: marker !== null,
      bookingKey: marker,
      source: "graph",
    });
  }
  return ok(out);
};

/** The items of a `--graph` file: an array of events or a `calendarView` answer with `value`. */
export const graphItems = (list: GraphEventList): readonly unknown[] =>
  Array.isArray(list) ? list : ((list as { value?: readonly unknown[] }).value ?? []);
