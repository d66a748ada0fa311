// Benchmark of planning with the look-back (spec §3b): a week and its 8 look-back weeks of
// 1,500 generated events each (13,500 events), 60 accounts, 200 decision-makers and a few hundred
// outside companies; ledger, history and suggested accounts included (the public suffix list as the
// command line passes it). Target: ≤ 60 ms median. Also the marginal cost of planWeek from 10,000 to
// 100,000 events in one week (target ≤ 2 µs an event).
// Run with `npm run bench -- plan` (scripts/bench.mjs bundles and runs this file).
import { DateTime } from "luxon";
import { getDomain } from "tldts-icann";
import { normalizeGoogleEvents } from "../shared/normalize/google";
import { planWeek } from "../shared/plan/planWeek";
import { parseSettings } from "../shared/settings/settings";
import { weekFor, weeksBefore } from "../shared/time/week";
import { time } from "./benchTiming";

const ZONE = "America/New_York";
const NOW = DateTime.fromISO("2026-11-23T12:00:00", { zone: ZONE });
const WEEK = weekFor({ now: NOW, zone: ZONE, weekStartsOn: 1 });
const WEEKS = [...weeksBefore(WEEK, 8), WEEK];
const ME = "me@seller.com";

/** mulberry32: the same events on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = prng(3_2026);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

const parsed = parseSettings({
  timeZone: ZONE,
  ownDomains: ["seller.com"],
  accounts: Array.from({ length: 60 }, (_, i) => ({ name: `Account ${i}`, domains: [`account${i}.com`, ...(i % 4 === 0 ? [`account${i}.co.uk`] : [])], tier: (["dream", "a-list", "pain"] as const)[i % 3]! })),
  decisionMakers: Array.from({ length: 200 }, (_, i) => ({ email: `dm${i}@account${i % 60}.com`, name: `DM ${i}`, title: "VP" })),
  pipeline: {},
});
if (!parsed.ok) throw parsed.error;
const settings = parsed.value;

const guest = (): string => {
  const r = random();
  if (r < 0.15) return `dm${Math.floor(random() * 200)}@account${Math.floor(random() * 60)}.com`;
  if (r < 0.4) return `p${Math.floor(random() * 2000)}@account${Math.floor(random() * 60)}.com`;
  if (r < 0.6) return `c${Math.floor(random() * 40)}@seller.com`;
  if (r < 0.7) return `f${Math.floor(random() * 1000)}@${pick(["gmail.com", "outlook.com", "yahoo.com"])}`;
  return `x${Math.floor(random() * 3000)}@${pick(["eu.", "us.", ""])}company${Math.floor(random() * 400)}.${pick(["com", "io", "co.uk", "de"])}`;
};

const eventsIn = (weeks: readonly typeof WEEK[], perWeek: number) =>
  weeks.flatMap((week, w) =>
    Array.from({ length: perWeek }, (_, i) => {
      const start = week.start.plus({ days: Math.floor(random() * 7), minutes: Math.floor(random() * 96) * 15 });
      const minutes = pick([15, 30, 45, 60, 90, 120]);
      const attendees = Array.from({ length: Math.floor(random() * 4) }, () => ({ email: guest(), responseStatus: random() < 0.05 ? "declined" : "accepted" }));
      return {
        kind: "calendar#event",
        id: `w${w}e${i}`,
        status: random() < 0.02 ? "cancelled" : "confirmed",
        summary: random() < 0.05 ? "Prospecting" : `Meeting ${i}`,
        start: { dateTime: start.toISO() },
        end: { dateTime: start.plus({ minutes }).toISO() },
        ...(random() < 0.05 ? { transparency: "transparent" } : {}),
        attendees: [{ email: ME, self: true, responseStatus: random() < 0.05 ? "declined" : "accepted" }, ...attendees],
        organizer: { email: attendees[0]?.email ?? ME, ...(attendees[0] ? {} : { self: true }) },
      };
    }),
  );

/**
 * Events reach the core parsed from JSON (an API answer, a file): read the generated ones the same
 * way, so their strings are laid out as real input's are (built by template literals, each
 * address would be a chain of pieces that every first read has to walk).
 */
const normalized = (generated: unknown[]) => {
  const events = normalizeGoogleEvents(JSON.parse(JSON.stringify(generated)) as unknown[], { zone: ZONE, me: ME });
  if (!events.ok) throw events.error;
  return events.value;
};

const window = normalized(eventsIn(WEEKS, 1500));
const planWindow = () => planWeek({ events: window, settings, zone: ZONE, now: NOW, week: WEEK, me: ME, registrableDomain: getDomain });
const check = planWindow();
const windowMs = time(planWindow, 21);

const noLookBack = { ...settings, lookBackWeeks: 0 };
const oneWeek = (n: number) => {
  const events = normalized(eventsIn([WEEK], n));
  return time(() => planWeek({ events, settings: noLookBack, zone: ZONE, now: NOW, week: WEEK, me: ME, registrableDomain: getDomain }), n >= 100_000 ? 5 : 11);
};
const at10k = oneWeek(10_000);
const at100k = oneWeek(100_000);
const marginalUs = ((at100k - at10k) * 1000) / 90_000;

const targets = {
  "13,500 events (8 look-back weeks + the week) ≤ 60 ms": windowMs <= 60,
  "marginal cost 10,000 → 100,000 events ≤ 2 µs an event": marginalUs <= 2,
};
console.log("planWeek with the look-back: median milliseconds (generated events, 60 accounts, 200 decision-makers)");
console.log(`  13,500 events, 9 weeks:  ${windowMs.toFixed(1)} ms  (${check.accounts.length} ledger entries, ${check.history.length} trend weeks, ${check.suggestedAccounts.length} suggestions)`);
console.log(`  one week, 10,000 events: ${at10k.toFixed(1)} ms; 100,000 events: ${at100k.toFixed(1)} ms; marginal ${marginalUs.toFixed(2)} µs an event`);
for (const [name, met] of Object.entries(targets)) console.log(`  ${name}: ${met ? "met" : "NOT MET"}`);
console.log(JSON.stringify({ windowMs, at10k, at100k, marginalUs, targets }));
if (Object.values(targets).some((met) => !met)) process.exitCode = 1;
