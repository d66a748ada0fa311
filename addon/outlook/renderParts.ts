import type { BarView, BookActionView, MarkView } from "../../shared";
import { h, uniqueId } from "./dom";

/** A decorative bar whose width is the view's fraction: the figure it shows is always written next to it. */
export const bar = (view: BarView, extra = ""): HTMLElement => {
  const fill = h("span", { class: "bar-fill" });
  fill.style.width = `${Math.round(Math.min(1, Math.max(0, view.fraction)) * 1000) / 10}%`;
  return h("span", { class: `bar${view.over ? " bar-over" : ""}${extra ? ` ${extra}` : ""}`, attrs: { "aria-hidden": "true" } }, fill);
};

/** The met / not-met mark: the symbol for the eye, its words for screen readers. */
export const mark = (view: MarkView): HTMLElement =>
  h("span", { class: `mark ${view.met ? "mark-met" : "mark-short"}` }, h("span", { attrs: { "aria-hidden": "true" } }, view.symbol), h("span", { class: "visually-hidden" }, view.label));

/** A section with its heading (h2), labelled by it. */
export const section = (name: string, heading: string, ...children: readonly (Node | null)[]): HTMLElement => {
  const id = uniqueId(name);
  return h("section", { class: `section section-${name}`, attrs: { "aria-labelledby": id, "data-section": name } }, h("h2", { attrs: { id } }, heading), ...children);
};

/** What a booking button asks the pane to do. */
export type BookHandler = (action: BookActionView, button: HTMLButtonElement) => void;

/**
 * A booking button ("Book prospecting block" / "Book outreach block"); the block's full
 * description (day, time, length) is announced with it.
 */
export const bookButton = (action: BookActionView, book: BookHandler, variant: "primary" | "secondary" | "small"): HTMLElement => {
  const descriptionId = uniqueId("book-desc");
  const button = h(
    "button",
    {
      class: `button ${variant === "primary" ? "button-primary" : "button-secondary"}${variant === "small" ? " button-small" : ""}`,
      attrs: { type: "button", "aria-describedby": descriptionId, "data-book-key": action.key, "data-book-account": action.account ?? undefined },
    },
    action.label,
  );
  button.addEventListener("click", () => book(action, button));
  return h("span", { class: "book" }, button, h("span", { class: "visually-hidden", attrs: { id: descriptionId } }, action.description));
};
