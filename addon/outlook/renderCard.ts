import { type BarView, type BookActionView, type BreakdownRowView, type CardView, type ScoreView, type SpotView } from "../../shared";
import { h, uniqueId } from "./dom";

/** What the card's controls ask the task pane to do. */
export interface CardActions {
  readonly book: (action: BookActionView, button: HTMLButtonElement) => void;
  readonly goToWeek: (weekOf: string) => void;
  readonly openSettings: () => void;
}

/** A decorative bar: the figure it shows is always written next to it in words. */
const bar = (view: BarView, extra = ""): HTMLElement => {
  const fill = h("span", { class: "bar-fill" });
  fill.style.width = `${Math.round(view.fraction * 100)}%`;
  return h("span", { class: `bar${view.over ? " bar-over" : ""}${extra}`, attrs: { "aria-hidden": "true" } }, fill);
};

/** A "Book prospecting block" button; its full description (day, time, length) is announced with it. */
export const bookButton = (action: BookActionView, actions: CardActions, variant: "primary" | "secondary"): HTMLElement => {
  const descriptionId = uniqueId("book-desc");
  const button = h(
    "button",
    {
      class: `button button-${variant}`,
      attrs: { type: "button", "aria-describedby": descriptionId, "data-book-key": action.key },
    },
    action.label,
  );
  button.addEventListener("click", () => actions.book(action, button));
  return h("span", { class: "book" }, button, h("span", { class: "visually-hidden", attrs: { id: descriptionId } }, action.description));
};

const score = (view: ScoreView): HTMLElement =>
  h(
    "li",
    { class: `score ${view.met ? "score-met" : "score-short"}`, attrs: { "data-score": view.id } },
    h("h3", { class: "score-label" }, view.label),
    h("p", { class: "score-value" }, view.value),
    bar(view.bar),
    h("p", { class: "score-verdict" }, view.met ? "✓ " : "", view.verdict),
    view.note ? h("p", { class: "score-note" }, view.note) : null,
  );

const spot = (view: SpotView, actions: CardActions): HTMLElement =>
  h(
    "li",
    { class: `spot${view.largest ? " spot-largest" : ""}`, attrs: { "data-spot-start": view.start } },
    h("span", { class: "spot-time" }, view.time),
    h("span", { class: "spot-duration" }, view.duration),
    view.largest ? h("span", { class: "badge" }, "Largest") : null,
    bookButton(view.book, actions, "secondary"),
  );

const blankSpots = (card: CardView, actions: CardActions): HTMLElement => {
  const headingId = uniqueId("spots");
  return h(
    "section",
    { class: "section", attrs: { "aria-labelledby": headingId } },
    h("h2", { attrs: { id: headingId } }, "Blank spots"),
    card.suggested
      ? h("div", { class: "suggested" }, h("p", { class: "suggested-text" }, "Suggested: ", card.suggested.description.replace(/^Book a /, "a ")), bookButton(card.suggested, actions, "primary"))
      : null,
    card.blankSpots.emptyText ? h("p", { class: "empty-text" }, card.blankSpots.emptyText) : null,
    ...card.blankSpots.days.map((day) =>
      h("div", { class: "spot-day" }, h("h3", {}, day.day), h("ul", { class: "spots" }, ...day.spots.map((s) => spot(s, actions)))),
    ),
  );
};

const explainTable = (row: BreakdownRowView): HTMLElement =>
  row.items.length === 0
    ? h("p", { class: "explain-empty" }, "No meetings count here this week.")
    : h(
        "table",
        { class: "explain" },
        h("caption", { class: "visually-hidden" }, `Meetings counted as ${row.label}`),
        h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Day"), h("th", { attrs: { scope: "col" } }, "Time"), h("th", { attrs: { scope: "col" } }, "Meeting"), h("th", { attrs: { scope: "col" } }, "Why"))),
        h("tbody", {}, ...row.items.map((item) => h("tr", {}, h("td", {}, item.day), h("td", {}, item.time), h("td", { class: "title" }, item.title || "(no title)"), h("td", {}, item.matched)))),
      );

const breakdownRow = (row: BreakdownRowView): HTMLElement =>
  h(
    "li",
    { class: "row", attrs: { "data-row": row.id } },
    h(
      "details",
      {},
      h("summary", {}, h("span", { class: "row-label" }, row.label), h("span", { class: "row-value" }, row.value), bar(row.bar, " row-bar")),
      explainTable(row),
    ),
  );

const breakdown = (card: CardView): HTMLElement => {
  const headingId = uniqueId("breakdown");
  return h(
    "section",
    { class: "section", attrs: { "aria-labelledby": headingId } },
    h("h2", { attrs: { id: headingId } }, "Breakdown of the week"),
    h("p", { class: "hint" }, "Open a line to see the meetings it counts and why."),
    h("ul", { class: "rows" }, ...card.breakdown.map(breakdownRow)),
    card.ignored.length > 0
      ? h(
          "details",
          { class: "ignored" },
          h("summary", {}, `Not counted (${card.ignored.length})`),
          h("ul", {}, ...card.ignored.map((e) => h("li", {}, h("span", { class: "title" }, e.title || "(no title)"), ` · ${e.day} ${e.time} · ${e.reason}`))),
        )
      : null,
    h("p", { class: "summary" }, card.summary),
    h("ul", { class: "goals" }, ...card.goals.map((g) => h("li", { class: g.met ? "goal-met" : "goal-short", attrs: { "data-goal": g.id } }, g.met ? "✓ " : "• ", g.text))),
  );
};

/** Week before / next week (the default) / week after. */
export const weekNav = (card: Pick<CardView, "nav">, actions: Pick<CardActions, "goToWeek">): HTMLElement =>
  h(
    "nav",
    { class: "week-nav", attrs: { "aria-label": "Weeks" } },
    h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.goToWeek(card.nav.previous) }, "← Week before"),
    h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.goToWeek("") }, "Next week"),
    h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.goToWeek(card.nav.next) }, "Week after →"),
  );

/** The card header: week title (focus lands here after navigation), zone and navigation. */
export const cardHeader = (card: Pick<CardView, "title" | "timeZone" | "nav">, actions: CardActions): HTMLElement =>
  h(
    "header",
    { class: "card-header" },
    h("h1", { attrs: { tabindex: "-1", id: "week-title" } }, card.title),
    h("p", { class: "zone" }, "Time zone: ", card.timeZone),
    weekNav(card, actions),
  );

/** The settings button at the foot of every week screen. */
export const settingsFooter = (actions: Pick<CardActions, "openSettings">): HTMLElement =>
  h("footer", { class: "card-footer" }, h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.openSettings() }, "Settings"));

/**
 * The whole card (spec §4) as DOM: header, score line, blank spots with booking buttons,
 * breakdown with bars and explanations, settings. Every calendar string is a text node.
 * @example renderCard(cardModel(plan), actions) → <div class="card">…<h1>Next week · 30 Nov – 6 Dec</h1>…</div>
 */
export const renderCard = (card: CardView, actions: CardActions): HTMLElement => {
  const scoreId = uniqueId("score");
  return h(
    "div",
    { class: "card", attrs: { "data-screen": "card" } },
    cardHeader(card, actions),
    h(
      "section",
      { class: "section", attrs: { "aria-labelledby": scoreId } },
      h("h2", { attrs: { id: scoreId } }, "Score"),
      h("p", { class: "verdict" }, card.verdict),
      h("ul", { class: "scores" }, ...card.scores.map(score)),
    ),
    blankSpots(card, actions),
    breakdown(card),
    settingsFooter(actions),
  );
};
