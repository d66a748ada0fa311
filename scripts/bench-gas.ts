/**
 * `npm run bench -- gas`: the Apps Script bundle's size against its 200 KiB budget, and the
 * homepage run in the vm harness of test/gas (the built Code.js with the recording fakes), as Apps
 * Script runs it: each run loads the script afresh and calls onHomepage. Two calendars: a
 * 1,500-event week with an empty look-back (target ≤ 300 ms), and the full read window of eight
 * look-back weeks and the week, 1,500 events each = 13,500 events (target ≤ 1 s). Medians of 7
 * runs after one warm-up. The fake Calendar's own work (filtering, sorting and copying the
 * events) is timed separately and left out: on Apps Script that is Google's side.
 *
 * Profiling: `npm run bench -- gas` builds dist/bench/bench-gas.cjs; then
 * `node --cpu-prof dist/bench/bench-gas.cjs --names` runs the same on an unminified bundle so the
 * profile names the core's and the add-on's functions; `--only week` or `--only window` runs one.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { FakeCalendar, type FakeEvent } from "../test/gas/fakes/calendar";
import { fakeCardService } from "../test/gas/fakes/cardService";
import { FakeCache, FakeLock, FakeProperties, fakeSession } from "../test/gas/fakes/services";
import { storeSettings } from "../test/gas/fakes/storedSettings";
import { busyWeek } from "../test/gas/fixtures/busyWeek";
import { busyWindow } from "../test/gas/fixtures/busyWindow";
import { ME, NOW, SETTINGS } from "../test/gas/fixtures/knownWeek";

const BUDGET_KIB = 200;
const RUNS = 7;

const dir = mkdtempSync(join(tmpdir(), "next-week-bench-gas-"));
/** `--names`: a bundle with its function names, to read a CPU profile of the runs (not the deployed bytes). */
const names = process.argv.includes("--names");
execFileSync(process.execPath, [join(process.cwd(), "scripts", "build-gas.mjs"), "--outdir", dir, "--quiet", ...(names ? ["--names"] : [])], { stdio: "inherit" });
const code = readFileSync(join(dir, "Code.js"), "utf8");
const bytes = Buffer.byteLength(code, "utf8");

const event = { commonEventObject: { hostApp: "CALENDAR", platform: "WEB", userLocale: "en", timeZone: { id: "America/New_York", offset: -18000000 } } };

/** One homepage as Apps Script runs it: a fresh context, the script loaded, onHomepage called. */
const once = (events: readonly FakeEvent[]): number => {
  const calendar = new FakeCalendar(events);
  calendar.pageSize = 2500;
  let fakeMs = 0;
  const list = calendar.Events.list;
  (calendar.Events as { list: typeof list }).list = (...args: Parameters<typeof list>) => {
    const t = performance.now();
    try {
      return list(...args);
    } finally {
      fakeMs += performance.now() - t;
    }
  };
  const properties = new FakeProperties();
  storeSettings(properties, SETTINGS);
  const context = vm.createContext({
    CardService: fakeCardService(),
    Calendar: calendar,
    PropertiesService: { getUserProperties: () => properties },
    CacheService: { getUserCache: () => new FakeCache() },
    LockService: { getUserLock: () => new FakeLock() },
    Session: fakeSession(ME),
    console: { log: () => undefined, error: () => undefined },
  });
  vm.runInContext(`Date.now = () => ${Date.parse(NOW)};`, context);
  const start = performance.now();
  vm.runInContext(code, context, { filename: "Code.js" });
  const card = (context as { onHomepage: (e: unknown) => { calls?: { method: string; args: unknown[] }[] } }).onHomepage(event);
  const ms = performance.now() - start - fakeMs;
  const name = card.calls?.find((c) => c.method === "setName")?.args[0];
  if (name !== "week") throw new Error(`the homepage answered with the ${String(name)} card`);
  return ms;
};

const bench = (label: string, events: readonly FakeEvent[], targetMs: number): boolean => {
  once(events);
  const times = Array.from({ length: RUNS }, () => once(events)).sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)]!;
  const met = median <= targetMs;
  console.log(
    `homepage, ${label}, vm harness (script load + onHomepage, the fake Calendar's own time left out): median ${median.toFixed(0)} ms of ${RUNS} (min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)}; target ≤ ${targetMs} ms: ${met ? "met" : "NOT met"})`,
  );
  return met;
};

const kib = bytes / 1024;
if (names) console.log(`Apps Script bundle with its names kept, for profiling: ${kib.toFixed(1)} KiB (not the deployed size; no budget)`);
else console.log(`Apps Script bundle: ${bytes.toLocaleString("en-US")} bytes = ${kib.toFixed(1)} KiB of ${BUDGET_KIB} KiB (${kib <= BUDGET_KIB ? "within" : "OVER"} the budget)`);
/** `--only week` or `--only window`: one of the two (to profile it alone). */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const week = only === "window" || bench("1,500-event week", busyWeek(1500), 300);
const window = only === "week" || bench("8 look-back weeks + the week, 1,500 events each (13,500)", busyWindow(8, 1500), 1000);
if (!week || !window || (!names && kib > BUDGET_KIB)) process.exit(1);
