// Benchmark of the core: generated weeks of 100, 1,500, 10,000 and 100,000 events with 500
// accounts and 5,000 decision-makers; median time of planning the week over several runs.
// Run with `npm run bench` (scripts/bench.mjs bundles and runs this file).
import { DateTime } from "luxon";
import { normalizeGoogleEvents } from "../shared/normalize/google";
import { planWeek } from "../shared/plan/planWeek";
import { cardModel } from "../shared/view/cardModel";
import { parseSettings, type SettingsInput } from "../shared/settings/settings";
import { weekFor } from "../shared/time/week";
import { time } from "./benchTiming";

const ZONE = "America/New_York";
const NOW = DateTime.fromISO("2026-11-23T12:00:00", { zone: ZONE });
const WEEK = weekFor({ now: NOW, zone: ZONE, weekStartsOn: 1 });

/** A small deterministic PRNG (mulberry32), so every run plans the same weeks. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const settingsInput = (random: () => number): SettingsInput => ({
  timeZone: ZONE,
  ownDomains: ["seller.com"],
  accounts: Array.from({ length: 500 }, (_, i) => ({
    name: `Account ${i}`,
    domains: [`account${i}.com`, ...(i % 3 === 0 ? [`account${i}.co.uk`] : [])],
    tier: (["dream", "a-list", "pain"] as const)[i % 3]!,
  })),
  decisionMakers: Array.from({ length: 5000 }, (_, i) => ({ email: `dm${i}@account${Math.floor(random() * 500)}.com`, name: `DM ${i}`, title: "VP" })),
  pipeline: {},
});

const generateEvents = (count: number, random: () => number, dms: readonly string[]) =>
  Array.from({ length: count }, (_, i) => {
    const day = Math.floor(random() * 7);
    const startMinute = Math.floor(random() * 96) * 15;
    const length = [15, 30, 45, 60, 90, 120][Math.floor(random() * 6)]!;
    const start = WEEK.start.plus({ days: day, minutes: startMinute });
    const attendees = Array.from({ length: Math.floor(random() * 5) }, () => {
      const r = random();
      const email = r < 0.3 ? dms[Math.floor(random() * dms.length)]! : r < 0.6 ? `p${Math.floor(random() * 1e4)}@account${Math.floor(random() * 500)}.com` : r < 0.8 ? `c${Math.floor(random() * 50)}@seller.com` : `x${Math.floor(random() * 1e4)}@elsewhere${Math.floor(random() * 900)}.io`;
      return { email, responseStatus: random() < 0.05 ? "declined" : "accepted" };
    });
    const allDay = random() < 0.01;
    return {
      kind: "calendar#event",
      id: `bench${i}`,
      status: random() < 0.02 ? "cancelled" : "confirmed",
      summary: random() < 0.05 ? "Prospecting" : `Meeting ${i}`,
      start: allDay ? { date: start.toISODate() } : { dateTime: start.toISO() },
      end: allDay ? { date: start.plus({ days: 1 }).toISODate() } : { dateTime: start.plus({ minutes: length }).toISO() },
      ...(random() < 0.05 ? { transparency: "transparent" } : {}),
      attendees: [{ email: "me@seller.com", self: true, responseStatus: random() < 0.05 ? "declined" : "accepted" }, ...attendees],
      organizer: { email: attendees[0]?.email ?? "me@seller.com", ...(attendees[0] ? {} : { self: true }) },
    };
  });

const random = prng(20261123);
const parsed = parseSettings(settingsInput(random));
if (!parsed.ok) throw parsed.error;
const settings = parsed.value;
const dms = settings.decisionMakers.map((d) => d.email);

const rows: { events: number; runs: number; planMs: number; normalizeMs: number; cardMs: number }[] = [];
for (const [size, runs] of [[100, 41], [1500, 31], [10_000, 11], [100_000, 7]] as const) {
  const raw = generateEvents(size, random, dms);
  const normalized = normalizeGoogleEvents(raw, { zone: ZONE, me: "me@seller.com" });
  if (!normalized.ok) throw normalized.error;
  const events = normalized.value;
  const plan = () => planWeek({ events, settings, zone: ZONE, now: NOW, week: WEEK, me: "me@seller.com" });
  const p = plan();
  rows.push({
    events: size,
    runs,
    planMs: time(plan, runs),
    normalizeMs: time(() => normalizeGoogleEvents(raw, { zone: ZONE, me: "me@seller.com" }), Math.max(3, Math.floor(runs / 4))),
    cardMs: time(() => cardModel(p), Math.max(3, Math.floor(runs / 4))),
  });
}

const at = (n: number) => rows.find((r) => r.events === n)!;
const ratio = at(100_000).planMs / at(1500).planMs;
const result = {
  rows,
  ratio100kTo1500: Number(ratio.toFixed(1)),
  targets: { "planWeek(1,500) ≤ 20 ms": at(1500).planMs <= 20, "planWeek(100,000) ≤ 70 × planWeek(1,500)": ratio <= 70 },
};
console.log("planWeek: median milliseconds (generated weeks, 500 accounts, 5,000 decision-makers)");
console.log("  events    runs   planWeek   normalize (Calendar v3)   cardModel");
for (const r of rows) console.log(`  ${String(r.events).padStart(7)}  ${String(r.runs).padStart(5)}  ${r.planMs.toFixed(2).padStart(9)}  ${r.normalizeMs.toFixed(2).padStart(24)}  ${r.cardMs.toFixed(2).padStart(10)}`);
console.log(`  100,000 / 1,500 planWeek ratio: ${ratio.toFixed(1)}× (target ≤ 70×)`);
console.log(JSON.stringify(result));
