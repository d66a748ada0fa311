import { AuthError, CalendarReadError, CalendarWriteError, type NextWeekError, PermissionError } from "../../shared";

/** A write whose answer never came: it may have landed, so the message must not say "nothing was booked". */
export class UncertainWriteError extends CalendarWriteError {}

/** What the add-in was doing, for the message: "read your calendar", "read your mailbox settings", "book the block". */
export interface GraphCall {
  readonly doing: string;
  /** The Graph permission that call needs, named when Graph answers 403. */
  readonly permission: string;
  /** Reading or writing: picks CalendarReadError or CalendarWriteError. */
  readonly write?: boolean;
}

interface GraphErrorLike {
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly message?: string;
}

const asGraphError = (error: unknown): GraphErrorLike => (typeof error === "object" && error !== null ? (error as GraphErrorLike) : {});

/**
 * Turns a Graph client failure into an error a salesperson can act on. 401 asks to sign in again;
 * 403 names the missing permission; throttling that outlasted the retries, 5xx and network
 * failures say what could not be done. Token failures (AuthError, PermissionError) keep their message.
 * @example graphFailure({ statusCode: 403, code: "ErrorAccessDenied" }, { doing: "read your calendar", permission: "Calendars.ReadWrite" })
 *   → PermissionError("Next Week could not read your calendar: it needs the Calendars.ReadWrite permission, …")
 */
export const graphFailure = (error: unknown, call: GraphCall): NextWeekError => {
  const e = asGraphError(error);
  const status = typeof e.statusCode === "number" ? e.statusCode : -1;
  const code = e.code ?? "";
  // The token provider's own errors come back wrapped by the Graph client with their name as code.
  if (code === "AuthError") return new AuthError(e.message || "Sign in again to Microsoft 365.", { cause: error });
  if (code === "PermissionError") return new PermissionError(e.message || `Next Week needs the ${call.permission} permission.`, { cause: error });
  if (code === "GraphTimeoutError" || (error instanceof Error && error.name === "GraphTimeoutError")) {
    return call.write
      ? new UncertainWriteError(`Microsoft 365 did not answer in time, so Next Week cannot tell whether the block was booked. Choose the button again: it will not book it twice.`, { cause: error })
      : new CalendarReadError(`Microsoft 365 did not answer in time, so Next Week could not ${call.doing}. Try again.`, { cause: error });
  }
  if (status === 401) {
    return new AuthError(`Your Microsoft 365 sign-in has expired, so Next Week could not ${call.doing}. Choose “Sign in again”.`, { cause: error });
  }
  if (status === 403) {
    return new PermissionError(
      `Next Week could not ${call.doing}: it needs the ${call.permission} permission, which this account has not granted. Sign in again and accept it, or ask your Microsoft 365 admin to approve it.`,
      { cause: error },
    );
  }
  const Failure = call.write ? CalendarWriteError : CalendarReadError;
  if (status === 429 || status === 503 || status === 504) {
    return new Failure(`Microsoft 365 is busy and asked Next Week to slow down, so it could not ${call.doing}. Try again in a minute.`, { cause: error });
  }
  if (status === 404) {
    return new Failure(`Next Week could not ${call.doing}: Microsoft 365 did not find this mailbox's calendar (${code || "404"}).`, { cause: error });
  }
  if (status >= 500) {
    return new Failure(`Microsoft 365 had a problem (${status}${code ? ` ${code}` : ""}), so Next Week could not ${call.doing}. Try again.`, { cause: error });
  }
  if (status === -1) {
    return new Failure(`Next Week could not reach Microsoft 365 to ${call.doing}. Check your connection and try again.`, { cause: error });
  }
  return new Failure(`Next Week could not ${call.doing} (Microsoft 365 answered ${status}${code ? ` ${code}` : ""}).`, { cause: error });
};
