/**
 * A recording fake of the Apps Script advanced Calendar service (`Calendar`), answering with
 * Calendar API v3 shapes: `Events.list` (time window, `singleEvents`/`orderBy`, private extended
 * property filter, `showDeleted`, pages with `nextPageToken`), `Events.insert` (a client-supplied
 * `id` must be base32hex, 5–1024 characters, and an id already used — a deleted event's too —
 * is refused with Google's 409 "The requested identifier already exists."), `Events.get` and
 * `Settings.list`. `Events.list` answers only the `fields` asked for (Google's partial response).
 * Failures are injected per method and thrown the way Apps Script throws them
 * (`API call to calendar.events.list failed with error: …`).
 */

export interface FakeEvent {
  kind?: string;
  id: string;
  status?: string;
  summary?: string;
  description?: string;
  start?: { dateTime?: string; date?: string; timeZone?: string };
  end?: { dateTime?: string; date?: string; timeZone?: string };
  [field: string]: unknown;
}

import { parseFields, projectFields } from "./fieldMask";

type Method = "list" | "insert" | "get" | "settings";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const apiError = (method: string, reason: string) => new Error(`API call to calendar.${method} failed with error: ${reason}`);

export class FakeCalendar {
  /** Every call, in order: method and arguments (copies). */
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** What each `Events.list` call answered: how many items, and the `nextPageToken` it ended with. */
  readonly listAnswers: { items: number; nextPageToken: string | undefined }[] = [];
  /** Stored events by id, in insertion order. */
  readonly events = new Map<string, FakeEvent>();
  /** Largest page `Events.list` answers with (the API may return fewer than `maxResults`). */
  pageSize = 250;
  /** The calendar's own zone: all-day dates are read in it, and `Settings.list` reports it. */
  zone = "America/New_York";
  /** Calendar `weekStart` setting: "0" Sunday, "1" Monday, "6" Saturday. */
  weekStart = "0";
  /** The owner's address (creator and organizer of inserted events). */
  owner = "seller@example-seller.com";
  private readonly failures: Record<Method, (Error | ((args: unknown[]) => Error | null))[]> = { list: [], insert: [], get: [], settings: [] };
  private seq = 0;
  /** Called after an insert has stored its event, before it answers (to simulate a timeout after the write). */
  afterInsert: ((event: FakeEvent) => void) | null = null;
  /** When true (Google's behaviour), `Events.list` answers only the `fields` asked for; false sends every field. */
  honorFields = true;
  /** When true, `Events.list` does not show events inserted since (Google's list lagging behind a write). */
  listLags = false;
  private readonly lagging = new Set<string>();

  constructor(events: readonly FakeEvent[] = []) {
    for (const e of events) this.add(e);
  }

  /** Adds (or replaces) an event, as if made in Calendar's own UI. */
  add(event: FakeEvent): void {
    this.events.set(event.id, structuredClone({ kind: "calendar#event", status: "confirmed", ...event }));
  }

  /** The next call of `method` throws `error` (queued; a function may decide per call). */
  failNext(method: Method, error: Error | ((args: unknown[]) => Error | null)): void {
    this.failures[method].push(error);
  }

  callsOf(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  private maybeFail(method: Method, args: unknown[]): void {
    const next = this.failures[method][0];
    if (!next) return;
    const error = typeof next === "function" ? next(args) : next;
    if (error) {
      this.failures[method].shift();
      throw error;
    }
  }

  private readonly formats = new Map<string, Intl.DateTimeFormat>();
  /** One formatter per zone (making one per date was most of a large list's time). */
  private formatIn(zone: string): Intl.DateTimeFormat {
    let format = this.formats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
      this.formats.set(zone, format);
    }
    return format;
  }

  /** The instant of an event time: `dateTime` as given, `date` as midnight in the calendar's zone. */
  private instant(t: FakeEvent["start"]): number {
    if (t?.dateTime) return Date.parse(t.dateTime);
    if (!t?.date) return NaN;
    const [y, m, d] = t.date.split("-").map(Number) as [number, number, number];
    const wallAsUtc = Date.UTC(y, m - 1, d);
    // Offset of the zone at an instant, from what Intl shows there; two rounds settle DST edges.
    const format = this.formatIn(this.zone);
    const offsetAt = (at: number) => {
      const parts = format.formatToParts(at);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - at;
    };
    const first = wallAsUtc - offsetAt(wallAsUtc);
    return wallAsUtc - offsetAt(first);
  }

  readonly Events = {
    list: (calendarId: string, options: Record<string, unknown> = {}) => {
      const args = [calendarId, structuredClone(options)];
      this.calls.push({ method: "Events.list", args });
      this.maybeFail("list", args);
      if (calendarId !== "primary") throw apiError("events.list", "Not Found");
      const { timeMin, timeMax, singleEvents, orderBy, showDeleted, privateExtendedProperty, pageToken } = options as Record<string, string | boolean | undefined>;
      if (orderBy === "startTime" && singleEvents !== true) throw apiError("events.list", "The requested ordering is not available for the particular query.");
      for (const [name, value] of [["timeMin", timeMin], ["timeMax", timeMax]] as const) {
        if (value !== undefined && (typeof value !== "string" || !RFC3339.test(value))) throw apiError("events.list", `Bad Request (${name} must be RFC 3339 with an offset, got ${String(value)})`);
      }
      const min = typeof timeMin === "string" ? Date.parse(timeMin) : -Infinity;
      const max = typeof timeMax === "string" ? Date.parse(timeMax) : Infinity;
      let items = [...this.events.values()].filter((e) => (showDeleted === true || e.status !== "cancelled") && !this.lagging.has(e.id));
      items = items.filter((e) => {
        if (e.status === "cancelled" && !e.start) return true;
        const s = this.instant(e.start);
        const t = this.instant(e.end);
        return t > min && s < max;
      });
      if (typeof privateExtendedProperty === "string") {
        const [key, value] = privateExtendedProperty.split("=");
        items = items.filter((e) => (e.extendedProperties as { private?: Record<string, string> } | undefined)?.private?.[key ?? ""] === value);
      }
      if (orderBy === "startTime") items.sort((a, b) => this.instant(a.start) - this.instant(b.start));
      const offset = typeof pageToken === "string" ? Number(Buffer.from(pageToken, "base64").toString("utf8").replace("page:", "")) : 0;
      const size = Math.min(this.pageSize, typeof options.maxResults === "number" ? options.maxResults : 250);
      const page = items.slice(offset, offset + size);
      const next = offset + size < items.length ? Buffer.from(`page:${offset + size}`).toString("base64") : undefined;
      this.listAnswers.push({ items: page.length, nextPageToken: next });
      const answer = {
        kind: "calendar#events",
        etag: `"p${offset}"`,
        summary: this.owner,
        updated: "2026-11-23T12:00:00.000Z",
        timeZone: this.zone,
        accessRole: "owner",
        defaultReminders: [{ method: "popup", minutes: 10 }],
        ...(next ? { nextPageToken: next } : {}),
        items: structuredClone(page),
      };
      // Google's partial response: only the fields asked for (all of them when none are named).
      return typeof options.fields === "string" && this.honorFields ? (projectFields(answer, parseFields(options.fields)) as typeof answer) : answer;
    },
    insert: (resource: Record<string, unknown>, calendarId: string) => {
      const args = [structuredClone(resource), calendarId];
      this.calls.push({ method: "Events.insert", args });
      this.maybeFail("insert", args);
      if (calendarId !== "primary") throw apiError("events.insert", "Not Found");
      const start = resource.start as FakeEvent["start"];
      const end = resource.end as FakeEvent["end"];
      if (!start?.dateTime || !end?.dateTime || !RFC3339.test(start.dateTime) || !RFC3339.test(end.dateTime)) throw apiError("events.insert", "Invalid start or end time.");
      if (Date.parse(end.dateTime) <= Date.parse(start.dateTime)) throw apiError("events.insert", "The specified time range is empty.");
      const given = resource.id;
      if (given !== undefined && (typeof given !== "string" || !/^[a-v0-9]{5,1024}$/.test(given))) throw apiError("events.insert", "Invalid resource id value.");
      if (typeof given === "string" && this.events.has(given)) throw apiError("events.insert", "The requested identifier already exists.");
      const id = typeof given === "string" ? given : `nw${(++this.seq).toString(32)}q0a1b2c3`;
      const event: FakeEvent = {
        kind: "calendar#event",
        etag: `"${3000 + this.seq}"`,
        id,
        status: "confirmed",
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
        created: "2026-11-23T12:00:00.000Z",
        updated: "2026-11-23T12:00:00.000Z",
        creator: { email: this.owner, self: true },
        organizer: { email: this.owner, self: true },
        iCalUID: `${id}@google.com`,
        sequence: 0,
        eventType: "default",
        ...structuredClone(resource),
      } as FakeEvent;
      this.events.set(id, event);
      if (this.listLags) this.lagging.add(id);
      this.afterInsert?.(event);
      return structuredClone(event);
    },
    get: (calendarId: string, eventId: string) => {
      const args = [calendarId, eventId];
      this.calls.push({ method: "Events.get", args });
      this.maybeFail("get", args);
      const event = this.events.get(eventId);
      if (!event) throw apiError("events.get", "Not Found");
      return structuredClone(event);
    },
  };

  readonly Settings = {
    list: () => {
      this.calls.push({ method: "Settings.list", args: [] });
      this.maybeFail("settings", []);
      return {
        kind: "calendar#settings",
        etag: '"s1"',
        items: [
          { kind: "calendar#setting", etag: '"s1"', id: "timezone", value: this.zone },
          { kind: "calendar#setting", etag: '"s1"', id: "weekStart", value: this.weekStart },
          { kind: "calendar#setting", etag: '"s1"', id: "format24HourTime", value: "false" },
          { kind: "calendar#setting", etag: '"s1"', id: "hideWeekends", value: "false" },
        ],
      };
    },
  };

  /** The list catches up: every event inserted so far shows in `Events.list`. */
  catchUp(): void {
    this.lagging.clear();
  }

  /** Deletes an event the way Calendar does: it stays, cancelled. */
  cancel(id: string): void {
    const e = this.events.get(id);
    if (e) e.status = "cancelled";
  }
}
