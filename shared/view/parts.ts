import type { DateTime } from "luxon";
import type { BarView, MarkView } from "./cardView";

/**
 * A bar of `value` against `of` (clamped to 0–1); `over` when `cap` and the value exceeds it.
 * @example bar(90, 240) → { fraction: 0.375, over: false }
 */
export const bar = (value: number, of: number, cap = false): BarView => ({
  fraction: of > 0 ? Math.min(1, Math.max(0, value / of)) : value > 0 ? 1 : 0,
  over: cap && value > of,
});

const MET: MarkView = { met: true, symbol: "✓", label: "met" };
const NOT_MET: MarkView = { met: false, symbol: "✗", label: "not met" };
/** The same mark in every renderer. */
export const mark = (met: boolean): MarkView => (met ? MET : NOT_MET);

/** @example plural(1, "meeting", "meetings") → "1 meeting" */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** @example isoDate(Mon 30 Nov 2026 00:00 New York) → "2026-11-30" */
export const isoDate = (at: DateTime): string => at.toISODate() ?? "";
