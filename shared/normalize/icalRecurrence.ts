import ICAL from "ical.js";
import { err, ok, type Result } from "../result";
import { dateKey, icalTimeOf, naiveMillis, OFFSET_SLACK_MS, wallOfIcalTime, type IcsZone, type Wall } from "./icalTime";

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

/** Occurrences one RRULE may produce before the window's end; more is an error, not a hang. */
export const MAX_OCCURRENCES = 50_000;
/** Candidate dates ical.js may test for one RRULE in all. */
export const MAX_CANDIDATES = 1_000_000;
/**
 * Candidate dates ical.js may test in a row without finding an occurrence: a rule such as
 * BYMONTH=2;BYMONTHDAY=30 matches nothing, ever, and ical.js would search forever. The
 * sparsest real rules (29 February, daily) need about 1,500.
 */
export const MAX_BARREN_CANDIDATES = 20_000;

class ExpansionLimit extends Error {}

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

const expandRule = (recur: ICAL.Recur, series: SeriesRule, window: ExpansionWindow, out: Occurrence[]): Result<void, string> => {
  const until = recur.until;
  const rule = recur.clone();
  // UNTIL is applied here, against the instant in the series' zone: ical.js would compare a
  // floating wall clock with a UTC bound as if both were UTC.
  rule.until = null;
  let candidates = 0;
  let barren = 0;
  let produced = 0;
  try {
    const iterator = rule.iterator(icalTimeOf(series.start, series.allDay));
    // ical.js tests candidate dates in a loop of its own with no bound; count them on this
    // iterator only, so an impossible rule ends in an error instead of a hang.
    const check = iterator.check_contracting_rules.bind(iterator);
    iterator.check_contracting_rules = () => {
      if (++candidates > MAX_CANDIDATES || ++barren > MAX_BARREN_CANDIDATES) throw new ExpansionLimit();
      return check();
    };
    for (;;) {
      const next = iterator.next();
      if (!next) return ok(undefined);
      barren = 0;
      if (++produced > MAX_OCCURRENCES) throw new ExpansionLimit();
      const wall = wallOfIcalTime(next);
      const naive = naiveMillis(wall);
      if (naive - OFFSET_SLACK_MS >= window.toMs) return ok(undefined);
      if (until && pastUntil(until, wall, series.zone, series.allDay)) return ok(undefined);
      if (naive + OFFSET_SLACK_MS + window.maxLengthMs <= window.fromMs) continue;
      out.push({ wall, zone: series.zone, startMs: series.zone.toMillis(wall), endMs: null });
    }
  } catch (e) {
    if (e instanceof ExpansionLimit) {
      return err(`repeats too often to expand (more than ${MAX_OCCURRENCES.toLocaleString("en-US")} occurrences, or a rule that matches no date): "${recur.toString()}"`);
    }
    return err(`is not a valid recurrence rule: "${recur.toString()}" (${e instanceof Error ? e.message : String(e)})`);
  }
};

/**
 * The starts of a series that may overlap the window, in time order, each instant once:
 * DTSTART (always the first instance), every RRULE expanded in wall-clock time of the
 * series' zone (a weekly 09:00 meeting stays at 09:00 across a daylight-saving change), and
 * the RDATEs. Iteration stops at the window's end; the error is the problem with the RRULE.
 * EXDATE and overrides are applied by the caller.
 * @example expandSeries({ start: 2026-03-02 09:00, zone: New York, rrules: [FREQ=WEEKLY], … }, 9–16 March)
 *   → ok([9 March 09:00 EDT, 16 March 09:00 EDT …]) (only starts that may overlap the window)
 */
export const expandSeries = (series: SeriesRule, window: ExpansionWindow): Result<Occurrence[], string> => {
  const found: Occurrence[] = [{ wall: series.start, zone: series.zone, startMs: series.zone.toMillis(series.start), endMs: null }, ...series.rdates];
  for (const recur of series.rrules) {
    const expanded = expandRule(recur, series, window, found);
    if (!expanded.ok) return expanded;
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
