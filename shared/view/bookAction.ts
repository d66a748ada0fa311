import { blockKey, BLOCK_TITLE, outreachTitle } from "../booking/booking";
import { isoIn } from "../plan/measuresJson";
import type { Span } from "../time/intervals";
import type { BookActionView } from "./cardView";
import { clock, dayLabel, duration, timeRange } from "./format";
import { userZone } from "../time/cachedZone";

/**
 * The button for a block: a plain prospecting block, or an outreach block for an account.
 * @example bookAction(Tue 1 Dec 10:15–11:45, "America/New_York", null).when → "Tue 1 Dec, 10:15–11:45 (1 h 30 min)"
 * @example bookAction(block, zone, "Acme").title → "Prospecting: Acme"
 */
export const bookAction = (block: Span, zone: string, account: string | null): BookActionView => {
  const start = block.start.setZone(userZone(zone));
  const end = block.end.setZone(userZone(zone));
  const minutes = Math.round((end.toMillis() - start.toMillis()) / 60_000);
  const kind = account === null ? "prospecting block" : `outreach block for ${account}`;
  return {
    key: blockKey(block),
    start: isoIn(start, zone),
    end: isoIn(end, zone),
    account,
    title: account === null ? BLOCK_TITLE : outreachTitle(account),
    label: account === null ? "Book prospecting block" : "Book outreach block",
    when: `${dayLabel(start)}, ${timeRange(start, end)} (${duration(minutes)})`,
    description: `Book a ${duration(minutes)} ${kind} on ${dayLabel(start)} at ${clock(start)}`,
  };
};
