import { type CardView, textBar, type TrendRowView } from "../../shared";
import { COLORS, muted, paragraph, type Cards, type Section } from "./cardParts";
import { colored, escapeHtml } from "./escape";

/** Characters per trend bar: two bars and a space fit the side panel. */
const BAR = 8;

const bar = (fraction: number, met: boolean) => colored(textBar(fraction, BAR), met ? COLORS.good : COLORS.muted);

/**
 * One look-back week: the figures first (what a screen reader reads; CardService has no way to
 * hide text from one), the bars below: sales meetings, then dream-client time, green when met.
 */
const trendRow = (cards: Cards, row: TrendRowView) =>
  cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(row.week))
    .setText(escapeHtml(`${row.salesMeetings} · ${row.dreamClient}`))
    .setBottomLabel(`${bar(row.salesBar.fraction, row.salesMet)} ${bar(row.dreamBar.fraction, row.dreamMet)}`)
    .setWrapText(true);

/**
 * The trend (spec §4.5) as text bars: the average and the targets stay open, the weeks open on
 * demand (a collapsible section keeps the plan short).
 */
export const trendSection = (cards: Cards, view: CardView): Section => {
  const { rows, legend, average, emptyText } = view.trend;
  const section = cards.newCardSection().setHeader(escapeHtml(view.headings.trend));
  if (emptyText) return section.addWidget(paragraph(cards, escapeHtml(emptyText)));
  section.addWidget(paragraph(cards, [average ? escapeHtml(average) : null, muted(legend)].filter((l) => l !== null).join("<br>")));
  for (const row of rows) section.addWidget(trendRow(cards, row));
  return rows.length > 0 ? section.setCollapsible(true).setNumUncollapsibleWidgets(1) : section;
};
