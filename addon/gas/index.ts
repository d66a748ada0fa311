/**
 * The globals Apps Script calls, and nothing else. The build bundles this file with the core into
 * one script and declares a plain top-level function for each export, because Apps Script only
 * finds top-level `function` declarations. Each handler gets the real services and the clock here.
 */
import { DateTime, Settings } from "luxon";
import { messageOf } from "./apiError";
import { InputError, errorView } from "../../shared";
import { bookBlockAction } from "./bookAction";
import { chooseSuggestionAction } from "./chooseSuggestion";
import type { AddOnEvent } from "./eventObject";
import { errorCard } from "./errorCard";
import { homepage, otherWeeks, showWeek } from "./homepage";
import { updateCard } from "./responses";
import { selfCheck as runSelfCheck } from "./selfCheck";
import type { CalendarService, Services } from "./services";
import { importCsvAction, openSettings, saveSettingsAction, settingsUniversal } from "./settingsActions";

// The core writes every word itself and never asks luxon to format for a locale, so luxon is told
// its locale instead of asking Intl for the system's on each cold start (Apps Script starts every
// call from scratch; that lookup was the first homepage's slowest single step after the core).
Settings.defaultLocale = "en-US";

const services = (): Services => ({
  calendar: Calendar as unknown as CalendarService,
  cards: CardService,
  properties: () => PropertiesService.getUserProperties(),
  cache: () => CacheService.getUserCache(),
  lock: () => LockService.getUserLock(),
  userEmail: () => {
    try {
      return Session.getActiveUser().getEmail();
    } catch {
      return "";
    }
  },
  log: (message) => console.log(message),
});

const UNEXPECTED = "Next Week hit an unexpected problem. Try again; if it keeps happening, tell your admin: ";

type Card = GoogleAppsScript.Card_Service.Card;
type Answer = "card" | "action" | "universal";

/** Runs a handler; an exception becomes the error card (in the answer type the caller expects) instead of Google's generic failure. */
const guarded =
  <R>(handler: (s: Services, now: DateTime, e: AddOnEvent | undefined) => R, answer: Answer) =>
  (e?: AddOnEvent): R | Card | GoogleAppsScript.Card_Service.ActionResponse | GoogleAppsScript.Card_Service.UniversalActionResponse => {
    const s = services();
    try {
      return handler(s, DateTime.now(), e);
    } catch (cause) {
      const stack = typeof cause === "object" && cause !== null && "stack" in cause ? String((cause as { stack: unknown }).stack) : "";
      s.log(`Unexpected: ${stack || messageOf(cause)}`);
      const card = errorCard(s.cards, errorView(new InputError(UNEXPECTED + messageOf(cause)), ""));
      if (answer === "action") return updateCard(s.cards, card);
      if (answer === "universal") return s.cards.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();
      return card;
    }
  };

/** Homepage trigger (manifest `homepageTrigger`). */
export const onHomepage = guarded(homepage, "card");
/** Universal action "Settings" (manifest `universalActions`). */
export const onSettingsUniversal = guarded(settingsUniversal, "universal");
/** Card actions (their names are in `actionNames.ts`). */
export const onShowWeek = guarded(showWeek, "action");
export const onBookBlock = guarded(bookBlockAction, "action");
export const onOtherWeeks = guarded(otherWeeks, "action");
export const onChooseSuggestion = guarded(chooseSuggestionAction, "action");
export const onOpenSettings = guarded(openSettings, "action");
export const onSaveSettings = guarded(saveSettingsAction, "action");
export const onImportCsv = guarded(importCsvAction, "action");

/** Run from the Apps Script editor after deploying: checks the runtime's time-zone math and logs the result. */
export const selfCheck = () => {
  const result = runSelfCheck();
  for (const c of result.checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}: expected ${c.expected}, got ${c.actual}`);
  console.log(result.ok ? "Self-check passed: time-zone math works here." : "Self-check FAILED: week boundaries and times may be wrong in this runtime.");
  return result;
};
