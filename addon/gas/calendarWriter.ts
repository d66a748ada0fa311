import type { Interval } from "luxon";
import { type BlockRequest, type BookingOutcome, type BookingResult, type CalendarWriter, checkSpot, GOOGLE_MARKER_PROPERTY, normalizeGoogleEvents, ok, requestFromAction, type Settings } from "../../shared";
import { describeApiError, messageOf } from "./apiError";
import { PRIMARY, readEvents } from "./calendarSource";
import type { Services } from "./services";

/** How long the user cache remembers a block we created (covers the API's read-after-write lag). */
const REMEMBER_SECONDS = 6 * 60 * 60;
const LOCK_WAIT_MS = 10_000;
/**
 * Ids tried for one spot: the seller may delete a block and book the same spot again, and Google
 * keeps a deleted event's id for good, so each deletion moves the spot to the next generation.
 */
export const MAX_GENERATIONS = 20;

const cacheKey = (key: string) => `nextWeek.block.${key}`;

const BASE32HEX = "0123456789abcdefghijklmnopqrstuv";

/**
 * The event id of a spot's block: the base32hex encoding (RFC 4648, lowercase, no padding) of
 * the spot key, or of `key#generation` after the block of an earlier generation was deleted.
 * Calendar API v3 accepts client ids of 5–1024 characters from a–v and 0–9, and answers a second
 * insert of the same id with 409, so a block can never be created twice. The key is ASCII and
 * never holds "#", and unpadded base32 of byte strings of different lengths differ in length, so
 * different keys or generations never share an id.
 * @example blockEventId("nw1-20261130T143000Z-90", 0) → "dprj2b9i60p3cc9h6co58c9k6co30c2q5ksj0"
 */
export const blockEventId = (key: string, generation: number): string => {
  const text = generation === 0 ? key : `${key}#${generation}`;
  let out = "";
  let bits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    value = (value << 8) | (text.charCodeAt(i) & 0xff);
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
};

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

/** Calendar's answer to an insert whose id exists (HTTP 409 `duplicate`), as Apps Script words it. */
const isDuplicateId = (cause: unknown): boolean => /identifier already exists|duplicate/i.test(messageOf(cause));

type Found = { start: string; end: string } | null;

/**
 * The event with this id when it is still on the calendar at the block's time; null when it is
 * gone (deleted events stay, `cancelled`), was moved by the seller, or cannot be read.
 */
const blockAt = (services: Services, id: string, request: BlockRequest): Found => {
  try {
    const event = services.calendar.Events.get(PRIMARY, id);
    if (!event || event.status === "cancelled") return null;
    const start = event.start?.dateTime ?? "";
    const end = event.end?.dateTime ?? "";
    return Date.parse(start) === Date.parse(request.start) && Date.parse(end) === Date.parse(request.end) ? { start, end } : null;
  } catch {
    return null;
  }
};

/**
 * Inserts the block under its spot's id, generation after generation: a 409 on an id whose event
 * is there at the block's time means this block is already booked (an earlier insert landed even
 * if its answer was lost); a 409 on a deleted or moved block moves on to the next generation.
 */
const insertOnce = (services: Services, request: BlockRequest): BookingOutcome => {
  let last: unknown = null;
  for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
    const id = blockEventId(request.key, generation);
    try {
      services.calendar.Events.insert({ id, ...blockResource(request) }, PRIMARY);
      services.cache()?.put(cacheKey(request.key), id, REMEMBER_SECONDS);
      return { kind: "booked", start: request.start, end: request.end };
    } catch (cause) {
      if (!isDuplicateId(cause)) return { kind: "failed", message: `The block could not be booked: ${describeApiError(cause)}` };
      last = cause;
      const there = blockAt(services, id, request);
      if (there) {
        services.cache()?.put(cacheKey(request.key), id, REMEMBER_SECONDS);
        return { kind: "alreadyBooked", ...there };
      }
    }
  }
  return { kind: "failed", message: `The block could not be booked: ${describeApiError(last)}` };
};

/**
 * Books a prospecting block on the primary calendar, at most once per spot.
 * Under the user lock (so two windows or a double click take turns) it:
 * 1. returns `alreadyBooked` when the user cache remembers creating this block and Calendar still
 *    has it at the block's time;
 * 2. re-reads the spot (one `Events.list` and its pages) and lets the core's `checkSpot` decide:
 *    our block there already → `alreadyBooked`; another busy event → `spotTaken`, nothing written;
 * 3. otherwise inserts the block with the private marker under the id derived from the spot key
 *    (`blockEventId`): when an earlier insert reached Google but its answer was lost and the list
 *    does not show it yet, Google refuses the second insert (409) and the answer is `alreadyBooked`.
 * Errors are outcomes (`failed`), never exceptions.
 */
export const bookBlock = (services: Services, request: BlockRequest, block: Interval<true>, zone: string, me: string | undefined): BookingOutcome => {
  const lock = services.lock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { kind: "failed", message: "Another booking is still running. Try again in a moment." };
  try {
    const rememberedId = services.cache()?.get(cacheKey(request.key));
    const remembered = rememberedId ? blockAt(services, rememberedId, request) : null;
    if (remembered) return { kind: "alreadyBooked", ...remembered };

    const read = readEvents(services.calendar, block, zone);
    if (!read.ok) return { kind: "failed", message: `Nothing was booked. ${read.error.message}` };
    const events = normalizeGoogleEvents(read.value, { zone, me });
    if (!events.ok) return { kind: "failed", message: `Nothing was booked: an event in that spot could not be read (${events.error.message}).` };
    const spot = checkSpot(events.value, block, request.key);
    if (spot.kind === "alreadyBooked") return { kind: "alreadyBooked", start: spot.event.start.toISO() ?? request.start, end: spot.event.end.toISO() ?? request.end };
    if (spot.kind === "taken") return { kind: "spotTaken", by: spot.by };
    return insertOnce(services, request);
  } finally {
    lock.releaseLock();
  }
};

/**
 * The Google writer, the core's `CalendarWriter` answering at once: the button's parameters go
 * through `requestFromAction` (the spot must read and match its key; an outreach block's account
 * must still be in the settings), then `bookBlock` books at most once.
 * @example googleCalendarWriter(services, { settings, zone, me }).book({ key, start, end, account: "Acme" }) → ok({ kind: "booked", … })
 */
export const googleCalendarWriter = (services: Services, ctx: { readonly settings: Settings; readonly zone: string; readonly me: string | undefined }): CalendarWriter<BookingResult> => ({
  book(action) {
    const asked = requestFromAction(action, ctx.settings, ctx.zone);
    if (!asked.ok) return asked;
    return ok(bookBlock(services, asked.value.request, asked.value.block, ctx.zone, ctx.me));
  },
});
