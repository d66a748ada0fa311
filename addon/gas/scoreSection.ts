import type { CardView, ScoreRowView } from "../../shared";
import { COLORS, type Cards, type Section } from "./cardParts";
import { colored, escapeHtml } from "./escape";

/** One compact row: the label and the mark's words on top, the mark and the row's sentence below. */
const scoreRow = (cards: Cards, row: ScoreRowView) =>
  cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(`${row.label} · ${row.mark.label}`))
    .setText(`${colored(row.mark.symbol, row.mark.met ? COLORS.good : COLORS.bad)} ${escapeHtml(row.text)}`)
    .setWrapText(true);

/** Score (spec §4.2): sales meetings first, one compact row each, marked met / not met. */
export const scoreSection = (cards: Cards, view: CardView): Section => {
  const section = cards.newCardSection().setHeader(escapeHtml(view.headings.score));
  for (const row of view.score) section.addWidget(scoreRow(cards, row));
  return section;
};
