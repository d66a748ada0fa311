// The command line reads zone offsets from Date with the process's TZ set (zoneFacts.ts) instead
// of Intl: checked here against luxon's own numbers, in a child process with a real process.env.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { cli } from "./runCli";

const dir = mkdtempSync(join(tmpdir(), "next-week-zone-facts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const probe = join(dir, "probe.cjs");
buildSync({ entryPoints: [join(__dirname, "zoneFactsProbe.ts")], bundle: true, platform: "node", format: "cjs", outfile: probe, logLevel: "error" });
const runProbe = (from: number, until: number, stepDays: number) =>
  JSON.parse(execFileSync(process.execPath, [probe, String(from), String(until), String(stepDays)], { encoding: "utf8", env: { ...process.env, TZ: "Asia/Tokyo" } })) as {
    zones: number;
    changes: number;
    checks: number;
    mismatches: string[];
    validity: string[];
    honoured: boolean;
    fallbackUsed: number[];
  };

describe("the command line's zone facts (Date with TZ set) against luxon's (Intl)", () => {
  test("every listed zone agrees at and around every offset change from 1973 to 2070, and on 20,000 instants from 1950 to 2250 in zones asked in turn; where Date would not follow TZ, luxon answers", () => {
    const result = runProbe(Date.UTC(1973, 0, 1), Date.UTC(2070, 0, 1), 10);
    expect(result.mismatches).toEqual([]);
    expect(result.validity).toEqual([]);
    expect(result.honoured).toBe(true);
    // Date ignoring TZ: the fallback answers everywhere; following it: only off the list and out of range.
    expect(result.fallbackUsed).toEqual([999, 999, -300, 999, 999]);
    expect(result.zones).toBeGreaterThan(400);
    // Daylight-saving zones change twice a year: tens of thousands of changes are checked.
    expect(result.changes).toBeGreaterThan(20_000);
    expect(result.checks).toBeGreaterThan(1_000_000);
  }, 120_000);
});

describe("the installed command gives the numbers the in-process run (Intl's offsets) gives", () => {
  const bin = join(__dirname, "../../scripts/next-week.cjs");
  const events = join(dir, "week.json");
  writeFileSync(events, JSON.stringify({ kind: "calendar#events", items: [] }));
  // Weeks across a change: west and east of UTC, a 30-minute change, a skipped midnight, +12:45.
  const cases: [string, string][] = [
    ["America/New_York", "2026-11-01"],
    ["Europe/Berlin", "2026-03-29"],
    ["Australia/Lord_Howe", "2026-10-04"],
    ["America/Santiago", "2026-09-06"],
    ["Pacific/Chatham", "2026-04-05"],
    ["Asia/Kathmandu", "2026-12-02"],
  ];
  test.each(cases)("%s, the week of %s", (zone, week) => {
    const settings = join(dir, `${zone.replace("/", "-")}.json`);
    writeFileSync(settings, JSON.stringify({ timeZone: zone, workingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "04:00" }] }));
    const args = ["analyze", "--google", events, "--settings", settings, "--week", week, "--now", "2026-01-01T00:00:00Z", "--json"];
    const inProcess = cli(...args);
    expect(inProcess.code).toBe(0);
    const installed = execFileSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, TZ: "Pacific/Kiritimati" } });
    expect(JSON.parse(installed)).toEqual(JSON.parse(inProcess.out));
    expect(JSON.parse(installed).week.timeZone).toBe(zone);
  });
});
