/**
 * CardService has no charts: a bar is drawn with block characters in a text field.
 */

const WIDTH = 12;

/**
 * A text bar for a fraction between 0 and 1 (clamped).
 * @example textBar(0.5) → "██████░░░░░░"
 * @example textBar(0) → "░░░░░░░░░░░░"
 */
export const textBar = (fraction: number, width = WIDTH): string => {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = f > 0 && f < 1 ? Math.min(width - 1, Math.max(1, Math.round(f * width))) : Math.round(f * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
};
