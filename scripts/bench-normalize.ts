// Benchmark of the normalizers: 1,500 and 100,000 generated Calendar v3 and Graph events
// (deterministic, realistic shapes with attendees, organizer, a few all-day, free, declined and
// cancelled events; Graph times as wall clocks in a Windows-named zone, seven fractional digits).
// Median of several runs, in µs an event; target ≤ 5 µs an event at 100,000 events. Meetings start
// on the quarter hour (as on real calendars, a few hundred distinct instants a week, which the
// normalizers build once each); the rows marked "any second" start them on any second of the
// day instead, the worst case, shown without a target.
// Run with `npm run bench -- normalize` (scripts/bench.mjs bundles and runs this file).
import { normalizeGoogleEvents } from "../shared/normalize/google";
import { normalizeGraphEvents } from "../shared/normalize/graph";
import { time } from "./benchTiming";

const ZONE = "America/New_York";
const WEEK_START = Date.UTC(2026, 10, 30, 5); // Mon 30 Nov 2026 00:00 in New York
const TARGET_US = 5;

/** A small deterministic PRNG (mulberry32), so every run normalizes the same events. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Wall clock of New York in winter (UTC−5) for an instant, as "YYYY-MM-DDTHH:MM:SS". */
const wallNY = (ms: number) => {
  const d = new Date(ms - 5 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

const shape = (random: () => number, i: number, anySecond: boolean) => {
  const start = WEEK_START + Math.floor(random() * 7) * 86_400_000 + (anySecond ? Math.floor(random() * 86_400) * 1000 : Math.floor(random() * 96) * 900_000);
  const end = start + [15, 30, 45, 60, 90, 120][Math.floor(random() * 6)]! * 60_000;
  const people = Array.from({ length: Math.floor(random() * 5) }, () => {
    const r = random();
    return r < 0.5 ? `p${Math.floor(random() * 1e4)}@account${Math.floor(random() * 500)}.com` : r < 0.8 ? `c${Math.floor(random() * 50)}@seller.com` : `x${Math.floor(random() * 1e4)}@elsewhere.io`;
  });
  return { i, start, end, people, allDay: random() < 0.01, cancelled: random() < 0.02, free: random() < 0.05, declined: random() < 0.05 };
};

const googleEvents = (count: number, anySecond = false) => {
  const random = prng(11 + count);
  return Array.from({ length: count }, (_, n) => {
    const s = shape(random, n, anySecond);
    const day = wallNY(s.start).slice(0, 10);
    return {
      kind: "calendar#event",
      id: `g${n}`,
      status: s.cancelled ? "cancelled" : "confirmed",
      summary: `Meeting ${n}`,
      start: s.allDay ? { date: day } : { dateTime: `${wallNY(s.start)}-05:00`, timeZone: ZONE },
      end: s.allDay ? { date: wallNY(s.start + 86_400_000).slice(0, 10) } : { dateTime: `${wallNY(s.end)}-05:00`, timeZone: ZONE },
      ...(s.free ? { transparency: "transparent" } : {}),
      attendees: [{ email: "me@seller.com", self: true, responseStatus: s.declined ? "declined" : "accepted" }, ...s.people.map((email) => ({ email, responseStatus: "accepted" }))],
      organizer: { email: s.people[0] ?? "me@seller.com", ...(s.people[0] ? {} : { self: true }) },
    };
  });
};

const graphEvents = (count: number, anySecond = false) => {
  const random = prng(22 + count);
  return Array.from({ length: count }, (_, n) => {
    const s = shape(random, n, anySecond);
    const time = (ms: number) => (s.allDay ? { dateTime: `${wallNY(ms).slice(0, 10)}T00:00:00.0000000`, timeZone: "Eastern Standard Time" } : { dateTime: `${wallNY(ms)}.0000000`, timeZone: "Eastern Standard Time" });
    return {
      id: `m${n}`,
      subject: `Meeting ${n}`,
      start: time(s.start),
      end: time(s.allDay ? s.start + 86_400_000 : s.end),
      isAllDay: s.allDay,
      isCancelled: s.cancelled,
      isOrganizer: s.people.length === 0,
      showAs: s.free ? "free" : "busy",
      type: "singleInstance",
      responseStatus: { response: s.declined ? "declined" : "accepted" },
      attendees: s.people.map((address) => ({ type: "required", status: { response: "accepted" }, emailAddress: { address, name: address } })),
      organizer: { emailAddress: { address: s.people[0] ?? "me@seller.com", name: "Organizer" } },
    };
  });
};

const ctx = { zone: ZONE, me: "me@seller.com" };
const rows: { source: string; events: number; runs: number; ms: number; usPerEvent: number }[] = [];
for (const [source, make, normalize] of [
  ["Calendar v3", googleEvents, normalizeGoogleEvents],
  ["Graph", graphEvents, normalizeGraphEvents],
] as const) {
  for (const [size, runs, anySecond] of [[1500, 15, false], [100_000, 5, false], [100_000, 5, true]] as const) {
    const raw = make(size, anySecond);
    const check = normalize(raw, ctx);
    if (!check.ok) throw check.error;
    const ms = time(() => normalize(raw, ctx), runs, 1);
    rows.push({ source: anySecond ? `${source} (any second)` : source, events: size, runs, ms, usPerEvent: (ms * 1000) / size });
  }
}

console.log(`normalize: median of several runs (generated weeks in ${ZONE}, attendees and organizer on every event)`);
console.log("  source                      events   runs        ms   µs/event");
for (const r of rows) console.log(`  ${r.source.padEnd(26)} ${String(r.events).padStart(7)}  ${String(r.runs).padStart(5)}  ${r.ms.toFixed(1).padStart(8)}  ${r.usPerEvent.toFixed(2).padStart(9)}`);
const targets = Object.fromEntries(rows.filter((r) => r.events === 100_000 && !r.source.includes("any second")).map((r) => [`${r.source} at 100,000 ≤ ${TARGET_US} µs/event`, r.usPerEvent <= TARGET_US]));
for (const [name, met] of Object.entries(targets)) console.log(`  ${name}: ${met ? "met" : "NOT MET"}`);
console.log(JSON.stringify({ rows, targets }));
if (Object.values(targets).some((met) => !met)) process.exitCode = 1;
