/**
 * CardService renders a small HTML subset in `TextParagraph` and `DecoratedText` text
 * (`<b>`, `<i>`, `<u>`, `<s>`, `<font color>`, `<a href>`, `<br>`). Every string that came
 * from a calendar or a user goes through `escapeHtml` before it reaches such a field, so a
 * title like `<b>x</b>` shows as typed instead of bold.
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Escapes text for CardService's HTML subset.
 * @example escapeHtml('<a href="x">Q&A</a>') → '&lt;a href="x"&gt;Q&amp;A&lt;/a&gt;'
 * (Quotes stay: user text never lands inside an attribute.)
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);

/**
 * Bold text, escaped.
 * @example bold("Acme <QBR>") → "<b>Acme &lt;QBR&gt;</b>"
 */
export const bold = (text: string): string => `<b>${escapeHtml(text)}</b>`;

/**
 * Coloured text, escaped. `color` is one of our own constants, never user input.
 * @example colored("over cap", "#c5221f") → '<font color="#c5221f">over cap</font>'
 */
export const colored = (text: string, color: string): string => `<font color="${color}">${escapeHtml(text)}</font>`;

/** Lines of already-escaped markup joined with CardService line breaks. */
export const lines = (escapedLines: readonly string[]): string => escapedLines.join("<br>");
