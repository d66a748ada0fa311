import { DateTime, Interval } from "luxon";
import { readCalendarView } from "../../addon/outlook/graphCalendarSource";
import { createGraphCalendarWriter } from "../../addon/outlook/graphCalendarWriter";
import { UncertainWriteError } from "../../addon/outlook/graphErrors";
import { readMailboxDefaults } from "../../addon/outlook/mailboxSettings";
import { createRequestBudget } from "../../addon/outlook/requestBudget";
import { plannedWait } from "../../addon/outlook/throttleRetryHandler";
import { BLOCK_TITLE, blockKey } from "../../shared/booking/booking";
import type { BookActionView } from "../../shared/view/cardView";
import { FAULTS } from "../../addon/node/dev/fakeGraphServer";
import { startHarness, type Harness } from "./graphHarness";
import { KNOWN_SETTINGS, ME } from "./fixtures/knownWeek";

// Small limits so a stalled fake Graph is given up on quickly; the pane's own are 10 s a request
// and 20 s a screen (requestBudget.ts).
const ZONE = "America/New_York";
const week = Interval.fromDateTimes(DateTime.fromISO("2026-11-30T00:00", { zone: ZONE }), DateTime.fromISO("2026-12-07T00:00", { zone: ZONE })) as Interval<true>;
const window = { interval: week, preferZone: "Eastern Standard Time" };

let h: Harness;
afterEach(async () => {
  await h.fake.close();
});

test("a calendarView that never answers ends in an error that says so (no endless loading)", async () => {
  h = await startHarness({ pageSize: 4 }, createRequestBudget({ requestMs: 300, screenMs: 5000 }));
  h.fake.stallNext("/me/calendarView");
  const read = await readCalendarView(h.client, window);
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.error.kind).toBe("CalendarReadError");
  expect(read.error.message).toBe("Microsoft 365 did not answer in time, so Next Week could not read your calendar. Try again.");
});

test("a stall on a later page fails the whole read, and the next read (Try again) works", async () => {
  h = await startHarness({ pageSize: 4 }, createRequestBudget({ requestMs: 300, screenMs: 5000 }));
  h.fake.stallNext(/\$skip=4/);
  const first = await readCalendarView(h.client, window);
  expect(first.ok).toBe(false);
  const again = await readCalendarView(h.client, window);
  expect(again.ok).toBe(true);
});

test("the screen's budget is shared: once spent, further requests are not even sent", async () => {
  let clock = 0;
  const budget = createRequestBudget({ requestMs: 10_000, screenMs: 20_000, now: () => clock });
  h = await startHarness({}, budget);
  clock = 20_000; // the screen has used its 20 s
  const sentBefore = h.fake.requests.length;
  const read = await readMailboxDefaults(h.client);
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.error.message).toContain("did not answer in time");
  expect(h.fake.requests.length).toBe(sentBefore);
  budget.begin(); // a new screen (Try again) gets a fresh budget
  expect((await readMailboxDefaults(h.client)).ok).toBe(true);
});

test("Retry-After: 999999 is not waited for: the error comes at once, with no wait started", async () => {
  h = await startHarness();
  h.fake.failNext("/me/calendarView", FAULTS.throttled(999999), 5);
  const read = await readCalendarView(h.client, window);
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.error.message).toContain("Microsoft 365 is busy");
  expect(h.waits).toEqual([]);
  expect(h.fake.requests.filter((r) => r.path === "/v1.0/me/calendarView")).toHaveLength(1);
});

test("a Retry-After within the cap is waited for, unless the wait would outlast the screen's budget", () => {
  const policy = { baseDelaySeconds: 1, maxDelaySeconds: 10, remainingMs: () => 20_000 };
  expect(plannedWait("5", 1, policy)).toBe(5);
  expect(plannedWait("11", 1, policy)).toBeNull();
  expect(plannedWait("999999", 1, policy)).toBeNull();
  expect(plannedWait(null, 3, policy)).toBe(4);
  expect(plannedWait("5", 1, { ...policy, remainingMs: () => 4_000 })).toBeNull();
});

const action = (startLocal: string, minutes: number): BookActionView => {
  const start = DateTime.fromISO(startLocal, { zone: ZONE });
  const block = Interval.fromDateTimes(start, start.plus({ minutes })) as Interval<true>;
  return { key: blockKey(block), start: start.toISO({ suppressMilliseconds: true }) ?? "", end: block.end.toISO({ suppressMilliseconds: true }) ?? "", account: null, title: "Prospecting block", when: "", label: "Book prospecting block", description: `Book a ${minutes} min prospecting block` };
};
const ctx = { settings: KNOWN_SETTINGS, zone: ZONE, preferZone: "Eastern Standard Time", me: ME };

describe("booking when the write lands but its answer is lost", () => {
  beforeEach(async () => {
    h = await startHarness({}, createRequestBudget({ requestMs: 300, screenMs: 5000 }));
  });
  const posts = () => h.fake.requests.filter((r) => r.method === "POST" && r.path === "/v1.0/me/events");
  const blocks = () => h.fake.events.filter((e) => e.subject === BLOCK_TITLE);

  test("the first click says it cannot tell (never 'nothing was booked'); the second finds the block and writes nothing", async () => {
    const book = action("2026-11-30T14:00", 90);
    h.fake.stallNext("/me/events");
    const first = await createGraphCalendarWriter(h.client, ctx).book(book);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error).toBeInstanceOf(UncertainWriteError);
    expect(first.error.message).toBe("Microsoft 365 did not answer in time, so Next Week cannot tell whether the block was booked. Choose the button again: it will not book it twice.");
    expect(blocks()).toHaveLength(1); // it did land

    const second = await createGraphCalendarWriter(h.client, ctx).book(book);
    expect(second).toEqual({ ok: true, value: { kind: "alreadyBooked", start: book.start, end: book.end } });
    expect(posts()).toHaveLength(1);
    expect(blocks()).toHaveLength(1);
  });

  test("when the list lags behind the write, the retry's POST carries the same transactionId and Graph keeps one event", async () => {
    const book = action("2026-11-30T14:00", 90);
    h.fake.stallNext("/me/events");
    await createGraphCalendarWriter(h.client, ctx).book(book);
    h.fake.lagNext(); // the re-read before the second write does not show the block yet
    const second = await createGraphCalendarWriter(h.client, ctx).book(book);
    expect(second.ok && second.value.kind).toBe("booked");
    expect(posts().map((p) => (p.body as { transactionId: string }).transactionId)).toEqual([book.key, book.key]);
    expect(blocks()).toHaveLength(1);
  });
});
