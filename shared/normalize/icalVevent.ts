import ICAL from "ical.js";
import { EventError } from "../errors";
import type { IgnoredReason } from "../event";
import { err, ok, type Result } from "../result";
import { icsIgnoredReason, icsPeople, isOutOfOffice } from "./icalPeople";
import { allJcal, firstJcal, firstValue, type JcalProperty } from "./icalJcal";
import type { Occurrence } from "./icalRecurrence";
import { printable } from "../text/printable";
import { asWritten, naiveMillis, parseIcsValue, zoneOfProperty, DAY_MS, type IcsTimeValue, type IcsZone, type Wall } from "./icalTime";

/** The property that marks a block this add-on booked; its value is the block key. */
export const ICAL_MARKER_PROPERTY = "X-NEXT-WEEK-BLOCK";

/** How long each occurrence lasts. */
export type Length =
  /** All-day: whole days, midnight to midnight in the user's zone. */
  | { readonly kind: "days"; readonly days: number }
  /** DTEND (or none): the same elapsed time for every occurrence (RFC 5545 §3.8.5.3). */
  | { readonly kind: "elapsed"; readonly ms: number }
  /** DURATION on a timed event: calendar days in the event's zone, then elapsed time. */
  | { readonly kind: "nominal"; readonly days: number; readonly ms: number };

/** A DATE or DATE-TIME value with the zone it is read in and the instant it names. */
export interface IcsTimeRef {
  readonly value: IcsTimeValue;
  readonly zone: IcsZone;
  readonly ms: number;
}

/** The zones a VEVENT's values are read in: the user's zone (floating times, dates) and TZIDs. */
export interface ZoneLookup {
  readonly user: IcsZone;
  /** The zone of a TZID, or why the file's definition of it cannot be used; null when it is unknown. */
  readonly tzid: (tzid: string) => Result<IcsZone, string> | null;
}

/** The longest event read: longer is an error naming the event (a DURATION of 99,999,999 weeks placed nothing and printed NaN). */
export const MAX_EVENT_DAYS = 366;
const MAX_EVENT_MS = MAX_EVENT_DAYS * DAY_MS;

/** One VEVENT, read and checked: what normalizing and expanding it needs. */
export interface IcsEventRecord {
  /** The UID, or "#n" (the n-th VEVENT of the file) when it has none. */
  readonly id: string;
  readonly hasUid: boolean;
  readonly title: string;
  readonly allDay: boolean;
  readonly start: IcsTimeRef;
  readonly length: Length;
  readonly rrules: readonly ICAL.Recur[];
  readonly rdates: readonly Occurrence[];
  readonly exdates: readonly IcsTimeRef[];
  readonly recurrenceId: IcsTimeRef | null;
  readonly sequence: number;
  readonly ignored: IgnoredReason | null;
  readonly outOfOffice: boolean;
  readonly attendees: readonly string[];
  readonly bookingKey: string | null;
}

const rawValues = (prop: ICAL.Property | JcalProperty): unknown[] => (Array.isArray(prop) ? prop : ((prop as ICAL.Property).toJSON() as unknown[])).slice(3);

const tzidOf = (prop: JcalProperty): string | null => {
  const params = prop[1];
  const value = "tzid" in params ? params.tzid : undefined;
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
};

const fieldOf = (prop: JcalProperty): string => prop[0].toUpperCase();

const dateOnly = (w: Wall): Wall => ({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0 });

/** Reads one DATE or DATE-TIME value of a property. Dates are placed at midnight in the user's zone. */
const readValue = (raw: unknown, prop: JcalProperty, id: string, zones: ZoneLookup): Result<IcsTimeRef, EventError> => {
  const field = fieldOf(prop);
  const value = parseIcsValue(raw);
  if (!value) return err(new EventError(id, field, `is not a valid date or date-time: "${asWritten(raw)}"`));
  if (value.isDate) return ok({ value, zone: zones.user, ms: zones.user.toMillis(value.wall) });
  const zone = zoneOfProperty(tzidOf(prop), value.utc, zones);
  if (!zone.ok) return err(new EventError(id, field, zone.error));
  const ms = zone.value.toMillis(value.wall);
  if (!Number.isFinite(ms)) return err(new EventError(id, field, `cannot be placed in time zone "${printable(zone.value.name)}": "${asWritten(raw)}"`));
  return ok({ value, zone: zone.value, ms });
};

/** The one value of a single-valued property (DTSTART, DTEND, RECURRENCE-ID). */
const readSingle = (vevent: ICAL.Component, name: string, id: string, zones: ZoneLookup): Result<IcsTimeRef | null, EventError> => {
  const prop = firstJcal(vevent, name);
  if (!prop) return ok(null);
  const raw = rawValues(prop)[0];
  if (raw === undefined || raw === "") return err(new EventError(id, name.toUpperCase(), "has no value"));
  return readValue(raw, prop, id, zones);
};

/** In an all-day series, every start is a date at midnight in the user's zone. */
const asDate = (ref: IcsTimeRef, zones: ZoneLookup): IcsTimeRef => {
  if (ref.value.isDate) return ref;
  const wall = dateOnly(ref.value.wall);
  return { value: { wall, isDate: true, utc: false }, zone: zones.user, ms: zones.user.toMillis(wall) };
};

const wholeDaysBetween = (from: Wall, to: Wall): number => Math.round((naiveMillis(dateOnly(to)) - naiveMillis(dateOnly(from))) / DAY_MS);

const readDuration = (prop: ICAL.Property, id: string): Result<ICAL.Duration, EventError> => {
  try {
    const value = prop.getFirstValue();
    if (value instanceof ICAL.Duration) {
      if (value.isNegative && value.toSeconds() !== 0) return err(new EventError(id, "DURATION", `is negative: "${printable(value.toString())}"`));
      return ok(value);
    }
  } catch {
    // Reported below with the value as written.
  }
  return err(new EventError(id, "DURATION", `is not a valid duration: "${asWritten(rawValues(prop)[0] ?? "")}"`));
};

const durationParts = (d: ICAL.Duration): { days: number; ms: number } => ({
  days: d.weeks * 7 + d.days,
  ms: ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000,
});

const tooLong = (id: string, field: string, problem: string): EventError =>
  new EventError(id, field, `${problem}, the longest event this reads: shorten the event or leave it out of the export`);

/**
 * The length of an event. DTEND wins over DURATION (RFC 5545 allows only one). An all-day
 * event lasts whole days: a missing end, a DTEND on the start date and a DURATION under a day
 * all mean one day; a DURATION with hours is rounded up to whole days. A timed event with
 * neither DTEND nor DURATION has no length.
 */
const readLength = (vevent: ICAL.Component, id: string, start: IcsTimeRef, zones: ZoneLookup): Result<Length, EventError> => {
  const allDay = start.value.isDate;
  const end = readSingle(vevent, "dtend", id, zones);
  if (!end.ok) return end;
  if (end.value) {
    const e = end.value;
    const order = (): EventError =>
      new EventError(id, "DTEND", `${asWritten(rawValues(vevent.getFirstProperty("dtend")!)[0])} is before DTSTART ${asWritten(rawValues(vevent.getFirstProperty("dtstart")!)[0])}`);
    if (allDay) {
      const past = e.value.isDate ? 0 : e.value.wall.hour + e.value.wall.minute + e.value.wall.second > 0 ? 1 : 0;
      const days = wholeDaysBetween(start.value.wall, e.value.wall) + past;
      if (days < 0) return err(order());
      if (days > MAX_EVENT_DAYS) return err(tooLong(id, "DTEND", `is ${days.toLocaleString("en-US")} days after DTSTART`));
      return ok({ kind: "days", days: Math.max(1, days) });
    }
    if (e.ms < start.ms) return err(order());
    if (e.ms - start.ms > MAX_EVENT_MS) return err(tooLong(id, "DTEND", `is more than ${MAX_EVENT_DAYS} days after DTSTART`));
    return ok({ kind: "elapsed", ms: e.ms - start.ms });
  }
  const durationProp = vevent.getFirstProperty("duration");
  if (durationProp) {
    const duration = readDuration(durationProp, id);
    if (!duration.ok) return duration;
    const { days, ms } = durationParts(duration.value);
    if (!Number.isFinite(days) || !Number.isFinite(ms) || days * DAY_MS + ms > MAX_EVENT_MS) {
      return err(tooLong(id, "DURATION", `"${printable(duration.value.toString())}" is longer than ${MAX_EVENT_DAYS} days`));
    }
    if (allDay) return ok({ kind: "days", days: Math.max(1, days + Math.ceil(ms / DAY_MS)) });
    return ok({ kind: "nominal", days, ms });
  }
  return ok(allDay ? { kind: "days", days: 1 } : { kind: "elapsed", ms: 0 });
};

const readRrules = (vevent: ICAL.Component, id: string): Result<ICAL.Recur[], EventError> => {
  const rules: ICAL.Recur[] = [];
  for (const prop of vevent.getAllProperties("rrule")) {
    try {
      const value = prop.getFirstValue();
      if (value instanceof ICAL.Recur && value.freq) {
        rules.push(value);
        continue;
      }
    } catch {
      // Reported below.
    }
    return err(new EventError(id, "RRULE", `is not a valid recurrence rule: "${printable(String(JSON.stringify(rawValues(prop)[0] ?? "")))}"`));
  }
  return ok(rules);
};

const readRdates = (vevent: ICAL.Component, id: string, allDay: boolean, zones: ZoneLookup): Result<Occurrence[], EventError> => {
  const out: Occurrence[] = [];
  for (const prop of allJcal(vevent, "rdate")) {
    for (const raw of rawValues(prop)) {
      const [startRaw, endRaw] = Array.isArray(raw) ? (raw as unknown[]) : [raw, undefined];
      const read = readValue(startRaw, prop, id, zones);
      if (!read.ok) return read;
      const start = allDay ? asDate(read.value, zones) : read.value;
      let endMs: number | null = null;
      if (typeof endRaw === "string" && /^[+-]?P/i.test(endRaw)) {
        try {
          endMs = start.ms + ICAL.Duration.fromString(endRaw).toSeconds() * 1000;
          if (!Number.isFinite(endMs) || endMs - start.ms > MAX_EVENT_MS) return err(tooLong(id, "RDATE", `has a period "${asWritten(endRaw)}" longer than ${MAX_EVENT_DAYS} days`));
        } catch {
          return err(new EventError(id, "RDATE", `has a period with an invalid duration: "${asWritten(endRaw)}"`));
        }
      } else if (endRaw !== undefined) {
        const end = readValue(endRaw, prop, id, zones);
        if (!end.ok) return end;
        endMs = end.value.ms;
      }
      if (endMs !== null && endMs - start.ms > MAX_EVENT_MS) return err(tooLong(id, "RDATE", `has a period longer than ${MAX_EVENT_DAYS} days`));
      if (endMs !== null && endMs < start.ms) return err(new EventError(id, "RDATE", `has a period that ends before it starts: "${asWritten(startRaw)}/${asWritten(endRaw)}"`));
      out.push({ wall: start.value.wall, zone: start.zone, startMs: start.ms, endMs: allDay ? null : endMs });
    }
  }
  return ok(out);
};

const readExdates = (vevent: ICAL.Component, id: string, zones: ZoneLookup): Result<IcsTimeRef[], EventError> => {
  const out: IcsTimeRef[] = [];
  for (const prop of allJcal(vevent, "exdate")) {
    for (const raw of rawValues(prop)) {
      const read = readValue(raw, prop, id, zones);
      if (!read.ok) return read;
      out.push(read.value);
    }
  }
  return ok(out);
};

const text = (vevent: ICAL.Component, name: string): string => {
  const value = firstValue(vevent, name);
  return typeof value === "string" ? value : "";
};

/**
 * Reads one VEVENT: its times in the user's zone (via `zones`), length, recurrence
 * properties, status and considered attendees. A malformed VEVENT is an `EventError` naming
 * its UID (or "#n", its position in the file) and the property.
 * @example readVevent(<UID:a, DTSTART;TZID=America/New_York:20260302T090000, DTEND…T100000>, 1, zones)
 *   → ok({ id: "a", allDay: false, start: { ms: 2026-03-02T14:00Z }, length: { kind: "elapsed", ms: 3600000 }, … })
 */
export const readVevent = (vevent: ICAL.Component, position: number, zones: ZoneLookup, me: string | undefined): Result<IcsEventRecord, EventError> => {
  const uid = text(vevent, "uid").trim();
  const id = uid || `#${position}`;
  // Messages name the event by a printable excerpt of its UID (a UID may hold anything).
  const named = printable(id);
  const startRead = readSingle(vevent, "dtstart", named, zones);
  if (!startRead.ok) return startRead;
  if (!startRead.value) return err(new EventError(named, "DTSTART", "is missing"));
  const start = startRead.value;
  const allDay = start.value.isDate;
  const length = readLength(vevent, named, start, zones);
  if (!length.ok) return length;
  const rrules = readRrules(vevent, named);
  if (!rrules.ok) return rrules;
  const rdates = readRdates(vevent, named, allDay, zones);
  if (!rdates.ok) return rdates;
  const exdates = readExdates(vevent, named, zones);
  if (!exdates.ok) return exdates;
  const recurrenceId = readSingle(vevent, "recurrence-id", named, zones);
  if (!recurrenceId.ok) return recurrenceId;
  const sequence = Number(firstValue(vevent, "sequence"));
  // Who attends, the status and the title are read only for events that reach the analysed
  // window: an export's years of other events are checked for their times and nothing more.
  let details: { title: string; ignored: IgnoredReason | null; outOfOffice: boolean; attendees: readonly string[]; bookingKey: string | null } | undefined;
  const read = () => {
    if (!details) {
      const people = icsPeople(vevent, me);
      const marker = text(vevent, ICAL_MARKER_PROPERTY.toLowerCase()).trim();
      details = { title: text(vevent, "summary"), ignored: icsIgnoredReason(vevent, people.declinedByMe), outOfOffice: isOutOfOffice(vevent), attendees: people.attendees, bookingKey: marker || null };
    }
    return details;
  };
  return ok({
    id,
    hasUid: uid !== "",
    get title() {
      return read().title;
    },
    allDay,
    start,
    length: length.value,
    rrules: rrules.value,
    rdates: rdates.value,
    exdates: exdates.value,
    recurrenceId: recurrenceId.value,
    sequence: Number.isFinite(sequence) ? sequence : 0,
    get ignored() {
      return read().ignored;
    },
    get outOfOffice() {
      return read().outOfOffice;
    },
    get attendees() {
      return read().attendees;
    },
    get bookingKey() {
      return read().bookingKey;
    },
  });
};
