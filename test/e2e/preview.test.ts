import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { startPreview, type Preview } from "../../addon/node/dev/preview";
import { getDomain } from "tldts-icann";
import { sampleGraphEvents } from "../../addon/node/dev/sampleGraph";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { normalizeGraphEvents, ok, parseSettings, prepareWeek, weekScreen } from "../../shared";
import { launch } from "./harness";

let browser: Browser;
let preview: Preview;

beforeAll(async () => {
  preview = await startPreview({ port: 0 });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

test("npm start's preview shows the task pane on the bundled sample week, with no Outlook and no account", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(preview.url.replace("localhost", "127.0.0.1")) && !r.url().startsWith(preview.url)) outside.push(r.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(preview.url.replace("localhost", "127.0.0.1"));
  // Served with a Content-Security-Policy (own origin only) and nosniff, and nothing it needs is refused.
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self';/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  await page.waitForSelector('#app[data-screen="card"]', { timeout: 15000 });
  expect(await page.locator("#preview-banner").isVisible()).toBe(true);

  // The same card the core's flow gives for the sample week (Graph shape, as the fake serves it).
  const now = DateTime.now();
  const sample = sampleWeek(now);
  const settings = parseSettings(sample.settings);
  if (!settings.ok) throw new Error("sample settings do not parse");
  const prepared = prepareWeek({ settings: settings.value, calendarZone: sample.zone, now });
  const screen = weekScreen(ok(sampleGraphEvents(sample)), normalizeGraphEvents, prepared, { me: sample.me, registrableDomain: (host) => getDomain(host) });
  if (screen.kind !== "card") throw new Error(screen.error.message);
  const card = screen.card;
  expect((await page.locator("h1").textContent())?.trim()).toBe(card.title);
  expect((await page.locator(".week-summary").textContent())?.trim()).toBe(card.weekSummary);
  expect((await page.locator(".verdict").textContent())?.trim()).toBe(card.verdict);
  expect(await page.locator(".score").count()).toBe(card.score.length);

  // Booking works in memory.
  if (card.spots.primary) {
    await page.locator(".primary-block button").first().click();
    await page.waitForSelector(`#status:has-text('Booked: ${card.spots.primary.title}')`);
  }
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  await context.close();
});
