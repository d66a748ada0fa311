import type { ErrorView } from "../../shared";
import { h } from "./dom";

/** The loading screen: says what is happening, announced politely. */
export const renderLoading = (what = "Reading your calendar…"): HTMLElement =>
  h(
    "div",
    { class: "screen screen-loading", attrs: { "data-screen": "loading", role: "status", "aria-live": "polite" } },
    h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }),
    h("p", {}, what),
  );

export interface ErrorActions {
  /** Shows the week again (the view's `retryWeekOf`). */
  readonly retry: (weekOf: string) => void;
  /** Asks for an interactive sign-in (offered when the view has a sign-in label). */
  readonly signIn?: () => void;
  /** Offered for settings and event problems, with the pane's Settings label. */
  readonly openSettings?: { readonly label: string; readonly open: () => void };
}

/**
 * The error screen: the core's ErrorView (heading, message, retry and sign-in labels). Never
 * shows numbers, never looks like an empty week.
 * @example renderError(errorView(new AuthError("Your Microsoft 365 sign-in has expired…"), "2026-11-30"), { retry, signIn }) → heading "Sign in again" + button
 */
export const renderError = (view: ErrorView, actions: ErrorActions): HTMLElement => {
  const signIn = view.signInLabel !== null && actions.signIn ? actions.signIn : null;
  return h(
    "div",
    { class: "screen screen-error", attrs: { "data-screen": "error", "data-error-kind": view.kind } },
    h("h1", { attrs: { tabindex: "-1" } }, view.heading),
    h("p", { class: "error-message", attrs: { role: "alert" } }, view.message),
    h(
      "div",
      { class: "actions" },
      signIn && view.signInLabel ? h("button", { class: "button button-primary", attrs: { type: "button" }, onClick: () => signIn() }, view.signInLabel) : null,
      h("button", { class: `button ${signIn ? "button-secondary" : "button-primary"}`, attrs: { type: "button" }, onClick: () => actions.retry(view.retryWeekOf) }, view.retryLabel),
      actions.openSettings ? h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => actions.openSettings?.open() }, actions.openSettings.label) : null,
    ),
  );
};
