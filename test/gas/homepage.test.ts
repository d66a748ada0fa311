/**
 * The built add-on's homepage, run in a vm with recording fakes: the week's numbers, blank spots
 * with booking buttons, breakdown, paging, first run, and the one list call per render.
 */
import { FakeCalendar } from "./fakes/calendar";
import { actions, allText, arg, buttons, cardName, descendants, response, section, sections, texts, visible, widgets } from "./fakes/cardQuery";
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
  test("shows the week and the zone in the header, then the verdict", () => {
    const { card } = homepage();
    const header = arg(card, "setHeader") as Recorded;
    expect(arg(header, "setTitle")).toBe(EXPECTED.title);
    expect(arg(header, "setSubtitle")).toBe("Times in America/New_York");
    expect(cardName(card)).toBe("week");
    // The first section is the verdict: the gaps in plain words.
    expect(visible(String(arg(widgets(sections(card)[0]!)[0]!, "setText")))).toBe("Book 2 h more with dream clients and 1 more decision-maker meeting.");
  });

  test("the sections follow the plan's order (spec §4)", () => {
    const { card } = homepage();
    const headers = sections(card).map((s) => arg(s, "setHeader")).filter((h): h is string => typeof h === "string");
    expect(headers).toEqual(["Score", "Who to meet", "Blank spots", "Last 8 weeks", "Where the week goes", "Counted as nothing", "Accounts you met in the last 8 weeks"]);
  });

  test("the score: one compact row each, sales meetings first, each with its met / not-met mark in symbol and words", () => {
    const { card } = homepage();
    const rows = widgets(section(card, "Score")!).map((w) => [visible(String(arg(w, "setTopLabel"))), visible(String(arg(w, "setText")))]);
    expect(rows).toEqual([
      ["Sales meetings · met", "✓ 3 of 3 sales meetings — your pipeline needs 3 a week"],
      ["Dream-client time · not met", "✗ 2 h of 4 h with dream clients"],
      ["Decision-maker meetings · not met", "✗ 2 of 3 decision-maker meetings"],
      ["Prospecting time · not met", "✗ 1 h of 2 h prospecting"],
    ]);
  });

  test("blank spots: the suggested block with the one primary button, then every spot compactly, each bookable", () => {
    const { card } = homepage();
    const spots = section(card, "Blank spots")!;
    const filled = buttons(spots).filter((b) => b.action.functionName === "onBookBlock");
    const primary = descendants(spots).filter((r) => r.kind === "TextButton" && arg(r, "setTextButtonStyle") === "TextButtonStyle.FILLED");
    expect(primary).toHaveLength(1);
    const first = filled[0]!;
    expect(first.text).toBe("Book prospecting block");
    expect(first.altText).toBe("Book a 1 h 30 min prospecting block on Mon 30 Nov at 09:30");
    expect(first.action.parameters).toMatchObject({ start: EXPECTED.suggested.start, end: EXPECTED.suggested.end, account: "", weekOf: "2026-11-30" });
    expect(visible(String(arg(widgets(spots)[0]!, "setText")))).toBe("Mon 30 Nov, 09:30–11:00 (1 h 30 min)");

    const rows = widgets(spots).filter((w) => w.kind === "DecoratedText" && arg(w, "setButton") !== undefined);
    expect(rows).toHaveLength(EXPECTED.spots.length);
    EXPECTED.spots.forEach((spot, i) => {
      const w = rows[i]!;
      expect(visible(String(arg(w, "setTopLabel")))).toBe(spot.day);
      expect(visible(String(arg(w, "setText")))).toBe(`${spot.time} · ${spot.duration}`);
      expect(String(arg(w, "setText")).startsWith("<b>")).toBe(spot.largest);
      const button = buttons(w)[0]!;
      expect(button.action.functionName).toBe("onBookBlock");
      expect(Object.keys(button.action.parameters).sort()).toEqual(["account", "end", "key", "start", "weekOf"]);
      expect(button.altText).toMatch(/^Book a .* prospecting block on /);
    });
  });

  test("every button label is short (at most 25 characters)", () => {
    const { card } = homepage();
    const labels = [...buttons(card), ...buttons(arg(card, "setFixedFooter"))].map((b) => b.text);
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(25);
  });

  test("the breakdown: each figure with a bar of working time, and opening it lists the meetings it counts", () => {
    const { card } = homepage();
    const rows = sections(card)
      .flatMap((s) => widgets(s))
      .filter((w): w is Recorded => w.kind === "DecoratedText" && Object.keys(EXPECTED.breakdown).includes(visible(String(arg(w, "setTopLabel")))));
    const shown = Object.fromEntries(rows.map((w) => [visible(String(arg(w, "setTopLabel"))), visible(String(arg(w, "setText")))]));
    expect(shown).toEqual(EXPECTED.breakdown);
    // Bars are shares of the 40 h of working time: 2 h and 1 h of 40 h both draw one block of 12.
    expect(visible(String(rows.find((w) => visible(String(arg(w, "setTopLabel"))) === "Dream clients")!.calls.find((c) => c.method === "setBottomLabel")!.args[0]))).toBe("█░░░░░░░░░░░");

    const dream = sections(card).find((s) => visible(String(arg(widgets(s)[0]!, "setTopLabel") ?? "")) === "Dream clients")!;
    expect(arg(dream, "setCollapsible")).toBe(true);
    expect(arg(dream, "setNumUncollapsibleWidgets")).toBe(1);
    const listed = visible(String(arg(widgets(dream)[1]!, "setText")));
    expect(listed).toContain("Tue 1 Dec 10:00–11:30 — Acme QBR");
    expect(listed).toContain("Tue 1 Dec 11:00–12:00 — Acme follow-up");
    expect(texts(section(card, "Where the week goes")).map(visible).join("\n")).toContain(EXPECTED.summary);
  });

  test("events that count as nothing are listed with the reason", () => {
    const { card } = homepage();
    const ignored = section(card, "Counted as nothing")!;
    const text = texts(ignored).map(visible).join("\n");
    for (const line of EXPECTED.ignored) expect(text).toContain(line);
  });

  test("the trend: the average and the targets, then one row a look-back week with its figures and text bars", () => {
    const { card } = homepage();
    const trend = section(card, "Last 8 weeks")!;
    expect(arg(trend, "setCollapsible")).toBe(true);
    const [summary, ...weeks] = widgets(trend);
    expect(visible(String(arg(summary!, "setText")))).toBe("On average 0 sales meetings and 0 min with dream clients a week\nTargets: 3 sales meetings and 4 h with dream clients a week");
    expect(weeks.map((w) => visible(String(arg(w, "setTopLabel"))))).toEqual(["5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov"]);
    // The figures are the row's text (what a screen reader reads first); the bars sit below them.
    expect(visible(String(arg(weeks[0]!, "setText")))).toBe("0 · 0 min");
    expect(visible(String(arg(weeks[0]!, "setBottomLabel")))).toBe("░░░░░░░░ ░░░░░░░░");
  });

  test("the fixed footer holds Settings (primary) and Other weeks, which opens the three weeks without reading the calendar", () => {
    const { addOn, card } = homepage();
    const footer = arg(card, "setFixedFooter") as Recorded;
    expect(footer.kind).toBe("FixedFooter");
    const primary = arg(footer, "setPrimaryButton") as Recorded;
    const secondary = arg(footer, "setSecondaryButton") as Recorded;
    expect(arg(primary, "setText")).toBe("Settings");
    expect(arg(primary, "setTextButtonStyle")).toBe("TextButtonStyle.FILLED");
    expect(actions(primary)[0]).toEqual({ functionName: "onOpenSettings", parameters: { weekOf: "2026-11-30" } });
    expect(arg(secondary, "setText")).toBe("Other weeks");
    expect(arg(secondary, "setTextButtonStyle")).toBe("TextButtonStyle.OUTLINED");
    const other = actions(secondary)[0]!;
    expect(other.functionName).toBe("onOtherWeeks");

    const lists = addOn.calendar.callsOf("Events.list").length;
    const res = response(addOn.call("onOtherWeeks", addOnEvent({ parameters: other.parameters })));
    expect(res.navigation).toEqual(["pushCard"]);
    expect(cardName(res.card as Recorded)).toBe("weeks");
    expect(arg(arg(res.card as Recorded, "setHeader") as Recorded, "setTitle")).toBe(EXPECTED.title);
    expect(buttons(res.card).map((b) => [b.text, b.action.functionName, b.action.parameters.weekOf, b.altText])).toEqual([
      ["◀ Earlier", "onShowWeek", "2026-11-23", "Show the week of 23 Nov"],
      ["Next week", "onShowWeek", "2026-11-30", "Show the week of 30 Nov"],
      ["Later ▶", "onShowWeek", "2026-12-07", "Show the week of 7 Dec"],
    ]);
    expect(addOn.calendar.callsOf("Events.list")).toHaveLength(lists);

    const later = response(addOn.call("onShowWeek", addOnEvent({ parameters: { weekOf: "2026-12-07" } })));
    expect(later.navigation).toEqual(["popToRoot", "updateCard"]);
    expect(arg(arg(later.card as Recorded, "setHeader") as Recorded, "setTitle")).toBe("Week · 7 Dec – 13 Dec");
  });

  test("reads the look-back weeks and the week with ONE Events.list call: primary calendar, recurring events expanded, timeMin the look-back's start", () => {
    const { addOn } = homepage();
    const lists = addOn.calendar.callsOf("Events.list");
    expect(lists).toHaveLength(1);
    const [calendarId, options] = lists[0]!.args as [string, Record<string, unknown>];
    expect(calendarId).toBe("primary");
    expect(options).toMatchObject({
      singleEvents: true,
      orderBy: "startTime",
      // Eight weeks before Mon 30 Nov: Mon 5 Oct, still daylight time in New York.
      timeMin: "2026-10-05T00:00:00.000-04:00",
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
    expect(texts(section(card, "Where the week goes")).map(visible).join("\n")).toContain(EXPECTED.summary);
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
    expect(arg(arg(card, "setHeader") as Recorded, "setSubtitle")).toBe("Times in Europe/London");
    // In London (+5 h from New York) the working day 09:00–17:00 holds: Mon standup 14:00–14:30 (30),
    // Tue QBR ∪ follow-up 15:00–17:00 (120), Thu Initech 14:00–16:00 (120) = 270 min; Globex (19:00),
    // the dentist (21:00), prospecting (18:00) and out of office (20:00) fall after work.
    // Blank spots: Mon 09:00–14:00, 14:30–17:00; Tue 09:00–15:00; Wed all day; Thu 09:00–14:00,
    // 16:00–17:00; Fri all day = 7.
    expect(texts(section(card, "Where the week goes")).map(visible).join("\n")).toContain("Working time 40 h · booked 4 h 30 min · 7 blank spots");
  });
});

describe("first run", () => {
  test("with nothing saved: the calendar's zone and first weekday, defaults, and the companies met offered as accounts", () => {
    const calendar = new FakeCalendar(EVENTS);
    calendar.zone = "America/New_York";
    calendar.weekStart = "1";
    const addOn = loadAddOn({ now: NOW, calendar, email: ME });
    // No zone in the event object (no script.locale): the calendar's setting is used.
    const card = addOn.call("onHomepage", addOnEvent({ zone: null })) as Recorded;
    expect(cardName(card)).toBe("week");
    expect(arg(arg(card, "setHeader") as Recorded, "setSubtitle")).toBe("Times in America/New_York");
    expect(arg(arg(card, "setHeader") as Recorded, "setTitle")).toBe(EXPECTED.title);
    expect(addOn.calendar.callsOf("Settings.list")).toHaveLength(1);
    // No accounts yet: nothing is dream-client time, and Who to meet says how to add accounts.
    expect(texts(section(card, "Score")).map(visible).join("\n")).toContain("0 min of 4 h");
    const first = section(card, "Accounts you met in the last 8 weeks")!;
    const domains = widgets(first).filter((w) => w.kind === "DecoratedText").map((w) => visible(String(arg(w, "setTopLabel"))));
    expect(domains).toEqual(expect.arrayContaining(["acme.com", "globex.com", "initech.com"]));
    const acme = buttons(first).filter((b) => b.action.parameters.domain === "acme.com");
    expect(acme.map((b) => [b.text, b.action.functionName, b.action.parameters.choice])).toEqual([
      ["Dream", "onChooseSuggestion", "dream"],
      ["A-list", "onChooseSuggestion", "a-list"],
      ["Pain", "onChooseSuggestion", "pain"],
      ["Not an account", "onChooseSuggestion", "not"],
    ]);
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
