import type { CardView, NavView } from "../../shared";
import { ACTION } from "./actionNames";
import { button, type Card, type Cards } from "./cardParts";
import { param, type AddOnEvent } from "./eventObject";

/**
 * Week navigation, always reachable: the week card's fixed footer holds "Settings" (primary) and
 * "Other weeks" (secondary; a fixed footer holds only these two buttons), which opens a small card
 * with the core's three weeks: ◀ Earlier, Next week, Later ▶. That card is built from the button's
 * parameters, so opening it reads nothing from Calendar.
 */

const WEEKS = ["previous", "home", "next"] as const;

/** The navigation carried by the "Other weeks" button: the card's title and each week's label, date and description. */
export const navigationParameters = (view: CardView): Record<string, string> => {
  const out: Record<string, string> = { title: view.title, weekOf: view.navigation.current };
  for (const w of WEEKS) {
    const nav: NavView = view.navigation[w];
    out[`${w}Label`] = nav.label;
    out[`${w}WeekOf`] = nav.weekOf;
    out[`${w}Description`] = nav.description;
  }
  return out;
};

/** The week card's fixed footer: Settings and Other weeks. */
export const weekFooter = (cards: Cards, view: CardView) =>
  cards
    .newFixedFooter()
    .setPrimaryButton(button(cards, view.labels.settings, ACTION.openSettings, { weekOf: view.navigation.current }, { filled: true }))
    .setSecondaryButton(button(cards, view.labels.weeks, ACTION.otherWeeks, navigationParameters(view)));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The small card of weeks, from the "Other weeks" button's parameters; a week whose date does not
 * read is left out (a tampered button shows fewer weeks, never a wrong one).
 */
export const weeksCard = (cards: Cards, e: AddOnEvent | undefined): Card => {
  const buttons = cards.newButtonSet();
  for (const w of WEEKS) {
    const weekOf = param(e, `${w}WeekOf`);
    const label = param(e, `${w}Label`);
    if (!DATE.test(weekOf) || !label) continue;
    buttons.addButton(button(cards, label, ACTION.showWeek, { weekOf }, { altText: param(e, `${w}Description`) || label, filled: w === "home" }));
  }
  return cards
    .newCardBuilder()
    .setName("weeks")
    .setHeader(cards.newCardHeader().setTitle(param(e, "title")))
    .addSection(cards.newCardSection().addWidget(buttons))
    .build();
};
