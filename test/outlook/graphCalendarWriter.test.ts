import { DateTime, Interval } from "luxon";
import { createGraphCalendarWriter } from "../../addon/outlook/graphCalendarWriter";
import { BLOCK_DESCRIPTION, BLOCK_TITLE, GRAPH_MARKER_PROPERTY_ID, blockKey } from "../../shared/booking/booking";
import type { BookActionView } from "../../shared/view/cardView";
import { FAULTS } from "../../addon/node/dev/fakeGraphServer";
import { startHarness, type Harness } from "./graphHarness";
import { KNOWN_SETTINGS, ME } from "./fixtures/knownWeek";

const ZONE = "America/New_York";
const ctx = { settings: KNOWN_SETTINGS, zone: ZONE, preferZone: "Eastern Standard Time", me: ME };

/** A "Book prospecting block" action as the card gives it, for a wall-clock block in New York. */
const action = (startLocal: string, minutes: number): BookActionView => {
  const start = DateTime.fromISO(startLocal, { zone: ZONE });
  const block = Interval.fromDateTimes(start, start.plus({ minutes })) as Interval<true>;
  return {
    key: blockKey(block),
    start: start.toISO({ suppressMilliseconds: true }) ?? "",
    end: block.end.toISO({ suppressMilliseconds: true }) ?? "",
    account: null,
    title: "Prospecting block",
    when: "",
    label: "Book prospecting block",
    description: `Book a ${minutes} min prospecting block`,
  };
};

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.fake.close();
});

const posts = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === "/v1.0/me/events");
const blocks = () => h.fake.events.filter((e) => e.subject === BLOCK_TITLE);

test("books a free spot: re-reads it, then one POST with the marker, the transactionId and busy", async () => {
  const book = action("2026-11-30T11:00", 90);
  const result = await createGraphCalendarWriter(h.client, ctx).book(book);
  expect(result).toEqual({ ok: true, value: { kind: "booked", start: book.start, end: book.end } });
  const reads = h.fake.requests.filter((r) => r.path === "/v1.0/me/calendarView");
  expect(reads).toHaveLength(1);
  expect(reads[0]?.query.get("startDateTime")).toBe("2026-11-30T16:00:00Z");
  expect(reads[0]?.query.get("endDateTime")).toBe("2026-11-30T17:30:00Z");
  expect(posts()).toHaveLength(1);
  expect(posts()[0]?.body).toEqual({
    subject: BLOCK_TITLE,
    body: { contentType: "text", content: BLOCK_DESCRIPTION },
    start: { dateTime: "2026-11-30T11:00:00", timeZone: "Eastern Standard Time" },
    end: { dateTime: "2026-11-30T12:30:00", timeZone: "Eastern Standard Time" },
    showAs: "busy",
    transactionId: book.key,
    singleValueExtendedProperties: [{ id: GRAPH_MARKER_PROPERTY_ID, value: book.key }],
  });
  expect(book.key).toBe("nw1-20261130T160000Z-90");
});

test("a second click on the same spot finds the block and writes nothing", async () => {
  const writer = createGraphCalendarWriter(h.client, ctx);
  const book = action("2026-11-30T11:00", 90);
  await writer.book(book);
  const again = await writer.book(book);
  expect(again).toEqual({ ok: true, value: { kind: "alreadyBooked", start: book.start, end: book.end } });
  expect(posts()).toHaveLength(1);
  expect(blocks()).toHaveLength(1);
});

test("a double click while the first booking runs joins it: one POST", async () => {
  const writer = createGraphCalendarWriter(h.client, ctx);
  const book = action("2026-11-30T11:00", 90);
  const [first, second] = await Promise.all([writer.book(book), writer.book(book)]);
  expect(first).toEqual(second);
  expect(posts()).toHaveLength(1);
  expect(blocks()).toHaveLength(1);
});

test("two panes racing for the same spot make one event (same transactionId)", async () => {
  const book = action("2026-11-30T11:00", 90);
  const [a, b] = await Promise.all([createGraphCalendarWriter(h.client, ctx).book(book), createGraphCalendarWriter(h.client, ctx).book(book)]);
  expect(a.ok && b.ok).toBe(true);
  expect(new Set(posts().map((p) => (p.body as { transactionId: string }).transactionId))).toEqual(new Set([book.key]));
  expect(blocks()).toHaveLength(1);
});

test("a spot taken since the card was drawn writes nothing and says by what", async () => {
  const result = await createGraphCalendarWriter(h.client, ctx).book(action("2026-11-30T09:45", 90));
  expect(result).toEqual({ ok: true, value: { kind: "spotTaken", by: "Fabrikam discovery" } });
  expect(posts()).toHaveLength(0);
});

test("free, declined and cancelled events do not take a spot", async () => {
  // Wed 2 Dec 15:00 holds a declined webinar only.
  const result = await createGraphCalendarWriter(h.client, ctx).book(action("2026-12-02T15:00", 60));
  expect(result.ok && result.value.kind).toBe("booked");
});

test("a throttled POST is retried and still makes one event", async () => {
  h.fake.failNext("/me/events", FAULTS.throttled(2));
  const result = await createGraphCalendarWriter(h.client, ctx).book(action("2026-11-30T14:00", 90));
  expect(result.ok && result.value.kind).toBe("booked");
  expect(h.waits).toEqual([2]);
  expect(posts()).toHaveLength(2);
  expect(blocks()).toHaveLength(1);
});

test("a failed POST says nothing was booked", async () => {
  h.fake.failNext("/me/events", FAULTS.serverError);
  const result = await createGraphCalendarWriter(h.client, ctx).book(action("2026-11-30T14:00", 90));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe("CalendarWriteError");
  expect(blocks()).toHaveLength(0);
});

test("when the spot cannot be re-read, nothing is written and the permission is named", async () => {
  h.fake.failNext("/me/calendarView", FAULTS.forbidden);
  const result = await createGraphCalendarWriter(h.client, ctx).book(action("2026-11-30T14:00", 90));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe("PermissionError");
  expect(result.error.message).toContain("Calendars.ReadWrite");
  expect(posts()).toHaveLength(0);
});

test("outside the mailbox's zone the block is written in UTC", async () => {
  const writer = createGraphCalendarWriter(h.client, { ...ctx, preferZone: "Pacific Standard Time" });
  await writer.book(action("2026-11-30T14:00", 90));
  const body = posts()[0]?.body as { start: unknown; end: unknown };
  expect(body.start).toEqual({ dateTime: "2026-11-30T19:00:00", timeZone: "UTC" });
  expect(body.end).toEqual({ dateTime: "2026-11-30T20:30:00", timeZone: "UTC" });
});

test("an outreach block is written with the core's title, 'Prospecting: <account>', and the same key as a plain block", async () => {
  const book = { ...action("2026-11-30T14:00", 90), account: "Fabrikam", title: "Prospecting: Fabrikam", label: "Book outreach block" };
  const result = await createGraphCalendarWriter(h.client, ctx).book(book);
  expect(result).toEqual({ ok: true, value: { kind: "booked", start: book.start, end: book.end } });
  expect(posts()[0]?.body).toMatchObject({ subject: "Prospecting: Fabrikam", transactionId: book.key, singleValueExtendedProperties: [{ id: GRAPH_MARKER_PROPERTY_ID, value: book.key }] });
});

test("an outreach block for an account no longer in the settings, or a spot whose key does not match, writes nothing", async () => {
  const writer = createGraphCalendarWriter(h.client, ctx);
  const gone = await writer.book({ ...action("2026-11-30T14:00", 90), account: "Globex" });
  expect(gone.ok).toBe(false);
  if (!gone.ok) expect(gone.error.message).toMatch(/"Globex" is no longer in your accounts, so nothing was booked/);
  const forged = await writer.book({ ...action("2026-11-30T14:00", 90), key: "nw1-20261130T000000Z-90" });
  expect(forged.ok).toBe(false);
  expect(h.fake.requests).toHaveLength(0);
});
