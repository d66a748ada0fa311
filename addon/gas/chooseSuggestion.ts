import type { DateTime } from "luxon";
import { applySuggestion, SUGGESTION_CHOICES, type SuggestionChoice } from "../../shared";
import { param, type AddOnEvent } from "./eventObject";
import { updateCard } from "./responses";
import type { Services } from "./services";
import { invalidSettingsCard } from "./settingsActions";
import { saveSettings } from "./settingsStore";
import { userContext } from "./userContext";
import { weekCard } from "./weekCard";

const isChoice = (value: string): value is SuggestionChoice => SUGGESTION_CHOICES.some((c) => c.choice === value);

/**
 * A first-run click (Dream / A-list / Pain / Not an account on a suggested company): the core's
 * applySuggestion, saved through the same validated store as the settings form; the last good
 * settings stay on any error. Answers with the refreshed week.
 */
export const chooseSuggestionAction = (services: Services, now: DateTime, e: AddOnEvent | undefined) => {
  const weekOf = param(e, "weekOf");
  const user = userContext(services, now, e);
  if (!user.ok) return updateCard(services.cards, invalidSettingsCard(services, user.error, weekOf), { notification: "Not saved: your settings need attention first." });
  const choice = param(e, "choice");
  const applied = isChoice(choice) ? applySuggestion(user.value.settings, param(e, "domain"), choice) : null;
  const saved = applied?.ok ? saveSettings(services.properties(), services.lock(), applied.value) : applied;
  if (!saved || !saved.ok) {
    const text = saved ? `Not saved. ${saved.error.message}` : "Not saved: that button could not be read.";
    return updateCard(services.cards, weekCard(services, user.value, weekOf, { tone: "bad", text }), { notification: text });
  }
  const refreshed = { ...user.value, settings: saved.value, firstRun: false };
  return updateCard(services.cards, weekCard(services, refreshed, weekOf, { tone: "good", text: "Settings saved." }), { notification: "Settings saved." });
};
