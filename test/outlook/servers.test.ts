import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer, request as httpsRequest } from "node:https";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { startPreview, type Preview } from "../../addon/node/dev/preview";

// The dev servers (npm start's preview and dev:outlook's https server) face any web page the
// developer visits: bad requests must get a 4xx and leave the server serving; every page carries
// a CSP and nosniff; the preview writes only for its own page; a busy port is one line and exit 1.
const root = join(__dirname, "../..");
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "nw-servers-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A raw request (paths are sent exactly as given, bad escapes included). */
const send = (url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    const make = u.protocol === "https:" ? httpsRequest : httpRequest;
    const req = make({ host: u.hostname, port: u.port, path, method: options.method ?? "GET", headers: options.headers, ...(options.ca ? { ca: options.ca, servername: "localhost" } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });

/** A port that is taken for the duration of `f`. */
const withBusyPort = async <T>(f: (port: number) => Promise<T>): Promise<T> => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  try {
    return await f((blocker.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
};

const runExpectingFailure = async (args: string[], env: Record<string, string>) => {
  try {
    await run(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stderr: "" };
  } catch (e) {
    const failure = e as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
};

describe("the npm start preview", () => {
  let preview: Preview;
  let base: string;
  beforeAll(async () => {
    preview = await startPreview({ port: 0 });
    base = preview.url.replace("localhost", "127.0.0.1").replace(/\/$/, "");
  });
  afterAll(() => preview.close());

  test("bad paths get a 4xx, and the server keeps serving", async () => {
    expect((await send(base, "/%E0%A4%A")).status).toBe(400);
    expect((await send(base, "/assets")).status).toBe(404);
    expect((await send(base, "/assets/")).status).toBe(404);
    expect((await send(base, "/../package.json")).status).toBe(404);
    expect((await send(base, "/graph/v1.0/me/calendarView?x=%E0%A4%A")).status).toBe(400);
    expect((await send(base, "/preview.html", { method: "DELETE" })).status).toBe(405);
    const page = await send(base, "/preview.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain("preview.js");
  });

  test("every answer carries a CSP that starts from default-src 'self', and nosniff", async () => {
    for (const path of ["/preview.html", "/preview.js", "/nope", "/%E0%A4%A", "/graph/v1.0/me/mailboxSettings"]) {
      const answer = await send(base, path, { headers: { Authorization: "Bearer preview" } });
      expect(answer.headers["content-security-policy"]).toMatch(/^default-src 'self';/);
      expect(answer.headers["content-security-policy"]).not.toMatch(/unsafe-(inline|eval)/);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("a booking POST is accepted only from the preview's own origin", async () => {
    const body = JSON.stringify({ subject: "x", start: { dateTime: "2030-01-07T10:00:00", timeZone: "UTC" }, end: { dateTime: "2030-01-07T11:00:00", timeZone: "UTC" } });
    const headers = { Authorization: "Bearer preview", "Content-Type": "application/json" };
    const host = new URL(base).host;
    expect((await send(base, "/graph/v1.0/me/events", { method: "POST", body, headers: { ...headers, Origin: "https://evil.example" } })).status).toBe(403);
    expect((await send(base, "/graph/v1.0/me/events", { method: "POST", body, headers })).status).toBe(403); // no Origin at all
    expect((await send(base, "/graph/v1.0/me/events", { method: "POST", body, headers: { ...headers, Origin: `http://${host}.evil.example` } })).status).toBe(403);
    expect((await send(base, "/graph/v1.0/me/events", { method: "POST", body, headers: { ...headers, Origin: `http://${host}` } })).status).toBe(201);
  });
});

describe("the https dev server (npm run dev:outlook)", () => {
  // The script is an ES module, which jest cannot load: each test drives it in a child Node.
  const devModule = pathToFileURL(join(root, "scripts/dev-outlook.mjs")).href;

  /** Starts the dev server in a child process; resolves with its URL and CA once it listens. */
  const startDevChild = (outdir: string, certs: string) =>
    new Promise<{ base: string; ca: string; stop: () => void }>((resolve, reject) => {
      const code = `const m = await import(${JSON.stringify(devModule)}); const s = await m.startDevServer({ port: 0, host: "127.0.0.1", outdir: ${JSON.stringify(outdir)}, certs: ${JSON.stringify(certs)} }); console.log(JSON.stringify({ url: s.url, caFile: s.caFile })); process.stdin.on("end", () => s.close().then(() => process.exit(0))); process.stdin.resume();`;
      const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString("utf8");
        const line = out.split("\n")[0];
        if (out.includes("\n") && line) {
          const { url, caFile } = JSON.parse(line) as { url: string; caFile: string };
          resolve({ base: url.replace("/taskpane.html", "").replace("localhost", "127.0.0.1"), ca: readFileSync(caFile, "utf8"), stop: () => child.stdin.end() });
        }
      });
      child.on("error", reject);
      child.on("exit", (c) => reject(new Error(`dev server exited with ${c}`)));
    });

  test("answers bad requests with a 4xx and keeps serving, with the pane's CSP and nosniff on every answer", async () => {
    const outdir = join(tmp, "outlook");
    await run(process.execPath, [join(root, "scripts/build-outlook.mjs")], { env: { ...process.env, OUTLOOK_OUTDIR: outdir } });
    const server = await startDevChild(outdir, join(tmp, "certs"));
    try {
      const { base, ca } = server;
      expect((await send(base, "/%E0%A4%A", { ca })).status).toBe(400);
      expect((await send(base, "/assets", { ca })).status).toBe(404);
      expect((await send(base, "/..%2f..%2fpackage.json", { ca })).status).toBe(404);
      const page = await send(base, "/taskpane.html", { ca });
      expect(page.status).toBe(200);
      expect(page.headers["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(page.headers["content-security-policy"]).toContain("connect-src 'self' https://graph.microsoft.com");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["cache-control"]).toBe("no-store");
      // Content-hashed chunks (the sign-in library among them) are cached for good.
      const chunk = /<link rel="modulepreload" href="(chunks\/[^"]+)"/.exec(page.body)?.[1];
      expect(chunk).toBeDefined();
      const cached = await send(base, `/${chunk}`, { ca });
      expect(cached.status).toBe(200);
      expect(cached.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(cached.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      // The real deployment has no such server: the page declares the same policy itself.
      expect(page.body).toContain(`<meta http-equiv="Content-Security-Policy" content="${page.headers["content-security-policy"]}"`);
    } finally {
      server.stop();
    }
  });

  /** The TLS verdict (null = trusted) for a server whose certificate names `name`, signed by a fresh dev CA. */
  const verdict = async (name: string): Promise<string | null> => {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(devModule)}); console.log(JSON.stringify(await m.makeDevCertificates({ leafNames: [${JSON.stringify(name)}] })));`], { cwd: root });
    const made = JSON.parse(stdout) as { caCert: string; cert: string; key: string };
    const server = createHttpsServer({ cert: made.cert, key: made.key }, (_req, res) => res.end("hi"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      return await new Promise<string | null>((resolve) => {
        const socket = connect({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, servername: name, ca: made.caCert, rejectUnauthorized: false }, () => {
          resolve(socket.authorizationError ? String(socket.authorizationError) : null);
          socket.end();
        });
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };

  test("its CA can vouch only for localhost: the chain of a certificate it signs for another name is refused", async () => {
    expect(await verdict("localhost")).toBeNull();
    // OpenSSL rejects the chain (X509_V_ERR_PERMITTED_VIOLATION, which Node reports as UNSPECIFIED).
    expect(await verdict("bank.example")).not.toBeNull();
  });

  test("a busy port ends dev:outlook with one line and a non-zero status", async () => {
    await withBusyPort(async (port) => {
      const { code, stderr } = await runExpectingFailure([join(root, "scripts/dev-outlook.mjs")], { PORT: String(port), OUTLOOK_OUTDIR: join(tmp, "busy") });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toEqual([`dev:outlook: cannot serve the task pane: port ${port} is already in use; set PORT to use another port (e.g. PORT=4000 npm run dev:outlook).`]);
    });
  });
});

test("a busy port ends npm start with one line and a non-zero status", async () => {
  await withBusyPort(async (port) => {
    const { code, stderr } = await runExpectingFailure([join(root, "scripts/start.mjs")], { PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([`next-week: the task-pane preview could not start: port ${port} is already in use; set PORT to use another port (e.g. PORT=4000 npm start).`]);
  });
});
