/**
 * "Book prospecting block" in the built add-on: one event per spot whatever happens (double
 * click, retry after a timeout, two windows), nothing written into a spot taken since the card
 * was drawn, and the refreshed card. The block's event id comes from the spot key, so Google
 * itself refuses a second insert of the same block.
 */
import fc from "fast-check";
import { blockEventId, MAX_GENERATIONS } from "../../addon/gas/calendarWriter";
import { FakeCalendar, type FakeEvent } from "./fakes/calendar";
import { allText, buttons, cardName, response, texts, visible, type ButtonInfo } from "./fakes/cardQuery";
import type { Recorded } from "./fakes/cardService";
import { addOnEvent, buildBundle, loadAddOn } from "./fakes/sandbox";
import { FakeCache, FakeLock, FakeProperties } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { calendarEvent, EVENTS, ME, NOW, SETTINGS, ZONE } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

const setUp = () => {
  const calendar = new FakeCalendar(EVENTS);
  const properties = new FakeProperties();
  storeSettings(properties, SETTINGS);
  const cache = new FakeCache();
  const lock = new FakeLock();
  const window = () => loadAddOn({ now: NOW, calendar, properties, cache, lock, email: ME });
  const addOn = window();
  const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
  return { calendar, cache, lock, addOn, card, window };
};

/** The "Book prospecting block" button of the spot at `time` on `day`. */
const spotButton = (card: Recorded, startIso: string): ButtonInfo => {
  const b = buttons(card).find((x) => x.action.functionName === "onBookBlock" && x.text === "Book prospecting block" && x.action.parameters.start === startIso);
  if (!b) throw new Error(`no booking button starting ${startIso}`);
  return b;
};

const click = (addOn: { call(name: string, e?: unknown): unknown }, button: ButtonInfo) =>
  response(addOn.call(button.action.functionName, addOnEvent({ parameters: button.action.parameters })));

const ourBlocks = (calendar: FakeCalendar): FakeEvent[] =>
  [...calendar.events.values()].filter((e) => (e.extendedProperties as { private?: Record<string, string> } | undefined)?.private?.nextWeekBlock && e.status !== "cancelled");

const MON_SPOT = "2026-11-30T09:30:00-05:00";
const ALREADY = "That block is already on your calendar (Mon 30 Nov, 09:30–11:00 (1 h 30 min)). Nothing new was booked.";

describe("booking a prospecting block", () => {
  test("creates one busy event titled “Prospecting block” in the spot, marked with the spot's key", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    const res = click(addOn, button);
    const inserts = calendar.callsOf("Events.insert");
    expect(inserts).toHaveLength(1);
    const [resource, calendarId] = inserts[0]!.args as [Record<string, unknown>, string];
    expect(calendarId).toBe("primary");
    expect(resource).toMatchObject({
      summary: "Prospecting block",
      transparency: "opaque",
      start: { dateTime: "2026-11-30T09:30:00-05:00", timeZone: ZONE },
      end: { dateTime: "2026-11-30T11:00:00-05:00", timeZone: ZONE },
      extendedProperties: { private: { nextWeekBlock: button.action.parameters.key } },
    });
    // The id is the spot key in base32hex (generation 0): a–v and 0–9, 5–1024 characters.
    expect(resource.id).toBe(blockEventId(button.action.parameters.key!, 0));
    expect(resource.id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(calendar.events.has(resource.id as string)).toBe(true);
    expect(res.notification).toBe("Booked: Prospecting block, Mon 30 Nov, 09:30–11:00 (1 h 30 min).");
    expect(res.stateChanged).toBe(true);
    expect(res.navigation).toContain("updateCard");
  });

  test("the refreshed card counts the block as prospecting and the spot shrinks", () => {
    const { addOn, card } = setUp();
    const res = click(addOn, spotButton(card, MON_SPOT));
    const text = texts(res.card).map(visible).join("\n");
    expect(text).toContain("Booked: Prospecting block, Mon 30 Nov, 09:30–11:00 (1 h 30 min).");
    // Prospecting: the calls (60) + the block (90) = 150 min.
    expect(text).toContain("✓ 2 h 30 min of 2 h prospecting");
    // Monday's spot is now 11:00–17:00.
    expect(text).toContain("11:00–17:00 · 6 h");
  });

  test("clicking twice books once", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    click(addOn, button);
    const second = click(addOn, button);
    expect(calendar.callsOf("Events.insert")).toHaveLength(1);
    expect(ourBlocks(calendar)).toHaveLength(1);
    expect(second.notification).toBe(ALREADY);
    expect(second.stateChanged).toBe(false);
  });

  test("clicking twice books once even when the cache forgot the first booking (found by re-reading the spot)", () => {
    const { calendar, cache, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    click(addOn, button);
    cache.data.clear();
    const second = click(addOn, button);
    expect(ourBlocks(calendar)).toHaveLength(1);
    expect(second.notification).toBe(ALREADY);
  });

  test("two windows with the same card book once", () => {
    const { calendar, card, window } = setUp();
    const button = spotButton(card, MON_SPOT);
    const first = window();
    const second = window();
    click(first, button);
    click(second, button);
    expect(ourBlocks(calendar)).toHaveLength(1);
  });

  test("a retry after a timeout does not book again when Google had created the event", () => {
    const { calendar, cache, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    // The insert reaches Google, then the call fails before answering.
    calendar.afterInsert = () => {
      calendar.afterInsert = null;
      throw new Error("API call to calendar.events.insert failed with error: Deadline exceeded");
    };
    const failed = click(addOn, button);
    expect(failed.notification).toBe("The block was not booked.");
    expect(texts(failed.card).map(visible).join("\n")).toContain("Google took too long to answer. Try again.");
    cache.data.clear();
    const retry = click(addOn, button);
    expect(ourBlocks(calendar)).toHaveLength(1);
    expect(retry.notification).toBe(ALREADY);
  });

  test("a retry after a timeout, while the list does not show the new block yet: Google's 409 on the spot's id says it is booked", () => {
    const { calendar, cache, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    calendar.listLags = true;
    calendar.afterInsert = () => {
      calendar.afterInsert = null;
      throw new Error("API call to calendar.events.insert failed with error: Deadline exceeded");
    };
    const failed = click(addOn, button);
    expect(failed.notification).toBe("The block was not booked.");
    expect(ourBlocks(calendar)).toHaveLength(1);
    cache.data.clear();
    const retry = click(addOn, button);
    // The re-read saw a free spot, so the retry inserted again, with the same id; Google refused it.
    const ids = calendar.callsOf("Events.insert").map((c) => (c.args[0] as { id: string }).id);
    expect(ids).toEqual([blockEventId(button.action.parameters.key!, 0), blockEventId(button.action.parameters.key!, 0)]);
    expect(ourBlocks(calendar)).toHaveLength(1);
    expect(retry.notification).toBe(ALREADY);
    expect(retry.stateChanged).toBe(false);
  });

  test("a deleted block can be booked again: Google keeps the deleted event's id, so the new block takes the next generation", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    const key = button.action.parameters.key!;
    click(addOn, button);
    calendar.cancel(blockEventId(key, 0));
    const again = click(addOn, button);
    expect(ourBlocks(calendar).map((e) => e.id)).toEqual([blockEventId(key, 1)]);
    expect(calendar.events.get(blockEventId(key, 0))?.status).toBe("cancelled");
    expect(again.notification).toBe("Booked: Prospecting block, Mon 30 Nov, 09:30–11:00 (1 h 30 min).");
    expect(again.stateChanged).toBe(true);
  });

  test("after a deletion, a retry of a timed-out booking still finds its block (generation 1) and books nothing more", () => {
    const { calendar, cache, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    const key = button.action.parameters.key!;
    click(addOn, button);
    calendar.cancel(blockEventId(key, 0));
    calendar.listLags = true;
    calendar.afterInsert = () => {
      calendar.afterInsert = null;
      throw new Error("API call to calendar.events.insert failed with error: Deadline exceeded");
    };
    click(addOn, button);
    cache.data.clear();
    const retry = click(addOn, button);
    expect(ourBlocks(calendar).map((e) => e.id)).toEqual([blockEventId(key, 1)]);
    expect(retry.notification).toBe(ALREADY);
  });

  test("a block the seller moved to another time does not hold the spot: booking it again makes a new block", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    const key = button.action.parameters.key!;
    click(addOn, button);
    const moved = calendar.events.get(blockEventId(key, 0))!;
    moved.start = { dateTime: "2026-12-02T14:00:00-05:00", timeZone: ZONE };
    moved.end = { dateTime: "2026-12-02T15:30:00-05:00", timeZone: ZONE };
    const again = click(addOn, button);
    expect(again.stateChanged).toBe(true);
    expect(ourBlocks(calendar).map((e) => e.id).sort()).toEqual([blockEventId(key, 0), blockEventId(key, 1)].sort());
  });

  test("while another booking holds the user lock, nothing is written and the seller is told", () => {
    const { calendar, lock, addOn, card } = setUp();
    lock.heldElsewhere = true;
    const res = click(addOn, spotButton(card, MON_SPOT));
    expect(calendar.callsOf("Events.insert")).toHaveLength(0);
    expect(texts(res.card).map(visible).join("\n")).toContain("Another booking is still running. Try again in a moment.");
  });

  test("the lock is released after booking, also when the booking fails", () => {
    const { calendar, lock, addOn, card } = setUp();
    calendar.failNext("insert", new Error("API call to calendar.events.insert failed with error: Backend Error"));
    click(addOn, spotButton(card, MON_SPOT));
    expect(lock.held).toBe(false);
    click(addOn, spotButton(card, MON_SPOT));
    expect(lock.held).toBe(false);
    expect(ourBlocks(calendar)).toHaveLength(1);
  });
});

describe("a spot taken since the card was drawn", () => {
  test("writes nothing and says what is there now", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    calendar.add(
      calendarEvent({
        id: "newmeeting",
        summary: "Pipeline review <b>urgent</b>",
        start: { dateTime: "2026-11-30T10:00:00-05:00", timeZone: ZONE },
        end: { dateTime: "2026-11-30T10:30:00-05:00", timeZone: ZONE },
        attendees: [{ email: ME, self: true, responseStatus: "accepted" }, { email: "boss@example-seller.com", responseStatus: "accepted" }],
      }),
    );
    const res = click(addOn, button);
    expect(calendar.callsOf("Events.insert")).toHaveLength(0);
    expect(ourBlocks(calendar)).toHaveLength(0);
    expect(res.notification).toBe("That spot is no longer free. Nothing was booked.");
    expect(res.stateChanged).toBe(false);
    const text = texts(res.card).map(visible).join("\n");
    expect(text).toContain("That spot is no longer free: “Pipeline review <b>urgent</b>” is there now. Nothing was booked.");
    expect(allText(res.card)).toContain("Pipeline review &lt;b&gt;urgent&lt;/b&gt;");
    // The spot was re-read for exactly the block's time before anything was written.
    const lists = calendar.callsOf("Events.list");
    const spotRead = lists.map((c) => c.args[1] as Record<string, unknown>).find((o) => o.timeMin === "2026-11-30T09:30:00.000-05:00");
    expect(spotRead).toMatchObject({ timeMax: "2026-11-30T11:00:00.000-05:00", singleEvents: true });
  });

  test("a declined or free event in the spot does not take it", () => {
    const { calendar, addOn, card } = setUp();
    calendar.add(
      calendarEvent({
        id: "declinedone",
        summary: "Optional webinar",
        start: { dateTime: "2026-11-30T10:00:00-05:00" },
        end: { dateTime: "2026-11-30T10:30:00-05:00" },
        organizer: { email: "events@vendor.example" },
        attendees: [{ email: ME, self: true, responseStatus: "declined" }],
      }),
    );
    calendar.add(calendarEvent({ id: "freeone", summary: "Focus reminder", start: { dateTime: "2026-11-30T10:30:00-05:00" }, end: { dateTime: "2026-11-30T10:45:00-05:00" }, transparency: "transparent" }));
    click(addOn, spotButton(card, MON_SPOT));
    expect(ourBlocks(calendar)).toHaveLength(1);
  });

  test("a failed re-read books nothing and is not reported as a free spot", () => {
    const { calendar, addOn, card } = setUp();
    calendar.failNext("list", new Error("API call to calendar.events.list failed with error: Backend Error"));
    const res = click(addOn, spotButton(card, MON_SPOT));
    expect(calendar.callsOf("Events.insert")).toHaveLength(0);
    expect(res.notification).toBe("The block was not booked.");
    expect(texts(res.card).map(visible).join("\n")).toContain("Nothing was booked. Could not read your calendar: Google Calendar had a temporary problem. Try again.");
  });

  test("a tampered button (start and key that do not match) books nothing", () => {
    const { calendar, addOn, card } = setUp();
    const button = spotButton(card, MON_SPOT);
    const res = response(addOn.call("onBookBlock", addOnEvent({ parameters: { ...button.action.parameters, start: "2026-11-30T08:00:00-05:00" } })));
    expect(calendar.callsOf("Events.insert")).toHaveLength(0);
    const message = "That button's spot could not be read, so nothing was booked. The week is shown again.";
    expect(res.notification).toBe(message);
    expect(cardName(res.card as Recorded)).toBe("week");
    expect(texts(res.card).map(visible).filter((t) => t.includes(message))).toHaveLength(1);
  });
});

describe("blockEventId", () => {
  test("base32hex of the key (RFC 4648 vectors), within Calendar's id rules", () => {
    expect(blockEventId("f", 0)).toBe("co");
    expect(blockEventId("foobar", 0)).toBe("cpnmuoj1e8");
    expect(blockEventId("nw1-20261130T143000Z-90", 0)).toMatch(/^[a-v0-9]{5,1024}$/);
  });

  test("different spots or generations never share an id, and the same one always gives the same id", () => {
    const key = fc.tuple(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), fc.integer({ min: 5, max: 480 }));
    const asKey = ([at, minutes]: [Date, number]) => `nw1-${at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}-${minutes}`;
    fc.assert(
      fc.property(key, key, fc.nat(MAX_GENERATIONS - 1), fc.nat(MAX_GENERATIONS - 1), (a, b, g, h) => {
        const [ka, kb] = [asKey(a), asKey(b)];
        const [ia, ib] = [blockEventId(ka, g), blockEventId(kb, h)];
        expect(ia).toMatch(/^[a-v0-9]{5,1024}$/);
        expect(blockEventId(ka, g)).toBe(ia);
        expect(ia === ib).toBe(ka === kb && g === h);
      }),
    );
  });
});
