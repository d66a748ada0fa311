// Text that reaches the terminal from a file passes through here: a file's bytes must never
// move the cursor, recolour the screen or clear it (ESC sequences), ring the bell, or turn one
// error line into many.
import { printable } from "../../shared";

/** C0 controls, DEL, C1 controls, and the Unicode line, paragraph and bidirectional-override marks. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;


/** The longest excerpt of a file a message quotes. */
export const EXCERPT_CHARS = 80;
/** The longest error line the command line prints. */
export const LINE_CHARS = 400;

/** Cuts a string to `max` characters, marking the cut with "…" (never splits a surrogate pair). */
export const cut = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};

/**
 * One printable line: every control character becomes a space (runs collapse), quoted excerpts
 * longer than 80 characters are cut, and the whole line is cut at 400.
 * @example safeLine('bad "\u001b[2Jx"\nnext') → 'bad " [2Jx" next'
 */
export const safeLine = (text: string): string => {
  const flat = text.replace(CONTROLS, " ").replace(/ {2,}/g, " ");
  const quotesCut = flat.replace(/"([^"]{81,})"/g, (_, inner: string) => `"${cut(inner, EXCERPT_CHARS)}"`);
  return cut(quotesCut, LINE_CHARS);
};

/** A printable excerpt of a file's start, for a message: the core's `printable`, cut at 80 characters. */
export const excerpt = (text: string): string => printable(text, EXCERPT_CHARS);

/**
 * A calendar string as one printable run of text for the card: every control, line break,
 * bidirectional override or zero-width mark becomes a space, runs of spaces one space.
 * @example oneLine("Acme\u001b[2J\nCall") → "Acme [2J Call"
 */
export const oneLine = (text: string): string => printable(text, Number.POSITIVE_INFINITY);

/** Multi-line output (the card): lines kept, every other control character replaced by a space. */
export const safeBlock = (text: string): string => text.replace(/\r\n?/g, "\n").replace(CONTROLS_BUT_NEWLINE, " ");

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal may act on (DEL, C1
 * controls, U+2028/2029, bidirectional overrides) written as \u escapes: the same value, safe to print.
 */
export const safeJson = (json: string): string =>
  json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
