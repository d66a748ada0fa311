import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join } from "node:path";
import { DateTime } from "luxon";
import { sampleWeek } from "../sampleWeek";
import { createFakeGraph } from "./fakeGraph";
import { sampleGraphEvents } from "./sampleGraph";

/**
 * The preview behind `npm start`: the Outlook task pane at http://localhost:3000 with no Outlook
 * and no account. It serves the built preview page (building it when missing or older than the
 * sources), and the project's fake Graph (fakeGraph.ts, mounted under /graph) answering from the
 * bundled sample week; bookings and settings live in memory.
 *
 * Hardening (any web page can send requests to localhost): every page carries a
 * Content-Security-Policy and `X-Content-Type-Options: nosniff`; a request the server cannot read
 * gets a 4xx and the server keeps serving; writes (POST) are accepted only from the preview's own
 * origin.
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

/** The preview page's policy: everything from its own origin, no inline script, no framing. */
export const PREVIEW_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Headers on every answer of the preview. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": PREVIEW_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

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

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".map": "application/json" };
/** The only files served: an allow-list, so no path (encoded or not) reaches anything else. */
const FILES = /^\/(preview\.html|preview\.js|preview\.js\.map|taskpane\.css|support\.html|assets\/icon-\d+\.png)$/;

const plain = (res: ServerResponse, status: number, text: string) => {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
};

/** Whether a write comes from the preview page itself: its Origin names this server's own host. */
const sameOrigin = (req: IncomingMessage): boolean => {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    const o = new URL(origin);
    return o.protocol === "http:" && o.host === host;
  } catch {
    return false;
  }
};

/**
 * Starts the preview server. Rejects (EADDRINUSE) when the port is taken.
 * @example const { url, close } = await startPreview({ port: 3000 }); // open url in a browser
 */
export const startPreview = async ({ port = 3000, host = "127.0.0.1", now = DateTime.now() }: PreviewOptions = {}): Promise<Preview> => {
  const root = projectRoot();
  const dist = ensureBuilt(root);
  const sample = sampleWeek(now);
  const graph = createFakeGraph({
    events: sampleGraphEvents(sample),
    mailboxSettings: { timeZone: sample.zone, workingHours: { daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], startTime: "09:00:00.0000000", endTime: "17:00:00.0000000", timeZone: { name: sample.zone } } },
    pathPrefix: "/graph",
    cors: false,
    requireBearer: false,
    me: sample.me,
  });

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = decodeURIComponent(url.pathname); // throws URIError on bad escapes: a 400 below
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") return plain(res, 405, "Method not allowed");
    if (req.method === "POST" && !sameOrigin(req)) return plain(res, 403, "Writes are accepted only from the preview page itself.");
    if (path === "/" || path === "/taskpane.html") {
      res.writeHead(302, { ...SECURITY_HEADERS, Location: "/preview.html" });
      return res.end();
    }
    if (path === "/preview/config.json") {
      res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "application/json; charset=utf-8" });
      return res.end(JSON.stringify({ settings: sample.settings, me: sample.me, graphBaseUrl: "/graph" }));
    }
    if (path.startsWith("/graph/")) {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      return graph.handle(req, res);
    }
    if ((req.method === "GET" || req.method === "HEAD") && FILES.test(path)) {
      const file = join(dist, path.slice(1));
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
        return res.end(req.method === "HEAD" ? undefined : readFileSync(file));
      }
    }
    plain(res, 404, "Not found");
  };

  const server = createServer((req, res) => {
    try {
      serve(req, res);
    } catch (error) {
      plain(res, error instanceof URIError ? 400 : 500, error instanceof URIError ? "Bad request: the path is not valid percent-encoding" : "Internal error");
    }
  });
  // A request Node cannot even parse: answer 400 and keep serving.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
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
