import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { SETTINGS_KEY } from "../../addon/outlook/roamingSettingsStore";
import { parseSettings } from "../../shared/settings";
import { startFakeGraph, FAULTS, type FakeGraph } from "../outlook/fakeGraph";
import { EVENTS, HOSTILE_TITLE, KNOWN_WEEK_EXPECTED as X, MAILBOX_SETTINGS, ME, NOW_ISO, SETTINGS } from "../outlook/fixtures/knownWeek";
import { buildTaskPane, launch, openPane, serveFolder, waitForScreen, OUTDIR, ROOT, TEST_CLIENT_ID, type Pane } from "./harness";

const TOKEN = "e2e-access-token";
const settings = (() => {
  const s = parseSettings(SETTINGS);
  if (!s.ok) throw s.error;
  return s.value;
})();

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let fake: FakeGraph;
const panes: Pane[] = [];

beforeAll(async () => {
  await buildTaskPane();
  site = await serveFolder(OUTDIR);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  fake = await startFakeGraph({ events: EVENTS, mailboxSettings: MAILBOX_SETTINGS, token: TOKEN, pageSize: 5 });
});
afterEach(async () => {
  for (const pane of panes.splice(0)) await pane.context.close();
  await fake.close();
});

const open = async (roaming: Record<string, unknown> = { [SETTINGS_KEY]: settings }) => {
  const pane = await openPane(browser, { site: site.url, fake, now: NOW_ISO, office: { me: ME, roaming, accessToken: TOKEN } });
  panes.push(pane);
  return pane;
};
const posts = () => fake.requests.filter((r) => r.method === "POST");

test("the card shows the spec's numbers for the known week", async () => {
  const { page, blocked } = await open();
  await waitForScreen(page, "card");
  await expectText(page, "h1", X.title);
  await expectText(page, ".zone", `Time zone: ${X.timeZone}`);
  await expectText(page, '[data-score="dreamClientMinutes"] .score-value', X.dreamValue);
  await expectText(page, '[data-score="decisionMakerMeetings"] .score-value', X.decisionMakerValue);
  await expectText(page, '[data-score="decisionMakerMeetings"] .score-verdict', X.decisionMakerVerdict);
  await expectText(page, '[data-score="decisionMakerMeetings"] .score-note', X.pipelineNote);
  await expectText(page, ".summary", X.summary);
  for (const [row, value] of Object.entries(X.breakdown)) await expectText(page, `[data-row="${row}"] .row-value`, value);
  expect(await page.locator(".spot").count()).toBe(X.spotCount);
  const largest = page.locator(".spot-largest");
  expect(await largest.locator(".spot-time").textContent()).toBe(X.largestSpot.time);
  expect(await page.locator(".suggested button").getAttribute("data-book-key")).toBe(X.suggestedKey);
  // Signed in through the nested app authentication bridge with the two scopes only.
  const calls = await page.evaluate(() => (window as unknown as { __naaCalls: { method: string; scope?: string; clientId?: string }[] }).__naaCalls);
  expect(calls.map((c) => c.method)).toContain("GetInitContext");
  const token = calls.find((c) => c.method === "GetToken");
  expect(token?.scope?.split(" ").sort()).toEqual(["Calendars.ReadWrite", "MailboxSettings.Read"]);
  expect(token?.clientId).toBe(TEST_CLIENT_ID);
  expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  // Paging went through nextLink (5 a page, 12 events).
  expect(fake.requests.filter((r) => r.path === "/v1.0/me/calendarView")).toHaveLength(3);
  expect(blocked).toEqual([]);
  await page.locator('[data-row="dreamClient"] summary').click();
  await page.screenshot({ path: join(ROOT, "test/e2e/screenshots/taskpane.png"), fullPage: true });
});

const expectText = async (page: Pane["page"], selector: string, text: string) => {
  expect((await page.locator(selector).first().textContent())?.trim()).toBe(text);
};

void readFileSync;
