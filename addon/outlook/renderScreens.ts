import { type CardView, type NextWeekError } from "../../shared";
import { h } from "./dom";
import { bookButton, cardHeader, settingsFooter, type CardActions } from "./renderCard";

/** The loading screen: says what is happening, announced politely. */
export const renderLoading = (what = "Reading your calendar…"): HTMLElement =>
  h(
    "div",
    { class: "screen screen-loading", attrs: { "data-screen": "loading", role: "status", "aria-live": "polite" } },
    h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }),
    h("p", {}, what),
  );

/**
 * The empty-week screen: the calendar was read and holds nothing that week (distinct from an
 * error, which never looks like an empty week). The whole week is open, so booking is offered.
 */
export const renderEmptyWeek = (card: CardView, actions: CardActions): HTMLElement =>
  h(
    "div",
    { class: "screen screen-empty", attrs: { "data-screen": "empty" } },
    cardHeader(card, actions),
    h("h2", {}, "Nothing on your calendar that week"),
    h("p", {}, "No meetings with dream clients or decision-makers yet: the whole week is open. Start by blocking time to prospect."),
    h("p", { class: "summary" }, card.summary),
    card.suggested ? h("div", { class: "suggested" }, h("p", {}, card.suggested.description), bookButton(card.suggested, actions, "primary")) : null,
    settingsFooter(actions),
  );

export interface ErrorActions {
  readonly retry: () => void;
  /** Present when the error is about the sign-in: asks for an interactive sign-in. */
  readonly signIn?: () => void;
  readonly openSettings?: () => void;
}

const HEADINGS: Partial<Record<NextWeekError["kind"], string>> = {
  AuthError: "Sign in again",
  PermissionError: "Permission needed",
  CalendarReadError: "Could not read your calendar",
  CalendarWriteError: "Could not book the block",
  EventError: "An event could not be read",
  SettingsError: "Your settings need a fix",
};

/**
 * The error screen: what went wrong in plain words and what to do. Never shows numbers.
 * @example renderError(new AuthError("Your Microsoft 365 sign-in has expired…"), { retry, signIn }) → heading "Sign in again" + button
 */
export const renderError = (error: NextWeekError, actions: ErrorActions): HTMLElement =>
  h(
    "div",
    { class: "screen screen-error", attrs: { "data-screen": "error", "data-error-kind": error.kind } },
    h("h1", { attrs: { tabindex: "-1" } }, HEADINGS[error.kind] ?? "Something went wrong"),
    h("p", { class: "error-message", attrs: { role: "alert" } }, error.message),
    h(
      "div",
      { class: "actions" },
      actions.signIn && (error.kind === "AuthError" || error.kind === "PermissionError")
        ? h("button", { class: "button button-primary", attrs: { type: "button" }, onClick: () => actions.signIn?.() }, "Sign in again")
        : null,
      h("button", { class: `button ${actions.signIn && error.kind === "AuthError" ? "button-secondary" : "button-primary"}`, attrs: { type: "button" }, onClick: () => actions.retry() }, "Try again"),
      actions.openSettings ? h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.openSettings?.() }, "Settings") : null,
    ),
  );
