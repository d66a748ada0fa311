/**
 * The one local fake of the Microsoft Graph endpoints the Outlook add-in uses, behind both the
 * `npm start` preview (mounted under /graph on its http server) and the tests (on its own https
 * server, fakeGraphServer.ts). It answers with Graph's documented shapes: `/me/mailboxSettings`,
 * `/me/calendarView` (with `$select`, `$expand` of the marker property, pages of `$top` or
 * `Prefer: odata.maxpagesize` events — 10 when neither is given, at most 1,000, as Graph pages
 * Outlook items — linked by `@odata.nextLink`, `Prefer: outlook.timezone`), and `POST /me/events` (honouring
 * `transactionId`). Faults can be scripted: 429 with Retry-After, 401, 403, 500, 503, and stalls
 * (no answer at all; for a POST, the event is written first and only the answer is lost).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { DateTime } from "luxon";
import { GRAPH_MARKER_PROPERTY_ID, zoneFromName } from "../../../shared";

export interface GraphEventJson {
  id: string;
  subject?: string | null;
  start: { dateTime: string; timeZone?: string | null };
  end: { dateTime: string; timeZone?: string | null };
  isAllDay?: boolean;
  [field: string]: unknown;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

export interface Fault {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface FakeGraphOptions {
  /** A path prefix the fake is mounted under ("/graph" in the preview); stripped before routing. */
  readonly pathPrefix?: string;
  /** Answer CORS (the browser tests reach it from another origin); default true. */
  readonly cors?: boolean;
  /**
   * Whether a bearer token is required (default true). The preview serves its page over plain
   * http, where the Graph client attaches no token, so it turns this off.
   */
  readonly requireBearer?: boolean;
  /** The mailbox owner, organizer of the events the fake creates. */
  readonly me?: string;
  readonly events?: readonly GraphEventJson[];
  readonly mailboxSettings?: Record<string, unknown>;
  /** At most this many events per calendarView page whatever the request asks (tests of paging force small pages). */
  readonly pageSize?: number;
  /** The bearer token the fake accepts; any token when absent. */
  readonly token?: string;
  /** The base URL put into nextLinks (defaults to this server's own https URL + /v1.0). */
  readonly publicBaseUrl?: string;
}

/** The fake without a server: mount `handle` on any http or https server. */
export interface FakeGraphHandler {
  readonly requests: RecordedRequest[];
  readonly events: GraphEventJson[];
  /**
   * Makes the next `times` matching requests answer with `fault`: a string matches the end of
   * the path ("/me/calendarView"), a RegExp is tested against "path?query".
   */
  failNext(match: string | RegExp, fault: Fault, times?: number): void;
  /**
   * The next `times` matching requests get no answer at all (a Graph that never answers). A
   * stalled POST still creates its event: the write lands and only the answer is lost.
   */
  stallNext(match: string | RegExp, times?: number): void;
  /** The next `times` calendarView reads leave out the events POSTed here (a list that lags behind a write). */
  lagNext(times?: number): void;
  setPublicBaseUrl(url: string): void;
  /** Handles one request (also used to answer requests a browser test intercepts). */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** Graph's error envelope. */
export const graphErrorBody = (code: string, message: string) => ({
  error: { code, message, innerError: { date: "2026-11-23T12:00:00", "request-id": "00000000-0000-0000-0000-000000000001", "client-request-id": "00000000-0000-0000-0000-000000000002" } },
});

/** The documented 401, 403, 429, 500 and 503 answers. */
export const FAULTS = {
  unauthorized: { status: 401, headers: { "WWW-Authenticate": 'Bearer realm=""' }, body: graphErrorBody("InvalidAuthenticationToken", "Access token has expired or is not yet valid.") },
  forbidden: { status: 403, body: graphErrorBody("ErrorAccessDenied", "Access is denied. Check credentials and try again.") },
  throttled: (retryAfterSeconds: number): Fault => ({
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
    body: graphErrorBody("ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
  }),
  serverError: { status: 500, body: graphErrorBody("ErrorInternalServerError", "An internal server error occurred. The operation failed.") },
  unavailable: { status: 503, body: graphErrorBody("ServiceUnavailable", "The service is temporarily unavailable.") },
} satisfies Record<string, Fault | ((n: number) => Fault)>;

const isoOf = (t: { dateTime: string; timeZone?: string | null }): DateTime => {
  const zone = zoneFromName(t.timeZone ?? "UTC") ?? "UTC";
  return DateTime.fromISO(t.dateTime.replace(/(\.\d{3})\d+/, "$1"), { zone });
};

/** Wall clock with seven fractional digits, as Graph writes it. */
const graphWallClock = (at: DateTime): string => `${at.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`;

/** An event's times re-expressed in the zone `Prefer: outlook.timezone` asks for (all-day events keep their dates). */
const inZone = (e: GraphEventJson, preferName: string | null): GraphEventJson => {
  if (!preferName) return e;
  const zone = zoneFromName(preferName);
  if (!zone) return e;
  if (e.isAllDay) {
    return { ...e, start: { dateTime: `${e.start.dateTime.slice(0, 10)}T00:00:00.0000000`, timeZone: preferName }, end: { dateTime: `${e.end.dateTime.slice(0, 10)}T00:00:00.0000000`, timeZone: preferName } };
  }
  return {
    ...e,
    start: { dateTime: graphWallClock(isoOf(e.start).setZone(zone)), timeZone: preferName },
    end: { dateTime: graphWallClock(isoOf(e.end).setZone(zone)), timeZone: preferName },
  };
};

const overlaps = (e: GraphEventJson, from: DateTime, to: DateTime, zone: string): boolean => {
  const start = e.isAllDay ? DateTime.fromISO(e.start.dateTime.slice(0, 10), { zone }) : isoOf(e.start);
  const end = e.isAllDay ? DateTime.fromISO(e.end.dateTime.slice(0, 10), { zone }) : isoOf(e.end);
  return start < to && end > from;
};

const select = (e: GraphEventJson, fields: string[] | null, expandMarker: boolean): Record<string, unknown> => {
  const out: Record<string, unknown> = { "@odata.etag": `W/"${e.id}"`, id: e.id };
  for (const [key, value] of Object.entries(e)) {
    if (key === "singleValueExtendedProperties" || key === "transactionId") continue;
    if (!fields || fields.includes(key)) out[key] = value;
  }
  if (expandMarker) {
    const props = ((e.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).filter((p) => p.id.toLowerCase() === GRAPH_MARKER_PROPERTY_ID.toLowerCase());
    if (props.length > 0) out.singleValueExtendedProperties = props;
  }
  return out;
};

const preferText = (header: string | string[] | undefined): string => (Array.isArray(header) ? header.join(",") : (header ?? ""));
const preferZone = (header: string | string[] | undefined): string | null => /outlook\.timezone="([^"]+)"/i.exec(preferText(header))?.[1] ?? null;
const preferPageSize = (header: string | string[] | undefined): number | null => {
  const size = /odata\.maxpagesize=(\d+)/i.exec(preferText(header))?.[1];
  return size === undefined || Number(size) < 1 ? null : Number(size);
};

/** Graph's calendarView page for Outlook items: 10 events unless `$top` or `Prefer: odata.maxpagesize` asks otherwise, never more than 1,000. */
export const GRAPH_DEFAULT_PAGE_SIZE = 10;
export const GRAPH_MAX_PAGE_SIZE = 1000;

const matches = (match: string | RegExp, path: string, full: string): boolean => (typeof match === "string" ? path.toLowerCase().endsWith(match.toLowerCase()) : match.test(full));

/** The fake's state and request handler. */
export const createFakeGraph = (options: FakeGraphOptions = {}): FakeGraphHandler => {
  const cors = options.cors ?? true;
  const prefix = options.pathPrefix ?? "";
  const events: GraphEventJson[] = (options.events ?? []).map((e) => structuredClone(e));
  const requests: RecordedRequest[] = [];
  const faults: { match: string | RegExp; fault: Fault; left: number }[] = [];
  const stalls: { match: string | RegExp; left: number }[] = [];
  const createdIds = new Set<string>();
  let lagging = 0;
  const byTransaction = new Map<string, GraphEventJson>();
  let publicBase = options.publicBaseUrl ?? "";
  let created = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, {
      "Content-Type": "application/json; odata.metadata=minimal; charset=utf-8",
      "Cache-Control": "no-store",
      ...(cors ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After, request-id, Preference-Applied" } : {}),
      "request-id": "00000000-0000-0000-0000-000000000001",
      ...headers,
    });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

  const route = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? "/", "https://127.0.0.1");
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, graphErrorBody("BadRequest", "Unable to read JSON request payload."));
      }
    }
    const pathname = prefix && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
    const path = pathname.replace(/\/+$/, "");
    requests.push({ method: req.method ?? "GET", path, query: url.searchParams, headers: req.headers, body });
    let full = path;
    try {
      full = `${path}?${decodeURIComponent(url.search.slice(1))}`;
    } catch {
      return send(res, 400, graphErrorBody("BadRequest", "The query is not valid percent-encoding."));
    }
    const stall = stalls.find((s) => s.left > 0 && matches(s.match, path, full));
    if (stall) {
      stall.left--;
      // No answer: a POST is still carried out (the write lands, the answer is lost).
      if (req.method === "POST") route2(req, res, url, path, body, () => undefined);
      return;
    }
    const fault = faults.find((f) => f.left > 0 && matches(f.match, path, full));
    if (fault) {
      fault.left--;
      return send(res, fault.fault.status, fault.fault.body, fault.fault.headers);
    }
    route2(req, res, url, path, body, send);
  };

  /** The endpoints; `reply` is `send`, or nothing for a stalled request. */
  const route2 = (req: IncomingMessage, res: ServerResponse, url: URL, path: string, body: unknown, reply: typeof send): void => {
    const send = reply;
    const auth = req.headers.authorization ?? "";
    if ((options.requireBearer ?? true) && (!/^Bearer \S+/.test(auth) || (options.token && auth !== `Bearer ${options.token}`))) return send(res, 401, FAULTS.unauthorized.body);

    if (req.method === "GET" && path === "/v1.0/me/mailboxSettings") {
      const settings = options.mailboxSettings ?? {};
      const fields = url.searchParams.get("$select")?.split(",");
      const answer = Object.fromEntries(Object.entries(settings).filter(([k]) => !fields || fields.includes(k)));
      return send(res, 200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/mailboxSettings", ...answer });
    }
    if (req.method === "GET" && path === "/v1.0/me/calendarView") {
      const from = url.searchParams.get("startDateTime");
      const to = url.searchParams.get("endDateTime");
      if (!from || !to) return send(res, 400, graphErrorBody("ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime."));
      const prefer = preferZone(req.headers.prefer);
      const zone = (prefer && zoneFromName(prefer)) || "UTC";
      const start = DateTime.fromISO(from, { zone: "UTC" });
      const end = DateTime.fromISO(to, { zone: "UTC" });
      const fields = url.searchParams.get("$select")?.split(",").map((f) => f.trim()) ?? null;
      const expand = url.searchParams.get("$expand") ?? "";
      const expandMarker = /singleValueExtendedProperties\(\$filter=id eq '([^']+)'\)/i.exec(expand)?.[1]?.toLowerCase() === GRAPH_MARKER_PROPERTY_ID.toLowerCase();
      const topText = url.searchParams.get("$top");
      const asked = topText === null ? null : Number(topText);
      if (asked !== null && !(Number.isInteger(asked) && asked > 0)) return send(res, 400, graphErrorBody("BadRequest", `Invalid $top value '${topText}'.`));
      const maxPageSize = preferPageSize(req.headers.prefer);
      const top = Math.min(asked ?? maxPageSize ?? GRAPH_DEFAULT_PAGE_SIZE, maxPageSize ?? GRAPH_MAX_PAGE_SIZE, GRAPH_MAX_PAGE_SIZE, options.pageSize ?? GRAPH_MAX_PAGE_SIZE);
      const skip = Number(url.searchParams.get("$skip") ?? "0");
      const lag = !url.searchParams.has("$skip") && lagging > 0 ? (lagging--, true) : false;
      const matching = events.filter((e) => overlaps(e, start, end, zone) && !(lag && createdIds.has(e.id))).sort((a, b) => isoOf(a.start).toMillis() - isoOf(b.start).toMillis());
      const page = matching.slice(skip, skip + top).map((e) => select(inZone(e, prefer), fields, expandMarker));
      const answer: Record<string, unknown> = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendarView", value: page };
      if (skip + top < matching.length) {
        const next = new URLSearchParams(url.searchParams);
        next.set("$skip", String(skip + top));
        answer["@odata.nextLink"] = `${publicBase}/me/calendarView?${next.toString().replace(/\+/g, "%20")}`;
      }
      const applied = [prefer ? `outlook.timezone="${prefer}"` : "", maxPageSize !== null ? `odata.maxpagesize=${Math.min(maxPageSize, GRAPH_MAX_PAGE_SIZE)}` : ""].filter(Boolean).join(", ");
      return send(res, 200, answer, applied ? { "Preference-Applied": applied } : {});
    }
    if (req.method === "POST" && path === "/v1.0/me/events") {
      const b = body as GraphEventJson & { transactionId?: string };
      if (!b || typeof b !== "object" || !b.start || !b.end) return send(res, 400, graphErrorBody("ErrorInvalidRequest", "Your request can't be completed. The start and end are required."));
      const existing = b.transactionId ? byTransaction.get(b.transactionId) : undefined;
      if (existing) return send(res, 201, existing);
      const event: GraphEventJson = { ...b, id: `AAMkAGFakeCreated${++created}`, isAllDay: false, isCancelled: false, type: "singleInstance", isOrganizer: true, responseStatus: { response: "organizer", time: "0001-01-01T00:00:00Z" }, attendees: [], organizer: { emailAddress: { name: "Me", address: options.me ?? "me@example.com" } } };
      events.push(event);
      createdIds.add(event.id);
      if (b.transactionId) byTransaction.set(b.transactionId, event);
      return send(res, 201, event);
    }
    return send(res, 404, graphErrorBody("ResourceNotFound", `Resource not found for the segment '${path}'.`));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "OPTIONS" && cors) {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Prefer, SdkVersion, client-request-id, Retry-Attempt",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => route(req, res, Buffer.concat(chunks).toString("utf8")));
  };

  return {
    requests,
    events,
    failNext: (match, fault, times = 1) => void faults.push({ match, fault, left: times }),
    stallNext: (match, times = 1) => void stalls.push({ match, left: times }),
    lagNext: (times = 1) => void (lagging += times),
    setPublicBaseUrl: (u) => void (publicBase = u),
    handle,
  };
};
