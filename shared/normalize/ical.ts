import ICAL from "ical.js";
import { DateTime, type Interval } from "luxon";
import { EventError, InputError } from "../errors";
import type { CalendarEvent } from "../event";
import { err, ok, type Result } from "../result";
import { printable } from "../text/printable";
import { expandSeries, fileBudget, type Occurrence } from "./icalRecurrence";
import { addDays, basicUtc, dateKey, DAY_MS, ianaZone, parseIcsValue, resolveTzid, zoneOfProperty, ZoneProblem, type IcsZone } from "./icalTime";
import { MAX_EVENT_DAYS, readVevent, type IcsEventRecord, type Length, type ZoneLookup } from "./icalVevent";
import { vtimezoneZone } from "./icalVtimezone";
import { scanIcs, type DeferredTime, type DeferredVevent, type DeferredVevents } from "./icalScan";
import { bareProperties } from "./icalBareProperties";
import { DateTimes } from "../time/dateTimes";
import { isIanaZone, userZone } from "../time/cachedZone";

export { ICAL_MARKER_PROPERTY, MAX_EVENT_DAYS } from "./icalVevent";
export { MAX_FILE_OCCURRENCES } from "./icalRecurrence";

/** The largest iCalendar text read, in characters (a file of more characters is more than this many bytes). */
export const MAX_ICS_CHARS = 50_000_000;

/** A parsed iCalendar file, ready to be normalized for any week and zone. */
export interface IcsCalendar {
  /** X-WR-TIMEZONE when it is a valid IANA zone; null otherwise. */
  readonly calendarZone: string | null;
  /**
   * The VEVENT components, in file order (ical.js objects; read them through `normalizeIcsEvents`).
   * VEVENTs the first pass deferred (see icalScan.ts) are parsed when this is first read.
   */
  readonly vevents: readonly ICAL.Component[];
  /** The VTIMEZONE components by TZID. */
  readonly vtimezones: ReadonlyMap<string, ICAL.Component>;
}

const firstLine = (text: string): string => (text.slice(0, 200).split(/\r?\n/, 1)[0] ?? "").trim();

/**
 * Parses an iCalendar file (RFC 5545). The error names what is wrong in words a user can act on.
 * @example readIcs("BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT…END:VCALENDAR") → ok({ calendarZone: "Europe/Paris", vevents: [1 VEVENT], … })
 * @example readIcs("hello") → err(InputError("not an iCalendar file: it starts with \"hello\" instead of BEGIN:VCALENDAR"))
 */
export const readIcs = (text: string): Result<IcsCalendar, InputError> => {
  if (text.length > MAX_ICS_CHARS) {
    return err(new InputError(`the iCalendar file is too large: more than ${MAX_ICS_CHARS / 1_000_000} MB, the limit; export a shorter date range`));
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return err(new InputError("not an iCalendar file: it is empty"));
  if (!/^BEGIN:VCALENDAR\s*$/i.test(firstLine(body.trimStart()))) {
    return err(new InputError(`not an iCalendar file: it starts with "${printable(firstLine(body.trimStart()), 60)}" instead of BEGIN:VCALENDAR`));
  }
  // Plain VEVENTs are left out of ical.js's parse until the window is known (icalScan.ts).
  const scan = scanIcs(body);
  let roots: ICAL.Component[];
  try {
    roots = parseRoots(scan ? scan.parsedText : body);
  } catch (e) {
    return err(new InputError(`the iCalendar file is malformed: ${printable(e instanceof Error ? e.message : String(e), 120)}`, { cause: e }));
  }
  const calendars = roots.filter((root) => root.name === "vcalendar");
  if (calendars.length === 0) return err(new InputError("not an iCalendar file: it has no VCALENDAR"));
  const { calendarZone, vtimezones, vevents: parsed } = calendarParts(calendars);
  const positions = scan?.parsedPositions;
  const layout: Layout = {
    parsed: parsed.map((component, i) => ({ position: positions ? positions[i]! : i + 1, component })),
    deferred: scan?.deferred ?? null,
    deferredComponents: new Map(),
    bareComponents: new Map(),
  };
  let all: ICAL.Component[] | undefined;
  const calendar: IcsCalendar = {
    calendarZone,
    get vevents() {
      if (!all) {
        const every = layout.deferred ? Array.from({ length: layout.deferred.count }, (_, d) => d) : [];
        all = inFileOrder(layout, every).map((entry) => entry.component);
      }
      return all;
    },
    vtimezones,
  };
  layouts.set(calendar, layout);
  return ok(calendar);
};

/**
 * The VEVENTs of a calendar `readIcs` made: those ical.js parsed with the file (each with its
 * 1-based place among the file's VEVENTs), those the first pass deferred (see icalScan.ts), and
 * the deferred ones parsed since, by their index among the deferred.
 */
interface Layout {
  readonly parsed: readonly { readonly position: number; readonly component: ICAL.Component }[];
  readonly deferred: DeferredVevents | null;
  readonly deferredComponents: Map<number, ICAL.Component>;
  /** Deferred ones built from their UID, times and the properties reading looks at (`bareVevent`), for `normalizeIn` alone; null where that could not be done. */
  readonly bareComponents: Map<number, ICAL.Component | null>;
}

const layouts = new WeakMap<IcsCalendar, Layout>();

/**
 * The VEVENTs ical.js parsed with the file and the deferred ones of `wanted` (indices in file
 * order), merged in file order; deferred ones not parsed yet are parsed now, together. With
 * `bare`, a deferred one is built from the properties reading looks at (`bareVevent`) where it can
 * be, and ical.js parses only the others: for reading alone, not for anything that reads other
 * properties.
 */
const inFileOrder = (layout: Layout, wanted: readonly number[], bare = false): { position: number; component: ICAL.Component }[] => {
  const { parsed, deferred, deferredComponents, bareComponents } = layout;
  if (deferred === null || wanted.length === 0) return [...parsed];
  const component = (d: number): ICAL.Component | undefined => deferredComponents.get(d) ?? (bare ? (bareComponents.get(d) ?? undefined) : undefined);
  if (bare) {
    for (const d of wanted) if (!deferredComponents.has(d) && !bareComponents.has(d)) bareComponents.set(d, bareVevent(deferred.at(d)));
  }
  parseDeferred(
    wanted.filter((d) => component(d) === undefined),
    deferred,
    deferredComponents,
  );
  const out: { position: number; component: ICAL.Component }[] = [];
  let p = 0;
  for (const d of wanted) {
    const position = deferred.positions[d]!;
    while (p < parsed.length && parsed[p]!.position < position) out.push(parsed[p++]!);
    out.push({ position, component: component(d)! });
  }
  while (p < parsed.length) out.push(parsed[p++]!);
  return out;
};

/**
 * What the VCALENDARs hold: the first valid X-WR-TIMEZONE, the first VTIMEZONE of each TZID,
 * and the VEVENTs, in file order.
 */
export const calendarParts = (calendars: readonly ICAL.Component[]): { calendarZone: string | null; vtimezones: Map<string, ICAL.Component>; vevents: ICAL.Component[] } => {
  const vtimezones = new Map<string, ICAL.Component>();
  const vevents: ICAL.Component[] = [];
  let calendarZone: string | null = null;
  for (const calendar of calendars) {
    const wr = calendar.getFirstPropertyValue("x-wr-timezone");
    if (calendarZone === null && typeof wr === "string" && isIanaZone(wr.trim())) calendarZone = wr.trim();
    for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
      const tzid = vtimezone.getFirstPropertyValue("tzid");
      if (typeof tzid === "string" && tzid.trim() !== "" && !vtimezones.has(tzid.trim())) vtimezones.set(tzid.trim(), vtimezone);
    }
    // One at a time: a spread of a large export's VEVENTs would overflow the call stack.
    for (const vevent of calendar.getAllSubcomponents("vevent")) vevents.push(vevent);
  }
  return { calendarZone, vtimezones, vevents };
};

/** ical.js's parse of a text as its root components. */
export const parseRoots = (text: string): ICAL.Component[] => {
  const parsed: unknown = ICAL.parse(text);
  const list = Array.isArray(parsed) && Array.isArray(parsed[0]) ? (parsed as unknown[]) : [parsed];
  return list.map((jcal) => new ICAL.Component(jcal as unknown[]));
};

/** Parses deferred VEVENTs (indices among the deferred, in file order) in one ical.js parse, in a VCALENDAR as in the file. */
const parseDeferred = (indices: readonly number[], deferred: DeferredVevents, into: Map<number, ICAL.Component>): void => {
  if (indices.length === 0) return;
  const texts = indices.map((d) => deferred.at(d).text).map((text) => (text.endsWith("\n") ? text : `${text}\r\n`));
  const vevents = parseRoots(`BEGIN:VCALENDAR\r\n${texts.join("")}END:VCALENDAR`)[0]!.getAllSubcomponents("vevent");
  indices.forEach((d, i) => into.set(d, vevents[i]!));
};

const jcalTime = (name: string, t: DeferredVevent["dtstart"]): unknown[] => [name, t.tzid === undefined ? {} : { tzid: t.tzid }, t.type, t.value];

/** A deferred VEVENT's UID, DTSTART and DTEND as ical.js's jCal would hold them. */
const timeProperties = (d: DeferredVevent): unknown[][] => [["uid", {}, "text", d.uid], jcalTime("dtstart", d.dtstart), ...(d.dtend ? [jcalTime("dtend", d.dtend)] : [])];

/**
 * A deferred VEVENT reduced to what `readVevent` checks and places of a plain event: its UID,
 * DTSTART and DTEND as ical.js's jCal would hold them (its other properties do not change the
 * times, the length or whether it reads).
 */
const timesOnly = (d: DeferredVevent): ICAL.Component => new ICAL.Component(["vevent", timeProperties(d), []]);

/**
 * A deferred VEVENT as reading it sees it, built without ical.js's parser: its UID and times
 * (what `timesOnly` holds) and the properties `readVevent` reads beyond them (`bareProperties`);
 * null when one of those is not written plainly enough to read by hand.
 */
const bareVevent = (d: DeferredVevent): ICAL.Component | null => {
  const rest = bareProperties(d.text);
  if (rest === null) return null;
  const properties: (readonly unknown[])[] = timeProperties(d);
  for (const property of rest) properties.push(property);
  return new ICAL.Component(["vevent", properties, []]);
};

/** A span `readVevent` reads as it is: finite, its end not before its start, at most MAX_EVENT_DAYS long. */
const plainSpan = (startMs: number, endMs: number): boolean => Number.isFinite(startMs) && endMs >= startMs && endMs - startMs <= MAX_EVENT_DAYS * DAY_MS;

/**
 * The instant of a deferred DTSTART or DTEND that is a date-time in UTC, in an IANA zone (its
 * TZID exactly an IANA name) or floating, as `readVevent` places it; null for anything else (a
 * date, a VTIMEZONE or Windows TZID, a time that cannot be placed).
 */
const timedMillis = (t: DeferredTime, zones: ZoneLookup): number | null => {
  const value = parseIcsValue(t.value);
  if (!value || value.isDate || (!value.utc && t.tzid !== undefined && !isIanaZone(t.tzid))) return null;
  const zone = zoneOfProperty(value.utc ? null : (t.tzid ?? null), value.utc, zones);
  if (!zone.ok) return null;
  const ms = zone.value.toMillis(value.wall);
  return Number.isFinite(ms) ? ms : null;
};

/**
 * The span of a deferred VEVENT whose DTSTART and DTEND (if any) are such date-times, as
 * `readVevent` and the expansion of a single event give it; null when it is not such an event,
 * or when reading it would fail (the whole reading then says why). Exports from Outlook and
 * Apple write every time with a TZID: this keeps them from being built one by one.
 */
const timedSpan = (d: DeferredVevent, zones: ZoneLookup): { startMs: number; endMs: number } | null => {
  const startMs = timedMillis(d.dtstart, zones);
  if (startMs === null) return null;
  if (!d.dtend) return { startMs, endMs: startMs };
  const endMs = timedMillis(d.dtend, zones);
  return endMs !== null && plainSpan(startMs, endMs) ? { startMs, endMs } : null;
};

/** Whether a tzid (or none) resolves without the file's VTIMEZONEs: read without a budget that the order of reading could change. */
const pureZone = (tzid: string | undefined): boolean => tzid === undefined || isIanaZone(tzid);

/**
 * Whether a deferred VEVENT whose times the first pass did not read must be read whole: it may
 * overlap the window, or reading its times fails (the whole reading then says why, in file order),
 * or its times are in a VTIMEZONE of the file (read in file order with the others). Read from its
 * UID, DTSTART and DTEND alone, as `readVevent` reads them, with its span as the expansion of a
 * single event gives it.
 */
const reachesAsRead = (d: DeferredVevent, zones: ZoneLookup, me: string | undefined, fromMs: number, toMs: number): boolean => {
  const span = timedSpan(d, zones);
  if (span) return overlaps(span.startMs, span.endMs, fromMs, toMs);
  if (!pureZone(d.dtstart.tzid) || !pureZone(d.dtend?.tzid)) return true;
  let brief: Result<IcsEventRecord, EventError>;
  try {
    brief = readVevent(timesOnly(d), d.position, zones, me);
  } catch {
    return true;
  }
  if (!brief.ok) return true;
  const { start, length } = brief.value;
  const endMs = endOf({ wall: start.value.wall, zone: start.zone, startMs: start.ms, endMs: null }, length, zones.user);
  return !(Number.isFinite(start.ms) && Number.isFinite(endMs)) || overlaps(start.ms, endMs, fromMs, toMs);
};

/** UIDs of the file's overrides (VEVENTs with a RECURRENCE-ID; the first pass never defers one): a VEVENT with one of these is read whole. */
const overriddenUids = (parsed: Layout["parsed"]): Set<string> => {
  const uids = new Set<string>();
  for (const { component } of parsed) {
    if (!component.hasProperty("recurrence-id")) continue;
    const uid = component.getFirstPropertyValue("uid");
    if (typeof uid === "string" && uid.trim() !== "") uids.add(uid.trim());
  }
  return uids;
};

/**
 * The deferred VEVENTs (indices, in file order) that must be read whole: those with the UID of
 * an override, and those that may reach the window (their UTC span, else `reachesAsRead`). One loop over numbers: an export
 * defers thousands and most are only compared with the window.
 */
const neededDeferred = (deferred: DeferredVevents, overridden: ReadonlySet<string>, zones: ZoneLookup, me: string | undefined, fromMs: number, toMs: number): number[] => {
  const needed: number[] = [];
  const { utcStarts, utcEnds, count } = deferred;
  for (let d = 0; d < count; d++) {
    const startMs = utcStarts[d]!;
    const endMs = utcEnds[d]!;
    // Times the first pass read (UTC, without parameters): the numbers `timedSpan` would give, without building the VEVENT.
    const reached = plainSpan(startMs, endMs) ? overlaps(startMs, endMs, fromMs, toMs) : reachesAsRead(deferred.at(d), zones, me, fromMs, toMs);
    if (reached || (overridden.size > 0 && overridden.has(deferred.uidAt(d).trim()))) needed.push(d);
  }
  return needed;
};

/** Zones of this calendar for one user zone, each TZID resolved once. */
const zoneLookup = (cal: IcsCalendar, userZone: string): ZoneLookup => {
  const cache = new Map<string, Result<IcsZone, string> | null>();
  const vtimezone = (tzid: string): Result<IcsZone, string> | null => {
    const component = cal.vtimezones.get(tzid);
    return component ? vtimezoneZone(tzid, component) : null;
  };
  return {
    user: ianaZone(userZone),
    tzid: (tzid) => {
      if (!cache.has(tzid)) {
        const resolved = resolveTzid(tzid, vtimezone);
        cache.set(tzid, resolved === null ? null : resolved.ok ? ok(resolved.value.zone) : resolved);
      }
      return cache.get(tzid) ?? null;
    },
  };
};

/** EXDATEs or overridden starts of a series: instants for timed values, dates for all-day ones. */
interface Exclusions {
  readonly instants: Set<number>;
  readonly dates: Set<string>;
}

const emptyExclusions = (): Exclusions => ({ instants: new Set(), dates: new Set() });

const exclude = (into: Exclusions, ref: { value: { wall: Parameters<typeof dateKey>[0]; isDate: boolean }; ms: number }, allDaySeries: boolean): void => {
  if (allDaySeries || ref.value.isDate) into.dates.add(dateKey(ref.value.wall));
  else into.instants.add(ref.ms);
};

const isExcluded = (ex: Exclusions, occurrence: Occurrence, allDaySeries: boolean): boolean =>
  ex.dates.has(dateKey(occurrence.wall)) || (!allDaySeries && ex.instants.has(occurrence.startMs));

const endOf = (occurrence: Occurrence, length: Length, user: IcsZone): number => {
  if (occurrence.endMs !== null) return occurrence.endMs;
  switch (length.kind) {
    case "days":
      return user.toMillis(addDays(occurrence.wall, length.days));
    case "elapsed":
      return occurrence.startMs + length.ms;
    case "nominal":
      return occurrence.zone.toMillis(addDays(occurrence.wall, length.days)) + length.ms;
  }
};

const maxLengthOf = (length: Length): number =>
  length.kind === "days" ? length.days * DAY_MS + 2 * 3_600_000 : length.kind === "elapsed" ? length.ms : length.days * DAY_MS + 2 * 3_600_000 + length.ms;

/** An event overlaps the range when it starts before its end and ends after its start; a zero-length one when its instant is in [start, end). */
const overlaps = (startMs: number, endMs: number, fromMs: number, toMs: number): boolean =>
  endMs > startMs ? startMs < toMs && endMs > fromMs : startMs >= fromMs && startMs < toMs;

const toEvent = (record: IcsEventRecord, id: string, startMs: number, endMs: number, times: DateTimes): CalendarEvent => ({
  id,
  title: record.title,
  start: times.at(startMs),
  end: times.at(endMs),
  allDay: record.allDay,
  ignored: record.ignored,
  outOfOffice: record.outOfOffice,
  attendees: record.attendees,
  attendeesHidden: false,
  bookedByUs: record.bookingKey !== null,
  bookingKey: record.bookingKey,
  source: "ical",
});

/** Builds an event whose attendees and status are read only now; a VEVENT that cannot be read is an error naming it. */
const safely = (record: IcsEventRecord, build: () => CalendarEvent): Result<CalendarEvent, EventError> => {
  try {
    return ok(build());
  } catch (e) {
    if (e instanceof ZoneProblem) throw e;
    return err(new EventError(printable(record.id), "VEVENT", `could not be read (${printable(e instanceof Error ? e.message : String(e))})`, { cause: e }));
  }
};

/** An event whose start or end is not a time (never reaches a measure as NaN). */
const unplaceable = (record: IcsEventRecord, startMs: number): EventError =>
  new EventError(printable(record.id), Number.isFinite(startMs) ? "DTEND" : "DTSTART", "cannot be placed in time (the date is out of range): fix the event's dates");

/** The id of an occurrence: UID plus its original start (UTC basic ISO), or its date for all-day ones. */
const occurrenceId = (uid: string, allDay: boolean, wallDate: Parameters<typeof dateKey>[0], startMs: number): string =>
  `${uid}_${allDay ? dateKey(wallDate) : basicUtc(startMs)}`;

/** Keeps one override per UID and RECURRENCE-ID: the highest SEQUENCE, the later one on a tie. */
const latestOverrides = (overrides: readonly IcsEventRecord[]): IcsEventRecord[] => {
  const byKey = new Map<string, IcsEventRecord>();
  for (const o of overrides) {
    const rid = o.recurrenceId!;
    const key = `${o.id}\u0000${rid.value.isDate ? dateKey(rid.value.wall) : rid.ms}`;
    const seen = byKey.get(key);
    if (!seen || o.sequence >= seen.sequence) byKey.set(key, o);
  }
  return [...byKey.values()];
};

/**
 * The events of the calendar overlapping `range`, recurrences expanded, normalized into
 * `CalendarEvent`s in `ctx.zone` (spec §1 "iCalendar"). An overridden occurrence (same UID,
 * RECURRENCE-ID) replaces the occurrence that starts at that instant (all-day series: on that
 * date); an override whose series is not in the file is an ordinary event. Occurrence ids are
 * `UID_20260302T140000Z` (UTC start; all-day: `UID_20260302`). Sorted by start.
 * A malformed event is an `EventError` naming its UID and the property, never a silent skip;
 * a cancelled event that cannot be read is dropped.
 * @example normalizeIcsEvents(readIcs(<weekly "Standup" DTSTART;TZID=America/New_York:20260302T090000, RRULE:FREQ=WEEKLY>), { zone: "America/New_York", range: 9–16 March 2026 })
 *   → ok([{ id: "standup-uid_20260309T130000Z", title: "Standup", start: 2026-03-09T09:00-04:00, … }])
 */
export const normalizeIcsEvents = (
  cal: IcsCalendar,
  ctx: { readonly zone: string; readonly me?: string | undefined; readonly range: Interval<true> },
): Result<CalendarEvent[], EventError> => {
  if (!isIanaZone(ctx.zone)) return err(new EventError("(calendar)", "time zone", `"${printable(ctx.zone)}" is not an IANA time zone`));
  try {
    return normalizeIn(cal, ctx);
  } catch (e) {
    // A VTIMEZONE that needs more than its budget to place a time (found while placing one).
    if (e instanceof ZoneProblem) return err(new EventError("(calendar)", "VTIMEZONE", e.message, { cause: e }));
    throw e;
  }
};

const normalizeIn = (
  cal: IcsCalendar,
  ctx: { readonly zone: string; readonly me?: string | undefined; readonly range: Interval<true> },
): Result<CalendarEvent[], EventError> => {
  const zones = zoneLookup(cal, ctx.zone);
  const budget = fileBudget();
  // Events' times in the user's zone, built with luxon's shared internals and a cached zone offset.
  const times = new DateTimes(userZone(ctx.zone));
  const fromMs = ctx.range.start.toMillis();
  const toMs = ctx.range.end.toMillis();

  const layout: Layout = layouts.get(cal) ?? { parsed: cal.vevents.map((component, i) => ({ position: i + 1, component })), deferred: null, deferredComponents: new Map(), bareComponents: new Map() };
  // VEVENTs the first pass deferred that cannot reach the window are left out unparsed, as the
  // expansion below would leave them out; the others are parsed together.
  const needed = layout.deferred ? neededDeferred(layout.deferred, overriddenUids(layout.parsed), zones, ctx.me, fromMs, toMs) : [];
  const records: IcsEventRecord[] = [];
  for (const entry of inFileOrder(layout, needed, true)) {
    const vevent = entry.component;
    const position = entry.position;
    let read: Result<IcsEventRecord, EventError>;
    try {
      read = readVevent(vevent, position, zones, ctx.me);
    } catch (e) {
      if (e instanceof ZoneProblem) throw e;
      const uid = vevent.getFirstPropertyValue("uid");
      const named = printable(typeof uid === "string" && uid ? uid : `#${position}`);
      read = err(new EventError(named, "VEVENT", `could not be read (${printable(e instanceof Error ? e.message : String(e))})`, { cause: e }));
    }
    if (!read.ok) {
      if (String(vevent.getFirstPropertyValue("status") ?? "").trim().toUpperCase() === "CANCELLED") continue;
      return read;
    }
    records.push(read.value);
  }

  const masters = records.filter((r) => r.recurrenceId === null);
  const seriesAllDay = new Map(masters.filter((m) => m.hasUid).map((m) => [m.id, m.allDay] as const));
  const overrides = latestOverrides(records.filter((r) => r.recurrenceId !== null));
  const overriddenBySeries = new Map<string, IcsEventRecord[]>();
  for (const o of overrides) {
    if (!o.hasUid || !seriesAllDay.has(o.id)) continue;
    overriddenBySeries.set(o.id, [...(overriddenBySeries.get(o.id) ?? []), o]);
  }

  // Every series is expanded before any event is built, so a file over its recurrence budget
  // is refused before the cost of building the events.
  const expandedSeries: { master: IcsEventRecord; occurrences: Occurrence[] }[] = [];
  for (const master of masters) {
    let occurrences: Occurrence[];
    try {
      const expanded = expandSeries(
        { start: master.start.value.wall, allDay: master.allDay, zone: master.start.zone, rrules: master.rrules, rdates: master.rdates },
        { fromMs, toMs, maxLengthMs: maxLengthOf(master.length) },
        budget,
      );
      if (!expanded.ok) return err(new EventError(printable(master.id), "RRULE", expanded.error));
      occurrences = expanded.value;
    } catch (e) {
      if (e instanceof ZoneProblem) throw e;
      return err(new EventError(printable(master.id), "RRULE", `could not be expanded (${printable(e instanceof Error ? e.message : String(e))})`, { cause: e }));
    }
    expandedSeries.push({ master, occurrences });
  }
  const events: CalendarEvent[] = [];
  for (const { master, occurrences } of expandedSeries) {
    const recurring = master.rrules.length > 0 || master.rdates.length > 0;
    const excluded = emptyExclusions();
    for (const ex of master.exdates) exclude(excluded, ex, master.allDay);
    for (const o of overriddenBySeries.get(master.id) ?? []) exclude(excluded, o.recurrenceId!, master.allDay);
    for (const occurrence of occurrences) {
      if (isExcluded(excluded, occurrence, master.allDay)) continue;
      const endMs = endOf(occurrence, master.length, zones.user);
      if (!Number.isFinite(occurrence.startMs) || !Number.isFinite(endMs)) return err(unplaceable(master, occurrence.startMs));
      if (!overlaps(occurrence.startMs, endMs, fromMs, toMs)) continue;
      const id = recurring ? occurrenceId(master.id, master.allDay, occurrence.wall, occurrence.startMs) : master.id;
      const event = safely(master, () => toEvent(master, id, occurrence.startMs, endMs, times));
      if (!event.ok) return event;
      events.push(event.value);
    }
  }
  for (const o of overrides) {
    const start: Occurrence = { wall: o.start.value.wall, zone: o.start.zone, startMs: o.start.ms, endMs: null };
    const endMs = endOf(start, o.length, zones.user);
    if (!Number.isFinite(start.startMs) || !Number.isFinite(endMs)) return err(unplaceable(o, start.startMs));
    if (!overlaps(start.startMs, endMs, fromMs, toMs)) continue;
    const rid = o.recurrenceId!;
    const allDayId = rid.value.isDate || (o.hasUid && seriesAllDay.get(o.id) === true);
    const event = safely(o, () => toEvent(o, occurrenceId(o.id, allDayId, rid.value.wall, rid.ms), start.startMs, endMs, times));
    if (!event.ok) return event;
    events.push(event.value);
  }
  return ok(events.sort((a, b) => a.start.toMillis() - b.start.toMillis() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
};

/**
 * `readIcs` then `normalizeIcsEvents`, in `ctx.zone`, else the file's X-WR-TIMEZONE, else UTC.
 * @example parseIcs(<file with X-WR-TIMEZONE:Europe/Paris>, { range: week }) → ok({ events: […], zone: "Europe/Paris" })
 * @example parseIcs(<same file>, { zone: "America/New_York", range: week }) → ok({ events: […], zone: "America/New_York" })
 */
export const parseIcs = (
  text: string,
  ctx: { readonly zone?: string | undefined; readonly me?: string | undefined; readonly range: Interval<true> },
): Result<{ events: CalendarEvent[]; zone: string }, InputError | EventError> => {
  const cal = readIcs(text);
  if (!cal.ok) return cal;
  const zone = ctx.zone ?? cal.value.calendarZone ?? "UTC";
  if (!isIanaZone(zone)) return err(new InputError(`"${zone}" is not an IANA time zone such as America/New_York`));
  const events = normalizeIcsEvents(cal.value, { zone, me: ctx.me, range: ctx.range });
  return events.ok ? ok({ events: events.value, zone }) : events;
};
