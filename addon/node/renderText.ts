import { type BarView, type CardView, textBar } from "../../shared";

/** A 20-character text bar, with "!" when a cap is exceeded. */
const bar = (b: BarView): string => `${textBar(b.fraction, 20)}${b.over ? " !" : ""}`;

/** Control characters in calendar strings would move the terminal's cursor: show them as spaces. */
const safe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");

/**
 * The card as terminal text. Every calendar string is printed as plain text.
 * @example renderText(card) → "Next week · 30 Nov – 6 Dec  (America/New_York)\n…"
 */
export const renderText = (card: CardView, options: { details?: boolean } = {}): string => {
  const lines: string[] = [];
  lines.push(`${card.title}  (${card.timeZone})`, "");
  for (const s of card.scores) {
    lines.push(`${s.met ? "✓" : "·"} ${s.label.padEnd(24)} ${bar(s.bar)}  ${s.value}`);
    lines.push(`  ${s.verdict}${s.note ? ` — ${s.note}` : ""}`);
  }
  for (const g of card.goals) lines.push(`${g.met ? "✓" : "·"} ${g.text}`);
  lines.push("", card.verdict, "", "Blank spots");
  if (card.blankSpots.emptyText) lines.push(`  ${card.blankSpots.emptyText}`);
  for (const day of card.blankSpots.days) {
    for (const spot of day.spots) {
      lines.push(`  ${spot.largest ? "★" : " "} ${day.day.padEnd(11)} ${spot.time.padEnd(13)} ${spot.duration}`);
    }
  }
  if (card.suggested) lines.push(`  Suggested prospecting block: ${card.suggested.description.replace(/^Book a /, "")}`);
  lines.push("", "The week");
  for (const row of card.breakdown) {
    lines.push(`  ${row.label.padEnd(18)} ${bar(row.bar)}  ${row.value}`);
    if (options.details !== false) {
      for (const item of row.items) lines.push(`      ${item.day} ${item.time}  ${safe(item.title) || "(no title)"}  — ${safe(item.matched)}`);
    }
  }
  if (card.ignored.length > 0) {
    lines.push("", "Counted as nothing");
    for (const item of card.ignored) lines.push(`  ${item.day} ${item.time}  ${safe(item.title) || "(no title)"}  — ${item.reason}`);
  }
  lines.push("", card.summary);
  return lines.join("\n");
};
