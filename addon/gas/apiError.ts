/**
 * Turns an exception from an Apps Script advanced service into words a salesperson can act on.
 * Apps Script throws `Error("API call to calendar.events.list failed with error: Forbidden")`
 * and similar; the technical text stays in the error's `cause`.
 */

const KNOWN: readonly { readonly test: RegExp; readonly text: string }[] = [
  { test: /insufficient|permission|forbidden|403|not authori[sz]ed|authorization is required/i, text: "the add-on is missing a permission. Open it again and allow access to your calendar." },
  { test: /rate ?limit|quota|429|too many/i, text: "Google is limiting requests right now. Wait a minute and try again." },
  { test: /not found|404/i, text: "the calendar was not found." },
  { test: /timed? ?out|deadline|exceeded maximum execution/i, text: "Google took too long to answer. Try again." },
  { test: /backend error|internal error|50\d|unavailable/i, text: "Google Calendar had a temporary problem. Try again." },
];

/**
 * The message of anything thrown (duck-typed: an exception may come from another realm, where
 * `instanceof Error` is false).
 * @example messageOf(new Error("Backend Error")) → "Backend Error"
 */
export const messageOf = (cause: unknown): string =>
  typeof cause === "object" && cause !== null && "message" in cause ? String((cause as { message: unknown }).message) : String(cause);

/**
 * @example describeApiError(new Error("API call to calendar.events.list failed with error: Backend Error")) → "Google Calendar had a temporary problem. Try again."
 */
export const describeApiError = (cause: unknown): string => {
  const message = messageOf(cause);
  const known = KNOWN.find((k) => k.test.test(message));
  return known ? known.text : "Google Calendar did not answer as expected. Try again.";
};
