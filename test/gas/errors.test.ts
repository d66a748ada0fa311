/**
 * What the built add-on shows when things go wrong: a failed read is an error card with a retry
 * (never an empty week), invalid stored settings open the settings card with the message, and a
 * hostile event title shows as typed.
 */
import { FakeCalendar } from "./fakes/calendar";
import { allText, arg, buttons, cardName, response, section, texts, visible } from "./fakes/cardQuery";
import type { Recorded } from "./fakes/cardService";
import { addOnEvent, buildBundle, loadAddOn } from "./fakes/sandbox";
import { FakeProperties } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { calendarEvent, EVENTS, ME, NOW, SETTINGS, ZONE } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

const withSettings = (settings: unknown = SETTINGS, events = EVENTS) => {
  const calendar = new FakeCalendar(events);
  const properties = new FakeProperties();
  storeSettings(properties, settings);
  return loadAddOn({ now: NOW, calendar, properties, email: ME });
};

describe("a failed read", () => {
  test("gives the error card with the reason and a retry button, never an empty week", () => {
    const addOn = withSettings();
    addOn.calendar.failNext("list", new Error("API call to calendar.events.list failed with error: Backend Error"));
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("error");
    const text = texts(card).map(visible).join("\n");
    expect(text).toContain("Could not read your calendar: Google Calendar had a temporary problem. Try again.");
    expect(section(card, "Blank spots")).toBeUndefined();
    expect(text).not.toMatch(/0 min|blank spot/i);
    const retry = buttons(card).find((b) => b.text === "Try again")!;
    expect(retry.action.functionName).toBe("onShowWeek");
    expect(retry.action.parameters).toEqual({ weekOf: "2026-11-30" });

    // Retrying once Google answers shows the week.
    const res = response(addOn.call("onShowWeek", addOnEvent({ parameters: retry.action.parameters })));
    expect(cardName(res.card as Recorded)).toBe("week");
    expect(arg(arg(res.card as Recorded, "setHeader") as Recorded, "setTitle")).toBe("Next week · 30 Nov – 6 Dec");
  });

  test("a failure on a later page is still a failure, not a shorter week", () => {
    const addOn = withSettings();
    addOn.calendar.pageSize = 4;
    addOn.calendar.failNext("list", (args) => ((args[1] as { pageToken?: string }).pageToken ? new Error("API call to calendar.events.list failed with error: Rate Limit Exceeded") : null));
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("error");
    expect(texts(card).map(visible).join("\n")).toContain("Google is limiting requests right now. Wait a minute and try again.");
    expect(addOn.calendar.callsOf("Events.list").length).toBe(2);
  });

  test("a missing permission says so in words a seller can act on", () => {
    const addOn = withSettings();
    addOn.calendar.failNext("list", new Error("API call to calendar.events.list failed with error: Request had insufficient authentication scopes."));
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(texts(card).map(visible).join("\n")).toContain("the add-on is missing a permission");
  });

  test("a malformed event is an error naming it, not a week without it", () => {
    // Ends before it starts: the core refuses it rather than guess.
    const broken = calendarEvent({ id: "broken1", summary: "Broken", start: { dateTime: "2026-12-01T11:00:00-05:00" }, end: { dateTime: "2026-12-01T10:00:00-05:00" } });
    const addOn = withSettings(SETTINGS, [...EVENTS, broken]);
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("error");
    const text = texts(card).map(visible).join("\n");
    expect(text).toContain("One event on your calendar could not be read");
    expect(text).toContain("broken1");
  });

  test("an empty week is a week, not an error", () => {
    const addOn = withSettings(SETTINGS, []);
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("week");
    expect(texts(section(card, "Where the week goes")).map(visible).join("\n")).toContain("Working time 40 h · booked 0 min · 5 blank spots");
  });

  test("an unexpected exception becomes an error card, not Google's generic failure", () => {
    const addOn = withSettings();
    addOn.properties.getProperties = () => {
      throw new Error("Service unavailable: Properties");
    };
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("error");
    expect(texts(card).map(visible).join("\n")).toContain("Next Week hit an unexpected problem. Try again; if it keeps happening, tell your admin: Service unavailable: Properties");
  });
});

describe("invalid stored settings", () => {
  test("open the settings card with the field's message and what was stored", () => {
    const addOn = withSettings({ ...SETTINGS, targets: { painMinutesMax: -1 } });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("settings");
    const text = texts(card).map(visible).join("\n");
    expect(text).toContain("Your settings need attention: targets.painMinutesMax must be ≥ 0");
    // The stored values are in the form to fix.
    expect(text).toContain("Acme: acme.com");
    expect(text).toContain("-1");
    // Nothing was read from the calendar for a week that cannot be measured.
    expect(addOn.calendar.callsOf("Events.list")).toHaveLength(0);
  });

  test("damaged storage (a piece missing) also opens the settings card, with a plain message", () => {
    const calendar = new FakeCalendar(EVENTS);
    const properties = new FakeProperties();
    storeSettings(properties, SETTINGS);
    properties.data.delete("nextWeek.settings.g1.p0");
    const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).toBe("settings");
    expect(texts(card).map(visible).join("\n")).toContain("Your saved settings could not be read completely");
  });

  test("booking with invalid stored settings books nothing", () => {
    const addOn = withSettings({ ...SETTINGS, weekStartsOn: 9 });
    const res = response(
      addOn.call("onBookBlock", addOnEvent({ parameters: { key: "nw1-20261130T143000Z-90", start: "2026-11-30T09:30:00-05:00", end: "2026-11-30T11:00:00-05:00", weekOf: "2026-11-30" } })),
    );
    expect(addOn.calendar.callsOf("Events.insert")).toHaveLength(0);
    expect(cardName(res.card as Recorded)).toBe("settings");
    expect(texts(res.card).map(visible).join("\n")).toContain("weekStartsOn must be 1 (Monday) to 7 (Sunday)");
  });
});

describe("a hostile event title", () => {
  const hostile = `<b>x</b> <a href="https://evil.example/?q=1&r=2">click</a> <script>alert(1)</script>`;

  test("shows as typed: escaped for CardService's HTML subset, no markup of its own", () => {
    const event = calendarEvent({
      id: "hostile1",
      summary: hostile,
      start: { dateTime: "2026-12-01T15:00:00-05:00", timeZone: ZONE },
      end: { dateTime: "2026-12-01T16:00:00-05:00", timeZone: ZONE },
      attendees: [{ email: ME, self: true, responseStatus: "accepted" }, { email: "cfo@acme.com", responseStatus: "accepted" }],
    });
    const addOn = withSettings(SETTINGS, [...EVENTS, event]);
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    const raw = allText(card);
    expect(raw).toContain("&lt;b&gt;x&lt;/b&gt; &lt;a href=\"https://evil.example/?q=1&amp;r=2\"&gt;click&lt;/a&gt; &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(raw).not.toMatch(/<a[\s>]/i);
    expect(raw).not.toMatch(/<script/i);
    // `visible` throws on any tag we did not write; what the seller reads is the title as typed.
    const seen = texts(card).map(visible).join("\n");
    expect(seen).toContain(hostile);
  });

  test("a hostile decision-maker name from the settings is escaped too", () => {
    const settings = { ...SETTINGS, decisionMakers: [{ email: "cfo@acme.com", name: "<i>Dana</i>", title: "CFO & <u>owner</u>" }] };
    const addOn = withSettings(settings);
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    const seen = texts(card).map(visible).join("\n");
    expect(seen).toContain("<i>Dana</i>");
    expect(allText(card)).not.toContain("<i>Dana</i>");
  });
});
