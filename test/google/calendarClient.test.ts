/**
 * Google's own Node client for Calendar API v3 (`@googleapis/calendar`, on googleapis-common and
 * gaxios) run against the local fake Calendar API: the add-on's week query as the client sends
 * it, the timezone setting, the private-property query that finds a block by its key, and
 * Google's error answers as the client surfaces them. The add-on's own reader (addon/gas/
 * calendarSource.ts) runs against the same fake in calendarSource.test.ts.
 *
 * `fetchImplementation: fetch`: in Node, gaxios loads `node-fetch` with a dynamic `import()`,
 * which jest's CommonJS sandbox refuses ("A dynamic import callback was invoked without
 * --experimental-vm-modules"). gaxios documents `fetchImplementation` for exactly this, so the
 * client runs on Node's built-in fetch here; everything above the socket is the library's own code.
 */
import { calendar, type calendar_v3 } from "@googleapis/calendar";
import { DateTime, Interval } from "luxon";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { blockResource } from "../../addon/gas/calendarWriter";
import { blockRequest, checkSpot, GOOGLE_MARKER_PROPERTY } from "../../shared/booking/booking";
import { normalizeGoogleEvents } from "../../shared/normalize/google";
import { parseSettings } from "../../shared/settings/settings";
import { weekFor } from "../../shared/time/week";
import { resolveZone } from "../../shared/time/zone";
import { FAULTS, startFakeCalendarApi, UNAUTHENTICATED_MESSAGE, type FakeCalendarApi, type FakeCalendarOptions, type GoogleEventJson } from "./fakeCalendarApi";

const NOW = DateTime.fromISO("2026-11-23T12:00:00Z");
const NEW_YORK = "America/New_York";
const API_KEY = "test-api-key";
const EVENTS_PATH = "/calendar/v3/calendars/primary/events";

const fakes: FakeCalendarApi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const start = async (options: FakeCalendarOptions): Promise<FakeCalendarApi> => {
  const fake = await startFakeCalendarApi(options);
  fakes.push(fake);
  return fake;
};

/** The real client, pointed at the fake; a string `auth` is sent as the `key` query parameter. */
const clientFor = (fake: FakeCalendarApi): calendar_v3.Calendar => calendar({ version: "v3", rootUrl: fake.url, auth: API_KEY, fetchImplementation: fetch });

/** The query the Apps Script source (addon/gas/calendarSource.ts) sends, with a small page. */
const weekQuery = (range: Interval<true>, zone: string, maxResults: number): calendar_v3.Params$Resource$Events$List => ({
  calendarId: "primary",
  timeMin: range.start.toISO(),
  timeMax: range.end.toISO(),
  singleEvents: true,
  orderBy: "startTime",
  showDeleted: false,
  maxResults,
  timeZone: zone,
});

/** What the client throws for a non-2xx answer (a GaxiosError), as far as these tests read it. */
interface ClientError extends Error {
  status?: number;
  code?: unknown;
  response?: { status: number; data: { error?: { code?: number; status?: string; message?: string; errors?: { reason?: string; domain?: string }[] } } };
}

const failureOf = async (call: Promise<unknown>): Promise<ClientError> => {
  try {
    await call;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return e as ClientError;
  }
  throw new Error("expected the call to fail");
};

const renamed = (prefix: string) => (e: GoogleEventJson): GoogleEventJson => ({ ...e, id: `${prefix}_${e.id}` });

/** The sample week, with the weeks before and after it on the same calendar (the read must leave them out). */
const sampleCalendar = async () => {
  const sample = sampleWeek(NOW);
  const fake = await start({
    events: [...sampleWeek(NOW.minus({ weeks: 1 })).google.map(renamed("prev")), ...sample.google, ...sampleWeek(NOW.plus({ weeks: 1 })).google.map(renamed("next"))],
    timeZone: sample.zone,
    owner: sample.me,
  });
  return { sample, fake, api: clientFor(fake) };
};

describe("Google's Calendar client against the fake Calendar API", () => {
  test("the add-on's week query goes out as Google's client sends it: API key, client header, percent-encoded times", async () => {
    const { sample, fake, api } = await sampleCalendar();
    const res = await api.events.list(weekQuery(sample.week, sample.zone, 250));

    expect(res.data.items).toHaveLength(17);
    const [r] = fake.requests;
    expect(r?.method).toBe("GET");
    expect(r?.path).toBe(EVENTS_PATH);
    // luxon's toISO keeps the milliseconds and the offset; the client percent-encodes ":".
    expect(r?.query.get("timeMin")).toBe("2026-11-30T00:00:00.000-05:00");
    expect(r?.rawQuery).toContain("timeMin=2026-11-30T00%3A00%3A00.000-05%3A00");
    expect(r?.rawQuery).toContain("timeMax=2026-12-07T00%3A00%3A00.000-05%3A00");
    expect(r?.query.get("key")).toBe(API_KEY);
    expect(r?.headers["x-goog-api-client"]).toMatch(/^gdcl\/[\d.]+ gl-node\//);
    expect(r?.status).toBe(200);
  });

  test("a zone east of UTC: the + of the offset is percent-encoded, so the server reads the same instant", async () => {
    const paris = "Europe/Paris";
    const fake = await start({ timeZone: paris, events: [] });
    const week = weekFor({ now: NOW, zone: paris, weekStartsOn: 1 });
    const res = await clientFor(fake).events.list(weekQuery(week, paris, 250));

    expect(res.status).toBe(200);
    const [request] = fake.requests;
    expect(request?.rawQuery).toContain("timeMin=2026-11-30T00%3A00%3A00.000%2B01%3A00");
    expect(request?.query.get("timeMin")).toBe("2026-11-30T00:00:00.000+01:00");
  });

  test("orderBy=startTime without singleEvents: Google's 400, surfaced by the client and not retried", async () => {
    const fake = await start({ timeZone: NEW_YORK, events: [] });
    const error = await failureOf(clientFor(fake).events.list({ calendarId: "primary", orderBy: "startTime" }));

    expect(error.status).toBe(400);
    expect(error.message).toBe("The requested ordering is not available for the particular query.");
    expect(error.response?.data.error?.status).toBe("INVALID_ARGUMENT");
    expect(error.response?.data.error?.errors?.[0]?.reason).toBe("badRequest");
    expect(fake.requests).toHaveLength(1);
  });

  test("the timezone setting read through the client is the zone when the settings name none", async () => {
    const fake = await start({ timeZone: NEW_YORK, settingsTimeZone: "Europe/Berlin", events: [] });
    const res = await clientFor(fake).settings.get({ setting: "timezone" });

    expect(res.data).toEqual({ kind: "calendar#setting", etag: expect.any(String), id: "timezone", value: "Europe/Berlin" });
    expect(fake.requests.map((r) => r.path)).toEqual(["/calendar/v3/users/me/settings/timezone"]);
    const noZone = parseSettings({});
    if (!noZone.ok) throw noZone.error;
    expect(noZone.value.timeZone).toBeUndefined();
    expect(resolveZone(noZone.value, res.data.value)).toBe("Europe/Berlin");
    const withZone = parseSettings({ timeZone: "Asia/Tokyo" });
    if (!withZone.ok) throw withZone.error;
    expect(resolveZone(withZone.value, res.data.value)).toBe("Asia/Tokyo");
  });

  describe("errors", () => {
    /*
     * What the client does with errors (googleapis-common sets `retry: true` on every call;
     * gaxios' retry defaults, gaxios 7):
     * - retries 3 times (4 requests in all) for GET/HEAD/PUT/OPTIONS/DELETE when the status is
     *   1xx, 408, 429 or 5xx, after 100 ms, then 500 ms, then 1500 ms (exponential backoff);
     * - never retries 401, 403 (not even Calendar's 403 rateLimitExceeded, which Google's docs
     *   say to back off and retry) or other 4xx;
     * - does not read Retry-After;
     * - then throws a GaxiosError: `status` is the HTTP status, `code` the body's `error.code`,
     *   `message` Google's top-level `error.message` (gaxios first joins the messages of
     *   `error.errors`, then lets the body's own `message` overwrite them), so a 401 reads
     *   Google's long "Request had invalid authentication credentials…" sentence, not the item's
     *   "Invalid Credentials"; the parsed body stays on `response.data`.
     * A call can change this through gaxios' `retryConfig` (used below only to keep a persistent
     * 500 fast).
     */
    const weekParams = () => weekQuery(weekFor({ now: NOW, zone: NEW_YORK, weekStartsOn: 1 }), NEW_YORK, 250);

    test("401: status 401 and Google's top-level message, one request (an API key is not refreshed)", async () => {
      const fake = await start({ timeZone: NEW_YORK, events: [] });
      fake.failNext("/events", FAULTS.unauthorized, 5);
      const error = await failureOf(clientFor(fake).events.list(weekParams()));

      expect(error.status).toBe(401);
      expect(error.code).toBe(401);
      expect(error.message).toBe(UNAUTHENTICATED_MESSAGE);
      expect(error.response?.data.error?.errors?.[0]).toMatchObject({ message: "Invalid Credentials", location: "Authorization", locationType: "header" });
      expect(error.response?.data.error?.status).toBe("UNAUTHENTICATED");
      expect(error.response?.data.error?.errors?.[0]?.reason).toBe("authError");
      expect(fake.requests).toHaveLength(1);
    });

    test("403 rateLimitExceeded: status 403 and Google's message, not retried", async () => {
      const fake = await start({ timeZone: NEW_YORK, events: [] });
      fake.failNext("/events", FAULTS.rateLimited, 5);
      const error = await failureOf(clientFor(fake).events.list(weekParams()));

      expect(error.status).toBe(403);
      expect(error.message).toBe("Rate Limit Exceeded");
      expect(error.response?.data.error?.errors?.[0]).toMatchObject({ domain: "usageLimits", reason: "rateLimitExceeded" });
      expect(fake.requests).toHaveLength(1);
    });

    test("500 once: retried by the client, the read succeeds", async () => {
      const fake = await start({ timeZone: NEW_YORK, events: [] });
      fake.failNext("/events", FAULTS.backendError, 1);
      const res = await clientFor(fake).events.list(weekParams());

      expect(res.status).toBe(200);
      expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
    });

    test("500 every time: 4 requests, then status 500 and Google's message", async () => {
      const fake = await start({ timeZone: NEW_YORK, events: [] });
      fake.failNext("/events", FAULTS.backendError, 10);
      // The default retry count, without the waits in between.
      const error = await failureOf(clientFor(fake).events.list(weekParams(), { retryConfig: { retryDelay: 0, retryDelayMultiplier: 1 } }));

      expect(error.status).toBe(500);
      expect(error.message).toBe("Backend Error");
      expect(error.response?.data.error?.errors?.[0]?.reason).toBe("backendError");
      expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    });

    test("429 with the client's default retry: retried 3 times, then status 429 and Google's message", async () => {
      const fake = await start({ timeZone: NEW_YORK, events: [] });
      fake.failNext("/events", FAULTS.tooManyRequests, 10);
      const error = await failureOf(clientFor(fake).events.list(weekParams()));

      expect(error.status).toBe(429);
      expect(error.message).toBe("Rate Limit Exceeded");
      expect(error.response?.data.error?.status).toBe("RESOURCE_EXHAUSTED");
      expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    });

    test("429 twice, then an answer: the caller sees only the answer", async () => {
      const sample = sampleWeek(NOW);
      const fake = await start({ timeZone: NEW_YORK, events: sample.google });
      fake.failNext("/events", FAULTS.tooManyRequests, 2);
      const read = await clientFor(fake).events.list(weekQuery(sample.week, NEW_YORK, 250));

      expect(read.data.items).toHaveLength(17);
      expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    });
  });

  test("privateExtendedProperty finds our block by its key (the booking re-check's query)", async () => {
    const sample = sampleWeek(NOW);
    const zone = sample.zone;
    const block = Interval.fromDateTimes(sample.week.start.plus({ days: 1, hours: 13 }), sample.week.start.plus({ days: 1, hours: 14, minutes: 30 })) as Interval<true>;
    const other = Interval.fromDateTimes(block.start.plus({ days: 1 }), block.end.plus({ days: 1 })) as Interval<true>;
    const ours = blockRequest(block, zone);
    const asEvent = (id: string, resource: object): GoogleEventJson => ({ ...(resource as GoogleEventJson), id, status: "confirmed", kind: "calendar#event" });
    const fake = await start({
      timeZone: zone,
      events: [...sample.google, asEvent("blockTue", blockResource(ours)), asEvent("blockWed", blockResource(blockRequest(other, zone)))],
    });
    const api = clientFor(fake);
    const byKey = (key: string) => ({ ...weekQuery(sample.week, zone, 250), privateExtendedProperty: [`${GOOGLE_MARKER_PROPERTY}=${key}`] });

    const found = (await api.events.list(byKey(ours.key))).data;
    expect(found.items?.map((e) => e.id)).toEqual(["blockTue"]);
    expect(fake.requests[0]?.query.getAll("privateExtendedProperty")).toEqual([`nextWeekBlock=${ours.key}`]);
    expect(fake.requests[0]?.rawQuery).toContain(`privateExtendedProperty=nextWeekBlock%3D${ours.key}`);
    const events = normalizeGoogleEvents(found.items ?? [], { zone, me: sample.me });
    if (!events.ok) throw events.error;
    expect(checkSpot(events.value, block, ours.key)).toMatchObject({ kind: "alreadyBooked", event: { id: "blockTue", bookingKey: ours.key } });

    const none = (await api.events.list(byKey("nw1-20261202T000000Z-90"))).data;
    expect(none.items).toEqual([]);
  });
});
