import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { SETTINGS_KEY } from "../../addon/outlook/roamingSettingsStore";
import { parseSettings } from "../../shared/settings/settings";
import { startFakeGraph, FAULTS, type FakeGraph } from "../../addon/node/dev/fakeGraphServer";
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
  for (const pane of panes.splice(0)) await pane.close();
  await fake.close();
});

const open = async (roaming: Record<string, unknown> = { [SETTINGS_KEY]: settings }, holdGraph?: (url: string) => boolean) => {
  const pane = await openPane(browser, { site: site.url, fake, now: NOW_ISO, office: { me: ME, roaming, accessToken: TOKEN }, ...(holdGraph ? { holdGraph } : {}) });
  panes.push(pane);
  return pane;
};
open.lastPane = (): Pane => {
  const pane = panes[panes.length - 1];
  if (!pane) throw new Error("no pane open");
  return pane;
};
const posts = () => fake.requests.filter((r) => r.method === "POST");

test("the card shows the spec's numbers for the known week", async () => {
  const { page, blocked } = await open();
  await waitForScreen(page, "card");
  await expectText(page, "h1", X.title);
  await expectText(page, ".zone", X.zoneLabel);
  await expectText(page, '[data-score="dreamClientMinutes"] .score-text', X.dreamText);
  await expectText(page, '[data-score="dreamClientMinutes"] .mark', "✗not met");
  await expectText(page, '[data-score="decisionMakerMeetings"] .score-text', X.decisionMakerText);
  await expectText(page, '[data-score="prospectingMinutes"] .score-text', X.prospectingText);
  await expectText(page, ".week-summary", X.summary);
  for (const [row, value] of Object.entries(X.breakdown)) await expectText(page, `[data-row="${row}"] .row-value`, value);
  expect(await page.locator(".spot").count()).toBe(X.spotCount);
  const largest = page.locator(".spot-largest");
  expect(await largest.locator(".spot-day").textContent()).toBe(X.largestSpot.day);
  expect(await largest.locator(".spot-time").textContent()).toBe(X.largestSpot.time);
  // One primary button: the suggested block.
  expect(await page.locator("#app .button-primary").count()).toBe(1);
  expect(await page.locator(".primary-block button").getAttribute("data-book-key")).toBe(X.suggestedKey);
  // Signed in through the nested app authentication bridge with the two scopes only.
  const calls = await page.evaluate(() => (window as unknown as { __naaCalls: { method: string; scope?: string; clientId?: string }[] }).__naaCalls);
  expect(calls.map((c) => c.method)).toContain("GetInitContext");
  const token = calls.find((c) => c.method === "GetToken");
  expect(token?.scope?.split(" ").sort()).toEqual(["Calendars.ReadWrite", "MailboxSettings.Read"]);
  expect(token?.clientId).toBe(TEST_CLIENT_ID);
  expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  // One calendarView window (the eight look-back weeks and the week), every nextLink page followed (5 a page, 12 events).
  const reads = fake.requests.filter((r) => r.path === "/v1.0/me/calendarView");
  expect(reads).toHaveLength(3);
  expect(reads[0]?.query.get("startDateTime")).toBe(X.windowStartUtc);
  expect(reads[0]?.query.get("endDateTime")).toBe(X.windowEndUtc);
  expect(blocked).toEqual([]);
  // The page's own Content-Security-Policy (meta, as deployed) let everything it needs through.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/^default-src 'self';/);
  expect(await open.lastPane().cspViolations()).toEqual([]);
  await page.locator('[data-row="dreamClient"] summary').click();
  await page.screenshot({ path: join(ROOT, "test/e2e/screenshots/taskpane.png"), fullPage: true });
});

const expectText = async (page: Pane["page"], selector: string, text: string) => {
  expect((await page.locator(selector).first().textContent())?.trim()).toBe(text);
};

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** Serious and critical axe-core violations (WCAG 2.0–2.2 A and AA rules) on what the page shows now. */
const axeProblems = async (page: Pane["page"]) => {
  // The pane's CSP refuses inline scripts (addScriptTag): evaluate axe's source through the
  // debugging protocol instead, which the page's policy does not govern.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
  });
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

test("a hostile title renders as text, never as markup", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  await page.locator('[data-row="dreamClient"] summary').click();
  const titles = await page.locator('[data-row="dreamClient"] .title').allTextContents();
  expect(titles).toContain(HOSTILE_TITLE);
  expect(await page.locator("img").count()).toBe(0);
  expect(await page.locator("#app script").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("axe-core finds no serious or critical violation on the card, the settings and an error", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  await page.locator("details").first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  expect(await axeProblems(page)).toEqual([]);
  await page.getByRole("button", { name: "Settings" }).click();
  await waitForScreen(page, "settings");
  expect(await axeProblems(page)).toEqual([]);
  fake.failNext("/me/calendarView", FAULTS.forbidden);
  await page.getByRole("button", { name: "Back to the week" }).click();
  await waitForScreen(page, "error");
  expect(await axeProblems(page)).toEqual([]);
});

test("booking twice makes one POST: a double click, then a second pane on the same spot", async () => {
  const first = await open();
  const second = await open();
  await waitForScreen(first.page, "card");
  await waitForScreen(second.page, "card");
  const button = first.page.locator(".primary-block button");
  await button.dblclick();
  await first.page.waitForSelector("#status:has-text('Booked: Prospecting block, Mon 30 Nov, 11:00–12:30 (1 h 30 min).')");
  expect(posts()).toHaveLength(1);
  // The card was drawn again from Graph: the block now counts as prospecting and its spot is gone.
  await waitForScreen(first.page, "card");
  await expectText(first.page, '[data-row="prospecting"] .row-value', "3 h");
  expect(await first.page.locator(`[data-book-key="${X.suggestedKey}"]`).count()).toBe(0);
  // The second pane still shows the old card; its click finds the block and writes nothing.
  await second.page.locator(`.primary-block button[data-book-key="${X.suggestedKey}"]`).click();
  await second.page.waitForSelector("#status:has-text('already on your calendar')");
  expect(posts()).toHaveLength(1);
  const body = posts()[0]?.body as { transactionId: string; subject: string; showAs: string };
  expect(body).toMatchObject({ transactionId: X.suggestedKey, subject: "Prospecting block", showAs: "busy" });
});

test("a spot taken since the card was drawn writes nothing and says so", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  fake.events.push({
    ...EVENTS[1]!,
    id: "AAMkAGk1-late",
    subject: "Pipeline review",
    start: { dateTime: "2026-11-30T16:30:00.0000000", timeZone: "UTC" },
    end: { dateTime: "2026-11-30T17:00:00.0000000", timeZone: "UTC" },
  });
  await page.locator(".primary-block button").click();
  await page.waitForSelector("#status[role=alert]:has-text('That spot is no longer free: “Pipeline review” is there now. Nothing was booked.')");
  expect(posts()).toHaveLength(0);
});

test.each([
  ["an expired sign-in (401)", FAULTS.unauthorized, "AuthError", "Sign in again"],
  ["a missing permission (403)", FAULTS.forbidden, "PermissionError", "Permission needed"],
  ["a Graph failure (500)", FAULTS.serverError, "CalendarReadError", "Could not read your calendar"],
])("%s shows the error screen, never an empty week", async (_name, fault, kind, heading) => {
  fake.failNext("/me/calendarView", fault);
  const { page } = await open();
  await waitForScreen(page, "error");
  expect(await page.locator("[data-error-kind]").getAttribute("data-error-kind")).toBe(kind);
  await expectText(page, "h1", heading);
  expect(await page.locator(".spot, .verdict").count()).toBe(0);
  // Trying again reads the calendar again and draws the week.
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForScreen(page, "card");
});

test("a Graph that never answers ends on the error screen (not endless loading), and Try again then draws the card", async () => {
  let hold = true;
  const { page } = await open(undefined, (url) => hold && url.includes("/me/calendarView"));
  await page.waitForSelector('#app[data-screen="error"]', { timeout: 30000 }); // after the 10 s request timeout
  await expectText(page, ".error-message", "Microsoft 365 did not answer in time, so Next Week could not read your calendar. Try again.");
  hold = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await waitForScreen(page, "card");
  await expectText(page, "h1", X.title);
});

test("a week with nothing on it is a card (read, not failed), with the first block to book", async () => {
  fake.events.splice(0);
  const { page } = await open();
  await waitForScreen(page, "card");
  await expectText(page, ".week-summary", "Working time 40 h · booked 0 min · 5 blank spots");
  expect(await page.locator(".primary-block button").getAttribute("data-book-key")).toBe("nw1-20261130T140000Z-90");
});

test("a figure with more meetings than it lists says how many more", async () => {
  // 55 five-minute calls with nobody else on Thu 3 Dec: all "other"; the card lists 50 of them.
  const calls = Array.from({ length: 55 }, (_, i) => {
    const at = (minutes: number) => `${new Date(Date.UTC(2026, 11, 3, 15) + minutes * 60_000).toISOString().slice(0, 19)}.0000000`;
    return { ...fake.events[0], id: `AAMk-call-${i}`, subject: `Call ${i}`, isOrganizer: true, organizer: { emailAddress: { address: ME, name: "Alex Kim" } }, attendees: [], start: { dateTime: at(i * 5), timeZone: "UTC" }, end: { dateTime: at(i * 5 + 5), timeZone: "UTC" } };
  });
  fake.events.splice(0, fake.events.length, ...calls);
  const { page } = await open();
  await waitForScreen(page, "card");
  const other = page.locator('[data-row="other"]');
  await expectText(page, '[data-row="other"] .row-value', "4 h 35 min");
  await other.locator("summary").click();
  expect(await other.locator(".explain-item").count()).toBe(50);
  expect(await other.locator(".explain-more").textContent()).toBe("and 5 more meetings");
});

test("first run: the mailbox's working hours are the defaults", async () => {
  const { page } = await open({});
  await waitForScreen(page, "card");
  // Mailbox hours 08:30–17:30 Mon–Fri: 5 × 9 h = 45 h of working time.
  expect((await page.locator(".week-summary").textContent())?.startsWith("Working time 45 h")).toBe(true);
});

test("first run: working hours written in another zone are not taken as the defaults", async () => {
  await fake.close();
  fake = await startFakeGraph({ events: EVENTS, token: TOKEN, mailboxSettings: { ...MAILBOX_SETTINGS, workingHours: { ...MAILBOX_SETTINGS.workingHours, timeZone: { name: "Pacific Standard Time" } } } });
  const { page } = await open({});
  await waitForScreen(page, "card");
  // The defaults, Mon–Fri 09:00–17:00: 40 h.
  expect((await page.locator(".week-summary").textContent())?.startsWith("Working time 40 h")).toBe(true);
});

/** Resolves once `condition` holds (checked every 20 ms; the test's own timeout ends a wait that never does). */
const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** The calendarView requests that start a read (first pages, not nextLinks), with their Prefer zone. */
const firstPages = () =>
  fake.requests.filter((r) => r.path === "/v1.0/me/calendarView" && !r.query.has("$skip")).map((r) => ({ prefer: String(r.headers.prefer), start: r.query.get("startDateTime") }));

test("first run: the calendar is read in Outlook's zone for the user while the mailbox settings travel, once when the mailbox agrees", async () => {
  // The mailbox settings never answer: the calendar read still starts.
  const pane = await openPane(browser, { site: site.url, fake, now: NOW_ISO, office: { me: ME, roaming: {}, accessToken: TOKEN }, holdGraph: (url) => url.includes("/me/mailboxSettings") });
  panes.push(pane);
  await until(() => firstPages().length > 0);
  expect(firstPages()[0]).toEqual({ prefer: 'outlook.timezone="Eastern Standard Time"', start: X.windowStartUtc });
  await pane.close();
  // The mailbox answers in the same zone: one read, the card as always.
  fake.requests.splice(0);
  const { page } = await open({});
  await waitForScreen(page, "card");
  expect(firstPages()).toEqual([{ prefer: 'outlook.timezone="Eastern Standard Time"', start: X.windowStartUtc }]);
  await expectText(page, ".zone", X.zoneLabel);
});

test("first run: when Outlook's zone for the user is not the mailbox's, the week is read again in the mailbox's zone", async () => {
  const pane = await openPane(browser, { site: site.url, fake, now: NOW_ISO, office: { me: ME, roaming: {}, accessToken: TOKEN, hostZone: "Pacific Standard Time" } });
  panes.push(pane);
  await waitForScreen(pane.page, "card");
  const reads = firstPages();
  expect(reads).toHaveLength(2);
  expect(reads[0]?.prefer).toBe('outlook.timezone="Pacific Standard Time"');
  expect(reads[1]).toEqual({ prefer: 'outlook.timezone="Eastern Standard Time"', start: X.windowStartUtc });
  // The week of the mailbox's zone, with its working hours (08:30–17:30 Mon–Fri: 45 h).
  await expectText(pane.page, ".zone", X.zoneLabel);
  expect((await pane.page.locator(".week-summary").textContent())?.startsWith("Working time 45 h")).toBe(true);
});

test("settings: an invalid value names the field and keeps the last good settings; a valid one is saved", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  await page.getByRole("button", { name: "Settings" }).click();
  await waitForScreen(page, "settings");
  const cap = page.getByLabel("Most time with pain accounts (minutes)");
  await cap.fill("-5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.waitForSelector(".form-error:has-text('targets.painMinutesMax must be ≥ 0')");
  expect(await cap.getAttribute("aria-invalid")).toBe("true");
  expect(await cap.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __roamingSaves: unknown[] }).__roamingSaves.length)).toBe(0);
  await cap.fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await waitForScreen(page, "card");
  await page.waitForSelector("#status:has-text('Settings saved.')");
  // Pain 1 h is now over the 30 min cap.
  await expectText(page, '[data-row="pain"] .row-value', "1 h (cap 30 min)");
  const saves = await page.evaluate(() => (window as unknown as { __roamingSaves: Record<string, { targets: { painMinutesMax: number } }>[] }).__roamingSaves);
  expect(saves.at(-1)?.[SETTINGS_KEY]?.targets.painMinutesMax).toBe(30);
});

test("stored settings that do not validate open the settings pre-filled as stored, never a week of defaults; one fix saves them whole", async () => {
  const { page } = await open({ [SETTINGS_KEY]: { ...settings, targets: { ...settings.targets, painMinutesMax: -30 } } });
  await waitForScreen(page, "settings");
  await page.waitForSelector(".form-error:has-text('targets.painMinutesMax must be ≥ 0')");
  const cap = page.getByLabel("Most time with pain accounts (minutes)");
  expect(await cap.inputValue()).toBe("-30");
  expect(await cap.getAttribute("aria-invalid")).toBe("true");
  expect(await cap.evaluate((el) => el === document.activeElement)).toBe(true);
  const names = await page.locator('[data-row="accounts"] [data-name="name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(names).toEqual(["Fabrikam", "Northwind", "Tailspin"]);
  expect(fake.requests.some((r) => r.path === "/v1.0/me/calendarView")).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __roamingSaves: unknown[] }).__roamingSaves.length)).toBe(0);
  await cap.fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await waitForScreen(page, "card");
  const saves = await page.evaluate(() => (window as unknown as { __roamingSaves: Record<string, unknown>[] }).__roamingSaves);
  expect(saves).toHaveLength(1);
  expect(saves[0]?.[SETTINGS_KEY]).toEqual({ ...settings, targets: { ...settings.targets, painMinutesMax: 30 } });
});

test("settings: a number that cannot be read names the field and saves nothing; \"1,000\" is a thousand", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  await page.getByRole("button", { name: "Settings" }).click();
  await waitForScreen(page, "settings");
  const dream = page.getByLabel("Dream-client time (minutes)");
  await dream.fill("");
  await dream.pressSequentially("1e");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.waitForSelector(".form-error:has-text('targets.dreamClientMinutes must be a number')");
  expect(await dream.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __roamingSaves: unknown[] }).__roamingSaves.length)).toBe(0);
  await dream.fill("1,000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await waitForScreen(page, "card");
  const saves = await page.evaluate(() => (window as unknown as { __roamingSaves: Record<string, { targets: { dreamClientMinutes: number } }>[] }).__roamingSaves);
  expect(saves.at(-1)?.[SETTINGS_KEY]?.targets.dreamClientMinutes).toBe(1000);
});

test("settings: a CRM CSV adds accounts and decision-makers to the form", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  await page.getByRole("button", { name: "Settings" }).click();
  await waitForScreen(page, "settings");
  await page.getByLabel("CSV file exported from your CRM").setInputFiles({
    name: "crm-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Account Name,Website,Tier,Contact Email,Contact Name,Title\nContoso Pharma,contoso-pharma.com,dream,cfo@contoso-pharma.com,Lee Park,CFO\n"),
  });
  await page.waitForSelector(".form-status:has-text('crm-export.csv')");
  const names = await page.locator('[data-row="accounts"] [data-name="name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(names).toContain("Contoso Pharma");
  const emails = await page.locator('[data-row="decisionMakers"] [data-name="email"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(emails).toContain("cfo@contoso-pharma.com");
});

test("the keyboard reaches and works every control: Tab through the toolbar to the suggested block, Enter books it", async () => {
  const { page } = await open();
  await waitForScreen(page, "card");
  let found = false;
  for (let i = 0; i < 12 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => document.activeElement?.closest(".primary-block") !== null && document.activeElement?.tagName === "BUTTON");
  }
  expect(found).toBe(true);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#status:has-text('Booked: Prospecting block')");
  expect(posts()).toHaveLength(1);
});
