import type { CardView, SuggestionChoice, SuggestionRowView } from "../../shared";
import { h, uniqueId } from "./dom";
import { section } from "./renderParts";

/** What a first-run choice asks the pane to do: save the company as that kind of account. */
export type ChooseHandler = (domain: string, choice: SuggestionChoice, buttons: readonly HTMLButtonElement[]) => void;

const suggestionRow = (row: SuggestionRowView, choose: ChooseHandler): HTMLElement => {
  const nameId = uniqueId("suggestion");
  const buttons = row.choices.map(({ choice, label }) =>
    h("button", { class: `button button-secondary button-small${choice === "not" ? " button-quiet" : ""}`, attrs: { type: "button", "data-choice": choice, "aria-describedby": nameId } }, label),
  );
  buttons.forEach((button, i) => button.addEventListener("click", () => choose(row.domain, row.choices[i]!.choice, buttons)));
  return h(
    "li",
    { class: "suggestion", attrs: { "data-domain": row.domain } },
    h("p", { class: "suggestion-name", attrs: { id: nameId } }, h("span", { class: "who-account" }, row.name), " · ", h("span", { class: "muted" }, row.domain)),
    h("p", { class: "muted" }, row.detail),
    h("div", { class: "choices", attrs: { role: "group", "aria-labelledby": nameId } }, ...buttons),
  );
};

/** First run (spec §4.7): the companies met most in the look-back, each one click from an account kind. */
export const renderFirstRun = (card: Pick<CardView, "firstRun">, choose: ChooseHandler): HTMLElement | null => {
  const run = card.firstRun;
  if (!run) return null;
  return section(
    "first-run",
    run.heading,
    h("p", {}, run.intro),
    run.rows.length > 0 ? h("ul", { class: "suggestions" }, ...run.rows.map((row) => suggestionRow(row, choose))) : null,
    run.emptyText ? h("p", { class: "empty-text" }, run.emptyText) : null,
  );
};
