import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

// A build that cannot ship broken: a production build of the Outlook add-in refuses to finish
// without a client id and a public https base URL; the validator flags localhost in a production
// manifest; a development build says it is one.
const run = promisify(execFile);
const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "nw-prod-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLIENT_ID = "5f0c7e31-2b7a-4d8e-9c41-7a3e0e9d1c11";

const node = async (args: string[], env: Record<string, string | undefined>) => {
  const clean = { ...process.env };
  delete clean.OUTLOOK_CLIENT_ID;
  delete clean.OUTLOOK_BASE_URL;
  delete clean.NODE_ENV;
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env: { ...clean, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
};
const build = (env: Record<string, string | undefined>, extra: string[] = []) => node([join(root, "scripts/build-outlook.mjs"), ...extra], { OUTLOOK_OUTDIR: join(dir, "out"), ...env });

test.each([
  ["no client id", { NODE_ENV: "production", OUTLOOK_BASE_URL: "https://nextweek.example.com" }, /^outlook: production build refused: OUTLOOK_CLIENT_ID is not set/],
  ["a client id that is not a GUID", { NODE_ENV: "production", OUTLOOK_CLIENT_ID: "my-app", OUTLOOK_BASE_URL: "https://nextweek.example.com" }, /^outlook: production build refused: OUTLOOK_CLIENT_ID must be a GUID/],
  ["no base URL", { NODE_ENV: "production", OUTLOOK_CLIENT_ID: CLIENT_ID }, /^outlook: production build refused: OUTLOOK_BASE_URL is not set/],
  ["an http base URL", { NODE_ENV: "production", OUTLOOK_CLIENT_ID: CLIENT_ID, OUTLOOK_BASE_URL: "http://nextweek.example.com" }, /^outlook: production build refused: OUTLOOK_BASE_URL must be https/],
  ["a localhost base URL", { NODE_ENV: "production", OUTLOOK_CLIENT_ID: CLIENT_ID, OUTLOOK_BASE_URL: "https://localhost:3000" }, /^outlook: production build refused: OUTLOOK_BASE_URL must not be this machine \(localhost\)/],
  ["127.0.0.1 as base URL", { NODE_ENV: "production", OUTLOOK_CLIENT_ID: CLIENT_ID, OUTLOOK_BASE_URL: "https://127.0.0.1" }, /^outlook: production build refused: OUTLOOK_BASE_URL must not be this machine/],
])("a production build with %s is refused with one line naming the variable", async (_name, env, expected) => {
  const { code, stderr } = await build(env);
  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr.trim()).toMatch(expected);
});

test("--production on the command line is a production build too", async () => {
  const { code, stderr } = await build({}, ["--production"]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/OUTLOOK_CLIENT_ID is not set/);
});

test("a complete production build finishes, points the manifest at the host, and passes the production manifest check", async () => {
  const { code, stdout } = await build({ NODE_ENV: "production", OUTLOOK_CLIENT_ID: CLIENT_ID, OUTLOOK_BASE_URL: "https://nextweek.example.com/" });
  expect(code).toBe(0);
  expect(stdout).toContain("outlook: production build");
  const manifest = readFileSync(join(dir, "out/manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("https://nextweek.example.com/taskpane.html");
  expect(readFileSync(join(dir, "out/taskpane.js"), "utf8")).toContain(CLIENT_ID);
  const checked = await node([join(root, "scripts/validate-outlook.mjs"), "--production", join(dir, "out/manifest.xml")], { OUTLOOK_ASSETS_DIR: join(dir, "out") });
  expect(checked.stdout).toContain("ok    no URL points at localhost");
  expect(checked.stdout).toContain("ok    icons are PNGs of their declared sizes");
  expect(checked.code).toBe(0);
});

test("the sign-in library is its own content-hashed chunk, preloaded by the page and absent from the pane's own code", async () => {
  const { code } = await build({});
  expect(code).toBe(0);
  const out = join(dir, "out");
  const { msalChunk, startupFiles } = JSON.parse(readFileSync(join(out, "meta.json"), "utf8")) as { msalChunk: string; startupFiles: string[] };
  expect(msalChunk).toMatch(/^chunks\/[\w-]+-[A-Z0-9]{8}\.js$/);
  expect(readFileSync(join(out, msalChunk), "utf8")).toContain("msal.js.browser");
  for (const file of startupFiles) expect(readFileSync(join(out, file), "utf8")).not.toContain("msal.js.browser");
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).toContain(`<link rel="modulepreload" href="${msalChunk}" />`);
  expect(html).toContain('<script type="module" src="taskpane.js"');
  expect(html).not.toMatch(/modulepreload" href="chunks\/settingsScreen/); // fetched on first use only
});

test("validate:outlook in production mode flags a manifest that points at localhost", async () => {
  const { code, stdout } = await node([join(root, "scripts/validate-outlook.mjs"), "--production", join(root, "manifest/manifest.xml")], { OUTLOOK_ASSETS_DIR: join(dir, "out") });
  expect(stdout).toMatch(/FAIL {2}a production manifest must not point at this machine: \w+ https:\/\/localhost:3000\//);
  expect(code).toBe(1);
  // The same manifest in development mode is only a note.
  const dev = await node([join(root, "scripts/validate-outlook.mjs"), join(root, "manifest/manifest.xml")], { OUTLOOK_ASSETS_DIR: join(dir, "out") });
  expect(dev.stdout).toMatch(/note {2}development manifest: \d+ URLs point at localhost/);
});

test("a development build says it is one", async () => {
  const { code, stdout } = await build({});
  expect(code).toBe(0);
  expect(stdout).toMatch(/^outlook: DEVELOPMENT build in .* \(placeholder client id, base URL https:\/\/localhost:3000\): for sideloading and tests, not for deployment/);
});
