import type { DateTime } from "luxon";
import type { Notice } from "./cardParts";
import { param, type AddOnEvent } from "./eventObject";
import { pushCard, updateCard } from "./responses";
import type { Services } from "./services";
import { invalidSettingsCard } from "./settingsActions";
import { userContext } from "./userContext";
import { weeksCard } from "./weekNavigation";
import { weekCard } from "./weekCard";

/**
 * The card for a week (next week unless `weekOf` names another): the week's card, or the
 * settings card with the message when the stored settings are not valid.
 */
export const cardForWeek = (services: Services, now: DateTime, e: AddOnEvent | undefined, weekOf: string, notice: Notice | null = null) => {
  const user = userContext(services, now, e);
  if (!user.ok) return invalidSettingsCard(services, user.error, weekOf);
  return weekCard(services, user.value, weekOf, notice);
};

/** Homepage trigger: next week's card. */
export const homepage = (services: Services, now: DateTime, e: AddOnEvent | undefined) => cardForWeek(services, now, e, param(e, "weekOf"));

/** Navigation and retry: the week named by the button, replacing the current card. */
export const showWeek = (services: Services, now: DateTime, e: AddOnEvent | undefined) =>
  updateCard(services.cards, cardForWeek(services, now, e, param(e, "weekOf")), { popToRoot: true });

/** The footer's "Other weeks": the small card of weeks over the week (reads nothing). */
export const otherWeeks = (services: Services, _now: DateTime, e: AddOnEvent | undefined) => pushCard(services.cards, weeksCard(services.cards, e));
