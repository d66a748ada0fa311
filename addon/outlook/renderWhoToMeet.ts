import type { CardView, WhoRowView } from "../../shared";
import { h } from "./dom";
import { bookButton, section, type BookHandler } from "./renderParts";

const whoRow = (row: WhoRowView, book: BookHandler): HTMLElement =>
  h(
    "li",
    { class: `who who-${row.status}`, attrs: { "data-account": row.account } },
    h(
      "div",
      { class: "who-text" },
      h("p", { class: "who-name" }, h("span", { class: "who-account" }, row.account), h("span", { class: "tag" }, row.tier)),
      h("p", { class: "who-since" }, [row.since, ...row.notes].join(" · ")),
    ),
    row.book ? bookButton(row.book, book, "small") : null,
  );

/** Who to meet (spec §4.3): dream, then A-list accounts not booked this week, each with one "Book outreach block". */
export const renderWhoToMeet = (card: Pick<CardView, "whoToMeet" | "headings">, book: BookHandler): HTMLElement =>
  section(
    "who",
    card.headings.whoToMeet,
    card.whoToMeet.rows.length > 0 ? h("ul", { class: "who-list" }, ...card.whoToMeet.rows.map((row) => whoRow(row, book))) : null,
    card.whoToMeet.more ? h("p", { class: "muted" }, card.whoToMeet.more) : null,
    card.whoToMeet.emptyText ? h("p", { class: "empty-text" }, card.whoToMeet.emptyText) : null,
  );
