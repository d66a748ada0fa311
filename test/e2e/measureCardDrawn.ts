/**
 * For `npm run bench`: opens the built task pane in Chromium against the local fake Graph several
 * times and reports when the card was drawn (the pane's `next-week:card` performance mark), in
 * milliseconds from navigation start, plus the page's load event for reference. The calendar is
 * the bundled sample week dated on the real next week (the page's clock is not pinned, so its
 * performance timeline is the browser's own).
 */
import { DateTime } from "luxon";
import { SETTINGS_KEY } from "../../addon/outlook/roamingSettingsStore";
import { sampleWeek } from "../../addon/node/sampleWeek";
import { parseSettings } from "../../shared/settings/settings";
import { startFakeGraph } from "../../addon/node/dev/fakeGraphServer";
import { sampleGraphEvents } from "../../addon/node/dev/sampleGraph";
import { MAILBOX_SETTINGS } from "../outlook/fixtures/knownWeek";
import { buildTaskPane, launch, openPane, serveFolder, waitForScreen, OUTDIR } from "./harness";

export interface CardDrawnRun {
  readonly cardDrawnMs: number;
  readonly loadEventMs: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Builds the pane, then measures `runs` fresh page loads (after one warm-up). */
export const measureCardDrawn = async (runs = 7): Promise<{ runs: CardDrawnRun[]; medianCardDrawnMs: number; medianLoadEventMs: number }> => {
  await buildTaskPane();
  const site = await serveFolder(OUTDIR);
  const browser = await launch();
  const sample = sampleWeek(DateTime.now());
  const settings = parseSettings(sample.settings);
  if (!settings.ok) throw settings.error;
  const results: CardDrawnRun[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const fake = await startFakeGraph({ events: sampleGraphEvents(sample), mailboxSettings: MAILBOX_SETTINGS });
      const pane = await openPane(browser, { site: site.url, fake, office: { me: sample.me, roaming: { [SETTINGS_KEY]: settings.value }, accessToken: "bench" } });
      await waitForScreen(pane.page, "card");
      const timing = await pane.page.evaluate(() => {
        const mark = performance.getEntriesByName("next-week:card")[0];
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return { cardDrawnMs: mark ? mark.startTime : -1, loadEventMs: nav ? nav.loadEventEnd : -1 };
      });
      if (i > 0) results.push(timing);
      await pane.close();
      await fake.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { runs: results, medianCardDrawnMs: median(results.map((r) => r.cardDrawnMs)), medianLoadEventMs: median(results.map((r) => r.loadEventMs)) };
};
