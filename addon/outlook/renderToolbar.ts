import type { CardView, NavView } from "../../shared";
import { h, uniqueId } from "./dom";

export interface ToolbarActions {
  readonly goToWeek: (weekOf: string) => void;
  readonly openSettings: () => void;
}

const navButton = (view: NavView, current: boolean, actions: ToolbarActions, name: string): HTMLElement => {
  const id = uniqueId("nav-desc");
  return h(
    "span",
    { class: "nav-item" },
    h(
      "button",
      { class: "button button-toolbar", attrs: { type: "button", "aria-describedby": id, "aria-current": current ? "date" : undefined, "data-nav": name }, onClick: () => actions.goToWeek(view.weekOf) },
      view.label,
    ),
    h("span", { class: "visually-hidden", attrs: { id } }, view.description),
  );
};

/**
 * The toolbar at the top of the card: week navigation (previous / home / next) and Settings,
 * always reachable without scrolling. Labels and descriptions come from the card.
 */
export const renderToolbar = (card: Pick<CardView, "navigation" | "labels">, actions: ToolbarActions): HTMLElement => {
  const { previous, home, next, current } = card.navigation;
  return h(
    "div",
    { class: "toolbar" },
    h(
      "nav",
      { class: "toolbar-nav" },
      navButton(previous, false, actions, "previous"),
      navButton(home, current === home.weekOf, actions, "home"),
      navButton(next, false, actions, "next"),
    ),
    h("button", { class: "button button-toolbar toolbar-settings", attrs: { type: "button", "data-action": "settings" }, onClick: () => actions.openSettings() }, card.labels.settings),
  );
};
