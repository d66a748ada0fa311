import type { CardView, SpotRowView } from "../../shared";
import { h } from "./dom";
import { bookButton, section, type BookHandler } from "./renderParts";

const spotRow = (row: SpotRowView, book: BookHandler): HTMLElement =>
  h(
    "li",
    { class: `spot${row.largest ? " spot-largest" : ""}`, attrs: { "data-spot-start": row.start } },
    h(
      "span",
      { class: "spot-when" },
      h("span", { class: "spot-day" }, row.day),
      h("span", { class: "spot-time" }, row.time),
      h("span", { class: "spot-duration" }, row.duration),
      row.largest ? h("span", { class: "spot-star", attrs: { "aria-hidden": "true" } }, "★") : null,
    ),
    bookButton(row.book, book, "small"),
  );

/**
 * Blank spots (spec §4.4): the suggested block with the one primary "Book prospecting block",
 * then every spot compactly (day, time, length), each bookable, the largest marked.
 */
export const renderSpots = (card: Pick<CardView, "spots" | "headings">, book: BookHandler): HTMLElement =>
  section(
    "spots",
    card.headings.spots,
    card.spots.primary ? h("div", { class: "primary-block" }, h("p", { class: "primary-when" }, card.spots.primary.when), bookButton(card.spots.primary, book, "primary")) : null,
    card.spots.emptyText ? h("p", { class: "empty-text" }, card.spots.emptyText) : null,
    card.spots.rows.length > 0 ? h("ul", { class: "spots" }, ...card.spots.rows.map((row) => spotRow(row, book))) : null,
  );
