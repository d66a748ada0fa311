/**
 * Typed errors, carried as values. Each message is one sentence a salesperson can act on;
 * `cause` keeps the technical detail for logs.
 */
export type ErrorKind =
  | "SettingsError"
  | "EventError"
  | "CalendarReadError"
  | "CalendarWriteError"
  | "AuthError"
  | "PermissionError"
  | "InputError";

export class NextWeekError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = kind;
  }
}

/** Settings that fail the schema: the message names the field, e.g. "targets.painMinutesMax must be ≥ 0". */
export class SettingsError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("SettingsError", message, options);
  }
}

/** A malformed calendar event: the message names the event id and the field. */
export class EventError extends NextWeekError {
  readonly eventId: string;
  readonly field: string;
  constructor(eventId: string, field: string, problem: string, options?: { cause?: unknown }) {
    super("EventError", `event ${eventId}: ${field} ${problem}`, options);
    this.eventId = eventId;
    this.field = field;
  }
}

/** The calendar could not be read. Never shown as an empty week. */
export class CalendarReadError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("CalendarReadError", message, options);
  }
}

/** The calendar could not be written (booking failed); nothing was half-booked. */
export class CalendarWriteError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("CalendarWriteError", message, options);
  }
}

/** The sign-in is missing or expired: the user must sign in again. */
export class AuthError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("AuthError", message, options);
  }
}

/** The account has not granted a permission the add-in needs; the message names it. */
export class PermissionError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("PermissionError", message, options);
  }
}

/** Bad input to the command line or an import (unreadable file, bad option). */
export class InputError extends NextWeekError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("InputError", message, options);
  }
}
