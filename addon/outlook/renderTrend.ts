import type { BarView, CardView, TrendRowView } from "../../shared";
import { h } from "./dom";
import { bar, section } from "./renderParts";

const cell = (figure: string, view: BarView, met: boolean): HTMLElement =>
  h("td", { class: `trend-cell${met ? " trend-met" : ""}` }, bar(view, "trend-bar"), h("span", { class: "trend-figure" }, figure));

const trendRow = (row: TrendRowView): HTMLElement =>
  h(
    "tr",
    { attrs: { "data-week": row.week } },
    h("th", { class: "trend-week", attrs: { scope: "row" } }, row.week),
    cell(String(row.salesMeetings), row.salesBar, row.salesMet),
    cell(row.dreamClient, row.dreamBar, row.dreamMet),
  );

/**
 * The trend (spec §4.5) as a small chart: one row per look-back week, sales meetings and
 * dream-client time as bars (widths from the card's BarViews) with their numbers as text, in a
 * table whose caption is the targets' legend. Column headings are the score rows' own labels.
 */
export const renderTrend = (card: Pick<CardView, "trend" | "headings" | "score">): HTMLElement => {
  const label = (id: string) => card.score.find((row) => row.id === id)?.label ?? "";
  return section(
    "trend",
    card.headings.trend,
    card.trend.rows.length > 0
      ? h(
          "table",
          { class: "trend" },
          h("caption", { class: "trend-legend" }, card.trend.legend),
          h("thead", {}, h("tr", {}, h("td", {}), h("th", { attrs: { scope: "col" } }, label("salesMeetings")), h("th", { attrs: { scope: "col" } }, label("dreamClientMinutes")))),
          h("tbody", {}, ...card.trend.rows.map(trendRow)),
        )
      : null,
    card.trend.average ? h("p", { class: "muted" }, card.trend.average) : null,
    card.trend.emptyText ? h("p", { class: "empty-text" }, card.trend.emptyText) : null,
  );
};
