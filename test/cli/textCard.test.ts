// The terminal card (addon/node/renderText.ts): spec §4 in its order, 80 columns measured in code
// points whatever a calendar holds, the first screen (24 lines) answering "am I on track and what
// do I do", every word from the CardView (the deprecated fields are not read), and the sample
// week's look-back showing who to meet, the trend and, with empty settings, the suggestions.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { cli } from "./runCli";
import { renderText } from "../../addon/node/renderText";
import { sampleCardText } from "../../addon/node/sampleCard";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { type CardView, normalizeGoogleEvents, parseSettings, planScreen, prepareWeek } from "../../shared";

const dir = mkdtempSync(join(tmpdir(), "next-week-card-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const codePoints = (line: string) => Array.from(line).length;
const tooWide = (text: string) => text.split("\n").filter((line) => codePoints(line) > 80);

const NOW = "2026-11-23T12:00:00-05:00";
const sample = sampleWeek(DateTime.fromISO(NOW, { setZone: true }));
const windowFile = file("window.json", { kind: "calendar#events", timeZone: "America/New_York", items: sample.window.google });
const settings = file("settings.json", sample.settings);
const common = ["--week", "2026-11-30", "--now", NOW, "--me", sample.me];

/** The sample's card as the core builds it (the same flow as analyze). */
const sampleCard = (): CardView => {
  const parsed = parseSettings(sample.settings);
  if (!parsed.ok) throw parsed.error;
  const prepared = prepareWeek({ settings: parsed.value, calendarZone: sample.zone, now: DateTime.fromISO(NOW, { setZone: true }), weekOf: "2026-11-30" });
  const events = normalizeGoogleEvents(sample.window.google, { zone: prepared.zone, me: sample.me });
  if (!events.ok) throw events.error;
  const screen = planScreen(events.value, prepared, { me: sample.me });
  if (screen.kind !== "card") throw screen.cause;
  return screen.card;
};

describe("the terminal card of the sample week (eight look-back weeks and the week)", () => {
  const r = cli("analyze", "--google", windowFile, "--settings", settings, ...common);
  const lines = r.out.split("\n");
  const card = sampleCard();

  test("prints in spec §4 order: header, verdict, score, who to meet, blank spots, trend, breakdown, counted as nothing, navigation last", () => {
    expect(r.code).toBe(0);
    expect(lines[0]).toMatch(/^Next week · 30 Nov – 6 Dec {3,}Times in America\/New_York$/);
    expect(lines[1]).toBe(card.verdict);
    const at = (heading: string) => lines.indexOf(heading);
    const order = [card.headings.score, card.headings.whoToMeet, card.headings.spots, card.headings.trend, card.headings.breakdown, card.headings.ignored].map(at);
    expect(order.every((i) => i > 1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines.at(-1)).toBe("Other weeks: --week 2026-11-23 · --week 2026-12-07");
  });

  test("the first screen (24 lines) holds the verdict, the sales-meetings score row and the primary block", () => {
    const first = lines.slice(0, 24).join("\n");
    expect(first).toContain(card.verdict);
    expect(first).toContain("✓ ████████████ 4 of 3 sales meetings — your pipeline needs 3 a week");
    expect(first).toContain("→ Book prospecting block: Mon 30 Nov, 11:00–12:30 (1 h 30 min)");
    expect(first).toContain(card.headings.whoToMeet);
  });

  test("who to meet: the cold dream account first, then the A-list account due, and the outreach block", () => {
    const who = lines.slice(lines.indexOf("Who to meet"), lines.indexOf("Blank spots")).join("\n");
    expect(who).toMatch(/ {2}Hooli +Dream +cold +not met in 8 weeks\n {2}Vandelay +A-list +due +last met 26 days ago · one contact · no\n +decision-maker/);
    expect(who).toContain("→ Book outreach block: Mon 30 Nov, 11:00–12:30 (1 h 30 min)\n    Prospecting: Hooli");
  });

  test("the trend: eight weeks as text bars with the score's labels, the targets and the average", () => {
    const trend = lines.slice(lines.indexOf("Last 8 weeks"), lines.indexOf("Where the week goes"));
    expect(trend[1]).toMatch(/^ {10}Sales meetings +Dream-client time$/);
    expect(trend.filter((l) => /^ {2}\d{1,2} [A-Z][a-z]{2} +[█░]{12} +\d/.test(l))).toHaveLength(8);
    expect(trend[2]).toMatch(/^ {2}5 Oct {3}████░░░░░░░░ 1 {6}███░░░░░░░░░ 1 h$/);
    expect(trend).toContain("  Targets: 3 sales meetings and 4 h with dream clients a week");
    expect(trend.some((l) => l.startsWith("  On average "))).toBe(true);
  });

  test("the breakdown explains each figure: bars scaled to working time, each meeting with what matched", () => {
    expect(r.out).toContain("  Working time 40 h · booked 17 h 15 min · 8 blank spots");
    expect(r.out).toMatch(/ {2}Dream clients +█+░+ {2}2 h 45 min\n {4}Mon 30 Nov 10:00–11:00 {2}Acme: discovery call with Dana\n {8}— Acme \(dream account\): dana\.ruiz@acme\.com/);
    expect(r.out).toContain("  Tue 1 Dec  15:00–16:00  Vendor webinar: CRM tips — declined by you");
    const brief = cli("analyze", "--google", windowFile, "--settings", settings, ...common, "--brief");
    expect(brief.out).not.toContain("Acme: discovery call with Dana");
    expect(brief.out).toContain("Vendor webinar: CRM tips — declined by you");
  });

  test("a pain cap exceeded adds its score row, marked, with \"!\" after its bar and the breakdown's", () => {
    const capped = file("capped.json", { ...sample.settings, targets: { ...sample.settings.targets, painMinutesMax: 60 } });
    const out = cli("analyze", "--google", windowFile, "--settings", capped, ...common).out;
    expect(out).toContain("  ✗ ████████████ ! 2 h with pain accounts — over the 1 h cap");
    expect(out).toMatch(/\n {2}Pain accounts {5}█░{19} ! {2}2 h \(cap 1 h\)\n/);
  });

  test("every line fits 80 columns", () => {
    expect(tooWide(r.out)).toEqual([]);
  });

  test("--json prints the core's measures, the look-back included", () => {
    const json = JSON.parse(cli("analyze", "--google", windowFile, "--settings", settings, ...common, "--json").out);
    expect(json.minutes).toEqual({ dreamClient: 165, aList: 60, pain: 120, decisionMaker: 165, internal: 150, prospecting: 60, outOfOffice: 1440 });
    expect(json.meetings).toEqual({ dreamClient: 3, decisionMaker: 3, sales: 4 });
    expect(json.history).toHaveLength(8);
    expect(json.history.map((h: { salesMeetings: number }) => h.salesMeetings)).toEqual([1, 3, 1, 3, 2, 3, 2, 3]);
    expect(json.accounts.map((a: { name: string; status: string }) => `${a.name} ${a.status}`)).toEqual(["Acme booked", "Globex booked", "Initech booked", "Hooli cold", "Vandelay due"]);
  });
});

describe("the terminal card with empty settings: the first run", () => {
  const r = cli("analyze", "--google", windowFile, ...common);

  test("lists the companies met most, free mail never, and points to next-week init", () => {
    expect(r.code).toBe(0);
    const start = r.out.indexOf("Accounts you met in the last 8 weeks");
    expect(start).toBeGreaterThan(0);
    const firstRun = r.out.slice(start);
    // Ranked by time together: the pain account's weekly sync first; Stark across two subdomains is one company.
    expect(firstRun).toMatch(/\n {2}Umbrella Corp +umbrella-corp\.com +10 meetings · 10 h · 2 contacts\n {2}Acme +acme\.com +7 meetings · /);
    expect(firstRun).toMatch(/\n {2}Stark +stark\.co\.uk +3 meetings · 2 h · 2 contacts\n/);
    expect(firstRun).toMatch(/\n {2}Wayne Enterpr… wayne-enterprises\.com +2 meetings · 2 h · 2 contacts\n/);
    expect(firstRun).not.toContain("gmail");
    expect(firstRun).toContain("Dream / A-list / Pain / Not an account: choose with next-week init");
    expect(r.out).toContain("Add your dream and A-list accounts in Settings to see whom to meet.");
    expect(tooWide(r.out)).toEqual([]);
  });

  test("the first screen still holds the verdict, the sales-meetings row and the primary block", () => {
    const first = r.out.split("\n").slice(0, 24).join("\n");
    expect(first).toMatch(/sales meetings — your pipeline needs|of \d+ sales meetings/);
    expect(first).toContain("→ Book prospecting block: ");
  });
});

describe("80 columns whatever the calendar holds", () => {
  const hostile = `Acme \u001b[2J\u001b]0;pwned\u0007 call\r\nwith\u202e Dana ${"🎉é".repeat(60)} ${"x".repeat(150)}`;
  const longName = `Acme ${"Incorporated ".repeat(14)}`.trim();

  test("a 300-character title with escapes, line breaks, bidi marks and emoji, and a 180-character account name", () => {
    expect(codePoints(hostile)).toBeGreaterThan(300);
    const week = sample.google.map((e) => (e.id === "acme_discovery" || e.id === "vendor_webinar" ? { ...e, summary: hostile } : e));
    const events = file("hostile.json", [...sample.lookBack.google, ...week]);
    const s = file("hostile-settings.json", { ...sample.settings, accounts: [...sample.settings.accounts!, { name: longName, domains: ["acme-inc.example"], tier: "dream" }] });
    const r = cli("analyze", "--google", events, "--settings", s, ...common);
    expect(r.code).toBe(0);
    expect(tooWide(r.out)).toEqual([]);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain("Acme [2J ]0;pwned call with Dana 🎉é");
    expect(r.out).toMatch(/\n {2}Acme Incorporat… Dream +cold +not met in 8 weeks\n/);
  });

  test("the card npm start prints, with the sample's settings and with empty settings", () => {
    const now = DateTime.fromISO(NOW, { setZone: true });
    for (const text of [sampleCardText(now), sampleCardText(now, {})]) {
      if (!text.ok) throw text.error;
      expect(tooWide(text.value)).toEqual([]);
    }
  });

  test("npm start's card shows who to meet and the trend, and with empty settings the suggestions", () => {
    const now = DateTime.fromISO(NOW, { setZone: true });
    const own = sampleCardText(now);
    const empty = sampleCardText(now, {});
    if (!own.ok || !empty.ok) throw new Error("the sample does not parse");
    expect(own.value).toMatch(/Hooli +Dream +cold/);
    expect(own.value).toMatch(/Vandelay +A-list +due/);
    expect(own.value).toContain("Last 8 weeks");
    expect(empty.value).toContain("Accounts you met in the last 8 weeks");
    expect(empty.value).toContain("stark.co.uk");
  });
});
