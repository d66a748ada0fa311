import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { startPreview, type Preview } from "../../addon/node/dev/preview";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { cardModel } from "../../shared/view/cardModel";
import { normalizeGraphEvents } from "../../shared/normalize/graph";
import { planWeek } from "../../shared/plan/planWeek";
import { parseSettings } from "../../shared/settings/settings";
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

  // The same card the core computes for the sample week (Graph shape, as the fake serves it).
  const now = DateTime.now();
  const sample = sampleWeek(now);
  const settings = parseSettings(sample.settings);
  const events = normalizeGraphEvents(sample.graph, { zone: sample.zone, me: sample.me });
  if (!settings.ok || !events.ok) throw new Error("sample week does not parse");
  const card = cardModel(planWeek({ events: events.value, settings: settings.value, zone: sample.zone, now, week: sample.week, me: sample.me }));
  expect((await page.locator("h1").textContent())?.trim()).toBe(card.title);
  expect((await page.locator(".summary").textContent())?.trim()).toBe(card.summary);
  expect((await page.locator(".verdict").textContent())?.trim()).toBe(card.verdict);

  // Booking works in memory.
  if (card.suggested) {
    await page.locator(".suggested button").first().click();
    await page.waitForSelector("#status:has-text('Booked a prospecting block')");
  }
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  await context.close();
});
