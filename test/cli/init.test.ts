// `next-week init`: starter settings from the user's own calendar, with the companies met most
// offered as a numbered table, ranked as the core ranks suggestedAccounts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { cli } from "./runCli";
import { parseSettings } from "../../shared";

const dir = mkdtempSync(join(tmpdir(), "next-week-init-"));
const expectOneLine = (r: ReturnType<typeof cli>, code: number, pattern: RegExp) => {
  expect(r.code).toBe(code);
  expect(r.out).toBe("");
  expect(r.error.split("\n")).toHaveLength(1);
  expect(r.error).toMatch(pattern);
};

const ME = "sam@seller.com";
let uid = 0;
/** One busy meeting, wall-clock New York time, with the seller as organizer. */
const vevent = (day: string, from: string, to: string, attendees: readonly string[], extra: readonly string[] = []) =>
  [
    "BEGIN:VEVENT",
    `UID:init-${(uid += 1)}@test`,
    "DTSTAMP:20261101T120000Z",
    `DTSTART;TZID=America/New_York:${day}T${from}00`,
    `DTEND;TZID=America/New_York:${day}T${to}00`,
    "SUMMARY:Meeting",
    `ORGANIZER:mailto:${ME}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${ME}`,
    ...attendees.map((a) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${a}`),
    ...extra,
    "END:VEVENT",
  ].join("\r\n");
const calendar = (events: readonly string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//next-week//init test//EN", "X-WR-TIMEZONE:America/New_York", ...events, "END:VCALENDAR", ""].join("\r\n");

// Look-back (before 30 Nov 2026) and the week itself. Expected ranking, by minutes, then meetings, then domain:
// initech.co.uk 120 (1 meeting), globex.io 90 (2 meetings, 2 contacts), umbrella.com 90 (1), hooli.com 30, zeta.com 30.
const ics = join(dir, "calendar.ics");
writeFileSync(
  ics,
  calendar([
    vevent("20261110", "1000", "1200", ["bob@eu.initech.co.uk"]),
    vevent("20261111", "1000", "1100", ["dana@globex.io", "colleague@seller.com"]),
    vevent("20261201", "1400", "1430", ["lee@eu.globex.io"]),
    vevent("20261112", "0900", "1030", ["ceo@umbrella.com"]),
    vevent("20261203", "1000", "1030", ["zed@zeta.com"]),
    vevent("20261203", "1100", "1130", ["hal@hooli.com"]),
    // Free mail (the most time of all), a colleague, a calendar system address and a room: never suggested.
    vevent("20261113", "0900", "1300", ["friend@gmail.com", "pal@outlook.com"]),
    vevent("20261116", "0900", "1300", ["colleague@seller.com", "c_1888abc@resource.calendar.google.com"]),
    vevent("20261117", "0900", "1300", ["team@group.calendar.google.com"], ["ATTENDEE;CUTYPE=ROOM;PARTSTAT=ACCEPTED:mailto:board-room@rooms.example.org"]),
  ]),
);
const when = ["--week", "2026-11-30", "--now", "2026-11-23T12:00:00-05:00"];
const EXPECTED = ["initech.co.uk", "globex.io", "umbrella.com", "hooli.com", "zeta.com"];

let n = 0;
const outFile = () => join(dir, `settings-${(n += 1)}.json`);
const readSettings = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
/** The domains of the table rows, in printed order. */
const tableDomains = (out: string) => [...out.matchAll(/^ +\d+ {2}\S.*? {2,}(\S+\.\S+) {2,}/gm)].map((m) => m[1]);

describe("next-week init", () => {
  test("writes starter settings parseSettings accepts: the calendar's zone, the domain of --me, no accounts", () => {
    const out = outFile();
    const r = cli("init", "--ics", ics, "--me", ME, "--out", out, ...when);
    expect(r.error).toBe("");
    expect(r.code).toBe(0);
    const written = readSettings(out);
    expect(parseSettings(written).ok).toBe(true);
    expect(written).toMatchObject({ version: 1, timeZone: "America/New_York", ownDomains: ["seller.com"], accounts: [], decisionMakers: [], lookBackWeeks: 8 });
    // The sales-meeting target is left to the pipeline math: adding "pipeline" later must take effect.
    expect(written.targets).not.toHaveProperty("salesMeetings");
    expect(r.out).toContain(`Wrote ${out}: time zone America/New_York, your domain seller.com, no accounts yet.`);
  });

  test("prints the suggestions as a numbered table, ranked as the core ranks them, free mail and colleagues never among them", () => {
    const r = cli("init", "--ics", ics, "--me", ME, "--out", outFile(), ...when);
    const core = JSON.parse(cli("analyze", "--ics", ics, "--me", ME, ...when, "--json").out) as { suggestedAccounts: { domain: string; minutes: number; meetings: number; contacts: number }[] };
    expect(core.suggestedAccounts.map((s) => s.domain)).toEqual(EXPECTED);
    expect(tableDomains(r.out)).toEqual(EXPECTED);
    expect(r.out).toMatch(/^ {2}1 {2}Initech +initech\.co\.uk +2 h +1 +1$/m);
    expect(r.out).toMatch(/^ {2}2 {2}Globex +globex\.io +1 h 30 min +2 +2$/m);
    expect(r.out).not.toMatch(/gmail|outlook\.com|seller\.com  |calendar\.google|rooms\.example/);
    // Every line fits 80 columns, but those that repeat a path of this test's temporary folder.
    for (const line of r.out.split("\n").filter((l) => !l.includes(dir))) expect(line.length).toBeLessThanOrEqual(80);
  });

  test("prints the exact next commands: pick by number, accept all, then analyze with the new settings", () => {
    const out = outFile();
    const r = cli("init", "--ics", ics, "--me", ME, "--out", out, ...when);
    const head = `next-week init --ics ${ics} --me ${ME} ${when.join(" ")} --out ${out} --force`;
    expect(r.out).toContain(`  ${head} --dream 1 --a-list 2,3 --not 4\n`);
    expect(r.out).toContain(`  ${head} --accept\n`);
    expect(r.out).toContain(`  next-week analyze --ics ${ics} --me ${ME} --settings ${out} ${when.join(" ")}`);
  });

  test("never replaces an existing file without --force: one line, exit 2, the file untouched", () => {
    const out = outFile();
    writeFileSync(out, '{ "lookBackWeeks": 4 }\n');
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--out", out, ...when), 2, new RegExp(`${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} already exists: add --force to replace it`));
    expect(readFileSync(out, "utf8")).toBe('{ "lookBackWeeks": 4 }\n');
    const forced = cli("init", "--ics", ics, "--me", ME, "--out", out, "--force", ...when);
    expect(forced.code).toBe(0);
    expect(readSettings(out).lookBackWeeks).toBe(8);
  });

  test("the default --out is next-week-settings.json in the current folder", () => {
    const here = mkdtempSync(join(tmpdir(), "next-week-init-cwd-"));
    const before = process.cwd();
    process.chdir(here);
    try {
      expect(cli("init", "--ics", ics, "--me", ME, ...when).code).toBe(0);
      expect(parseSettings(readSettings(join(here, "next-week-settings.json"))).ok).toBe(true);
    } finally {
      process.chdir(before);
    }
  });

  test("--dream, --a-list, --pain and --not write the picked companies (numbers or domains); analyze then suggests only the rest", () => {
    const out = outFile();
    const r = cli("init", "--ics", ics, "--me", ME, "--out", out, ...when, "--dream", "1", "--a-list", "2,umbrella.com", "--not", "4");
    expect(r.code).toBe(0);
    const written = readSettings(out);
    expect(written.accounts).toEqual([
      { name: "Initech", domains: ["initech.co.uk"], tier: "dream" },
      { name: "Globex", domains: ["globex.io"], tier: "a-list" },
      { name: "Umbrella", domains: ["umbrella.com"], tier: "a-list" },
    ]);
    expect(written.notAccounts).toEqual(["hooli.com"]);
    expect(parseSettings(written).ok).toBe(true);
    expect(r.out).toContain("Wrote");
    expect(r.out).toContain("  Initech (initech.co.uk): dream");
    expect(r.out).toContain("  hooli.com: not an account");
    const after = JSON.parse(cli("analyze", "--ics", ics, "--me", ME, "--settings", out, ...when, "--json").out) as { suggestedAccounts: { domain: string }[]; accounts: { name: string }[] };
    expect(after.suggestedAccounts.map((s) => s.domain)).toEqual(["zeta.com"]);
    expect(after.accounts.map((a) => a.name)).toEqual(["Initech", "Globex", "Umbrella"]);
  });

  test("--accept makes every suggestion not picked otherwise an A-list account", () => {
    const out = outFile();
    expect(cli("init", "--ics", ics, "--me", ME, "--out", out, ...when, "--accept", "--pain", "5").code).toBe(0);
    const accounts = readSettings(out).accounts as { domains: string[]; tier: string }[];
    expect(accounts.map((a) => [a.domains[0], a.tier])).toEqual([
      ["initech.co.uk", "a-list"],
      ["globex.io", "a-list"],
      ["umbrella.com", "a-list"],
      ["hooli.com", "a-list"],
      ["zeta.com", "pain"],
    ]);
  });

  test("a calendar with no outside meetings: a valid file, and the way to add accounts by hand", () => {
    const lonely = join(dir, "lonely.ics");
    writeFileSync(lonely, calendar([vevent("20261201", "1000", "1100", ["colleague@seller.com", "friend@gmail.com"])]));
    const out = outFile();
    const r = cli("init", "--ics", lonely, "--me", ME, "--out", out, ...when);
    expect(r.code).toBe(0);
    expect(r.out).toContain("No companies to suggest");
    expect(parseSettings(readSettings(out)).ok).toBe(true);
  });

  test("Calendar v3 events are read as analyze reads them", () => {
    const google = join(dir, "google.json");
    writeFileSync(
      google,
      JSON.stringify({
        timeZone: "Europe/Paris",
        items: [{ id: "g1", start: { dateTime: "2026-12-01T10:00:00+01:00" }, end: { dateTime: "2026-12-01T11:00:00+01:00" }, attendees: [{ email: "ana@seller.fr", self: true }, { email: "paul@client.fr" }] }],
      }),
    );
    const out = outFile();
    const r = cli("init", "--google", google, "--me", "ana@seller.fr", "--out", out, ...when);
    expect(r.code).toBe(0);
    expect(readSettings(out)).toMatchObject({ timeZone: "Europe/Paris", ownDomains: ["seller.fr"] });
    expect(tableDomains(r.out)).toEqual(["client.fr"]);
  });
});

describe("next-week init: mistakes are one line", () => {
  test("--me missing or not an address: exit 2, nothing written", () => {
    const out = outFile();
    expectOneLine(cli("init", "--ics", ics, "--out", out), 2, /^next-week: give your own address with --me ADDRESS.*\(see next-week init --help\)$/);
    expectOneLine(cli("init", "--ics", ics, "--me", "alex", "--out", out), 2, /^next-week: --me must be an email address such as ana@acme-seller\.com, not "alex"$/);
    expectOneLine(cli("init", "--ics", ics, "--me", "alex@localhost", "--out", out), 2, /--me must be an email address/);
    expect(existsSync(out)).toBe(false);
  });

  test("no events, an unknown option, bad picks: exit 2", () => {
    expectOneLine(cli("init", "--me", ME), 2, /give your calendar with --ics FILE, --google FILE or --graph FILE \(see next-week init --help\)$/);
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--setings", "x.json"), 2, /--setings.*\(see next-week init --help\)$/);
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--dream", "first"), 2, /--dream takes suggestion numbers or domains, such as 1,3 or globex\.io, not "first"/);
    const out = outFile();
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--out", out, ...when, "--dream", "9"), 2, /--dream 9: the suggestions are numbered 1 to 5/);
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--out", out, ...when, "--dream", "1", "--pain", "initech.co.uk"), 2, /initech\.co\.uk is given to both --dream and --pain: pick one/);
    expect(existsSync(out)).toBe(false);
  });

  test("bad input names the file: exit 1", () => {
    expectOneLine(cli("init", "--ics", join(dir, "missing.ics"), "--me", ME, "--out", outFile()), 1, /missing\.ics: no such file$/);
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    expectOneLine(cli("init", "--ics", ics, "--me", ME, "--out", folder, "--force"), 1, /a-folder: is a folder/);
  });
});

describe("next-week init --help", () => {
  test("explains every option with an example; the main help lists init", () => {
    for (const argv of [["init", "--help"], ["init", "-h"], ["help", "init"], ["init", "--ics", "x.ics", "--help"]]) {
      const r = cli(...argv);
      expect(r.code).toBe(0);
      expect(r.error).toBe("");
      expect(r.out).toMatch(/^Usage: next-week init /);
      for (const option of ["--ics", "--google", "--graph", "--calendar", "--me", "--out", "--force", "--dream", "--a-list", "--pain", "--not", "--accept", "--week", "--now"]) {
        const paragraph = r.out.slice(r.out.indexOf(`  ${option} `)).split(/\n {2}-/)[0] ?? "";
        expect(paragraph).toMatch(/e\.g\. .+/);
      }
    }
    expect(cli("--help").out).toMatch(/next-week init --ics FILE --me ADDRESS/);
  });
});

describe("the installed command", () => {
  test("`next-week init` runs from the bundle", () => {
    const here = mkdtempSync(join(tmpdir(), "next-week-init-bin-"));
    const text = execFileSync(process.execPath, [join(__dirname, "../../scripts/next-week.cjs"), "init", "--ics", ics, "--me", ME, ...when], { cwd: here, encoding: "utf8" });
    expect(tableDomains(text)).toEqual(EXPECTED);
    expect(parseSettings(readSettings(join(here, "next-week-settings.json"))).ok).toBe(true);
  });
});
