import type { BreakdownRowView, CardView, ExplainView, IgnoredView } from "../../shared";
import { h } from "./dom";
import { bar, section } from "./renderParts";

/** One event of a list: when, its title, and why it is there (what matched, or why it counts as nothing). */
const eventItem = (item: { readonly day: string; readonly time: string; readonly title: string }, why: string): HTMLElement =>
  h(
    "li",
    { class: "explain-item" },
    h("span", { class: "explain-when" }, h("span", { class: "nowrap" }, item.day), " · ", h("span", { class: "nowrap" }, item.time)),
    h("span", { class: "title" }, item.title),
    h("span", { class: "explain-why" }, why),
  );

const explainItem = (item: ExplainView): HTMLElement => eventItem(item, item.matched);

const rowLine = (row: BreakdownRowView): HTMLElement[] => [h("span", { class: "row-label" }, row.label), h("span", { class: "row-value" }, row.value), bar(row.bar, "row-bar")];

/** One breakdown row: its figure, a bar scaled to working time, and (opened) the meetings it counts. */
const breakdownRow = (row: BreakdownRowView): HTMLElement =>
  h(
    "li",
    { class: "row", attrs: { "data-row": row.id } },
    row.items.length > 0
      ? h("details", {}, h("summary", { class: "row-line" }, ...rowLine(row)), h("ul", { class: "explain" }, ...row.items.map(explainItem), row.more ? h("li", { class: "explain-more muted" }, row.more) : null))
      : h("div", { class: "row-line row-line-plain" }, ...rowLine(row)),
  );

const ignoredItem = (item: IgnoredView): HTMLElement => eventItem(item, item.reason);

/** The breakdown of the week (spec §4.6): the week's summary, then each row, openable to explain itself. */
export const renderBreakdown = (card: Pick<CardView, "breakdown" | "weekSummary" | "headings">): HTMLElement =>
  section("breakdown", card.headings.breakdown, h("p", { class: "muted week-summary" }, card.weekSummary), h("ul", { class: "rows" }, ...card.breakdown.map(breakdownRow)));

/** The week's events that count as nothing, each with the reason. */
export const renderIgnored = (card: Pick<CardView, "ignored" | "headings">): HTMLElement | null =>
  card.ignored.length === 0 ? null : section("ignored", card.headings.ignored, h("ul", { class: "explain ignored" }, ...card.ignored.map(ignoredItem)));
