import { cardModel, normalizeGoogleEvents, planWeek, weekFor } from "../../shared";
import { readEvents } from "./calendarSource";
import { errorCard } from "./errorCard";
import { renderWeekCard, type Notice } from "./renderCard";
import type { Services } from "./services";
import type { UserContext } from "./userContext";

/**
 * The host flow for one week: week → one `Events.list` (plus its pages) → normalize → plan →
 * card. A failed read or a malformed event gives the error card with a retry button, never an
 * empty week. The host computes no number: the core does.
 * @example weekCard(services, user, "") → the card for next week
 */
export const weekCard = (services: Services, user: UserContext, weekOf: string, notice: Notice | null = null): GoogleAppsScript.Card_Service.Card => {
  const week = weekFor({ now: user.now, zone: user.zone, weekStartsOn: user.settings.weekStartsOn, weekOf: weekOf || undefined });
  const retryWeek = weekOf || (week.start.toISODate() ?? "");
  const read = readEvents(services.calendar, week, user.zone);
  if (!read.ok) return errorCard(services.cards, noticePrefix(notice) + read.error.message, retryWeek);
  const events = normalizeGoogleEvents(read.value, { zone: user.zone, me: user.me });
  if (!events.ok) {
    return errorCard(services.cards, `${noticePrefix(notice)}One event on your calendar could not be read (${events.error.message}). Fix or delete that event, then try again.`, retryWeek);
  }
  const plan = planWeek({ events: events.value, settings: user.settings, zone: user.zone, now: user.now, week, me: user.me });
  return renderWeekCard(services.cards, cardModel(plan), { notice, firstRun: user.firstRun });
};

const noticePrefix = (notice: Notice | null): string => (notice ? `${notice.text} ` : "");
