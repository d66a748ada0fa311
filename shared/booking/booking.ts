import { DateTime, Interval } from "luxon";
import type { CalendarEvent } from "../event";
import { userZone } from "../time/cachedZone";

/** Title of the block the add-on books. */
export const BLOCK_TITLE = "Prospecting block";
/** Title of an outreach block booked for an account. @example outreachTitle("Acme") → "Prospecting: Acme" */
export const outreachTitle = (account: string): string => `Prospecting: ${account}`;
/** Description written on the block, so a colleague sees where it came from. */
export const BLOCK_DESCRIPTION = "Booked by Next Week: time to prospect dream clients and decision-makers.";
/** Google: the private extended property that marks a block and holds its spot key. */
export const GOOGLE_MARKER_PROPERTY = "nextWeekBlock";
/** Graph: the single-value extended property (a named MAPI string property) that holds the spot key. */
export const GRAPH_MARKER_PROPERTY_ID = "String {5c7b2a41-8f0e-4d6b-9a51-3e2f7c1d8b90} Name nextWeekBlock";

/** What the host should create. Times are ISO 8601 with the user's offset. */
export interface BlockRequest {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

/** The tagged outcome a host's calendar writer reports. */
export type BookingOutcome =
  | { readonly kind: "booked"; readonly start: string; readonly end: string }
  | { readonly kind: "alreadyBooked"; readonly start: string; readonly end: string }
  | { readonly kind: "spotTaken"; readonly by: string }
  | { readonly kind: "failed"; readonly message: string };

/**
 * The stable key of a block: the same block always gets the same key, so a second click,
 * a retry or a second window finds the first event instead of making another.
 * @example blockKey(Interval 2026-12-01T15:15Z/16:45Z) → "nw1-20261201T151500Z-90"
 */
export const blockKey = (block: Interval<true>): string => {
  const startMs = block.start.toMillis();
  // Written from the UTC fields directly: the key never depends on a locale or a format cache.
  const stamp = new Date(startMs).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `nw1-${stamp}-${Math.round((block.end.toMillis() - startMs) / 60_000)}`;
};

/** The request to send to the host's writer for a block (an outreach block when `account` is given). */
export const blockRequest = (block: Interval<true>, zone: string, account: string | null = null): BlockRequest => ({
  key: blockKey(block),
  title: account === null ? BLOCK_TITLE : outreachTitle(account),
  description: BLOCK_DESCRIPTION,
  start: block.start.setZone(userZone(zone)).toISO({ suppressMilliseconds: true }) ?? "",
  end: block.end.setZone(userZone(zone)).toISO({ suppressMilliseconds: true }) ?? "",
  timeZone: zone,
});

/**
 * Re-checks a spot against the events read just before writing.
 * @example checkSpot([], block, key) → { kind: "free" }
 * @example checkSpot([ourBlockWithKey], block, key) → { kind: "alreadyBooked" }
 * @example checkSpot([busyMeetingInside], block, key) → { kind: "taken", by: "Pipeline review" }
 */
export const checkSpot = (
  events: readonly CalendarEvent[],
  block: Interval<true>,
  key: string,
): { kind: "free" } | { kind: "alreadyBooked"; event: CalendarEvent } | { kind: "taken"; by: string } => {
  const mine = events.find((e) => e.bookingKey === key && e.ignored !== "cancelled");
  if (mine) return { kind: "alreadyBooked", event: mine };
  const s = block.start.toMillis();
  const e = block.end.toMillis();
  const clash = events.find((ev) => ev.ignored === null && ev.start.toMillis() < e && ev.end.toMillis() > s);
  if (clash) return { kind: "taken", by: clash.title || "another event" };
  return { kind: "free" };
};

/** Parses an ISO pair from a button back into an interval; null when malformed. */
export const parseBlock = (start: string, end: string, zone: string): Interval<true> | null => {
  const s = DateTime.fromISO(start, { zone: userZone(zone), setZone: false });
  const e = DateTime.fromISO(end, { zone: userZone(zone), setZone: false });
  if (!s.isValid || !e.isValid || e <= s) return null;
  const i = Interval.fromDateTimes(s.setZone(userZone(zone)), e.setZone(userZone(zone)));
  return i.isValid ? i : null;
};
