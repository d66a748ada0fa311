import { DateTime, Interval } from "luxon";
import { readCalendarView, EVENT_FIELDS } from "../../addon/outlook/graphCalendarSource";
import { readMailboxDefaults } from "../../addon/outlook/mailboxSettings";
import { retryDelay } from "../../addon/outlook/throttleRetryHandler";
import { AuthError } from "../../shared/errors";
import { GRAPH_MARKER_PROPERTY_ID } from "../../shared/booking/booking";
import { normalizeGraphEvents } from "../../shared/normalize/graph";
import { FAULTS } from "../../addon/node/dev/fakeGraphServer";
import { startHarness, TOKEN, type Harness } from "./graphHarness";
import { KNOWN_WEEK_EXPECTED, ME } from "./fixtures/knownWeek";

const ZONE = "America/New_York";
const week = Interval.fromDateTimes(DateTime.fromISO("2026-11-30T00:00", { zone: ZONE }), DateTime.fromISO("2026-12-07T00:00", { zone: ZONE })) as Interval<true>;
const window = { interval: week, preferZone: "Eastern Standard Time" };

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ pageSize: 4 });
});
afterEach(async () => {
  await h.fake.close();
});

const calendarRequests = () => h.fake.requests.filter((r) => r.path === "/v1.0/me/calendarView");
const ids = (items: unknown[]) => items.map((e) => (e as { id: string }).id).sort();

describe("mailbox settings", () => {
  test("reads the Windows zone and the working hours as first-run defaults", async () => {
    const read = await readMailboxDefaults(h.client);
    expect(read).toEqual({ ok: true, value: { timeZone: "Eastern Standard Time", workingHours: { days: [1, 2, 3, 4, 5], start: "08:30", end: "17:30" }, workingHoursZone: "America/New_York" } });
    const request = h.fake.requests[0];
    expect(request?.path).toBe("/v1.0/me/mailboxSettings");
    expect(request?.query.get("$select")).toBe("timeZone,workingHours");
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test("a 403 names MailboxSettings.Read", async () => {
    h.fake.failNext("/me/mailboxSettings", FAULTS.forbidden);
    const read = await readMailboxDefaults(h.client);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("PermissionError");
    expect(read.error.message).toContain("MailboxSettings.Read");
  });
});

describe("calendarView", () => {
  test("follows @odata.nextLink to the last page and returns every event of the week, and only those", async () => {
    const read = await readCalendarView(h.client, window);
    if (!read.ok) throw read.error;
    expect(ids(read.value)).toEqual([...KNOWN_WEEK_EXPECTED.eventIdsInWeek].sort());
    // 12 events, 4 a page: three pages, the later ones through nextLink.
    expect(calendarRequests()).toHaveLength(3);
    expect(calendarRequests().map((r) => r.query.get("$skip"))).toEqual([null, "4", "8"]);
  });

  test("asks for the week in UTC, only the fields the core reads, the marker property, and times in the mailbox's zone", async () => {
    await readCalendarView(h.client, window);
    for (const request of calendarRequests()) {
      expect(request.query.get("startDateTime")).toBe("2026-11-30T05:00:00Z");
      expect(request.query.get("endDateTime")).toBe("2026-12-07T05:00:00Z");
      expect(request.query.get("$select")?.split(",")).toEqual([...EVENT_FIELDS]);
      expect(request.query.get("$expand")).toBe(`singleValueExtendedProperties($filter=id eq '${GRAPH_MARKER_PROPERTY_ID}')`);
      expect(request.headers.prefer).toBe('outlook.timezone="Eastern Standard Time"');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  test("answers in the Windows zone it asked for, and the core reads those wall-clock times right", async () => {
    const read = await readCalendarView(h.client, window);
    if (!read.ok) throw read.error;
    const first = read.value.find((e) => (e as { id: string }).id === "AAMkAGk1-01") as Record<string, unknown>;
    expect(first.start).toEqual({ dateTime: "2026-11-30T10:00:00.0000000", timeZone: "Eastern Standard Time" });
    expect(first).not.toHaveProperty("webLink");
    expect(first).not.toHaveProperty("bodyPreview");
    const events = normalizeGraphEvents(read.value, { zone: "America/New_York", me: ME });
    if (!events.ok) throw events.error;
    const discovery = events.value.find((e) => e.id === "AAMkAGk1-01");
    expect(discovery?.start.toISO()).toBe("2026-11-30T10:00:00.000-05:00");
  });

  test("an organizer listed only in `organizer` counts as an attendee; the user does not", async () => {
    const read = await readCalendarView(h.client, window);
    if (!read.ok) throw read.error;
    const events = normalizeGraphEvents(read.value, { zone: "America/New_York", me: ME });
    if (!events.ok) throw events.error;
    expect(events.value.find((e) => e.id === "AAMkAGk1-10")?.attendees).toEqual(["ceo@fabrikam.com"]);
    expect(events.value.find((e) => e.id === "AAMkAGk1-08")?.attendees).toEqual([]);
  });

  test("a 429 is retried after the Retry-After the answer gives", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.throttled(7), 2);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(true);
    expect(h.waits).toEqual([7, 7]);
    expect(calendarRequests()).toHaveLength(2 + 3);
  });

  test("a 503 without Retry-After backs off exponentially", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.unavailable, 2);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(true);
    expect(h.waits).toEqual([1, 2]);
  });

  test("throttling that outlasts the retries is an error screen, never an empty week", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.throttled(1), 4);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("CalendarReadError");
    expect(read.error.message).toMatch(/busy/);
    expect(h.waits).toEqual([1, 1, 1]);
  });

  test("a 401 asks to sign in again and is not retried", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.unauthorized);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("AuthError");
    expect(read.error.message).toMatch(/Sign in again/);
    expect(calendarRequests()).toHaveLength(1);
  });

  test("a 403 names the missing permission", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.forbidden);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("PermissionError");
    expect(read.error.message).toContain("Calendars.ReadWrite");
  });

  test("a 500 is an error with the status, not a week", async () => {
    h.fake.failNext("/me/calendarView", FAULTS.serverError);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("CalendarReadError");
    expect(read.error.message).toContain("500");
  });

  test("a failure on a later page fails the whole read (no partial week)", async () => {
    h.fake.failNext(/\$skip=8/, FAULTS.serverError);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("CalendarReadError");
    expect(calendarRequests()).toHaveLength(3);
  });

  test("a token that cannot be had keeps the sign-in message", async () => {
    const client = h.clientWith({ getToken: () => Promise.reject(new AuthError("Sign-in was cancelled or blocked. Choose “Sign in again” and finish signing in.")) });
    const read = await readCalendarView(client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("AuthError");
    expect(read.error.message).toBe("Sign-in was cancelled or blocked. Choose “Sign in again” and finish signing in.");
    expect(calendarRequests()).toHaveLength(0);
  });

  test("the token goes only to the Graph host: a nextLink to another host gets none", async () => {
    h.fake.setPublicBaseUrl(`${h.fake.url.replace("127.0.0.1", "localhost")}/v1.0`);
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    expect(calendarRequests()[1]?.headers.authorization).toBeUndefined();
  });

  test("an unreachable Graph says so", async () => {
    await h.fake.close();
    const read = await readCalendarView(h.client, window);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe("CalendarReadError");
    expect(read.error.message).toMatch(/could not reach Microsoft 365/);
  });
});

describe("retryDelay", () => {
  const policy = { baseDelaySeconds: 1, maxDelaySeconds: 30 };
  test("Retry-After in seconds wins", () => expect(retryDelay("12", 3, policy)).toBe(12));
  test("Retry-After as an HTTP date is the time until then", () =>
    expect(retryDelay("Mon, 23 Nov 2026 12:00:10 GMT", 1, policy, Date.parse("2026-11-23T12:00:00Z"))).toBe(10));
  test("without Retry-After: 1, 2, 4 seconds", () => expect([1, 2, 3].map((a) => retryDelay(null, a, policy))).toEqual([1, 2, 4]));
  test("never more than the cap, never negative", () => {
    expect(retryDelay("3600", 1, policy)).toBe(30);
    expect(retryDelay("Mon, 23 Nov 2026 11:00:00 GMT", 1, policy, Date.parse("2026-11-23T12:00:00Z"))).toBe(0);
  });
});
