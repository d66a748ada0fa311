import type { CardView, WhoRowView } from "../../shared";
import { bookButton } from "./bookButton";
import { muted, paragraph, type Cards, type Section } from "./cardParts";
import { bold, escapeHtml } from "./escape";

const whoRow = (cards: Cards, row: WhoRowView, weekOf: string) => {
  const w = cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(row.tier))
    .setText(bold(row.account))
    .setBottomLabel(escapeHtml([row.since, ...row.notes].join(" · ")))
    .setWrapText(true);
  return row.book ? w.setButton(bookButton(cards, row.book, weekOf)) : w;
};

/** Who to meet (spec §4.3): each account waiting for a meeting, with "Book outreach block". */
export const whoToMeetSection = (cards: Cards, view: CardView): Section => {
  const who = view.whoToMeet;
  const section = cards.newCardSection().setHeader(escapeHtml(view.headings.whoToMeet));
  for (const row of who.rows) section.addWidget(whoRow(cards, row, view.navigation.current));
  if (who.more) section.addWidget(paragraph(cards, muted(who.more)));
  if (who.emptyText) section.addWidget(paragraph(cards, escapeHtml(who.emptyText)));
  return section;
};
