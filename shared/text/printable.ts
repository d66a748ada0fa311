/**
 * Text from a file made safe to print in one line of an error message: control characters
 * (C0, DEL, C1: terminal escape sequences, NUL, line breaks), bidirectional overrides and
 * zero-width marks become a space, runs of spaces one space, the ends are trimmed, and anything longer than `max`
 * characters is cut with an ellipsis (never in the middle of a surrogate pair).
 * @example printable("Acme\u001b[31m\u0000 Corp") → "Acme [31m Corp"
 * @example printable("x".repeat(500)) → "xxx…x…" (80 characters)
 */
export const printable = (text: string, max = 80): string => {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+/g, " ").replace(/ {2,}/g, " ").trim();
  if (clean.length <= max) return clean;
  let cut = Math.max(0, max - 1);
  const last = clean.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${clean.slice(0, cut)}…`;
};
