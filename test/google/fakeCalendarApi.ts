/**
 * A local fake of the Google Calendar API v3 endpoints the add-on reads, answering with the
 * documented shapes on http://127.0.0.1 (random port), so Google's own Node client library can
 * be run against it:
 * - `GET /calendar/v3/calendars/{calendarId}/events` (Events: list) with `timeMin`/`timeMax`
 *   (an event is left out when it ends at or before timeMin or starts at or after timeMax),
 *   `singleEvents` (RRULE series expanded into instances), `orderBy=startTime|updated`
 *   (startTime requires singleEvents, else Google's 400), `maxResults` (default 250, at most
 *   2500), `pageToken`/`nextPageToken`, `privateExtendedProperty`/`sharedExtendedProperty`
 *   (`name=value`, repeatable, all must match), `eventTypes`, `showDeleted`, `timeZone`;
 * - `GET /calendar/v3/users/me/settings/timezone` (Settings: get).
 * Every request is recorded; faults can be scripted (401, 403 rateLimitExceeded, 429, 500)
 * and answer with Google's error JSON. `createFakeCalendarApi` is the same fake without a socket
 * (`request` answers synchronously), for callers that cannot wait, like the add-on's Apps Script
 * code through `appsScriptCalendar`.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { DateTime } from "luxon";

/** A Calendar v3 `EventDateTime`: `date` for all-day events, else `dateTime` (and its zone). */
export interface EventTimeJson {
  date?: string | null;
  dateTime?: string | null;
  timeZone?: string | null;
}

/** A Calendar v3 `Event` resource as stored by the fake (only the fields it reads are typed). */
export interface GoogleEventJson {
  id: string;
  status?: string;
  summary?: string;
  updated?: string;
  eventType?: string;
  start: EventTimeJson;
  end: EventTimeJson;
  recurrence?: string[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  [field: string]: unknown;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string exactly as sent (still percent-encoded), without the "?". */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The status the fake answered with. */
  status: number;
}

export interface Fault {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

export interface FakeCalendarOptions {
  readonly events?: readonly GoogleEventJson[];
  /** The calendar's own zone (Calendar resource `timeZone`); all-day events are read in it. */
  readonly timeZone?: string;
  /** The user's "timezone" setting; the calendar's zone when absent. */
  readonly settingsTimeZone?: string;
  /** The owner's address: the primary calendar answers to "primary" and to this id. */
  readonly owner?: string;
  /** Most events on one page whatever `maxResults` asks (Google may send fewer); 2500 when absent. */
  readonly pageSize?: number;
}

/** One answer of the fake: status, JSON body and extra headers. */
export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** The fake without a socket. */
export interface FakeCalendarCore {
  readonly requests: RecordedRequest[];
  readonly events: GoogleEventJson[];
  failNext(match: string | RegExp, fault: Fault, times?: number): void;
  /** Answers one request ("/calendar/v3/…?query"), recording it as the HTTP server does. */
  request(method: string, url: string, headers?: Record<string, string | string[] | undefined>): FakeAnswer;
}

export interface FakeCalendarApi {
  /** "http://127.0.0.1:PORT/" (the client's `rootUrl`). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly events: GoogleEventJson[];
  /**
   * Makes the next `times` matching requests answer with `fault`: a string matches the end of
   * the path ("/events"), a RegExp is tested against "path?query".
   */
  failNext(match: string | RegExp, fault: Fault, times?: number): void;
  close(): Promise<void>;
}

/** Google's error envelope (Calendar API v3, "Handle API errors"). */
export const googleErrorBody = (code: number, status: string, reason: string, message: string, domain = "global", extra: Record<string, string> = {}, topMessage = message) => ({
  error: { code, message: topMessage, errors: [{ domain, reason, message, ...extra }], status },
});

/** The top-level message Google sends with a 401 (the item's message is the short "Invalid Credentials"). */
export const UNAUTHENTICATED_MESSAGE =
  "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";

/** The documented 401, 403 (rate limit), 429 and 500 answers. */
export const FAULTS = {
  unauthorized: {
    status: 401,
    headers: { "WWW-Authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    body: googleErrorBody(401, "UNAUTHENTICATED", "authError", "Invalid Credentials", "global", { location: "Authorization", locationType: "header" }, UNAUTHENTICATED_MESSAGE),
  },
  rateLimited: { status: 403, body: googleErrorBody(403, "PERMISSION_DENIED", "rateLimitExceeded", "Rate Limit Exceeded", "usageLimits") },
  tooManyRequests: { status: 429, body: googleErrorBody(429, "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Rate Limit Exceeded", "usageLimits") },
  backendError: { status: 500, body: googleErrorBody(500, "INTERNAL", "backendError", "Backend Error") },
} as const satisfies Record<string, Fault>;

const MAX_PAGE = 2500;
const DEFAULT_PAGE = 250;
/** Instances of one series expanded at most (a fake's guard against endless rules). */
const MAX_INSTANCES = 1000;
/** Without timeMax an endless series is expanded this far past its start. */
const HORIZON_YEARS = 2;

class BadRequest extends Error {
  constructor(
    message: string,
    readonly reason = "badRequest",
  ) {
    super(message);
  }
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "Content-Type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
};

/** RFC 3339 with a mandatory offset (milliseconds allowed), as timeMin/timeMax must be. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

const instant = (value: string | null): DateTime | null => {
  if (value === null) return null;
  const at = DateTime.fromISO(value, { setZone: true });
  if (!RFC3339.test(value) || !at.isValid) throw new BadRequest("Bad Request");
  return at;
};

/** Start and end instants of an event; all-day dates are midnights in the calendar's zone. */
const span = (e: GoogleEventJson, calendarZone: string): { start: DateTime; end: DateTime } => {
  const at = (t: GoogleEventJson["start"]) =>
    t.dateTime ? DateTime.fromISO(t.dateTime, { zone: t.timeZone ?? calendarZone }) : DateTime.fromISO(t.date ?? "", { zone: calendarZone }).startOf("day");
  return { start: at(e.start), end: at(e.end) };
};

const googleInstanceSuffix = (start: DateTime, allDay: boolean) => (allDay ? start.toFormat("yyyyLLdd") : start.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'"));

/** A series' instances (RRULE lines only), as Events: list with singleEvents=true returns them. */
const instancesOf = (series: GoogleEventJson, calendarZone: string, until: DateTime | null): GoogleEventJson[] => {
  const allDay = !series.start.dateTime;
  const zone = series.start.timeZone ?? calendarZone;
  const { start, end } = span(series, calendarZone);
  const first = start.setZone(zone);
  const length = end.diff(start);
  const stop = until ?? first.plus({ years: HORIZON_YEARS });
  const starts = new Map<number, DateTime>([[first.toMillis(), first]]);
  for (const line of series.recurrence ?? []) {
    if (!line.toUpperCase().startsWith("RRULE:")) continue;
    // Expanded on the wall clock of the series' zone, so 09:00 stays 09:00 across DST.
    const dtstart = ICAL.Time.fromData({ year: first.year, month: first.month, day: first.day, hour: first.hour, minute: first.minute, second: first.second, isDate: allDay });
    const iterator = ICAL.Recur.fromString(line.slice("RRULE:".length)).iterator(dtstart);
    for (let n = 0; n < MAX_INSTANCES; n++) {
      const next = iterator.next();
      if (!next) break;
      const at = DateTime.fromObject({ year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute, second: next.second }, { zone });
      if (at >= stop) break;
      starts.set(at.toMillis(), at);
    }
  }
  return [...starts.values()]
    .sort((a, b) => a.toMillis() - b.toMillis())
    .map((at) => {
      const { recurrence: _rule, ...rest } = series;
      const time = (t: DateTime) => (allDay ? { date: t.toISODate() ?? "" } : { dateTime: t.toISO({ suppressMilliseconds: true }) ?? "", timeZone: zone });
      return {
        ...rest,
        id: `${series.id}_${googleInstanceSuffix(at, allDay)}`,
        recurringEventId: series.id,
        originalStartTime: time(at),
        start: time(at),
        end: time(at.plus(length)),
      };
    });
};

const hasProperties = (bag: Record<string, string> | undefined, constraints: string[]): boolean =>
  constraints.every((c) => {
    const eq = c.indexOf("=");
    if (eq <= 0) throw new BadRequest("Invalid extended property constraint: expected propertyName=value.");
    return bag?.[c.slice(0, eq)] === c.slice(eq + 1);
  });

/** The opaque page token: the offset into the result and the query it belongs to. */
const encodeToken = (offset: number, queryKey: string) => Buffer.from(JSON.stringify({ offset, queryKey })).toString("base64url");
const decodeToken = (token: string, queryKey: string): number => {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset?: unknown; queryKey?: unknown };
    if (typeof parsed.offset === "number" && Number.isInteger(parsed.offset) && parsed.offset >= 0 && parsed.queryKey === queryKey) return parsed.offset;
  } catch {
    // falls through to the 400 below
  }
  throw new BadRequest("Invalid page token value.", "invalid");
};

/** The query with the paging and credential parameters removed: a page token is only valid for it. */
const queryKeyOf = (q: URLSearchParams) =>
  [...q.entries()]
    .filter(([k]) => k !== "pageToken" && k !== "key" && k !== "maxResults")
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join("&");

/** The fake's state and answers, without a server. */
export const createFakeCalendarApi = (options: FakeCalendarOptions = {}): FakeCalendarCore => {
  const calendarZone = options.timeZone ?? "America/New_York";
  const settingsZone = options.settingsTimeZone ?? calendarZone;
  const owner = options.owner ?? "alex@example-seller.com";
  const events: GoogleEventJson[] = [...(options.events ?? [])];
  const requests: RecordedRequest[] = [];
  const faults: { match: string | RegExp; fault: Fault; times: number }[] = [];
  const etag = (s: string) => `"${createHash("sha256").update(s).digest("hex").slice(0, 16)}"`;

  const listEvents = (calendarId: string, q: URLSearchParams) => {
    if (calendarId !== "primary" && calendarId !== owner) return { status: 404, body: googleErrorBody(404, "NOT_FOUND", "notFound", "Not Found") };
    const timeMin = instant(q.get("timeMin"));
    const timeMax = instant(q.get("timeMax"));
    if (timeMin && timeMax && timeMax <= timeMin) throw new BadRequest("The specified time range is empty.", "timeRangeEmpty");
    const singleEvents = q.get("singleEvents") === "true";
    const orderBy = q.get("orderBy");
    if (orderBy !== null && orderBy !== "startTime" && orderBy !== "updated") throw new BadRequest(`Invalid value '${orderBy}'. Values must match one of: startTime, updated.`, "invalid");
    if (orderBy === "startTime" && !singleEvents) throw new BadRequest("The requested ordering is not available for the particular query.");
    const maxParam = q.get("maxResults");
    const requested = maxParam === null ? DEFAULT_PAGE : Number(maxParam);
    if (!Number.isInteger(requested) || requested < 1) throw new BadRequest(`Invalid value '${maxParam}'. Values must be within the range: [1, ${MAX_PAGE}]`, "invalid");
    const pageSize = Math.min(requested, options.pageSize ?? MAX_PAGE);
    const showDeleted = q.get("showDeleted") === "true";
    const privateConstraints = q.getAll("privateExtendedProperty");
    const sharedConstraints = q.getAll("sharedExtendedProperty");
    const eventTypes = q.getAll("eventTypes");
    const zoneParam = q.get("timeZone");
    const responseZone = zoneParam && DateTime.local().setZone(zoneParam).isValid ? zoneParam : calendarZone;

    const expanded = events.flatMap((e) => (singleEvents && e.recurrence?.length ? instancesOf(e, calendarZone, timeMax) : [e]));
    const matching = expanded
      .filter((e) => showDeleted || e.status !== "cancelled")
      .filter((e) => eventTypes.length === 0 || eventTypes.includes(e.eventType ?? "default"))
      .filter((e) => hasProperties(e.extendedProperties?.private, privateConstraints) && hasProperties(e.extendedProperties?.shared, sharedConstraints))
      .filter((e) => {
        const { start, end } = span(e, calendarZone);
        // A series kept whole (singleEvents=false) overlaps when any instance may: its first
        // start is before timeMax (its end is open).
        const seriesWhole = !singleEvents && (e.recurrence?.length ?? 0) > 0;
        return (!timeMax || start < timeMax) && (seriesWhole || !timeMin || end > timeMin);
      });
    const ordered =
      orderBy === "startTime"
        ? [...matching].sort((a, b) => span(a, calendarZone).start.toMillis() - span(b, calendarZone).start.toMillis())
        : orderBy === "updated"
          ? [...matching].sort((a, b) => (a.updated ?? "").localeCompare(b.updated ?? ""))
          : matching;

    const queryKey = queryKeyOf(q);
    const pageToken = q.get("pageToken");
    const offset = pageToken === null ? 0 : decodeToken(pageToken, queryKey);
    const page = ordered.slice(offset, offset + pageSize);
    const more = offset + pageSize < ordered.length;
    const inZone = (t: GoogleEventJson["start"]) => (t.dateTime ? { ...t, dateTime: DateTime.fromISO(t.dateTime, { setZone: true }).setZone(responseZone).toISO({ suppressMilliseconds: true }) ?? t.dateTime } : t);
    const items = page.map((e) => ({ ...e, start: inZone(e.start), end: inZone(e.end) }));
    const updated = events.map((e) => e.updated ?? "").reduce((a, b) => (b > a ? b : a), "") || "2026-01-01T00:00:00.000Z";
    return {
      status: 200,
      body: {
        kind: "calendar#events",
        etag: etag(`${queryKey}/${offset}/${events.length}`),
        summary: owner,
        updated,
        timeZone: calendarZone,
        accessRole: "owner",
        defaultReminders: [],
        ...(more ? { nextPageToken: encodeToken(offset + pageSize, queryKey) } : {}),
        items,
      },
    };
  };

  const answer = (method: string, path: string, q: URLSearchParams): { status: number; body: unknown; headers?: Record<string, string> } => {
    const eventsPath = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(path);
    if (method === "GET" && eventsPath) return listEvents(decodeURIComponent(eventsPath[1] ?? ""), q);
    if (method === "GET" && path === "/calendar/v3/users/me/settings/timezone") {
      return { status: 200, body: { kind: "calendar#setting", etag: etag(settingsZone), id: "timezone", value: settingsZone } };
    }
    return { status: 404, body: googleErrorBody(404, "NOT_FOUND", "notFound", "Not Found") };
  };

  const request = (method: string, url: string, headers: Record<string, string | string[] | undefined> = {}): FakeAnswer => {
    const mark = url.indexOf("?");
    const path = mark < 0 ? url : url.slice(0, mark);
    const rawQuery = mark < 0 ? "" : url.slice(mark + 1);
    const query = new URLSearchParams(rawQuery);
    const recorded: RecordedRequest = { method, path, rawQuery, query, headers: { ...headers }, status: 0 };
    requests.push(recorded);
    const scripted = faults.find((f) => (typeof f.match === "string" ? path.endsWith(f.match) : f.match.test(`${path}?${rawQuery}`)));
    if (scripted) {
      if (--scripted.times <= 0) faults.splice(faults.indexOf(scripted), 1);
      recorded.status = scripted.fault.status;
      return scripted.fault;
    }
    try {
      const out = answer(method, path, query);
      recorded.status = out.status;
      return out;
    } catch (e) {
      if (!(e instanceof BadRequest)) throw e;
      recorded.status = 400;
      return { status: 400, body: googleErrorBody(400, "INVALID_ARGUMENT", e.reason, e.message) };
    }
  };

  return { requests, events, failNext: (match, fault, times = 1) => void faults.push({ match, fault, times }), request };
};

/** Starts the fake on a random port of 127.0.0.1. */
export const startFakeCalendarApi = async (options: FakeCalendarOptions = {}): Promise<FakeCalendarApi> => {
  const core = createFakeCalendarApi(options);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      const out = core.request(req.method ?? "GET", req.url ?? "/", req.headers);
      send(res, out.status, out.body, out.headers);
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: core.requests,
    events: core.events,
    failNext: core.failNext,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
};
