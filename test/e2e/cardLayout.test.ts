/**
 * The card as a plan in the built task pane, in Chromium at the widths Outlook gives a task
 * pane (320 and 450 px): no sideways scrolling, the verdict and the one primary booking button
 * on the first screen, axe-core clean, screenshots written to docs/screenshots; first-run
 * choices saved and the card redrawn; outreach blocks booked once under their own title; and a
 * public suffix list chunk that fails to load still gives the card.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { SETTINGS_KEY } from "../../addon/outlook/roamingSettingsStore";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { parseSettings, type Settings } from "../../shared/settings/settings";
import { startFakeGraph, type FakeGraph } from "../../addon/node/dev/fakeGraphServer";
import { sampleGraphEvents } from "../../addon/node/dev/sampleGraph";
import { MAILBOX_SETTINGS, NOW_ISO } from "../outlook/fixtures/knownWeek";
import { builtChunks, buildTaskPane, launch, openPane, serveFolder, waitForScreen, ROOT, type Pane } from "./harness";

const OUT = join(ROOT, "test/e2e/output/outlook-layout");
const SCREENSHOTS = join(ROOT, "docs/screenshots");
const TOKEN = "layout-token";
const sample = sampleWeek(DateTime.fromISO(NOW_ISO, { setZone: true }));
const sampleSettings: Settings = (() => {
  const parsed = parseSettings(sample.settings);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
})();

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let fake: FakeGraph;
const panes: Pane[] = [];

beforeAll(async () => {
  await buildTaskPane(OUT);
  site = await serveFolder(OUT);
  browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  fake = await startFakeGraph({ events: sampleGraphEvents(sample), mailboxSettings: MAILBOX_SETTINGS, token: TOKEN, pageSize: 25 });
});
afterEach(async () => {
  for (const pane of panes.splice(0)) await pane.close();
  await fake.close();
});

const open = async (options: { width?: number; settings?: Settings | null; refuse?: (url: string) => boolean } = {}) => {
  const roaming = options.settings === null ? {} : { [SETTINGS_KEY]: options.settings ?? sampleSettings };
  const pane = await openPane(browser, {
    site: site.url,
    fake,
    now: NOW_ISO,
    office: { me: sample.me, roaming, accessToken: TOKEN },
    viewport: { width: options.width ?? 320, height: 900 },
    ...(options.refuse ? { refuse: options.refuse } : {}),
  });
  panes.push(pane);
  await waitForScreen(pane.page, "card");
  return pane;
};
const posts = () => fake.requests.filter((r) => r.method === "POST");

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
/** Serious and critical axe-core violations (WCAG 2.0–2.2 A and AA, best practice) on what the page shows now. */
const axeProblems = async (page: Pane["page"]) => {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
  });
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

/** Elements wider than the page, by selector-ish name (to say what scrolls sideways). */
const overflow = (page: Pane["page"]) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>("#app *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });

/** Whether the element is wholly inside the first screen (no scrolling). */
const onFirstScreen = (page: Pane["page"], selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= document.documentElement.clientWidth && r.height > 0;
  });

test.each([320, 450])("at %i × 900 the card has no sideways scroll, is axe-clean, and its screenshot is written", async (width) => {
  const { page } = await open({ width });
  // Open every breakdown row: the widest content the card can show.
  await page.locator(".rows details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const o = await overflow(page);
  expect(o.wide).toEqual([]);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
  expect(await axeProblems(page)).toEqual([]);
  await page.locator(".rows details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = false)));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `outlook-${width}.png`), fullPage: true });
});

test("at 320 × 900 the toolbar, the verdict and the one primary booking button are on the first screen", async () => {
  const { page } = await open({ width: 320 });
  expect(await onFirstScreen(page, ".toolbar [data-nav=previous]")).toBe(true);
  expect(await onFirstScreen(page, ".toolbar [data-action=settings]")).toBe(true);
  expect(await onFirstScreen(page, ".verdict")).toBe(true);
  expect(await page.locator(".button-primary").count()).toBe(1);
  expect(await onFirstScreen(page, ".primary-block .button-primary")).toBe(true);
});

test("at 450 px no day column wraps in the blank spots, and each spot row is one line", async () => {
  const { page } = await open({ width: 450 });
  const rows = await page.locator(".spot").evaluateAll((els) =>
    els.map((el) => {
      const day = el.querySelector(".spot-day") as HTMLElement;
      const line = parseFloat(getComputedStyle(day).lineHeight);
      return { dayHeight: day.getBoundingClientRect().height, line, rowHeight: el.getBoundingClientRect().height };
    }),
  );
  expect(rows.length).toBeGreaterThan(3);
  for (const r of rows) {
    expect(r.dayHeight).toBeLessThanOrEqual(r.line + 1);
    expect(r.rowHeight).toBeLessThan(2 * r.line + 8); // one line of text (the small button is 24 px)
  }
});

test("a status message sits in the page's flow: it never covers the card or a form", async () => {
  const { page } = await open({ width: 320 });
  await page.locator(".spots .spot button").first().click();
  await page.waitForSelector("#status:has-text('Booked: Prospecting block')");
  const placement = await page.evaluate(() => {
    const status = document.getElementById("status") as HTMLElement;
    const app = document.getElementById("app") as HTMLElement;
    return { position: getComputedStyle(status).position, statusBottom: status.getBoundingClientRect().bottom, appTop: app.getBoundingClientRect().top };
  });
  expect(placement.position).toBe("static");
  expect(placement.statusBottom).toBeLessThanOrEqual(placement.appTop);
});

test("the toolbar moves between weeks with the core's navigation and opens Settings", async () => {
  const { page } = await open();
  const title = await page.locator("h1").textContent();
  await page.locator("[data-nav=next]").click();
  await page.waitForFunction((before) => document.querySelector("#app[data-screen=card] h1")?.textContent !== before, title);
  expect(await page.locator("h1").textContent()).toMatch(/^Week · /);
  await page.locator("[data-nav=home]").click();
  await page.waitForFunction((before) => document.querySelector("#app[data-screen=card] h1")?.textContent === before, title);
  expect(await page.locator("[data-nav=home]").getAttribute("aria-current")).toBe("date");
  await page.locator("[data-action=settings]").click();
  await waitForScreen(page, "settings");
});

test("who to meet: 'Book outreach block' writes 'Prospecting: <account>' once on two clicks (transactionId)", async () => {
  const { page } = await open();
  const row = page.locator(".who").first();
  const account = await row.getAttribute("data-account");
  expect(account).toBeTruthy();
  const button = row.locator("button");
  expect((await button.textContent())?.trim()).toBe("Book outreach block");
  const key = await button.getAttribute("data-book-key");
  await button.dblclick();
  await page.waitForSelector(`#status:has-text('Booked: Prospecting: ${account}')`);
  expect(posts()).toHaveLength(1);
  expect(posts()[0]?.body).toMatchObject({ subject: `Prospecting: ${account}`, transactionId: key, showAs: "busy" });
  // The redrawn card: the block counts as prospecting, so its spot is no longer offered.
  expect(await page.locator(`[data-book-key="${key}"]`).count()).toBe(0);
});

test("first run: a choice for a suggested company is saved through the roaming settings and the card is redrawn", async () => {
  const { page } = await open({ settings: null });
  const first = page.locator(".suggestion").first();
  const domain = await first.getAttribute("data-domain");
  expect(domain).toBeTruthy();
  expect(await first.locator("button").allTextContents()).toEqual(["Dream", "A-list", "Pain", "Not an account"]);
  await first.locator("[data-choice=dream]").click();
  await page.waitForSelector("#status:has-text('Settings saved.')");
  await waitForScreen(page, "card");
  expect(await page.locator(`.suggestion[data-domain="${domain}"]`).count()).toBe(0);
  const saves = await page.evaluate(() => (window as unknown as { __roamingSaves: Record<string, { accounts: { domains: string[]; tier: string }[] }>[] }).__roamingSaves);
  expect(saves).toHaveLength(1);
  expect(saves[0]?.[SETTINGS_KEY]?.accounts).toEqual([expect.objectContaining({ domains: [domain], tier: "dream" })]);
  // The keyboard stays with the suggestions.
  expect(await page.evaluate(() => document.activeElement?.closest('[data-section="first-run"]') !== null)).toBe(true);
  // "Not an account" is remembered too, and the company leaves the list.
  const next = await page.locator(".suggestion").first().getAttribute("data-domain");
  await page.locator(".suggestion").first().locator("[data-choice=not]").click();
  await page.waitForFunction((d) => !document.querySelector(`.suggestion[data-domain="${d}"]`) && document.querySelector("#app")?.getAttribute("data-screen") === "card", next);
  const last = await page.evaluate(() => (window as unknown as { __roamingSaves: Record<string, { notAccounts: string[] }>[] }).__roamingSaves.at(-1));
  expect(last?.[SETTINGS_KEY]?.notAccounts).toContain(next);
});

test("a public suffix list chunk that fails to load still draws the card (the core's compact rule)", async () => {
  const { tldtsChunk } = builtChunks(OUT);
  expect(tldtsChunk).toMatch(/^chunks\//);
  const refused: string[] = [];
  const { page } = await open({ settings: null, refuse: (url) => url.endsWith(`/${tldtsChunk}`) && refused.push(url) > 0 });
  expect(refused).toHaveLength(1);
  expect(await page.locator(".verdict").isVisible()).toBe(true);
  expect(await page.locator(".suggestion").count()).toBeGreaterThan(0);
});
