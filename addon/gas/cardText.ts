import { escapeHtml } from "./escape";

/** Longest calendar title shown on a card; longer ones end in "…". */
export const MAX_TITLE = 100;

/**
 * A calendar string on one line, cut to `max` characters (not escaped).
 * @example shorten("Quarterly   business review", 12) → "Quarterly b…"
 */
export const shorten = (text: string, max = MAX_TITLE): string => {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
};

/**
 * A calendar title made safe and short for a card: shortened, then escaped; "(no title)" when empty.
 * @example calendarText("<b>x</b>") → "&lt;b&gt;x&lt;/b&gt;"
 */
export const calendarText = (text: string, max = MAX_TITLE): string => escapeHtml(shorten(text, max) || "(no title)");
