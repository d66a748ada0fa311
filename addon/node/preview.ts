import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join } from "node:path";
import { DateTime } from "luxon";
import { GRAPH_MARKER_PROPERTY_ID, zoneFromName } from "../../shared";
import { sampleWeek } from "./sampleWeek";

/**
 * The preview behind `npm start`: the Outlook task pane at http://localhost:3000 with no Outlook
 * and no account. It serves the built preview page (building it when missing or older than the
 * sources), and a small fake of the Graph endpoints the pane uses, answering from the bundled
 * sample week; bookings and settings live in memory.
 */
export interface PreviewOptions {
  readonly port?: number;
  readonly host?: string;
  /** The instant the sample week is dated from (default: now). */
  readonly now?: DateTime;
}

export interface Preview {
  readonly url: string;
  close(): Promise<void>;
}

/** The project root: the nearest folder up from here whose package.json is this project's. */
const projectRoot = (): string => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "next-week") return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
};

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, e) => {
    const path = join(dir, e.name);
    return Math.max(latest, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Builds dist/outlook when the preview page is missing or older than its sources. */
const ensureBuilt = (root: string): string => {
  const out = join(root, "dist/outlook");
  const built = join(out, "preview.js");
  const stale = !existsSync(built) || !existsSync(join(out, "preview.html")) || statSync(built).mtimeMs < Math.max(newest(join(root, "addon/outlook")), newest(join(root, "shared")));
  if (stale) execFileSync(process.execPath, [join(root, "scripts/build-outlook.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
};

type GraphEvent = ReturnType<typeof sampleWeek>["graph"][number] & Record<string, unknown>;

const instant = (t: { dateTime: string; timeZone?: string | null }) => DateTime.fromISO(t.dateTime.replace(/(\.\d{3})\d+/, "$1"), { zone: zoneFromName(t.timeZone ?? "UTC") ?? "UTC" });
const wall = (at: DateTime) => `${at.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".map": "application/json" };
const FILES = /^\/(preview\.html|preview\.js|preview\.js\.map|taskpane\.css|support\.html|assets\/icon-\d+\.png)$/;

/**
 * Starts the preview server.
 * @example const { url, close } = await startPreview({ port: 3000 }); // open url in a browser
 */
export const startPreview = async ({ port = 3000, host = "127.0.0.1", now = DateTime.now() }: PreviewOptions = {}): Promise<Preview> => {
  const root = projectRoot();
  const dist = ensureBuilt(root);
  const sample = sampleWeek(now);
  const events: GraphEvent[] = sample.graph.map((e) => ({ ...e }) as GraphEvent);
  const byTransaction = new Map<string, GraphEvent>();

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const graphError = (res: ServerResponse, status: number, code: string, message: string) => json(res, status, { error: { code, message } });

  const calendarView = (url: URL, req: IncomingMessage, res: ServerResponse) => {
    const from = DateTime.fromISO(url.searchParams.get("startDateTime") ?? "", { zone: "UTC" });
    const to = DateTime.fromISO(url.searchParams.get("endDateTime") ?? "", { zone: "UTC" });
    if (!from.isValid || !to.isValid) return graphError(res, 400, "ErrorInvalidParameter", "startDateTime and endDateTime are required.");
    const preferName = /outlook\.timezone="([^"]+)"/.exec(String(req.headers.prefer ?? ""))?.[1] ?? "UTC";
    const zone = zoneFromName(preferName) ?? "UTC";
    const expandMarker = (url.searchParams.get("$expand") ?? "").toLowerCase().includes(GRAPH_MARKER_PROPERTY_ID.toLowerCase());
    const value = events
      .filter((e) => {
        const s = e.isAllDay ? DateTime.fromISO(e.start.dateTime.slice(0, 10), { zone }) : instant(e.start);
        const t = e.isAllDay ? DateTime.fromISO(e.end.dateTime.slice(0, 10), { zone }) : instant(e.end);
        return s < to && t > from;
      })
      .map((e) => {
        const { singleValueExtendedProperties, transactionId: _t, ...rest } = e as GraphEvent & { singleValueExtendedProperties?: unknown; transactionId?: unknown };
        const times = e.isAllDay
          ? { start: { dateTime: `${e.start.dateTime.slice(0, 10)}T00:00:00.0000000`, timeZone: preferName }, end: { dateTime: `${e.end.dateTime.slice(0, 10)}T00:00:00.0000000`, timeZone: preferName } }
          : { start: { dateTime: wall(instant(e.start).setZone(zone)), timeZone: preferName }, end: { dateTime: wall(instant(e.end).setZone(zone)), timeZone: preferName } };
        return { ...rest, ...times, ...(expandMarker && singleValueExtendedProperties ? { singleValueExtendedProperties } : {}) };
      });
    json(res, 200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendarView", value });
  };

  const createEvent = (body: string, res: ServerResponse) => {
    let event: GraphEvent & { transactionId?: string };
    try {
      event = JSON.parse(body) as GraphEvent & { transactionId?: string };
    } catch {
      return graphError(res, 400, "BadRequest", "Unable to read JSON request payload.");
    }
    const existing = event.transactionId ? byTransaction.get(event.transactionId) : undefined;
    if (existing) return json(res, 201, existing);
    const created = { ...event, id: `AAMkAGpreview${events.length + 1}`, isAllDay: false, isCancelled: false, isOrganizer: true, type: "singleInstance", organizer: { emailAddress: { name: "Alex", address: sample.me } }, attendees: [] } as GraphEvent;
    events.push(created);
    if (event.transactionId) byTransaction.set(event.transactionId, created);
    json(res, 201, created);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/" || path === "/taskpane.html") {
      res.writeHead(302, { Location: "/preview.html" });
      return res.end();
    }
    if (path === "/preview/config.json") return json(res, 200, { settings: sample.settings, me: sample.me, graphBaseUrl: "/graph" });
    if (path === "/graph/v1.0/me/mailboxSettings") {
      return json(res, 200, { timeZone: sample.zone, workingHours: { daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], startTime: "09:00:00.0000000", endTime: "17:00:00.0000000", timeZone: { name: sample.zone } } });
    }
    if (path === "/graph/v1.0/me/calendarView" && req.method === "GET") return calendarView(url, req, res);
    if (path === "/graph/v1.0/me/events" && req.method === "POST") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => createEvent(Buffer.concat(chunks).toString("utf8"), res));
      return;
    }
    if (path.startsWith("/graph/")) return graphError(res, 404, "ResourceNotFound", `The preview does not serve ${path}.`);
    if (req.method === "GET" && FILES.test(path)) {
      const file = join(dist, path.slice(1));
      if (existsSync(file)) {
        res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
        return res.end(readFileSync(file));
      }
    }
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  return {
    url: `http://${shown}:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
