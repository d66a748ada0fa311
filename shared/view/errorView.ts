import type { ErrorKind, NextWeekError } from "../errors";

/** An error screen: a heading, one message a salesperson can act on, and what the buttons say. */
export interface ErrorView {
  readonly kind: ErrorKind;
  /** "Could not read your calendar" */
  readonly heading: string;
  readonly message: string;
  /** "Try again" */
  readonly retryLabel: string;
  /** The week the retry shows again (YYYY-MM-DD). */
  readonly retryWeekOf: string;
  /** "Sign in again" when signing in is what fixes it; null otherwise. */
  readonly signInLabel: string | null;
}

const HEADINGS: Record<ErrorKind, string> = {
  AuthError: "Sign in again",
  PermissionError: "Permission needed",
  CalendarReadError: "Could not read your calendar",
  CalendarWriteError: "Could not book the block",
  EventError: "An event could not be read",
  SettingsError: "Your settings need a fix",
  InputError: "Something went wrong",
};

/**
 * The error as a screen. A malformed event says which one and what to do about it.
 * @example errorView(new EventError("abc", "start", "is missing"), "2026-11-30").message
 *   → "One event on your calendar could not be read (event abc: start is missing). Fix or delete that event, then try again."
 */
export const errorView = (error: NextWeekError, retryWeekOf: string): ErrorView => ({
  kind: error.kind,
  heading: HEADINGS[error.kind],
  message: error.kind === "EventError" ? `One event on your calendar could not be read (${error.message}). Fix or delete that event, then try again.` : error.message,
  retryLabel: "Try again",
  retryWeekOf,
  signInLabel: error.kind === "AuthError" || error.kind === "PermissionError" ? "Sign in again" : null,
});
