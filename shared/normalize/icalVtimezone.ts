import ICAL from "ical.js";
import { err, ok, type Result } from "../result";
import { printable } from "../text/printable";
import { ruleOnsets, BudgetExceeded, type RecurrenceBudget } from "./icalRecurrence";
import { compatibleMillis, naiveMillis, parseIcsValue, ZoneProblem, type IcsZone, type Wall } from "./icalTime";

/**
 * The VTIMEZONEs of a file, read by our own bounded computation (ical.js's walks every
 * transition from the rule's DTSTART, with no cap: a STANDARD block from 1601 repeating by
 * the second never ends). The transitions are computed for the three years around the time
 * asked, once per zone and year, spending a budget per zone.
 */

/** Work one VTIMEZONE may cost in all: transitions computed and candidate dates tested. */
export const MAX_ZONE_TRANSITIONS = 20_000;
export const MAX_ZONE_CANDIDATES = 400_000;
/** Rules of a VTIMEZONE may repeat at most this often (real zones change twice a year). */
const REFUSED_FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY"]);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One STANDARD or DAYLIGHT block: when it starts, the offsets before and after (seconds), its repetitions. */
interface Observance {
  readonly kind: string;
  readonly start: Wall;
  readonly from: number;
  readonly to: number;
  readonly rrules: readonly ICAL.Recur[];
  readonly rdates: readonly Wall[];
}

/** A change of offset at `atMs` (UTC), to `to` seconds. */
interface Transition {
  readonly atMs: number;
  readonly to: number;
}

/** The offset in effect before the years computed, and the changes within them. */
interface YearSpan {
  readonly initial: number;
  readonly transitions: readonly Transition[];
}

const offsetSeconds = (component: ICAL.Component, name: string): number | null => {
  try {
    const value: unknown = component.getFirstPropertyValue(name);
    if (value instanceof ICAL.UtcOffset) {
      const seconds = value.toSeconds();
      return Number.isFinite(seconds) && Math.abs(seconds) <= 24 * 3600 ? seconds : null;
    }
  } catch {
    // Reported by the caller.
  }
  return null;
};

const rawValues = (prop: ICAL.Property): unknown[] => (prop.toJSON() as unknown[]).slice(3);

const readObservance = (component: ICAL.Component): Result<Observance, string> => {
  const kind = component.name.toUpperCase();
  const where = `its ${kind} block`;
  const startProp = component.getFirstProperty("dtstart");
  const start = startProp ? parseIcsValue(rawValues(startProp)[0]) : null;
  if (!start) return err(`${where} has no valid DTSTART`);
  const from = offsetSeconds(component, "tzoffsetfrom");
  const to = offsetSeconds(component, "tzoffsetto");
  if (from === null || to === null) return err(`${where} needs TZOFFSETFROM and TZOFFSETTO offsets such as -0500`);
  const rrules: ICAL.Recur[] = [];
  for (const prop of component.getAllProperties("rrule")) {
    let value: unknown;
    try {
      value = prop.getFirstValue();
    } catch {
      value = null;
    }
    if (!(value instanceof ICAL.Recur) || !value.freq) return err(`${where} has an RRULE that is not a valid recurrence rule`);
    if (REFUSED_FREQUENCIES.has(value.freq)) {
      return err(`${where} repeats ${value.freq} ("${printable(value.toString())}"); time zone rules may repeat at most daily: fix or remove the VTIMEZONE`);
    }
    rrules.push(value);
  }
  const rdates: Wall[] = [];
  for (const prop of component.getAllProperties("rdate")) {
    for (const raw of rawValues(prop)) {
      const value = parseIcsValue(Array.isArray(raw) ? raw[0] : raw);
      if (!value) return err(`${where} has an RDATE that is not a date-time`);
      rdates.push(value.wall);
    }
  }
  return ok({ kind, start: start.wall, from, to, rrules, rdates });
};

/** The onsets of one observance, as UTC instants, in [fromMs, toMs) of naive (wall-clock) time. */
const onsets = (o: Observance, fromNaive: number, toNaive: number, budget: RecurrenceBudget): number[] => {
  const walls: Wall[] = [];
  const startNaive = naiveMillis(o.start);
  if (startNaive >= fromNaive && startNaive < toNaive) walls.push(o.start);
  for (const rdate of o.rdates) {
    const naive = naiveMillis(rdate);
    if (naive >= fromNaive && naive < toNaive) walls.push(rdate);
  }
  for (const rule of o.rrules) walls.push(...ruleOnsets(rule, o.start, o.from * 1000, fromNaive, toNaive, budget));
  return walls.map((w) => naiveMillis(w) - o.from * 1000);
};

/**
 * A VTIMEZONE as an `IcsZone`, or why it cannot be one, in words that follow "the VTIMEZONE …" (no STANDARD or DAYLIGHT block, bad
 * offsets, a rule repeating more often than daily). Its wall clocks resolve as RFC 5545 says:
 * a repeated time is its first pass, a skipped time is read with the offset from before the
 * change. `toMillis` throws `ZoneProblem` when the zone needs more than its budget.
 * @example vtimezoneZone("Eastern", <VTIMEZONE with STANDARD -0400→-0500 first Sunday of November, DAYLIGHT …>)
 *   → ok(IcsZone: 2026-03-10 10:00 → 2026-03-10T14:00Z)
 */
export const vtimezoneZone = (tzid: string, component: ICAL.Component): Result<IcsZone, string> => {
  const observances: Observance[] = [];
  for (const sub of component.getAllSubcomponents()) {
    if (sub.name !== "standard" && sub.name !== "daylight") continue;
    const read = readObservance(sub);
    if (!read.ok) return read;
    observances.push(read.value);
  }
  if (observances.length === 0) return err("it has no STANDARD or DAYLIGHT block");
  const earliest = observances.reduce((a, b) => (naiveMillis(b.start) < naiveMillis(a.start) ? b : a));
  const budget: RecurrenceBudget = { occurrences: MAX_ZONE_TRANSITIONS, candidates: MAX_ZONE_CANDIDATES };
  const spans = new Map<number, YearSpan>();

  /** The changes in the three years around `year`, and the offset before them. */
  const spanOf = (year: number): YearSpan => {
    const cached = spans.get(year);
    if (cached) return cached;
    const fromNaive = Date.UTC(year - 1, 0, 1);
    const toNaive = Date.UTC(year + 2, 0, 1);
    let span: YearSpan;
    try {
      const transitions: Transition[] = [];
      // The last change before the span: looked for in the five years before it (rules
      // repeat at least yearly in practice; DTSTART and RDATEs are found at any distance).
      let before: { atMs: number; to: number } | null = null;
      for (const o of observances) {
        for (const atMs of onsets(o, fromNaive - 5 * 366 * DAY_MS, fromNaive, budget)) if (!before || atMs > before.atMs) before = { atMs, to: o.to };
        const start = naiveMillis(o.start) - o.from * 1000;
        if (start < fromNaive && (!before || start > before.atMs)) before = { atMs: start, to: o.to };
        for (const rdate of o.rdates) {
          const atMs = naiveMillis(rdate) - o.from * 1000;
          if (atMs < fromNaive && (!before || atMs > before.atMs)) before = { atMs, to: o.to };
        }
        for (const atMs of onsets(o, fromNaive, toNaive, budget)) transitions.push({ atMs, to: o.to });
      }
      transitions.sort((a, b) => a.atMs - b.atMs);
      span = { initial: before?.to ?? earliest.from, transitions };
    } catch (e) {
      if (e instanceof BudgetExceeded) {
        throw new ZoneProblem(
          `VTIMEZONE "${printable(tzid)}" needs more than ${MAX_ZONE_TRANSITIONS.toLocaleString("en-US")} transitions to place a time in ${year}, the limit per zone: fix or remove that VTIMEZONE`,
        );
      }
      throw new ZoneProblem(`VTIMEZONE "${printable(tzid)}" cannot be read: ${printable(e instanceof Error ? e.message : String(e))}`);
    }
    spans.set(year, span);
    return span;
  };

  /** The offset (seconds) in effect at a UTC instant. */
  const offsetAt = (utcMs: number): number => {
    const span = spanOf(new Date(utcMs).getUTCFullYear());
    // The last change at or before the instant (binary search: a zone may change daily).
    let lo = 0;
    let hi = span.transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (span.transitions[mid]!.atMs <= utcMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? span.initial : span.transitions[lo - 1]!.to;
  };

  return ok({
    name: tzid,
    toMillis: (w) => compatibleMillis(naiveMillis(w), (ms) => offsetAt(ms) * 1000),
  });
};
