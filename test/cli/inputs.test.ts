// The inputs people actually have, and hostile ones: Google Calendar's export .zip, files that
// are not calendars, files too large to read, times luxon cannot hold, control characters.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { zipSync } from "fflate";
import { run } from "../../addon/node/cli";
import { readBytes } from "../../addon/node/files";
import { cli } from "./runCli";

const dir = mkdtempSync(join(tmpdir(), "next-week-inputs-"));
const file = (name: string, content: string | Uint8Array | object) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
};
/** One printable line: no C0/C1 control character, no line break. */
const expectOneCleanLine = (text: string) => {
  expect(text.split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
};

const exportIcs = readFileSync(join(__dirname, "../fixtures/ics/google-export.ics"));
const holidays = [
  "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "X-WR-CALNAME:Team offsites", "X-WR-TIMEZONE:America/New_York",
  "BEGIN:VEVENT", "UID:offsite-1@google.com", "DTSTAMP:20260301T000000Z", "DTSTART:20260309T130000Z", "DTEND:20260309T210000Z", "SUMMARY:Team offsite", "END:VEVENT",
  "END:VCALENDAR", "",
].join("\r\n");
const week = ["--week", "2026-03-09", "--now", "2026-03-04T12:00:00-05:00", "--json"];
const plainJson = () => JSON.parse(cli("analyze", "--ics", file("plain.ics", exportIcs), "--me", "sam@seller.com", ...week).out);

describe("--ics reads Google Calendar's export .zip", () => {
  const oneCalendar = file("one.zip", zipSync({ "sam@seller.com.ics": exportIcs }));
  const twoCalendars = file("two.zip", zipSync({ "sam@seller.com.ics": exportIcs, "Team offsites_c9f3a1@group.calendar.google.com.ics": new TextEncoder().encode(holidays) }));

  test("a zip holding one calendar reads as that .ics would", () => {
    const r = cli("analyze", "--ics", oneCalendar, "--me", "sam@seller.com", ...week);
    expect(r.error).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(plainJson());
    expect(JSON.parse(r.out).busyWorkingMinutes).toBeGreaterThan(0);
  });

  test("with two calendars, the one named after --me is read", () => {
    const r = cli("analyze", "--ics", twoCalendars, "--me", "SAM@seller.com", ...week);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(plainJson());
  });

  test("with two calendars and no calendar named after --me, one line lists them and asks for --calendar", () => {
    const r = cli("analyze", "--ics", twoCalendars, ...week);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/two\.zip: holds 2 calendars; pick one with --calendar NAME: "sam@seller\.com", "Team offsites_c9f3a1@group\.calendar\.google\.com"$/);
  });

  test("--calendar picks a calendar by its file name or by the name before Google's _id", () => {
    const byShortName = cli("analyze", "--ics", twoCalendars, "--calendar", "team offsites", ...week);
    expect(byShortName.error).toBe("");
    const offsite = JSON.parse(byShortName.out);
    expect(offsite.busyWorkingMinutes).toBe(8 * 60); // 09:00–17:00 New York on Monday, the whole working day
    const byFileName = cli("analyze", "--ics", twoCalendars, "--calendar", "sam@seller.com.ics", "--me", "sam@seller.com", ...week);
    expect(JSON.parse(byFileName.out)).toEqual(plainJson());
    const unknown = cli("analyze", "--ics", twoCalendars, "--calendar", "Holidays", ...week);
    expect(unknown.code).toBe(1);
    expect(unknown.error).toMatch(/no calendar named "Holidays"; pick one with --calendar NAME: "sam@seller\.com", /);
  });

  test("--calendar without a zip is a usage mistake", () => {
    const r = cli("analyze", "--ics", file("lone.ics", exportIcs), "--calendar", "x", ...week);
    expect(r.code).toBe(2);
    expect(r.error).toMatch(/--calendar picks one calendar of a Google Calendar export \.zip/);
  });

  test("a zip without any .ics, and a damaged zip, are one clean line each", () => {
    const noIcs = cli("analyze", "--ics", file("photos.zip", zipSync({ "a.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })), ...week);
    expect(noIcs.code).toBe(1);
    expect(noIcs.error).toMatch(/photos\.zip: a zip archive with no \.ics calendar in it/);
    const damaged = Buffer.from(zipSync({ "sam@seller.com.ics": exportIcs })).subarray(0, 200);
    const r = cli("analyze", "--ics", file("damaged.zip", damaged), ...week);
    expect(r.code).toBe(1);
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/damaged\.zip: /);
  });
});

describe("a file that is not what the option wants gets one clean line, never its bytes", () => {
  test("a PDF, an image and random binary given as events", () => {
    const pdf = file("invoice.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n\u001b[2J\u0007"), Buffer.alloc(64, 0)]));
    for (const option of ["--ics", "--google", "--graph"]) {
      const r = cli("analyze", option, pdf, ...week);
      expect(r.code).toBe(1);
      expectOneCleanLine(r.error);
      expect(r.error).toMatch(/invoice\.pdf: .*a PDF file/);
    }
    const png = cli("analyze", "--ics", file("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), ...week);
    expect(png.error).toMatch(/photo\.png: not a text file \(it is a PNG image\)$/);
    const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
    const r = cli("analyze", "--ics", file("random.bin", random), ...week);
    expect(r.code).toBe(1);
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/random\.bin: not a text file \(it is binary data\)$/);
  });

  test("a zip given where JSON is expected names what it is", () => {
    const r = cli("analyze", "--google", file("events.zip", zipSync({ "a.json": new Uint8Array([91, 93]) })), ...week);
    expect(r.error).toMatch(/events\.zip: not valid JSON \(it is a zip archive\)$/);
  });

  test("bad JSON is quoted as a short printable excerpt", () => {
    const r = cli("analyze", "--google", file("bad.json", `{"items": [\u001b]31m${"x".repeat(5000)}`), ...week);
    expect(r.code).toBe(1);
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/bad\.json: not valid JSON/);
    expect(r.error.length).toBeLessThanOrEqual(400);
  });
});

describe("control characters from files never reach the terminal", () => {
  test("an event id and a value with ESC sequences, NUL and line breaks: one clean line, excerpts cut", () => {
    const bad = file("hostile.json", [{ id: "evt\u001b[2J\u0000\nrm -rf", start: { dateTime: `\u001b]0;owned\u0007${"9".repeat(2000)}` }, end: { dateTime: "2026-03-09T10:00:00Z" } }]);
    const r = cli("analyze", "--google", bad, ...week);
    expect(r.code).toBe(1);
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/^next-week: .*hostile\.json: event evt/);
    expect(r.error.length).toBeLessThanOrEqual(400);
    for (const quoted of r.error.match(/"[^"]*"/g) ?? []) expect(Array.from(quoted).length).toBeLessThanOrEqual(82);
  });

  test("an iCalendar TZID with an ESC sequence", () => {
    const ics = file("tz.ics", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "BEGIN:VEVENT", "UID:u1", "DTSTAMP:20260301T000000Z", "DTSTART;TZID=Moon\u001b[31m/Base:20260309T100000", "DTEND;TZID=Moon/Base:20260309T110000", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"));
    const r = cli("analyze", "--ics", ics, ...week);
    expect(r.code).toBe(1);
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/tz\.ics: .*Moon/);
  });

  test("a calendar string with control characters prints as spaces in the card and as \\u escapes in the JSON", () => {
    const events = file("titles.json", [{ id: "t1", summary: "Call\u001b[2J\u009b31m\u2028Acme", start: { dateTime: "2026-03-09T14:00:00Z" }, end: { dateTime: "2026-03-09T15:00:00Z" } }]);
    const card = cli("analyze", "--google", events, "--week", "2026-03-09", "--now", "2026-03-04T12:00:00-05:00");
    expect(card.code).toBe(0);
    expect(card.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028]/);
    const json = cli("analyze", "--google", events, ...week);
    expect(json.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028]/);
    expect(() => JSON.parse(json.out)).not.toThrow();
  });
});

describe("--now and --week the program cannot represent", () => {
  const events = () => file("empty.json", []);
  test.each(["+275760-09-13T00:00:00Z", "-271821-04-20T00:00:00Z", "+010000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "2026-13-01T00:00:00Z"])("--now %s is one line naming --now", (now) => {
    const r = cli("analyze", "--google", events(), `--now=${now}`);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expectOneCleanLine(r.error);
    expect(r.error).toMatch(/^next-week: --now must be an ISO date-time/);
  });
  test("the last representable years still work", () => {
    const r = cli("analyze", "--google", events(), "--now", "9999-06-01T00:00:00Z", "--json");
    expect(r.error).toBe("");
    expect(JSON.parse(r.out).week.start).toMatch(/^9999-06-/);
  });
});

describe("every file is read with a size cap named in the message", () => {
  test("a settings file over 1 MB", () => {
    const big = file("big-settings.json", `{"accounts": [${Array.from({ length: 30_000 }, (_, i) => `{"name":"A${i}","domains":["a${i}.com"]}`).join(",")}]}`);
    const r = cli("analyze", "--google", file("e.json", []), "--settings", big);
    expect(r.code).toBe(1);
    expect(r.error).toMatch(/big-settings\.json: is larger than 1 MB, the limit for a settings file$/);
  });

  test("--ics /dev/zero stops at 50 MB without growing memory", () => {
    const probe = `process.argv = [process.argv[0], "next-week", "analyze", "--ics", "/dev/zero"];
      process.on("exit", () => process.stderr.write("maxRSS " + process.resourceUsage().maxRSS + "\\n"));
      require(${JSON.stringify(join(__dirname, "../../scripts/next-week.cjs"))});`;
    const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const [line, rss] = r.stderr.trim().split("\n");
    expect(line).toBe("next-week: /dev/zero: is larger than 50 MB, the limit for an events file");
    // KB. The 50 MB read before the refusal, Node and the bundle (compiled without its code cache on
    // a fresh clone) peak near 250–300 MB; an unbounded read grew past 2 GB. 400 MB proves the bound
    // without depending on when the garbage collector runs.
    expect(Number(rss?.replace("maxRSS ", ""))).toBeLessThan(400 * 1024);
  });
});

describe("reading a file's bytes", () => {
  const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

  test("a file is read whole, up to its cap exactly, and refused one byte over", () => {
    for (const n of [0, 1, 4095, 4096, 4097, 200_000]) {
      const path = join(mkdtempSync(join(tmpdir(), "next-week-bytes-")), "f.bin");
      writeFileSync(path, bytes(n, n));
      const read = readBytes(path, 200_000);
      expect(read.ok && Buffer.compare(Buffer.from(read.value), bytes(n, n))).toBe(0);
    }
    const over = join(mkdtempSync(join(tmpdir(), "next-week-bytes-")), "over.bin");
    writeFileSync(over, bytes(200_001, 1));
    const refused = readBytes(over, 200_000, "settings");
    expect(refused.ok ? "read" : refused.error.message).toBe(`${over}: is larger than 200000 bytes, the limit for a settings file`);
  });

  test("a pipe longer than the first buffer is read whole, in order; one longer than the cap is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "next-week-pipe-"));
    const data = bytes(300_000, 7);
    writeFileSync(join(dir, "data.bin"), data);
    // The FIFO's writer is another process, so the read sees the bytes arrive in pieces.
    const fifo = join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const write = () => spawn("sh", ["-c", `cat "${join(dir, "data.bin")}" > "${fifo}"`], { stdio: "ignore" });
    write();
    const read = readBytes(fifo, 1_000_000);
    expect(read.ok && Buffer.compare(Buffer.from(read.value), data)).toBe(0);
    write();
    const refused = readBytes(fifo, 100_000);
    expect(refused.ok ? "read" : refused.error.message).toBe(`${fifo}: is larger than 100000 bytes, the limit for an events file`);
  });
});

describe("a file of as many events as the size cap allows", () => {
  test("130,000 events in one file are analysed (more than a function's argument list holds)", () => {
    const items = Array.from({ length: 130_000 }, (_, i) => ({
      id: `e${i}`,
      start: { dateTime: `2026-03-${10 + (i % 5)}T${String(8 + (i % 9)).padStart(2, "0")}:00:00-05:00` },
      end: { dateTime: `2026-03-${10 + (i % 5)}T${String(8 + (i % 9)).padStart(2, "0")}:30:00-05:00` },
    }));
    const r = cli("analyze", "--google", file("many.json", { timeZone: "America/New_York", items }), ...week);
    expect(r.error).toBe("");
    expect(r.code).toBe(0);
    // The same 45 half-hours over and over: 08:00–16:30 on Tuesday 10 to Saturday 14 March. Working
    // hours are Monday–Friday 09:00–17:00, so 8 half-hours (09:00 … 16:00) on each of 4 days: 960 minutes.
    expect(JSON.parse(r.out).busyWorkingMinutes).toBe(4 * 8 * 30);
  });
});

describe("the last guard", () => {
  test("an unexpected error anywhere is one line with exit 1, never a stack trace", () => {
    const error: string[] = [];
    const code = run(["--version"], {
      out: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at f (cli.ts:1:1)\u001b[0m");
      },
      error: (t) => error.push(t),
    });
    expect(code).toBe(1);
    expect(error).toHaveLength(1);
    expectOneCleanLine(error[0] ?? "");
    expect(error[0]).toMatch(/^next-week: unexpected error: Cannot read properties of undefined/);
  });
});
