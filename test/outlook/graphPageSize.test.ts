import { DateTime, Interval } from "luxon";
import { PAGE_SIZE, readCalendarView } from "../../addon/outlook/graphCalendarSource";
import { GRAPH_DEFAULT_PAGE_SIZE, GRAPH_MAX_PAGE_SIZE, type GraphEventJson } from "../../addon/node/dev/fakeGraphServer";
import { startHarness, type Harness } from "./graphHarness";
import { KNOWN_WEEK_EXPECTED } from "./fixtures/knownWeek";

// Page sizes as Graph serves Outlook items: 10 events unless $top (or Prefer: odata.maxpagesize)
// asks for more, at most 1,000 a page. The pane asks for the most, so a week and its look-back
// usually come in one round trip. (Paging through nextLink is tested with forced small pages in
// graphCalendarSource.test.ts.)
const ZONE = "America/New_York";
const week = Interval.fromDateTimes(DateTime.fromISO("2026-11-30T00:00", { zone: ZONE }), DateTime.fromISO("2026-12-07T00:00", { zone: ZONE })) as Interval<true>;
const window = { interval: week, preferZone: "Eastern Standard Time" };
const query = { startDateTime: "2026-11-30T05:00:00Z", endDateTime: "2026-12-07T05:00:00Z" };

/** `count` half-hour events from Monday 09:00 UTC on, one a minute apart. */
const manyEvents = (count: number): GraphEventJson[] =>
  Array.from({ length: count }, (_, i) => {
    const start = DateTime.fromISO("2026-11-30T14:00:00Z").plus({ minutes: i });
    const wall = (at: DateTime) => at.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'.0000000'");
    return { id: `AAMkMany-${i}`, subject: `Event ${i}`, start: { dateTime: wall(start), timeZone: "UTC" }, end: { dateTime: wall(start.plus({ minutes: 30 })), timeZone: "UTC" } };
  });

interface Page {
  readonly value: unknown[];
  readonly "@odata.nextLink"?: string;
}

let h: Harness;
afterEach(async () => {
  await h.fake.close();
});

const calendarRequests = () => h.fake.requests.filter((r) => r.path === "/v1.0/me/calendarView");

test("the pane asks for Graph's largest page and reads the week in one request", async () => {
  h = await startHarness();
  expect(PAGE_SIZE).toBe(GRAPH_MAX_PAGE_SIZE);
  const read = await readCalendarView(h.client, window);
  if (!read.ok) throw read.error;
  expect(read.value).toHaveLength(KNOWN_WEEK_EXPECTED.eventIdsInWeek.length);
  expect(calendarRequests()).toHaveLength(1);
  expect(calendarRequests()[0]?.query.get("$top")).toBe("1000");
});

test("more events than one page: every page followed, 1,000 at a time", async () => {
  h = await startHarness({ events: manyEvents(2_345) });
  const read = await readCalendarView(h.client, window);
  if (!read.ok) throw read.error;
  expect(read.value).toHaveLength(2_345);
  expect(calendarRequests().map((r) => r.query.get("$skip"))).toEqual([null, "1000", "2000"]);
});

describe("the fake Graph pages like Graph", () => {
  test("10 events a page without $top, as many as $top asks, never more than 1,000", async () => {
    h = await startHarness({ events: manyEvents(1_005) });
    const page = (top?: number) => {
      const request = h.client.api("/me/calendarView").query(query);
      return (top === undefined ? request : request.top(top)).get() as Promise<Page>;
    };
    expect((await page()).value).toHaveLength(GRAPH_DEFAULT_PAGE_SIZE);
    expect((await page(3)).value).toHaveLength(3);
    const largest = await page(5_000);
    expect(largest.value).toHaveLength(GRAPH_MAX_PAGE_SIZE);
    expect(largest["@odata.nextLink"]).toContain("%24skip=1000");
  });

  test("Prefer: odata.maxpagesize sets the page when $top does not", async () => {
    h = await startHarness();
    const first = (await h.client.api("/me/calendarView").query(query).header("Prefer", "odata.maxpagesize=5").get()) as Page;
    expect(first.value).toHaveLength(5);
    expect(first["@odata.nextLink"]).toContain("%24skip=5");
  });

  test("a $top that is not a positive whole number is refused", async () => {
    h = await startHarness();
    await expect(h.client.api("/me/calendarView").query(query).top(0).get()).rejects.toMatchObject({ statusCode: 400 });
  });
});
