/**
 * The plan's actions in the built add-on: a first-run suggestion saved in one click (through the
 * settings store), the outreach block it leads to booked once on two clicks, and a click for an
 * account no longer in the settings booking nothing.
 */
import { loadSettings } from "../../addon/gas/settingsStore";
import { FakeCalendar, type FakeEvent } from "./fakes/calendar";
import { arg, buttons, cardName, response, section, texts, visible, widgets, type ButtonInfo } from "./fakes/cardQuery";
import type { Recorded } from "./fakes/cardService";
import { addOnEvent, buildBundle, loadAddOn, type AddOn } from "./fakes/sandbox";
import { FakeProperties } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { calendarEvent, EVENTS, ME, NOW, SETTINGS, ZONE } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

/** A meeting with Hooli in the look-back only (Tue 10 Nov): a company met, not yet an account. */
const HOOLI = calendarEvent({
  id: "hooliintro",
  summary: "Hooli intro",
  start: { dateTime: "2026-11-10T10:00:00-05:00", timeZone: ZONE },
  end: { dateTime: "2026-11-10T11:00:00-05:00", timeZone: ZONE },
  attendees: [{ email: ME, self: true, responseStatus: "accepted" }, { email: "gavin@hooli.com", responseStatus: "accepted" }],
});

const setUp = () => {
  const calendar = new FakeCalendar([...EVENTS, HOOLI]);
  const properties = new FakeProperties();
  storeSettings(properties, SETTINGS);
  const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
  const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
  return { addOn, calendar, properties, card };
};

const click = (addOn: AddOn, b: ButtonInfo) => response(addOn.call(b.action.functionName, addOnEvent({ parameters: b.action.parameters })));

const ourBlocks = (calendar: FakeCalendar): FakeEvent[] =>
  [...calendar.events.values()].filter((e) => (e.extendedProperties as { private?: Record<string, string> } | undefined)?.private?.nextWeekBlock && e.status !== "cancelled");

const chooseHooliAsDream = () => {
  const s = setUp();
  const first = section(s.card, "Accounts you met in the last 8 weeks")!;
  const dream = buttons(first).find((b) => b.action.parameters.domain === "hooli.com" && b.text === "Dream")!;
  expect(dream.action.functionName).toBe("onChooseSuggestion");
  return { ...s, res: click(s.addOn, dream) };
};

describe("first run: a suggested company in one click", () => {
  test("Dream saves the account through the settings store, and the refreshed card shows it in Who to meet with its outreach block", () => {
    const { properties, res } = chooseHooliAsDream();
    const stored = loadSettings(properties);
    expect(stored.kind).toBe("ok");
    if (stored.kind !== "ok") return;
    expect(stored.settings.accounts).toContainEqual({ name: "Hooli", domains: ["hooli.com"], tier: "dream" });
    expect(res.notification).toBe("Settings saved.");
    expect(cardName(res.card as Recorded)).toBe("week");
    const who = section(res.card as Recorded, "Who to meet")!;
    const row = widgets(who).find((w) => visible(String(arg(w, "setText"))) === "Hooli")!;
    expect(visible(String(arg(row, "setTopLabel")))).toBe("Dream");
    expect(visible(String(arg(row, "setBottomLabel")))).toBe("last met 13 days ago · one contact · no decision-maker");
    const book = buttons(row)[0]!;
    expect(book.text).toBe("Book outreach block");
    expect(book.altText).toBe("Book a 1 h 30 min outreach block for Hooli on Mon 30 Nov at 09:30");
    expect(book.action.parameters).toMatchObject({ account: "Hooli", start: "2026-11-30T09:30:00-05:00", end: "2026-11-30T11:00:00-05:00", weekOf: "2026-11-30" });
    // Three tracked accounts now: the suggestions are gone.
    expect(section(res.card as Recorded, "Accounts you met in the last 8 weeks")).toBeUndefined();
  });

  test("Not an account remembers the domain and keeps the last good settings otherwise; an unreadable choice saves nothing", () => {
    const { addOn, properties, card } = setUp();
    const not = buttons(card).find((b) => b.action.parameters.domain === "hooli.com" && b.action.parameters.choice === "not")!;
    click(addOn, not);
    const stored = loadSettings(properties);
    expect(stored.kind === "ok" && stored.settings.notAccounts).toEqual(["hooli.com"]);
    const before = new Map(properties.data);
    const bad = click(addOn, { ...not, action: { ...not.action, parameters: { ...not.action.parameters, choice: "best friend" } } });
    expect(bad.notification).toBe("Not saved: that button could not be read.");
    expect(properties.data).toEqual(before);
  });
});

describe("the outreach block", () => {
  test("books once on two clicks: one event “Prospecting: Hooli” in the suggested spot; the second click says it is already there", () => {
    const { addOn, calendar, res } = chooseHooliAsDream();
    const book = buttons(section(res.card as Recorded, "Who to meet")).find((b) => b.action.parameters.account === "Hooli")!;
    const first = click(addOn, book);
    expect(first.notification).toBe("Booked: Prospecting: Hooli, Mon 30 Nov, 09:30–11:00 (1 h 30 min).");
    expect(first.stateChanged).toBe(true);
    const second = click(addOn, book);
    expect(second.notification).toBe("That block is already on your calendar (Mon 30 Nov, 09:30–11:00 (1 h 30 min)). Nothing new was booked.");
    expect(second.stateChanged).toBe(false);
    expect(calendar.callsOf("Events.insert")).toHaveLength(1);
    const blocks = ourBlocks(calendar);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ summary: "Prospecting: Hooli", start: { dateTime: "2026-11-30T09:30:00-05:00" } });
    // The block counts as prospecting: 1 h of calls + 1 h 30 min.
    expect(texts(second.card).map(visible).join("\n")).toContain("✓ 2 h 30 min of 2 h prospecting");
  });

  test("a click for an account that is not in the settings books nothing, with one message", () => {
    const { addOn, calendar, card } = setUp();
    const plain = buttons(section(card, "Blank spots")).find((b) => b.action.functionName === "onBookBlock")!;
    const res = click(addOn, { ...plain, action: { ...plain.action, parameters: { ...plain.action.parameters, account: "Nobody Inc" } } });
    const message = "\"Nobody Inc\" is no longer in your accounts, so nothing was booked. The week is shown again.";
    expect(calendar.callsOf("Events.insert")).toHaveLength(0);
    expect(ourBlocks(calendar)).toHaveLength(0);
    expect(res.notification).toBe(message);
    expect(res.stateChanged).toBe(false);
    expect(cardName(res.card as Recorded)).toBe("week");
    expect(texts(res.card).map(visible).filter((t) => t.includes("Nobody Inc"))).toEqual([message]);
  });
});
