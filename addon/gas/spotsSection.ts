import type { CardView, SpotRowView } from "../../shared";
import { bookButton } from "./bookButton";
import { muted, paragraph, type Cards, type Section } from "./cardParts";
import { bold, escapeHtml } from "./escape";

/** Spot rows listed; the largest is always among them. Keeps the card well under CardService's ~100 widgets. */
export const MAX_SPOTS = 12;

const spotRow = (cards: Cards, spot: SpotRowView, weekOf: string) => {
  const text = `${spot.time} · ${spot.duration}`;
  return cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(spot.day))
    .setText(spot.largest ? bold(text) : escapeHtml(text))
    .setWrapText(true)
    .setButton(bookButton(cards, spot.book, weekOf));
};

/**
 * Blank spots (spec §4.4): the suggested block with the one primary "Book prospecting block",
 * then every spot compactly (day, time, length; the largest in bold), each bookable.
 */
export const spotsSection = (cards: Cards, view: CardView): Section => {
  const { primary, rows, emptyText } = view.spots;
  const weekOf = view.navigation.current;
  const section = cards.newCardSection().setHeader(escapeHtml(view.headings.spots));
  if (primary) {
    section.addWidget(cards.newDecoratedText().setTopLabel(escapeHtml(primary.title)).setText(bold(primary.when)).setWrapText(true));
    section.addWidget(cards.newButtonSet().addButton(bookButton(cards, primary, weekOf, true)));
  }
  if (emptyText) section.addWidget(paragraph(cards, escapeHtml(emptyText)));
  const shown = rows.filter((r, i) => i < MAX_SPOTS || r.largest).slice(0, MAX_SPOTS + 1);
  for (const spot of shown) section.addWidget(spotRow(cards, spot, weekOf));
  if (rows.length > shown.length) section.addWidget(paragraph(cards, muted(`… +${rows.length - shown.length}`)));
  return section;
};
