// Benchmark of hostile and huge inputs: a generated export the size of a real one (4,800
// events), the hostile iCalendar files of the tests (each refused or read within 1 s), and a
// CRM export of 50,000 rows (≤ 2 s). Run with `npm run bench` (or `npm run bench -- hostile`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime, Interval } from "luxon";
import { parseIcs } from "../shared/normalize/ical";
import { importCrmCsv } from "../shared/import/csvImport";
import { defaultSettings } from "../shared/settings/settings";
import { time } from "./benchTiming";

const ZONE = "America/New_York";
const start = DateTime.fromISO("2026-03-09", { zone: ZONE });
const WEEK = Interval.fromDateTimes(start, start.plus({ days: 7 })) as Interval<true>;

/** A small deterministic PRNG (mulberry32), so every run reads the same file. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** An export like a real one: 4,800 events over three years, one in ten recurring, Outlook-style zone. */
const realSized = (): string => {
  const random = prng(4800);
  const pad = (n: number) => String(n).padStart(2, "0");
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Next Week bench//EN",
    "BEGIN:VTIMEZONE", "TZID:Eastern Standard Time",
    "BEGIN:STANDARD", "DTSTART:16011104T020000", "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010311T020000", "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
    "END:VTIMEZONE",
  ];
  for (let i = 0; i < 4800; i++) {
    const day = DateTime.fromISO("2024-01-01", { zone: "UTC" }).plus({ days: Math.floor(random() * 1000) });
    const hour = 8 + Math.floor(random() * 10);
    const minute = [0, 15, 30, 45][Math.floor(random() * 4)]!;
    const wall = `${day.toFormat("yyyyLLdd")}T${pad(hour)}${pad(minute)}00`;
    const tz = random() < 0.5 ? "Eastern Standard Time" : ZONE;
    lines.push("BEGIN:VEVENT", `UID:bench-${i}@example.com`, "DTSTAMP:20240101T000000Z", `DTSTART;TZID=${tz}:${wall}`, `DURATION:PT${[30, 45, 60, 90][Math.floor(random() * 4)]}M`, `SUMMARY:Meeting ${i}`);
    const r = random();
    if (r < 0.05) lines.push("RRULE:FREQ=WEEKLY");
    else if (r < 0.08) lines.push("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
    else if (r < 0.1) lines.push("RRULE:FREQ=MONTHLY;BYDAY=2TU");
    lines.push("ORGANIZER:mailto:me@seller.com", `ATTENDEE;PARTSTAT=ACCEPTED:mailto:p${i % 300}@account${i % 50}.com`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.join("\r\n");
};

const calendar = (...lines: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Next Week bench//EN", ...lines, "END:VCALENDAR"].join("\r\n");
const floodZone = (freq: string) => [
  "BEGIN:VTIMEZONE", "TZID:Evil", "BEGIN:STANDARD", "DTSTART:16010101T000000", `RRULE:FREQ=${freq}`, "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "END:STANDARD", "END:VTIMEZONE",
  "BEGIN:VEVENT", "UID:evil-1", "DTSTAMP:20260101T000000Z", "DTSTART;TZID=Evil:20260310T100000", "DTEND;TZID=Evil:20260310T110000", "END:VEVENT",
];
const hourly = (n: number) =>
  calendar(...Array.from({ length: n }, (_, i) => ["BEGIN:VEVENT", `UID:h${i}`, "DTSTAMP:20230101T000000Z", `DTSTART:20230101T${String(i % 24).padStart(2, "0")}0000Z`, "DURATION:PT5M", "RRULE:FREQ=HOURLY", "END:VEVENT"]).flat());
const fixture = (name: string) => readFileSync(join(process.cwd(), "test", "fixtures", "ics", "hostile", name), "utf8");

const targets: Record<string, boolean> = {};
console.log("iCalendar reader (parse + normalize one week), median milliseconds");
const real = realSized();
const realResult = parseIcs(real, { zone: ZONE, range: WEEK });
const realMs = time(() => parseIcs(real, { zone: ZONE, range: WEEK }), 5, 0);
console.log(`  generated export, 4,800 events (${(real.length / 1e6).toFixed(1)} MB): ${realMs.toFixed(0)} ms, ${realResult.ok ? `${realResult.value.events.length} events in the week` : realResult.error.message}`);

const hostile: [string, string][] = [
  ["VTIMEZONE rule FREQ=SECONDLY from 1601", fixture("vtimezone-secondly.ics")],
  ["VTIMEZONE rule FREQ=MINUTELY from 1601", calendar(...floodZone("MINUTELY"))],
  ["VTIMEZONE rule FREQ=HOURLY from 1601", calendar(...floodZone("HOURLY"))],
  ["VTIMEZONE rule FREQ=DAILY from 1601", calendar(...floodZone("DAILY"))],
  ["100 series FREQ=HOURLY since 2023", fixture("hourly-flood.ics")],
  ["500 series FREQ=HOURLY since 2023", hourly(500)],
  ["DURATION:P99999999W", fixture("huge-duration.ics")],
];
for (const [name, text] of hostile) {
  let outcome = "";
  const ms = time(() => {
    const r = parseIcs(text, { zone: ZONE, range: WEEK });
    outcome = r.ok ? `read, ${r.value.events.length} events` : `refused: ${r.error.message.slice(0, 70)}…`;
  }, 3, 0);
  targets[`${name} ≤ 1 s`] = ms <= 1000;
  console.log(`  ${name}: ${ms.toFixed(0)} ms, ${outcome}`);
}

console.log("CRM import, median milliseconds");
const lines = ["First Name,Last Name,Email,Job Title,Company Name,Website"];
for (let i = 0; i < 50_000; i++) {
  const c = i % 4000;
  lines.push(`F${i},L${i},p${i}@company${c}.com,${i % 10 === 0 ? "VP Sales" : "Engineer"},Company ${c},https://www.company${c}.com`);
}
const csv = lines.join("\r\n");
let csvOutcome = "";
const csvMs = time(() => {
  const r = importCrmCsv(csv, defaultSettings());
  csvOutcome = r.ok ? `${r.value.settings.accounts.length} accounts, ${r.value.settings.decisionMakers.length} decision-makers` : r.error.message;
}, 3);
targets["CSV import of 50,000 rows ≤ 2 s"] = csvMs <= 2000;
console.log(`  50,000 rows (${(csv.length / 1e6).toFixed(1)} MB): ${csvMs.toFixed(0)} ms, ${csvOutcome}`);

console.log(JSON.stringify({ realExportMs: Math.round(realMs), csv50kMs: Math.round(csvMs), targets }));
if (Object.values(targets).some((met) => !met)) process.exit(1);
