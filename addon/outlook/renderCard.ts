import type { BookActionView, CardView, ScoreRowView, SuggestionChoice } from "../../shared";
import { h } from "./dom";
import { renderBreakdown, renderIgnored } from "./renderBreakdown";
import { renderFirstRun } from "./renderFirstRun";
import { bar, mark, section } from "./renderParts";
import { renderSpots } from "./renderSpots";
import { renderToolbar } from "./renderToolbar";
import { renderTrend } from "./renderTrend";
import { renderWhoToMeet } from "./renderWhoToMeet";

/** What the card's controls ask the task pane to do. */
export interface CardActions {
  readonly book: (action: BookActionView, button: HTMLButtonElement) => void;
  readonly goToWeek: (weekOf: string) => void;
  readonly openSettings: () => void;
  /** A first-run choice for a suggested company. */
  readonly choose: (domain: string, choice: SuggestionChoice, buttons: readonly HTMLButtonElement[]) => void;
}

const scoreRow = (row: ScoreRowView): HTMLElement =>
  h("li", { class: `score ${row.mark.met ? "score-met" : "score-short"}`, attrs: { "data-score": row.id } }, mark(row.mark), h("span", { class: "score-text" }, row.text), bar(row.bar, "score-bar"));

/** The header (spec §4.1): the week's title (focus lands here), the zone, and the verdict, prominent. */
const header = (card: CardView): HTMLElement =>
  h(
    "header",
    { class: "card-header" },
    h("h1", { attrs: { tabindex: "-1", id: "week-title" } }, card.title),
    h("p", { class: "zone" }, card.zoneLabel),
    h("p", { class: `verdict ${card.onTrack ? "verdict-on-track" : "verdict-short"}` }, card.verdict),
  );

/**
 * The whole card as a plan (spec §4, in its order): toolbar (week navigation and Settings),
 * header with the verdict, compact score rows, who to meet, blank spots with one primary block,
 * the trend, the breakdown and what counts as nothing, then the first run's suggestions. Every
 * word comes from the CardView; every calendar string is a text node.
 * @example renderCard(card, actions) → <div class="card">…<h1>Next week · 30 Nov – 6 Dec</h1>…</div>
 */
export const renderCard = (card: CardView, actions: CardActions): HTMLElement =>
  h(
    "div",
    { class: "card", attrs: { "data-screen": "card" } },
    renderToolbar(card, actions),
    header(card),
    section("score", card.headings.score, h("ul", { class: "scores" }, ...card.score.map(scoreRow))),
    renderWhoToMeet(card, actions.book),
    renderSpots(card, actions.book),
    renderTrend(card),
    renderBreakdown(card),
    renderIgnored(card),
    renderFirstRun(card, actions.choose),
  );
