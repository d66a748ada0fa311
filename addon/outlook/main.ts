import { Settings } from "luxon";
import { AuthError, errorView, NextWeekError } from "../../shared";
import { replaceChildren } from "./dom";
import { createGraphClient } from "./graphClient";
import { createRequestBudget } from "./requestBudget";
import { naaTokenProvider, warmUpSignIn } from "./naaTokenProvider";
import { renderError, renderLoading } from "./renderScreens";
import { roamingSettingsStore } from "./roamingSettingsStore";
import { startTaskPane } from "./taskPane";

// The core writes every word itself and never asks luxon to format for a locale: luxon is told
// its locale instead of asking Intl for the system's on the first date the pane reads.
Settings.defaultLocale = "en-US";

/** Set at build time from OUTLOOK_CLIENT_ID (scripts/build-outlook.mjs); the placeholder means "not configured". */
declare const NEXT_WEEK_CLIENT_ID: string;
const PLACEHOLDER_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

const fail = (root: HTMLElement, error: NextWeekError) =>
  replaceChildren(root, renderError(errorView(error, ""), { retry: () => window.location.reload() }));

/**
 * The task pane's entry: waits for Office, checks what this Outlook supports, signs in with
 * nested app authentication and starts the pane on next week.
 */
const main = async (): Promise<void> => {
  const root = document.getElementById("app");
  const status = document.getElementById("status");
  if (!root || !status) return;
  replaceChildren(root, renderLoading("Starting Next Week…"));
  warmUpSignIn(); // in parallel with Office's own start
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Outlook) {
    return fail(root, new NextWeekError("CalendarReadError", "Next Week runs inside Outlook. Open it from an appointment or message in Outlook."));
  }
  if (!Office.context.requirements.isSetSupported("NestedAppAuth", "1.1")) {
    return fail(
      root,
      new AuthError("This version of Outlook cannot sign add-ins in to Microsoft 365 (nested app authentication). Use the new Outlook, Outlook on the web, or a current Outlook for Windows or Mac with a work or school account."),
    );
  }
  if (!NEXT_WEEK_CLIENT_ID || NEXT_WEEK_CLIENT_ID === PLACEHOLDER_CLIENT_ID) {
    return fail(root, new AuthError("This copy of Next Week has no Microsoft Entra app registration. Whoever deployed it must set OUTLOOK_CLIENT_ID and build again (see the README)."));
  }
  const me = Office.context.mailbox?.userProfile?.emailAddress || undefined;
  let tokens;
  try {
    tokens = await naaTokenProvider({ clientId: NEXT_WEEK_CLIENT_ID, loginHint: me });
  } catch (error) {
    return fail(root, error instanceof NextWeekError ? error : new AuthError("Outlook could not start the Microsoft 365 sign-in.", { cause: error }));
  }
  const budget = createRequestBudget();
  const pane = startTaskPane({
    root,
    status,
    graph: createGraphClient({ tokens, budget }),
    budget,
    tokens,
    settings: roamingSettingsStore(Office.context.roamingSettings),
    me,
    hostZone: Office.context.mailbox?.userProfile?.timeZone || undefined,
  });
  await pane.showWeek();
};

void main();
