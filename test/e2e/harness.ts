/**
 * Browser-test plumbing: builds the task pane into test/e2e/output, serves it on 127.0.0.1,
 * and opens it in headless Chromium (playwright-core, headless) with office.js replaced by the
 * stub and https://graph.microsoft.com answered by the local fake Graph.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FakeGraph } from "../../addon/node/dev/fakeGraphServer";
import { CHROMIUM_ARGS, findChromium, ROOT } from "./browser";
import { officeStubScript, type OfficeStubConfig } from "./officeStub";

export { ROOT, CHROMIUM_ARGS };
export const OUTDIR = join(ROOT, "test/e2e/output/outlook");
export const TEST_CLIENT_ID = "5f0c7e31-2b7a-4d8e-9c41-7a3e0e9d1c11";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Builds the production task pane (same script as `npm run build`) into the test's own folder (one per test file: they run in parallel). */
export const buildTaskPane = async (outdir: string = OUTDIR): Promise<void> => {
  await promisify(execFile)(process.execPath, [join(ROOT, "scripts/build-outlook.mjs")], {
    env: { ...process.env, OUTLOOK_CLIENT_ID: TEST_CLIENT_ID, OUTLOOK_OUTDIR: outdir },
  });
};

/** The built pane's chunk files, from the build's meta.json: the sign-in library's and the public suffix list's. */
export const builtChunks = (outdir: string = OUTDIR): { msalChunk: string | null; tldtsChunk: string | null } =>
  JSON.parse(readFileSync(join(outdir, "meta.json"), "utf8")) as { msalChunk: string | null; tldtsChunk: string | null };

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".map": "application/json", ".xml": "application/xml" };

/** Serves a folder on http://127.0.0.1:PORT (a secure context for Chromium). */
export const serveFolder = async (dir: string): Promise<{ url: string; close: () => Promise<void> }> => {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    readFile(join(dir, path === "/" ? "taskpane.html" : path)).then(
      (body) => {
        res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Cache-Control": "no-store" });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end("not found");
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
};

/** Headless Chromium: Debian's when installed, else the one shipped in an npm package (see browser.ts). */
export const launch = (): Promise<Browser> => chromium.launch({ executablePath: findChromium().path, headless: true, args: CHROMIUM_ARGS });

export interface PaneOptions {
  readonly site: string;
  readonly fake: FakeGraph;
  readonly office: OfficeStubConfig;
  /** Pin the page's clock (ISO instant). */
  readonly now?: string;
  /** Graph requests (by URL) that get no answer at all while this says so: a Graph that never answers. */
  readonly holdGraph?: (url: string) => boolean;
  /** Files of the site (by URL) that fail to load, as a dropped connection would. */
  readonly refuse?: (url: string) => boolean;
  /** The pane's size (default 360 × 900). */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that tried to leave the machine (anything but the site, office.js and Graph). */
  readonly blocked: string[];
  /** Content-Security-Policy violations the page reported so far. */
  cspViolations(): Promise<string[]>;
  /**
   * Closes the pane's context. Its routes go first, their errors ignored: closing drops the
   * bodies fetched for answers still in flight (a read cut short by the test), and a route
   * answering after that must not fail whichever test runs next.
   */
  close(): Promise<void>;
}

/**
 * Opens the task pane: office.js from the stub, Graph from the fake (its nextLinks keep
 * Graph's host, so paging is routed too), every other host refused and recorded.
 */
export const openPane = async (browser: Browser, options: PaneOptions): Promise<Pane> => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: options.viewport ?? { width: 360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const blocked: string[] = [];
  options.fake.setPublicBaseUrl("https://graph.microsoft.com/v1.0");
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: officeStubScript(options.office) });
    if (url.startsWith("https://graph.microsoft.com/")) {
      if (options.holdGraph?.(url)) return; // never answered (the page gives up on its own)
      const response = await route.fetch({ url: url.replace("https://graph.microsoft.com", options.fake.url) });
      return route.fulfill({ response });
    }
    if (url.startsWith(options.site)) return options.refuse?.(url) ? route.abort("connectionreset") : route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${options.site}/taskpane.html`);
  let closed = false;
  return {
    context,
    page,
    blocked,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    close: async () => {
      if (closed) return;
      closed = true;
      await context.unrouteAll({ behavior: "ignoreErrors" });
      await context.close();
    },
  };
};

/** Waits until the pane shows `screen` ("card", "empty", "error", "settings"). */
export const waitForScreen = (page: Page, screen: string) => page.waitForSelector(`#app[data-screen="${screen}"]`, { timeout: 15000 });
