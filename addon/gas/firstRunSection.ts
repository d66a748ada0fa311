import type { CardView, SuggestionRowView } from "../../shared";
import { ACTION } from "./actionNames";
import { button, muted, paragraph, type Cards, type Section } from "./cardParts";
import { bold, escapeHtml } from "./escape";

const suggestion = (cards: Cards, row: SuggestionRowView, weekOf: string) => {
  const choices = cards.newButtonSet();
  for (const c of row.choices) choices.addButton(button(cards, c.label, ACTION.chooseSuggestion, { domain: row.domain, choice: c.choice, weekOf }, { altText: `${row.name}: ${c.label}` }));
  return [cards.newDecoratedText().setTopLabel(escapeHtml(row.domain)).setText(bold(row.name)).setBottomLabel(escapeHtml(row.detail)).setWrapText(true), choices];
};

/** First run (spec §4.7): the companies met most, each one click from dream / A-list / pain / not an account. */
export const firstRunSection = (cards: Cards, view: CardView): Section | null => {
  const first = view.firstRun;
  if (!first) return null;
  const section = cards.newCardSection().setHeader(escapeHtml(first.heading)).addWidget(paragraph(cards, muted(first.intro)));
  for (const row of first.rows) for (const w of suggestion(cards, row, view.navigation.current)) section.addWidget(w);
  if (first.emptyText) section.addWidget(paragraph(cards, escapeHtml(first.emptyText)));
  return section;
};
