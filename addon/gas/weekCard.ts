import { normalizeGoogleEvents, prepareWeek, type PreparedWeek, weekScreen } from "../../shared";
import { readEvents } from "./calendarSource";
import type { Notice } from "./cardParts";
import { errorCard } from "./errorCard";
import { renderWeekCard } from "./renderCard";
import type { Services } from "./services";
import type { UserContext } from "./userContext";

/**
 * The core's first step for this user: the zone (settings, else Calendar's), the week and the
 * read window (the look-back weeks and the week).
 */
export const prepareFor = (user: UserContext, weekOf: string): PreparedWeek =>
  prepareWeek({ settings: user.settings, calendarZone: user.calendarZone, now: user.now, weekOf });

/**
 * The host flow for one week: prepareWeek → one `Events.list` over the whole window (and its
 * pages) → the core's weekScreen → the card, or the error card with a retry (never a partial week).
 * @example weekCard(services, user, "") → the card for next week
 */
export const weekCard = (services: Services, user: UserContext, weekOf: string, notice: Notice | null = null): GoogleAppsScript.Card_Service.Card => {
  const prepared = prepareFor(user, weekOf);
  const read = readEvents(services.calendar, prepared.window, prepared.zone);
  const screen = weekScreen(read, normalizeGoogleEvents, prepared, { me: user.me });
  return screen.kind === "card" ? renderWeekCard(services.cards, screen.card, notice) : errorCard(services.cards, screen.error, notice);
};
