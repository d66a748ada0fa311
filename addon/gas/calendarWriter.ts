import type { Interval } from "luxon";
import { type BlockRequest, type BookingOutcome, checkSpot, GOOGLE_MARKER_PROPERTY, normalizeGoogleEvents } from "../../shared";
import { describeApiError } from "./apiError";
import { PRIMARY, readEvents } from "./calendarSource";
import type { Services } from "./services";

/** How long the user cache remembers a block we created (covers the API's read-after-write lag). */
const REMEMBER_SECONDS = 6 * 60 * 60;
const LOCK_WAIT_MS = 10_000;

const cacheKey = (key: string) => `nextWeek.block.${key}`;

/** The Calendar v3 `Event` resource of a block: busy, titled, marked with its spot key. */
export const blockResource = (request: BlockRequest): object => ({
  summary: request.title,
  description: request.description,
  start: { dateTime: request.start, timeZone: request.timeZone },
  end: { dateTime: request.end, timeZone: request.timeZone },
  transparency: "opaque",
  eventType: "default",
  reminders: { useDefault: true },
  extendedProperties: { private: { [GOOGLE_MARKER_PROPERTY]: request.key } },
});

/** The block we remember creating, if Calendar still has it (not deleted). */
const rememberedBlock = (services: Services, key: string): { start: string; end: string } | null => {
  const id = services.cache()?.get(cacheKey(key));
  if (!id) return null;
  try {
    const event = services.calendar.Events.get(PRIMARY, id);
    if (!event || event.status === "cancelled") return null;
    return { start: event.start?.dateTime ?? event.start?.date ?? "", end: event.end?.dateTime ?? event.end?.date ?? "" };
  } catch {
    return null;
  }
};

/**
 * Books a prospecting block on the primary calendar, at most once per spot.
 * Under the user lock (so two windows or a double click take turns) it:
 * 1. returns `alreadyBooked` when the user cache remembers creating this block and Calendar still has it;
 * 2. re-reads the spot (one `Events.list` and its pages) and lets the core's `checkSpot` decide:
 *    our block there already → `alreadyBooked`; another busy event → `spotTaken`, nothing written;
 * 3. otherwise inserts the block with the private marker and remembers its id.
 * Errors are outcomes (`failed`), never exceptions; a failed insert writes nothing we know of, and a
 * retry finds the block if Google created it anyway.
 */
export const bookBlock = (services: Services, request: BlockRequest, block: Interval<true>, zone: string, me: string | undefined): BookingOutcome => {
  const lock = services.lock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { kind: "failed", message: "Another booking is still running. Try again in a moment." };
  try {
    const remembered = rememberedBlock(services, request.key);
    if (remembered) return { kind: "alreadyBooked", start: remembered.start || request.start, end: remembered.end || request.end };

    const read = readEvents(services.calendar, block, zone);
    if (!read.ok) return { kind: "failed", message: `Nothing was booked. ${read.error.message}` };
    const events = normalizeGoogleEvents(read.value, { zone, me });
    if (!events.ok) return { kind: "failed", message: `Nothing was booked: an event in that spot could not be read (${events.error.message}).` };
    const spot = checkSpot(events.value, block, request.key);
    if (spot.kind === "alreadyBooked") return { kind: "alreadyBooked", start: spot.event.start.toISO() ?? request.start, end: spot.event.end.toISO() ?? request.end };
    if (spot.kind === "taken") return { kind: "spotTaken", by: spot.by };

    let created;
    try {
      created = services.calendar.Events.insert(blockResource(request), PRIMARY);
    } catch (cause) {
      return { kind: "failed", message: `The block could not be booked: ${describeApiError(cause)}` };
    }
    if (created?.id) services.cache()?.put(cacheKey(request.key), created.id, REMEMBER_SECONDS);
    return { kind: "booked", start: request.start, end: request.end };
  } finally {
    lock.releaseLock();
  }
};
