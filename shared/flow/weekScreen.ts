import type { CalendarEvent, NormalizeContext } from "../event";
import type { EventError, NextWeekError } from "../errors";
import type { WeekPlan } from "../plan/plan";
import { planWeek } from "../plan/planWeek";
import type { RegistrableDomain } from "../plan/registrableDomain";
import type { Result } from "../result";
import type { CardView } from "../view/cardView";
import { cardModel } from "../view/cardModel";
import { errorView, type ErrorView } from "../view/errorView";
import type { PreparedWeek } from "./prepareWeek";

/** What a host draws for a week: the card, or an error with what to do (never a partial card). */
export type WeekScreen =
  | { readonly kind: "card"; readonly card: CardView; readonly plan: WeekPlan }
  | { readonly kind: "error"; readonly error: ErrorView; readonly cause: NextWeekError };

export interface ScreenContext {
  /** The user's address, where events carry no `self` flag. */
  readonly me?: string | undefined;
  /** The public suffix list's answer, where the host carries it. */
  readonly registrableDomain?: RegistrableDomain | undefined;
}

/**
 * The normalizer of the host's raw items (`normalizeGoogleEvents`, `normalizeGraphEvents`):
 * passed in, so a host's bundle holds only its own.
 */
export type RawNormalizer = (items: readonly unknown[], ctx: NormalizeContext) => Result<CalendarEvent[], EventError>;

/**
 * The rest of every host's flow, after the read: normalize → plan → card. A malformed event
 * or a failed read gives the error screen, worded once here.
 * @example weekScreen(ok(itemsFromEventsList), normalizeGoogleEvents, prepared, { me }) → { kind: "card", card: { title: "Next week · 30 Nov – 6 Dec", … } }
 */
export const weekScreen = (read: Result<readonly unknown[], NextWeekError>, normalize: RawNormalizer, prepared: PreparedWeek, context: ScreenContext = {}): WeekScreen => {
  if (!read.ok) return errorScreen(read.error, prepared);
  const ctx = { zone: prepared.zone, me: context.me };
  const events = normalize(read.value, ctx);
  if (!events.ok) return errorScreen(events.error, prepared);
  return planScreen(events.value, prepared, context);
};

/** The card for events already normalized (the command line's files, the sample week). */
export const planScreen = (events: readonly CalendarEvent[], prepared: PreparedWeek, context: ScreenContext = {}): WeekScreen => {
  const plan = planWeek({ events, settings: prepared.settings, zone: prepared.zone, now: prepared.now, week: prepared.week, me: context.me, registrableDomain: context.registrableDomain });
  return { kind: "card", card: cardModel(plan), plan };
};

/** The error screen for a failure, with the week to retry. */
export const errorScreen = (error: NextWeekError, prepared: Pick<PreparedWeek, "weekOf">): WeekScreen => ({ kind: "error", error: errorView(error, prepared.weekOf), cause: error });
