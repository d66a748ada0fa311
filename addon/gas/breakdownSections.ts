import { type BreakdownRowView, type CardView, textBar } from "../../shared";
import { cappedLines, COLORS, muted, paragraph, type Cards, type Section } from "./cardParts";
import { calendarText, shorten } from "./cardText";
import { bold, colored, escapeHtml } from "./escape";

/** Meetings listed under one figure; the rest are counted. */
export const MAX_LIST = 12;

/** The figure: label, value, and a bar of its share of working time (red when over the pain cap). */
const figure = (cards: Cards, row: BreakdownRowView) =>
  cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(row.label))
    .setText(bold(row.value))
    .setBottomLabel(colored(textBar(row.bar.fraction), row.bar.over ? COLORS.bad : COLORS.info))
    .setWrapText(true);

const explained = (row: BreakdownRowView): string =>
  cappedLines(row.items, MAX_LIST, (i) => `${escapeHtml(`${i.day} ${i.time}`)} — ${calendarText(i.title)} ${muted(`(${shorten(i.matched, 80)})`)}`, row.count).join("<br>");

/**
 * The breakdown (spec §4.6), in its order: each figure with meetings is its own collapsible
 * section that opens to the meetings it counts; figures with none share a plain section.
 */
export const breakdownSections = (cards: Cards, view: CardView): Section[] => {
  const out: Section[] = [];
  let plain: Section | null = cards.newCardSection().setHeader(escapeHtml(view.headings.breakdown)).addWidget(paragraph(cards, muted(view.weekSummary)));
  for (const row of view.breakdown) {
    if (row.items.length === 0) {
      plain ??= cards.newCardSection();
      plain.addWidget(figure(cards, row));
      continue;
    }
    if (plain) out.push(plain);
    plain = null;
    out.push(cards.newCardSection().addWidget(figure(cards, row)).addWidget(paragraph(cards, explained(row))).setCollapsible(true).setNumUncollapsibleWidgets(1));
  }
  if (plain) out.push(plain);
  return out;
};

/** Counted as nothing: the week's events that count for nothing, with the reason. */
export const ignoredSection = (cards: Cards, view: CardView): Section | null => {
  if (view.ignored.length === 0) return null;
  const lines = cappedLines(view.ignored, MAX_LIST, (i) => `${escapeHtml(`${i.day} ${i.time}`)} — ${calendarText(i.title)}: ${escapeHtml(i.reason)}`);
  return cards.newCardSection().setHeader(escapeHtml(view.headings.ignored)).addWidget(paragraph(cards, lines.join("<br>")));
};
