import { DateTime } from "luxon";
import { type CalendarEvent, type CardView, err, userZone, type GoogleEventList, googleItems, type GraphEventList, graphItems, type IcsCalendar, InputError, type NextWeekError, normalizeGoogleEvents, normalizeGraphEvents, normalizeIcsEvents, ok, parseSettings, planScreen, prepareWeek, readIcs, resolveZone, selfAddress, type Result, type Settings, type WeekPlan, zoneFromName } from "../../shared";
import { getDomain } from "tldts-icann";
import { readJson, readText } from "./files";

export interface AnalyzeOptions {
  readonly google: readonly string[];
  readonly graph: readonly string[];
  readonly ics: readonly string[];
  readonly settings?: string | undefined;
  /** YYYY-MM-DD, any date inside the week. */
  readonly week?: string | undefined;
  /** ISO 8601; the machine's clock when absent. */
  readonly now?: string | undefined;
  readonly me?: string | undefined;
}

type Source =
  | { kind: "google"; file: string; items: readonly unknown[]; zone: string | null }
  | { kind: "graph"; file: string; items: readonly unknown[]; zone: string | null }
  | { kind: "ics"; file: string; calendar: IcsCalendar; zone: string | null };

const prefix = (file: string) => (e: NextWeekError): NextWeekError => {
  e.message = e.message.startsWith(file) ? e.message : `${file}: ${e.message}`;
  return e;
};

/** The first zone a timed event declares (Calendar v3 or Graph `start.timeZone`), a hint when nothing better names the calendar's zone. */
const declaredZone = (items: readonly unknown[]): string | null => {
  for (const item of items) {
    const name = (item as { start?: { timeZone?: unknown; dateTime?: unknown } } | null)?.start?.timeZone;
    if (typeof name === "string" && name !== "UTC") {
      const zone = zoneFromName(name);
      if (zone) return zone;
    }
  }
  return null;
};

const loadSources = (options: AnalyzeOptions): Result<Source[], NextWeekError> => {
  const sources: Source[] = [];
  /** A whole list of events, or the reason the file is not one (an API error, one page of several, another shape). */
  const listShape = (file: string, data: unknown, key: "items" | "value", nextKey: string): InputError | null => {
    if (Array.isArray(data)) return null;
    const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : null;
    if (record && "error" in record) {
      const error = record.error as { message?: unknown; code?: unknown } | null;
      const why = typeof error?.message === "string" ? error.message : typeof error?.code === "string" || typeof error?.code === "number" ? String(error.code) : "an error";
      return new InputError(`${file}: this is an error answer from the calendar API, not events (${why})`);
    }
    if (!record || !Array.isArray(record[key])) return new InputError(`${file}: expected a list of events or an object with "${key}": [...]`);
    if (record[nextKey] !== undefined) return new InputError(`${file}: this is one page of a longer answer ("${nextKey}" is set): fetch every page and put all the events in one file`);
    return null;
  };
  for (const file of options.google) {
    const data = readJson(file);
    if (!data.ok) return data;
    const bad = listShape(file, data.value, "items", "nextPageToken");
    if (bad) return err(bad);
    const { items, calendarZone } = googleItems(data.value as GoogleEventList);
    sources.push({ kind: "google", file, items, zone: calendarZone ?? declaredZone(items) });
  }
  for (const file of options.graph) {
    const data = readJson(file);
    if (!data.ok) return data;
    const bad = listShape(file, data.value, "value", "@odata.nextLink");
    if (bad) return err(bad);
    const items = graphItems(data.value as GraphEventList);
    sources.push({ kind: "graph", file, items, zone: declaredZone(items) });
  }
  for (const file of options.ics) {
    const text = readText(file);
    if (!text.ok) return text;
    const calendar = readIcs(text.value);
    if (!calendar.ok) return err(prefix(file)(calendar.error));
    sources.push({ kind: "ics", file, calendar: calendar.value, zone: calendar.value.calendarZone });
  }
  return ok(sources);
};

const loadSettings = (file: string | undefined): Result<Settings, NextWeekError> => {
  if (!file) return parseSettings({});
  const data = readJson(file);
  if (!data.ok) return data;
  const settings = parseSettings(data.value);
  return settings.ok ? settings : err(prefix(file)(settings.error));
};

/** Parses `--now`: an ISO date-time; without an offset it is read in the user's zone. */
export const parseNow = (text: string | undefined, zone: string): Result<DateTime, InputError> => {
  const named = userZone(zone);
  if (text === undefined) return ok(DateTime.now().setZone(named));
  const at = DateTime.fromISO(text, { zone: named, setZone: /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) });
  return at.isValid ? ok(at.setZone(named)) : err(new InputError(`--now must be an ISO date-time such as 2026-11-25T09:00:00-05:00, not "${text}"`));
};

/** Validates `--week`. */
export const checkWeek = (text: string | undefined): Result<string | undefined, InputError> => {
  if (text === undefined) return ok(undefined);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid
    ? ok(text)
    : err(new InputError(`--week must be a date such as 2026-11-30, not "${text}"`));
};

/** What the command line prints: the card, or the measures as JSON from the plan. */
export interface Analysis {
  readonly card: CardView;
  readonly plan: WeekPlan;
}

/**
 * Reads the files, then goes through the core's flow: prepareWeek (the zone, the week and the
 * look-back window), each file normalized (iCalendar series expanded over the window), planScreen
 * (the plan and its card). Every error names the file (or option) and the field.
 */
export const analyzeCard = (options: AnalyzeOptions): Result<Analysis, NextWeekError> => {
  if (options.me !== undefined && !/^[^\s@]+@[^\s@]+$/.test(options.me)) return err(new InputError(`--me must be an email address, not "${options.me}"`));
  const week = checkWeek(options.week);
  if (!week.ok) return week;
  const settings = loadSettings(options.settings);
  if (!settings.ok) return settings;
  const sources = loadSources(options);
  if (!sources.ok) return sources;
  const calendarZone = sources.value.find((s) => s.zone)?.zone ?? null;
  // A --now without an offset is read in the user's zone, the one prepareWeek resolves the same way.
  const now = parseNow(options.now, resolveZone(settings.value, calendarZone));
  if (!now.ok) return now;
  const prepared = prepareWeek({ settings: settings.value, calendarZone, now: now.value, weekOf: week.value });
  // Without --me, the user is who the events say they are (Calendar v3 `self`, Graph `isOrganizer`):
  // own domains then default to that address's domain, as they do in the add-ons.
  const me = options.me ?? sources.value.map((s) => (s.kind === "ics" ? null : selfAddress(s.items, s.kind))).find((a) => a !== null) ?? undefined;
  const ctx = { zone: prepared.zone, me };
  const events: CalendarEvent[] = [];
  for (const source of sources.value) {
    const normalized =
      source.kind === "google"
        ? normalizeGoogleEvents(source.items, ctx)
        : source.kind === "graph"
          ? normalizeGraphEvents(source.items, ctx)
          : normalizeIcsEvents(source.calendar, { ...ctx, range: prepared.window });
    if (!normalized.ok) return err(prefix(source.file)(normalized.error));
    // One at a time: a spread of a large file's events would overflow the call stack.
    for (const event of normalized.value) events.push(event);
  }
  const screen = planScreen(events, prepared, { me, registrableDomain: getDomain });
  return screen.kind === "card" ? ok({ card: screen.card, plan: screen.plan }) : err(screen.cause);
};

/** The plan alone (`next-week init` reads the suggestions from it). */
export const analyze = (options: AnalyzeOptions): Result<WeekPlan, NextWeekError> => {
  const analysis = analyzeCard(options);
  return analysis.ok ? ok(analysis.value.plan) : analysis;
};
