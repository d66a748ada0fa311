import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { DateTime } from "luxon";
import { cli } from "./runCli";
import { sampleWeek } from "../../addon/node/sampleWeek";

const dir = mkdtempSync(join(tmpdir(), "next-week-cli-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

const now = DateTime.fromISO("2026-11-23T12:00:00-05:00", { setZone: true });
const sample = sampleWeek(now);
const google = file("google.json", { kind: "calendar#events", timeZone: "America/New_York", items: sample.google });
const graph = file("graph.json", { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendarView", value: sample.graph });
const settings = file("settings.json", sample.settings);
const common = ["--settings", settings, "--week", "2026-11-30", "--now", "2026-11-23T12:00:00-05:00", "--me", sample.me];

describe("next-week analyze", () => {
  test("--json prints the spec's measures, the same for the Calendar v3 and the Graph form of one week", () => {
    const g = cli("analyze", "--google", google, ...common, "--json");
    const m = cli("analyze", "--graph", graph, ...common, "--json");
    expect(g.code).toBe(0);
    expect(m.code).toBe(0);
    const json = JSON.parse(g.out);
    expect(JSON.parse(m.out)).toEqual(json);
    expect(Object.keys(json)).toEqual(["week", "workingMinutes", "busyWorkingMinutes", "minutes", "meetings", "blankSpots", "goals", "suggestedBlock", "pipeline", "accounts", "history", "suggestedAccounts"]);
    expect(json.week).toEqual({ start: "2026-11-30T00:00:00-05:00", end: "2026-12-07T00:00:00-05:00", timeZone: "America/New_York" });
    // Mon: stand-up 15 + Acme 60 + Umbrella 60 + expenses 30 = 165; Tue: 15 + 11:00–12:30 (two overlapping) 90 = 105;
    // Wed: all-day out of office = 480; Thu: 15 + pipeline review 90 + prospecting 60 = 165; Fri: 15 + Umbrella 60 + Acme 45 = 120.
    expect(json.busyWorkingMinutes).toBe(165 + 105 + 480 + 165 + 120);
    expect(json.minutes).toEqual({ dreamClient: 60 + 60 + 45, aList: 60, pain: 120, decisionMaker: 165, internal: 4 * 15 + 90, prospecting: 60, outOfOffice: 1440 });
    // Sales meetings: Acme discovery, Globex demo, Initech check-in, Acme exec (Umbrella is a pain account).
    expect(json.meetings).toEqual({ dreamClient: 3, decisionMaker: 3, sales: 4 });
    expect(json.pipeline).toEqual({ weeklyMeetings: 3 });
    expect(json.suggestedBlock).toEqual({ start: "2026-11-30T11:00:00-05:00", end: "2026-11-30T12:30:00-05:00" });
  });

  test("without --me the user is who the events say (self, isOrganizer): own domains default to that address's domain", () => {
    const noOwn = file("no-own-domains.json", { ...sample.settings, ownDomains: undefined });
    const base = ["--settings", noOwn, "--week", "2026-11-30", "--now", "2026-11-23T12:00:00-05:00", "--json"];
    const told = JSON.parse(cli("analyze", "--google", google, ...base, "--me", sample.me).out);
    const inferred = JSON.parse(cli("analyze", "--google", google, ...base).out);
    const fromGraph = JSON.parse(cli("analyze", "--graph", graph, ...base).out);
    // The stand-ups and the pipeline review are with colleagues only: internal, and not sales meetings.
    expect(told.minutes.internal).toBe(4 * 15 + 90);
    expect(inferred).toEqual(told);
    expect(fromGraph.minutes.internal).toBe(told.minutes.internal);
    expect(fromGraph.meetings.sales).toBe(told.meetings.sales);
  });

  test("without --json prints the card as text", () => {
    const r = cli("analyze", "--google", google, ...common);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Next week · 30 Nov – 6 Dec +Times in America\/New_York\n/);
    expect(r.out).toContain("✓ ████████████ 3 of 3 decision-maker meetings");
    expect(r.out).toContain("Vendor webinar: CRM tips — declined by you");
  });

  test("the zone comes from the calendar when the settings have none", () => {
    const noZone = file("nozone.json", { ...sample.settings, timeZone: undefined });
    const r = cli("analyze", "--google", google, "--settings", noZone, "--week", "2026-11-30", "--now", "2026-11-23T12:00:00-05:00", "--me", sample.me, "--json");
    expect(JSON.parse(r.out).week.timeZone).toBe("America/New_York");
  });

  test("accepts a bare array of events and no settings (defaults)", () => {
    const bare = file("bare.json", sample.google);
    const r = cli("analyze", "--google", bare, "--now", "2026-11-23T12:00:00-05:00", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).workingMinutes).toBe(2400);
  });
});

describe("next-week errors: one line naming the file and the field, non-zero exit, nothing else printed", () => {
  const expectError = (r: ReturnType<typeof cli>, code: number, pattern: RegExp) => {
    expect(r.code).toBe(code);
    expect(r.out).toBe("");
    expect(r.error.split("\n")).toHaveLength(1);
    expect(r.error).toMatch(pattern);
  };

  test("no command prints the usage with exit 2; an unknown command is named", () => {
    expect(cli().code).toBe(2);
    expectError(cli("analyse"), 2, /^next-week: unknown command "analyse"/);
  });
  test("an unknown option", () => expectError(cli("analyze", "--googel", google), 2, /--googel/));
  test("no events given", () => expectError(cli("analyze", "--settings", settings), 2, /--google FILE, --graph FILE or --ics FILE/));
  test("a missing file", () => expectError(cli("analyze", "--google", join(dir, "missing.json")), 1, /missing\.json: no such file$/));
  test("a folder instead of a file", () => expectError(cli("analyze", "--google", dir), 1, /is a folder, not a file$/));
  test("events that are not JSON", () => expectError(cli("analyze", "--graph", file("bad.json", "{ value: [")), 1, /bad\.json: not valid JSON/));
  test("JSON of the wrong shape", () => expectError(cli("analyze", "--google", file("shape.json", { items: "nope" })), 1, /shape\.json: expected a list of events or an object with "items"/));
  test("an API error answer, one page of several, or a single event object is not taken for a whole week", () => {
    expectError(cli("analyze", "--graph", file("graph-error.json", { error: { code: "InvalidAuthenticationToken", message: "Access token has expired." } })), 1, /graph-error\.json: this is an error answer from the calendar API, not events \(Access token has expired\.\)$/);
    expectError(cli("analyze", "--graph", file("graph-page.json", { value: [], "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/calendarView?$skip=10" })), 1, /graph-page\.json: this is one page of a longer answer \("@odata\.nextLink" is set\)/);
    expectError(cli("analyze", "--google", file("google-page.json", { kind: "calendar#events", items: [], nextPageToken: "abc" })), 1, /google-page\.json: this is one page of a longer answer \("nextPageToken" is set\)/);
    expectError(cli("analyze", "--google", file("one-event.json", sample.google[0])), 1, /one-event\.json: expected a list of events or an object with "items"/);
  });
  test("a malformed Calendar v3 event names the file, the event id and the field", () => {
    const bad = file("malformed.json", { items: [{ id: "ok1", start: { dateTime: "2026-12-01T10:00:00Z" }, end: { dateTime: "2026-12-01T11:00:00Z" } }, { id: "evt42", start: { dateTime: "tomorrow" }, end: { dateTime: "2026-12-01T11:00:00Z" } }] });
    expectError(cli("analyze", "--google", bad), 1, /malformed\.json: event evt42: start\.dateTime is not a date-time: "tomorrow"$/);
  });
  test("a Calendar v3 event with a field of the wrong type", () => {
    const bad = file("wrongtype.json", [{ id: "e7", start: { dateTime: "2026-12-01T10:00:00Z" }, end: { dateTime: "2026-12-01T11:00:00Z" }, attendees: "cfo@acme.com" }]);
    expectError(cli("analyze", "--google", bad), 1, /wrongtype\.json: event e7: attendees must be a list$/);
  });
  test("a Calendar v3 event without an end", () => {
    const bad = file("noend.json", [{ id: "e8", start: { dateTime: "2026-12-01T10:00:00Z" } }]);
    expectError(cli("analyze", "--google", bad), 1, /noend\.json: event e8: end is missing$/);
  });
  test("an event that ends before it starts", () => {
    const bad = file("backwards.json", [{ id: "e9", start: { dateTime: "2026-12-01T10:00:00Z" }, end: { dateTime: "2026-12-01T09:00:00Z" } }]);
    expectError(cli("analyze", "--google", bad), 1, /backwards\.json: event e9: end .* is before start/);
  });
  test("a Graph event with an unknown zone", () => {
    const bad = file("graphzone.json", { value: [{ id: "AAMk1", start: { dateTime: "2026-12-01T10:00:00.0000000", timeZone: "Atlantis Time" }, end: { dateTime: "2026-12-01T11:00:00.0000000", timeZone: "UTC" } }] });
    expectError(cli("analyze", "--graph", bad), 1, /graphzone\.json: event AAMk1: start\.timeZone is not a time zone Next Week knows: "Atlantis Time"$/);
  });
  test("a Graph event missing its start", () => {
    const bad = file("graphstart.json", [{ id: "AAMk2", end: { dateTime: "2026-12-01T11:00:00.0000000", timeZone: "UTC" } }]);
    expectError(cli("analyze", "--graph", bad), 1, /graphstart\.json: event AAMk2: start is missing$/);
  });
  test("an iCalendar file with an unknown TZID names the event and the TZID", () => {
    const ics = file("zone.ics", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:uid-77", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Moon/Base:20261201T100000", "DTEND;TZID=Moon/Base:20261201T110000", "SUMMARY:x", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"));
    expectError(cli("analyze", "--ics", ics, "--now", "2026-11-23T12:00:00Z"), 1, /zone\.ics: .*uid-77.*Moon\/Base/);
  });
  test("a file that is not iCalendar", () => expectError(cli("analyze", "--ics", file("notics.ics", "hello")), 1, /notics\.ics: /));
  test("invalid settings name the file and the field", () => {
    expectError(cli("analyze", "--google", google, "--settings", file("s1.json", { targets: { painMinutesMax: -5 } })), 1, /s1\.json: targets\.painMinutesMax must be ≥ 0$/);
    expectError(cli("analyze", "--google", google, "--settings", file("s2.json", "{ nope")), 1, /s2\.json: not valid JSON/);
  });
  test("a bad --week, --now or --me", () => {
    expectError(cli("analyze", "--google", google, "--week", "next"), 1, /--week must be a date such as 2026-11-30, not "next"$/);
    expectError(cli("analyze", "--google", google, "--week", "2026-02-30"), 1, /--week must be a date/);
    expectError(cli("analyze", "--google", google, "--now", "yesterday"), 1, /--now must be an ISO date-time/);
    expectError(cli("analyze", "--google", google, "--me", "alex"), 1, /--me must be an email address, not "alex"$/);
  });
});

describe("next-week settings import", () => {
  const csv = file("contacts.csv", "First Name,Last Name,Email,Job Title,Company Name,Company Domain Name\nDana,Ruiz,dana@acme.com,CFO,Acme,acme.com\nLee,Park,lee@,Engineer,Acme,acme.com\n");

  test("merges a CRM export into the settings file and reports skipped rows", () => {
    const target = file("import-settings.json", { timeZone: "Europe/Paris" });
    const r = cli("settings", "import", csv, "--settings", target);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 rows read/);
    expect(r.out).toMatch(/row 3: /);
    const saved = JSON.parse(readFileSync(target, "utf8"));
    expect(saved.timeZone).toBe("Europe/Paris");
    expect(saved.accounts).toEqual([{ name: "Acme", domains: ["acme.com"], tier: "dream" }]);
    expect(saved.decisionMakers).toEqual([{ email: "dana@acme.com", name: "Dana Ruiz", title: "CFO" }]);
  });

  test("invalid settings are left as they were", () => {
    const target = file("bad-settings.json", { weekStartsOn: 9 });
    const r = cli("settings", "import", csv, "--settings", target);
    expect(r.code).toBe(1);
    expect(r.error).toMatch(/bad-settings\.json: weekStartsOn must be 1 \(Monday\) to 7 \(Sunday\)$/);
    expect(JSON.parse(readFileSync(target, "utf8"))).toEqual({ weekStartsOn: 9 });
  });

  test("a missing CSV or missing --settings is refused", () => {
    expect(cli("settings", "import", join(dir, "none.csv"), "--settings", file("x.json", {})).error).toMatch(/none\.csv: no such file$/);
    expect(cli("settings", "import", csv).code).toBe(2);
  });
});

describe("the installed command", () => {
  const bin = join(__dirname, "../../scripts/next-week.cjs");
  test("runs as the package's bin and exits non-zero with one line on bad input", () => {
    const ok = execFileSync(process.execPath, [bin, "analyze", "--google", google, ...common, "--json"], { encoding: "utf8" });
    expect(JSON.parse(ok).workingMinutes).toBe(2400);
    const bad = spawnSync(process.execPath, [bin, "analyze", "--google", join(dir, "missing.json")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
