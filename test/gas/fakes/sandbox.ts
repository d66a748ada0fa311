/**
 * Runs the built add-on (dist/gas/Code.js, not the TypeScript sources) in a Node `vm` context
 * whose globals are the recording fakes, as Apps Script would run it: one classic script, the
 * manifest's functions called as plain globals.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import vm from "node:vm";
import { FakeCalendar } from "./calendar";
import { fakeCardService } from "./cardService";
import { FakeCache, FakeLock, FakeProperties, fakeSession } from "./services";

const root = resolve(__dirname, "..", "..", "..");

let built: { dir: string; code: string; manifest: Record<string, unknown> } | null = null;

/** Builds the bundle once per test file with the real build script, into a temporary folder. */
export const buildBundle = () => {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), "next-week-gas-"));
  execFileSync(process.execPath, [join(root, "scripts", "build-gas.mjs"), "--outdir", dir, "--quiet"], { cwd: root, stdio: "pipe" });
  built = { dir, code: readFileSync(join(dir, "Code.js"), "utf8"), manifest: JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")) };
  return built;
};

export interface AddOn {
  readonly calendar: FakeCalendar;
  readonly properties: FakeProperties;
  readonly cache: FakeCache;
  readonly lock: FakeLock;
  readonly logs: string[];
  /** Calls a global function of the script, as Apps Script does. */
  call(name: string, event?: unknown): unknown;
  /** The script's global of that name. */
  global(name: string): unknown;
}

export interface SandboxOptions {
  /** The instant the add-on runs at (its `DateTime.now()`). */
  readonly now: string;
  readonly calendar?: FakeCalendar;
  readonly properties?: FakeProperties;
  readonly cache?: FakeCache;
  readonly lock?: FakeLock;
  readonly email?: string;
}

/**
 * A fresh run of the add-on. Pass the same fakes to two sandboxes to get two windows of one user.
 * @example const addOn = loadAddOn({ now: "2026-11-23T17:00:00Z" }); addOn.call("onHomepage", event)
 */
export const loadAddOn = (options: SandboxOptions): AddOn => {
  const { code } = buildBundle();
  const calendar = options.calendar ?? new FakeCalendar();
  const properties = options.properties ?? new FakeProperties();
  const cache = options.cache ?? new FakeCache();
  const lock = options.lock ?? new FakeLock();
  const logs: string[] = [];
  const context = vm.createContext({
    CardService: fakeCardService(),
    Calendar: calendar,
    PropertiesService: { getUserProperties: () => properties, getScriptProperties: () => new FakeProperties() },
    CacheService: { getUserCache: () => cache },
    LockService: { getUserLock: () => lock },
    Session: fakeSession(options.email ?? "seller@example-seller.com"),
    console: { log: (...a: unknown[]) => logs.push(a.map(String).join(" ")), error: (...a: unknown[]) => logs.push(a.map(String).join(" ")) },
  });
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`bad now: ${options.now}`);
  vm.runInContext(`Date.now = () => ${nowMs};`, context);
  vm.runInContext(code, context, { filename: "Code.js" });
  return {
    calendar,
    properties,
    cache,
    lock,
    logs,
    call: (name, event) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`the script has no global function ${name}`);
      return (fn as (e?: unknown) => unknown)(event);
    },
    global: (name) => (context as Record<string, unknown>)[name],
  };
};

/** An add-on event object as Calendar sends it with `useLocaleFromApp` (zone, locale, parameters, form inputs). */
export const addOnEvent = (options: { zone?: string | null; parameters?: Record<string, string>; form?: Record<string, string> } = {}) => ({
  commonEventObject: {
    hostApp: "CALENDAR",
    platform: "WEB",
    userLocale: "en",
    ...(options.zone === null ? {} : { timeZone: { id: options.zone ?? "America/New_York", offset: -18000000 } }),
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.form
      ? { formInputs: Object.fromEntries(Object.entries(options.form).filter(([, v]) => v !== "").map(([k, v]) => [k, { stringInputs: { value: [v] } }])) }
      : {}),
  },
  calendar: {},
});
