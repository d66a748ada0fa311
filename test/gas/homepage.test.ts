/**
 * The built add-on's homepage, run in a vm with recording fakes: the week's numbers, blank spots
 * with booking buttons, breakdown, paging, first run, and the one list call per render.
 */
import { FakeCalendar } from "./fakes/calendar";
import { actions, allText, arg, buttons, cardName, section, sections, texts, visible, widgets } from "./fakes/cardQuery";
import type { Recorded } from "./fakes/cardService";
import { addOnEvent, buildBundle, loadAddOn } from "./fakes/sandbox";
import { FakeProperties } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { busyWeek } from "./fixtures/busyWeek";
import { EVENTS, EXPECTED, ME, NOW, SETTINGS } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

const setUp = (pageSize = 250) => {
  const calendar = new FakeCalendar(EVENTS);
  calendar.pageSize = pageSize;
  const properties = new FakeProperties();
  storeSettings(properties, SETTINGS);
  const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
  return addOn;
};

const homepage = (pageSize = 250) => {
  const addOn = setUp(pageSize);
  const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
  return { addOn, card };
};

describe("the homepage of a known week", () => {
  test("shows the week and the zone in the header", () => {
    const { card } = homepage();
    const header = arg(card, "setHeader") as Recorded;
    expect(arg(header, "setTitle")).toBe(EXPECTED.title);
    expect(arg(header, "setSubtitle")).toBe("America/New_York");
    expect(cardName(card)).toBe("week");
  });

  test("the score line gives dream-client time and decision-maker meetings against their targets", () => {
    const { card } = homepage();
    const score = section(card, "Score");
    expect(score).toBeDefined();
    const text = texts(score).map(visible).join("\n");
    expect(text).toContain("Dream-client time");
    expect(text).toContain(EXPECTED.dreamValue);
    expect(text).toContain("Decision-maker meetings");
    expect(text).toContain(EXPECTED.decisionMakerValue);
    expect(text).toContain(EXPECTED.decisionMakerVerdict);
    expect(text).toContain(EXPECTED.pipelineNote);
  });

  test("every blank spot is listed by day with a booking button, the largest highlighted", () => {
    const { card } = homepage();
    const spots = section(card, "Blank spots")!;
    const spotWidgets = widgets(spots).filter((w) => w.kind === "DecoratedText");
    expect(spotWidgets).toHaveLength(EXPECTED.spots.length);
    EXPECTED.spots.forEach((spot, i) => {
      const w = spotWidgets[i]!;
      expect(visible(String(arg(w, "setTopLabel")))).toBe(spot.largest ? `${spot.day} · largest blank spot` : spot.day);
      expect(visible(String(arg(w, "setText")))).toBe(`${spot.time} · ${spot.duration}`);
      expect(String(arg(w, "setText")).startsWith("<b>")).toBe(spot.largest);
      const button = buttons(w)[0]!;
      expect(button.text).toBe("Book prospecting block");
      expect(button.action.functionName).toBe("onBookBlock");
      expect(Object.keys(button.action.parameters).sort()).toEqual(["end", "key", "start", "weekOf"]);
    });
    // The first button is the suggested block: Mon 09:30–11:00.
    const suggested = buttons(spots)[0]!;
    expect(suggested.action.parameters.start).toBe(EXPECTED.suggested.start);
    expect(suggested.action.parameters.end).toBe(EXPECTED.suggested.end);
    expect(suggested.text).toBe("Book a 1 h 30 min prospecting block on Mon 30 Nov at 09:30");
  });

  test("the breakdown shows each figure, and opening it lists the meetings it counts", () => {
    const { card } = homepage();
    const rows = sections(card)
      .map((s) => widgets(s)[0])
      .filter((w): w is Recorded => w !== undefined && w.kind === "DecoratedText" && Object.keys(EXPECTED.breakdown).includes(visible(String(arg(w, "setTopLabel")))));
    const shown = Object.fromEntries(rows.map((w) => [visible(String(arg(w, "setTopLabel"))), visible(String(arg(w, "setText")))]));
    expect(shown).toEqual(EXPECTED.breakdown);

    const dream = sections(card).find((s) => visible(String(arg(widgets(s)[0]!, "setTopLabel") ?? "")) === "Dream clients")!;
    expect(arg(dream, "setCollapsible")).toBe(true);
    expect(arg(dream, "setNumUncollapsibleWidgets")).toBe(1);
    const listed = visible(String(arg(widgets(dream)[1]!, "setText")));
    expect(listed).toContain("Tue 1 Dec 10:00–11:30 — Acme QBR");
    expect(listed).toContain("Tue 1 Dec 11:00–12:00 — Acme follow-up");
    expect(listed).toMatch(/Acme/);
  });

  test("events that count as nothing are listed with the reason", () => {
    const { card } = homepage();
    const ignored = section(card, "Counted as nothing")!;
    const text = texts(ignored).map(visible).join("\n");
    for (const line of EXPECTED.ignored) expect(text).toContain(line);
  });

  test("goals and the week's summary", () => {
    const { card } = homepage();
    const text = texts(section(card, "Goals")).map(visible).join("\n");
    expect(text).toContain(EXPECTED.summary);
    expect(text).toContain("1 h of 2 h prospecting booked");
    expect(text).toContain("2 h with pain accounts, within the 3 h cap");
  });

  test("navigation goes to the previous week, this week and the week after", () => {
    const { card } = homepage();
    const nav = buttons(card).filter((b) => b.action.functionName === "onShowWeek");
    expect(nav.map((b) => [b.text, b.action.parameters.weekOf])).toEqual([
      ["◀ Previous", "2026-11-23"],
      ["This week", "2026-11-23"],
      ["Next ▶", "2026-12-07"],
    ]);
  });

  test("reads the calendar with one Events.list call, primary calendar, recurring events expanded, for exactly the week", () => {
    const { addOn } = homepage();
    const lists = addOn.calendar.callsOf("Events.list");
    expect(lists).toHaveLength(1);
    const [calendarId, options] = lists[0]!.args as [string, Record<string, unknown>];
    expect(calendarId).toBe("primary");
    expect(options).toMatchObject({
      singleEvents: true,
      orderBy: "startTime",
      timeMin: "2026-11-30T00:00:00.000-05:00",
      timeMax: "2026-12-07T00:00:00.000-05:00",
    });
    // Zone from the event object, settings stored: Calendar's settings are not read.
    expect(addOn.calendar.callsOf("Settings.list")).toHaveLength(0);
    expect(addOn.calendar.callsOf("Events.insert")).toHaveLength(0);
  });

  test("follows every page: small pages give the same card, one list call per page", () => {
    const whole = homepage().card;
    const { addOn, card } = homepage(3);
    const lists = addOn.calendar.callsOf("Events.list");
    // 11 live events overlap the week (the cancelled instance is not listed without showDeleted): pages of 3 → 4 calls.
    expect(lists).toHaveLength(4);
    const tokens = lists.map((c) => (c.args[1] as { pageToken?: string }).pageToken);
    expect(tokens[0]).toBeUndefined();
    expect(new Set(tokens.slice(1)).size).toBe(3);
    expect(allText(card)).toBe(allText(whole));
    const text = texts(section(card, "Goals")).map(visible).join("\n");
    expect(text).toContain(EXPECTED.summary);
  });

  test("a 1,500-event week is ONE query: its pages follow each other's tokens, and nothing else is listed", () => {
    const calendar = new FakeCalendar(busyWeek(1500));
    calendar.pageSize = 250;
    const properties = new FakeProperties();
    storeSettings(properties, SETTINGS);
    const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(cardName(card)).not.toBe("error");

    const lists = calendar.callsOf("Events.list").map((c) => c.args as [string, Record<string, unknown>]);
    const listed = calendar.listAnswers.reduce((n, a) => n + a.items, 0);
    // Every event of the read window, 250 a page, in exactly as many calls as pages.
    expect(listed).toBeGreaterThanOrEqual(1500);
    expect(lists).toHaveLength(Math.ceil(listed / 250));
    const query = ([calendarId, { pageToken: _token, ...rest }]: [string, Record<string, unknown>]) => JSON.stringify([calendarId, rest]);
    expect(new Set(lists.map(query)).size).toBe(1);
    lists.forEach(([, options], i) => expect(options.pageToken).toBe(i === 0 ? undefined : calendar.listAnswers[i - 1]!.nextPageToken));
    expect(calendar.listAnswers.at(-1)!.nextPageToken).toBeUndefined();
  });

  test("stays well inside CardService's widget limits", () => {
    const { card } = homepage();
    const count = sections(card).reduce((n, s) => n + widgets(s).length, 0);
    expect(count).toBeLessThan(100);
    for (const s of sections(card)) expect(widgets(s).length).toBeLessThan(100);
  });

  test("every action on the card names a global function of the script", () => {
    const { addOn, card } = homepage();
    const names = new Set(actions(card).map((a) => a.functionName));
    expect(names.size).toBeGreaterThan(1);
    for (const name of names) expect(typeof addOn.global(name)).toBe("function");
  });
});

describe("the user's zone, not the script's", () => {
  test("late on Sunday evening in New York (already Monday in UTC) next week is still the one starting tomorrow", () => {
    const calendar = new FakeCalendar(EVENTS);
    const properties = new FakeProperties();
    storeSettings(properties, SETTINGS);
    const addOn = loadAddOn({ now: "2026-11-30T03:00:00Z", calendar, properties, email: ME });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(arg(arg(card, "setHeader") as Recorded, "setTitle")).toBe(EXPECTED.title);
  });

  test("the zone in the settings wins over the calendar's", () => {
    const calendar = new FakeCalendar(EVENTS);
    const properties = new FakeProperties();
    storeSettings(properties, { ...SETTINGS, timeZone: "Europe/London" });
    const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(arg(arg(card, "setHeader") as Recorded, "setSubtitle")).toBe("Europe/London");
    // In London (+5 h from New York) the working day 09:00–17:00 holds: Mon standup 14:00–14:30 (30),
    // Tue QBR ∪ follow-up 15:00–17:00 (120), Thu Initech 14:00–16:00 (120) = 270 min; Globex (19:00),
    // the dentist (21:00), prospecting (18:00) and out of office (20:00) fall after work.
    // Blank spots: Mon 09:00–14:00, 14:30–17:00; Tue 09:00–15:00; Wed all day; Thu 09:00–14:00,
    // 16:00–17:00; Fri all day = 7.
    expect(texts(section(card, "Goals")).map(visible).join("\n")).toContain("Working time 40 h · booked 4 h 30 min · 7 blank spots");
  });
});

describe("first run", () => {
  test("with nothing saved: the calendar's zone and first weekday, defaults, and a prompt to set dream accounts", () => {
    const calendar = new FakeCalendar(EVENTS);
    calendar.zone = "America/New_York";
    calendar.weekStart = "1";
    const addOn = loadAddOn({ now: NOW, calendar, email: ME });
    // No zone in the event object (no script.locale): the calendar's setting is used.
    const card = addOn.call("onHomepage", addOnEvent({ zone: null })) as Recorded;
    expect(cardName(card)).toBe("week");
    expect(arg(arg(card, "setHeader") as Recorded, "setSubtitle")).toBe("America/New_York");
    expect(arg(arg(card, "setHeader") as Recorded, "setTitle")).toBe(EXPECTED.title);
    const prompt = buttons(card).find((b) => b.text === "Set your dream accounts");
    expect(prompt?.action.functionName).toBe("onOpenSettings");
    expect(addOn.calendar.callsOf("Settings.list")).toHaveLength(1);
    // No accounts yet: nothing is dream-client time.
    expect(texts(section(card, "Score")).map(visible).join("\n")).toContain("0 min of 4 h");
  });

  test("a calendar whose week starts on Sunday starts the week on Sunday", () => {
    const calendar = new FakeCalendar(EVENTS);
    calendar.weekStart = "0";
    const addOn = loadAddOn({ now: NOW, calendar, email: ME });
    const card = addOn.call("onHomepage", addOnEvent()) as Recorded;
    expect(arg(arg(card, "setHeader") as Recorded, "setTitle")).toBe("Next week · 29 Nov – 5 Dec");
  });

  test("the calendar's settings are read once and then come from the user cache", () => {
    const calendar = new FakeCalendar(EVENTS);
    const addOn = loadAddOn({ now: NOW, calendar, email: ME });
    addOn.call("onHomepage", addOnEvent({ zone: null }));
    addOn.call("onHomepage", addOnEvent({ zone: null }));
    expect(calendar.callsOf("Settings.list")).toHaveLength(1);
  });
});
