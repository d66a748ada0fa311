import { defaultSettings } from "../../shared";
import { h, replaceChildren } from "./dom";
import { createGraphClient } from "./graphClient";
import { createRequestBudget } from "./requestBudget";
import { renderLoading } from "./renderScreens";
import { memoryRoamingSettings } from "./memoryRoamingSettings";
import { roamingSettingsStore, SETTINGS_KEY } from "./roamingSettingsStore";
import { startTaskPane } from "./taskPane";
import { fixedTokenProvider } from "./tokenProvider";

/** What the preview server hands the page: the sample week's settings and mailbox owner. */
interface PreviewConfig {
  readonly settings: unknown;
  readonly me: string;
  /** Where the preview's fake Graph answers (same origin). */
  readonly graphBaseUrl: string;
}

/**
 * The preview's entry: the real task pane with no Office and no account. Settings live in
 * memory, the token is fixed, and Graph is the preview server's fake answering from the bundled
 * sample week.
 */
const main = async (): Promise<void> => {
  const root = document.getElementById("app");
  const status = document.getElementById("status");
  if (!root || !status) return;
  replaceChildren(root, renderLoading("Loading the sample week…"));
  const config = (await (await fetch("preview/config.json")).json()) as PreviewConfig;
  const roaming = memoryRoamingSettings({ [SETTINGS_KEY]: config.settings ?? defaultSettings() });
  const banner = document.getElementById("preview-banner");
  if (banner) {
    replaceChildren(banner, h("strong", {}, "Preview"), ": the bundled sample week, with no Outlook and no account. Bookings and settings are kept in memory until the preview server stops.");
    banner.hidden = false;
  }
  const budget = createRequestBudget();
  const pane = startTaskPane({
    root,
    status,
    graph: createGraphClient({ tokens: fixedTokenProvider("preview"), baseUrl: new URL(config.graphBaseUrl, window.location.href).href, budget }),
    budget,
    tokens: fixedTokenProvider("preview"),
    settings: roamingSettingsStore(roaming),
    me: config.me,
  });
  await pane.showWeek();
};

void main();
