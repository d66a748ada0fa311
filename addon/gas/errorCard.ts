import type { ErrorView } from "../../shared";
import { ACTION } from "./actionNames";
import { action, noticeSection, paragraph, type Card, type Cards, type Notice } from "./cardParts";
import { bold, escapeHtml } from "./escape";

/**
 * The core's error screen as a card: its heading, its message and a retry button for the same
 * week; never an empty week. A notice (what a click just did) goes above it.
 * @example errorCard(CardService, errorView(new CalendarReadError("Could not read your calendar: …"), "2026-11-30"))
 */
export const errorCard = (cards: Cards, view: ErrorView, notice: Notice | null = null): Card => {
  const card = cards.newCardBuilder().setName("error").setHeader(cards.newCardHeader().setTitle(view.heading));
  if (notice) card.addSection(noticeSection(cards, notice));
  const retry = cards
    .newTextButton()
    .setText(view.retryLabel)
    .setTextButtonStyle(cards.TextButtonStyle.FILLED)
    .setOnClickAction(action(cards, ACTION.showWeek, view.retryWeekOf ? { weekOf: view.retryWeekOf } : {}));
  return card
    .addSection(
      cards
        .newCardSection()
        .addWidget(paragraph(cards, `${bold(view.heading)}<br>${escapeHtml(view.message)}`))
        .addWidget(cards.newButtonSet().addButton(retry)),
    )
    .build();
};
