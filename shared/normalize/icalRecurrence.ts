import ICAL from "ical.js";
import { err, ok, type Result } from "../result";
import { printable } from "../text/printable";
import { addDays, dateKey, icalTimeOf, naiveMillis, OFFSET_SLACK_MS, wallOfIcalTime, wallOfUtc, ZoneProblem, type IcsZone, type Wall } from "./icalTime";

/** One start of a series (DTSTART, an RRULE occurrence or an RDATE). */
export interface Occurrence {
  /** The wall clock in `zone` (all-day series: the date at 00:00, zone = the user's zone). */
  readonly wall: Wall;
  readonly zone: IcsZone;
  readonly startMs: number;
  /** The end an RDATE period gives; null when the series' own length applies. */
  readonly endMs: number | null;
}

/** The instants of interest: occurrences that start before `toMs` and may end after `fromMs`. */
export interface ExpansionWindow {
  readonly fromMs: number;
  readonly toMs: number;
  /** An upper bound of an occurrence's length, so starts before `fromMs` that still overlap are kept. */
  readonly maxLengthMs: number;
}

/** A series as the expansion needs it. */
export interface SeriesRule {
  readonly start: Wall;
  readonly allDay: boolean;
  readonly zone: IcsZone;
  readonly rrules: readonly ICAL.Recur[];
  readonly rdates: readonly Occurrence[];
}

/** Occurrences all the recurrence rules of one file may produce (the work of one reading, whatever the rules say). */
export const MAX_FILE_OCCURRENCES = 50_000;
/** Candidate dates ical.js may test for all the rules of one file. */
export const MAX_FILE_CANDIDATES = 1_000_000;
/**
 * Candidate dates ical.js may test in a row without finding an occurrence: a rule such as
 * BYMONTH=2;BYMONTHDAY=30 matches nothing, ever, and ical.js would search forever. The
 * sparsest real rules (29 February, daily) need about 1,500.
 */
export const MAX_BARREN_CANDIDATES = 20_000;

/** What is left of the work one file may cause; shared by every rule of the file and spent as they expand. */
export interface RecurrenceBudget {
  occurrences: number;
  candidates: number;
}

/** A fresh budget for one file. */
export const fileBudget = (): RecurrenceBudget => ({ occurrences: MAX_FILE_OCCURRENCES, candidates: MAX_FILE_CANDIDATES });

/** The file's budget ran out. */
export class BudgetExceeded extends Error {}
/** One rule tested many candidate dates and found none. */
class Barren extends Error {}

const isUtcTime = (t: ICAL.Time): boolean => t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === "UTC";

/** Whether an occurrence is after the rule's UNTIL (inclusive bound, RFC 5545). */
const pastUntil = (until: ICAL.Time, wall: Wall, zone: IcsZone, allDay: boolean): boolean => {
  const untilWall = wallOfIcalTime(until);
  // All-day series and DATE bounds compare dates: UNTIL=20260310 (or 20260310T050000Z
  // from Outlook for an all-day series) keeps the occurrence on 10 March.
  if (allDay || until.isDate) return dateKey(wall) > dateKey(untilWall);
  const naive = naiveMillis(wall);
  if (!isUtcTime(until)) return naive > naiveMillis(untilWall);
  const untilMs = naiveMillis(untilWall);
  if (naive - OFFSET_SLACK_MS > untilMs) return true;
  if (naive + OFFSET_SLACK_MS <= untilMs) return false;
  return zone.toMillis(wall) > untilMs;
};

const FIXED_STEP_SECONDS: Readonly<Record<string, number>> = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3_600, DAILY: 86_400, WEEKLY: 604_800 };

const hasPart = (recur: ICAL.Recur, name: string): boolean => {
  const value = (recur.parts as Record<string, unknown> | null)?.[name];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
};
const hasAnyPart = (recur: ICAL.Recur): boolean => Object.keys(recur.parts ?? {}).some((name) => hasPart(recur, name));
const daysInMonth = (year: number, month: number): number => ICAL.Time.daysInMonth(month, year);

/**
 * A later start for iterating a rule whose occurrences before `beforeNaive` do not matter: a
 * start on the rule's own progression (DTSTART plus a whole number of INTERVAL steps), so the
 * occurrences it yields after itself are the series' own. It stays at least one step before
 * `beforeNaive`, so what it yields first (which may not match the rule's BY parts) is never
 * kept. With COUNT, the steps skipped are taken off the count, which only rules without BY
 * parts allow (every step is then an occurrence). Null when the rule cannot be jumped or need
 * not be; `count: 0` when the rule ends before that point.
 * @example jumpedStart(FREQ=HOURLY, 2023-01-01 00:00, false, naive 2026-03-09) → { start: 2026-03-08 22:00 or so, count: null }
 */
export const jumpedStart = (recur: ICAL.Recur, start: Wall, allDay: boolean, beforeNaive: number): { start: Wall; count: number | null } | null => {
  const freq = String(recur.freq ?? "");
  const interval = Number.isInteger(recur.interval) && recur.interval > 0 ? recur.interval : 1;
  const count = typeof recur.count === "number" && recur.count > 0 ? recur.count : null;
  if (count !== null && hasAnyPart(recur)) return null;
  const startNaive = naiveMillis(start);
  if (!(beforeNaive > startNaive)) return null;
  const fixed = FIXED_STEP_SECONDS[freq];
  if (fixed !== undefined) {
    if (hasPart(recur, "BYWEEKNO") || hasPart(recur, "BYYEARDAY") || hasPart(recur, "BYSETPOS")) return null;
    if (allDay && fixed < 86_400) return null;
    const step = fixed * interval * 1000;
    const steps = Math.floor((beforeNaive - startNaive) / step) - 1;
    if (steps < 1) return null;
    if (count !== null && steps >= count) return { start, count: 0 };
    return { start: wallOfUtc(startNaive + steps * step), count: count === null ? null : count - steps };
  }
  const target = wallOfUtc(beforeNaive);
  if (freq === "MONTHLY") {
    if (hasPart(recur, "BYMONTH") || hasPart(recur, "BYSETPOS")) return null;
    const from = start.year * 12 + start.month - 1;
    let steps = Math.floor((target.year * 12 + target.month - 1 - from) / interval) - 1;
    // A start on the 31st must land in a month that has a 31st (at most a few steps back).
    for (let tries = 0; steps >= 1 && tries < 12; tries++, steps--) {
      const month = from + steps * interval;
      const year = Math.floor(month / 12);
      if (start.day > daysInMonth(year, (month % 12) + 1)) continue;
      if (count !== null && steps >= count) return { start, count: 0 };
      return { start: { ...start, year, month: (month % 12) + 1 }, count: count === null ? null : count - steps };
    }
    return null;
  }
  if (freq === "YEARLY") {
    let steps = Math.floor((target.year - start.year) / interval) - 1;
    for (let tries = 0; steps >= 1 && tries < 8; tries++, steps--) {
      const year = start.year + steps * interval;
      if (start.day > daysInMonth(year, start.month)) continue;
      if (count !== null && steps >= count) return { start, count: 0 };
      return { start: { ...start, year }, count: count === null ? null : count - steps };
    }
  }
  return null;
};

const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;

/**
 * For a rule whose occurrences repeat every few days whatever the month or year (DAILY without
 * BY parts; WEEKLY without BY parts or with BYDAY of plain weekdays, each once): the period in
 * days and how many occurrences fall in one period. Null for any other rule.
 * @example periodOf(FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE) → { days: 14, occurrences: 2 }
 */
export const periodOf = (recur: ICAL.Recur): { days: number; occurrences: number } | null => {
  const interval = Number.isInteger(recur.interval) && recur.interval > 0 ? recur.interval : 1;
  const names = Object.keys(recur.parts ?? {}).filter((name) => hasPart(recur, name));
  if (recur.freq === "DAILY" && names.length === 0) return { days: interval, occurrences: 1 };
  if (recur.freq !== "WEEKLY") return null;
  if (names.length === 0) return { days: 7 * interval, occurrences: 1 };
  const byday = (recur.parts as Record<string, unknown>).BYDAY;
  if (names.length !== 1 || names[0] !== "BYDAY" || !Array.isArray(byday)) return null;
  if (!byday.every((day) => typeof day === "string" && WEEKDAY.test(day)) || new Set(byday).size !== byday.length) return null;
  return { days: 7 * interval, occurrences: byday.length };
};

/**
 * Calls `visit` with each occurrence of one RRULE in wall-clock time, in order, from DTSTART
 * (or from a start on the rule's progression close to `fromNaive`, see `jumpedStart`) until
 * `visit` returns false or the rule ends. UNTIL is applied by the caller. Spends `budget`;
 * throws `BudgetExceeded` when it runs out and `Barren` when the rule finds no date.
 * A rule that repeats by a fixed period (`periodOf`) is iterated by ical.js for its first
 * occurrence and one period after it; each later occurrence is the one a period before it,
 * moved by the period, as ical.js would find it (one candidate date each).
 */
const iterate = (recur: ICAL.Recur, start: Wall, allDay: boolean, fromNaive: number, budget: RecurrenceBudget, visit: (wall: Wall) => boolean, extrapolate = true): void => {
  const rule = recur.clone();
  // UNTIL is applied by the caller, against the instant in the series' zone: ical.js would
  // compare a floating wall clock with a UTC bound as if both were UTC.
  rule.until = null;
  const jump = jumpedStart(recur, start, allDay, fromNaive);
  if (jump?.count === 0) return;
  if (jump) rule.count = jump.count;
  let barren = 0;
  const iterator = rule.iterator(icalTimeOf(jump?.start ?? start, allDay));
  // ical.js tests candidate dates in a loop of its own with no bound; count them on this
  // iterator only, so an impossible or flooding rule ends in an error instead of a hang.
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = () => {
    if (--budget.candidates < 0) throw new BudgetExceeded();
    if (++barren > MAX_BARREN_CANDIDATES) throw new Barren();
    return check();
  };
  // (From year 1000 on: addDays goes through Date.UTC, which reads years 0–99 as 1900–1999.)
  const period = extrapolate && start.year >= 1000 ? periodOf(recur) : null;
  /** The occurrences so far, while ical.js finds them; then the last period's, to be moved on. */
  const found: Wall[] = [];
  const count = typeof rule.count === "number" && rule.count > 0 ? rule.count : Infinity;
  for (let yielded = 0; ; yielded++) {
    let wall: Wall;
    if (period === null || yielded <= period.occurrences) {
      const next = iterator.next();
      if (!next) return;
      barren = 0;
      wall = wallOfIcalTime(next);
    } else {
      if (yielded >= count) return;
      if (--budget.candidates < 0) throw new BudgetExceeded();
      wall = addDays(found[yielded - period.occurrences]!, period.days);
    }
    if (period !== null) found.push(wall);
    if (--budget.occurrences < 0) throw new BudgetExceeded();
    if (!visit(wall)) return;
  }
};

/** The message of a file whose recurrences need more work than one reading may do. */
export const budgetMessage = (recur: ICAL.Recur): string =>
  `repeats too often: the recurring events of this file need more than ${MAX_FILE_OCCURRENCES.toLocaleString("en-US")} occurrences ` +
  `(or ${MAX_FILE_CANDIDATES.toLocaleString("en-US")} candidate dates) to expand over this week, the limit per file; ` +
  `the rule that went over is "${printable(recur.toString())}" (remove or shorten the series that repeat by the second, minute or hour)`;

const expandRule = (recur: ICAL.Recur, series: SeriesRule, window: ExpansionWindow, budget: RecurrenceBudget, out: Occurrence[], extrapolate: boolean): Result<void, string> => {
  const until = recur.until;
  const fromNaive = window.fromMs - OFFSET_SLACK_MS - window.maxLengthMs;
  try {
    iterate(recur, series.start, series.allDay, fromNaive, budget, (wall) => {
      const naive = naiveMillis(wall);
      if (naive - OFFSET_SLACK_MS >= window.toMs) return false;
      if (until && pastUntil(until, wall, series.zone, series.allDay)) return false;
      if (naive + OFFSET_SLACK_MS + window.maxLengthMs <= window.fromMs) return true;
      out.push({ wall, zone: series.zone, startMs: series.zone.toMillis(wall), endMs: null });
      return true;
    }, extrapolate);
    return ok(undefined);
  } catch (e) {
    if (e instanceof BudgetExceeded) return err(budgetMessage(recur));
    if (e instanceof Barren) return err(`matches no date (${MAX_BARREN_CANDIDATES.toLocaleString("en-US")} candidate dates in a row tested): "${printable(recur.toString())}"`);
    throw e;
  }
};

/**
 * The onsets of one rule of a VTIMEZONE (wall clocks as written, in the offset before the
 * change, `offsetMs` ahead of UTC) before `toNaive`, keeping those at or after `fromNaive`. Rules
 * finer than daily are refused by the caller; the budget bounds the rest.
 */
export const ruleOnsets = (recur: ICAL.Recur, start: Wall, offsetMs: number, fromNaive: number, toNaive: number, budget: RecurrenceBudget): Wall[] => {
  const out: Wall[] = [];
  const until = recur.until;
  const untilMs = until ? naiveMillis(wallOfIcalTime(until)) : Infinity;
  const untilUtc = until !== null && isUtcTime(until);
  iterate(recur, start, false, fromNaive, budget, (wall) => {
    const naive = naiveMillis(wall);
    if (naive >= toNaive || (untilUtc ? naive - offsetMs : naive) > untilMs) return false;
    if (naive >= fromNaive) out.push(wall);
    return true;
  });
  return out;
};

/**
 * The starts of a series that may overlap the window, in time order, each instant once:
 * DTSTART (always the first instance), every RRULE expanded in wall-clock time of the
 * series' zone (a weekly 09:00 meeting stays at 09:00 across a daylight-saving change), and
 * the RDATEs. Expansion starts near the window (see `jumpedStart`), not at the series' start,
 * stops at the window's end, and spends the file's `budget`; the error is the problem with
 * the RRULE (one that matches nothing, or the file's budget spent).
 * EXDATE and overrides are applied by the caller. `extrapolate: false` has ical.js find every
 * occurrence (the plain way, for tests).
 * @example expandSeries({ start: 2026-03-02 09:00, zone: New York, rrules: [FREQ=WEEKLY], … }, 9–16 March, fileBudget())
 *   → ok([9 March 09:00 EDT, 16 March 09:00 EDT …]) (only starts that may overlap the window)
 */
export const expandSeries = (series: SeriesRule, window: ExpansionWindow, budget: RecurrenceBudget = fileBudget(), extrapolate = true): Result<Occurrence[], string> => {
  const found: Occurrence[] = [{ wall: series.start, zone: series.zone, startMs: series.zone.toMillis(series.start), endMs: null }, ...series.rdates];
  for (const recur of series.rrules) {
    try {
      const expanded = expandRule(recur, series, window, budget, found, extrapolate);
      if (!expanded.ok) return expanded;
    } catch (e) {
      if (e instanceof ZoneProblem) throw e;
      return err(`is not a valid recurrence rule: "${printable(recur.toString())}" (${printable(e instanceof Error ? e.message : String(e))})`);
    }
  }
  const byStart = new Map<number, Occurrence>();
  for (const occurrence of found) {
    if (occurrence.startMs >= window.toMs) continue;
    const seen = byStart.get(occurrence.startMs);
    // An RDATE period names its own end; it wins over the same instant found by the rule.
    if (!seen || (seen.endMs === null && occurrence.endMs !== null)) byStart.set(occurrence.startMs, occurrence);
  }
  return ok([...byStart.values()].sort((a, b) => a.startMs - b.startMs));
};
