import { cut, oneLine } from "./safeText";

// Lines for an 80-column terminal, measured in code points: every line the card prints goes
// through `fit` or `hang`, so none is longer than WIDTH whatever a calendar's titles hold.

/** The terminal width the card is laid out for. */
export const WIDTH = 80;

/** Length in code points (a surrogate pair is one). */
export const length = (text: string): number => Array.from(text).length;

/** One line, cut at WIDTH with "…". */
export const fit = (line: string): string => cut(line, WIDTH);

/** `text` cleaned to one line, cut to `width` and padded to it: a column. */
export const column = (text: string, width: number): string => {
  const shown = cut(oneLine(text), width);
  return shown + " ".repeat(Math.max(0, width - length(shown)));
};

/** `text` cleaned to one line and padded to `width`, never cut (a day or a time range). */
export const padded = (text: string, width: number): string => {
  const shown = oneLine(text);
  return shown + " ".repeat(Math.max(0, width - length(shown)));
};

/**
 * `text` after `lead`, wrapped at word boundaries to WIDTH, the next lines indented to where
 * `text` began (a word longer than a line is cut).
 * @example hang("  ✓ ", "a long sentence …") → ["  ✓ a long …", "    sentence …"]
 */
export const hang = (lead: string, text: string): string[] => {
  const indent = " ".repeat(length(lead));
  const room = Math.max(10, WIDTH - length(lead));
  const lines: string[] = [];
  let current = "";
  for (const word of oneLine(text).split(" ")) {
    if (word === "") continue;
    const next = current === "" ? word : `${current} ${word}`;
    if (length(next) <= room) current = next;
    else {
      if (current !== "") lines.push(current);
      current = cut(word, room);
    }
  }
  lines.push(current);
  return lines.map((line, i) => fit(`${i === 0 ? lead : indent}${line}`));
};

/**
 * A list line: `lead` + `main` + " " + `tail` when it fits; else `main` on the line (cut) and
 * `tail` on the next, indented by `indent` (cut), so what matched stays readable.
 * @example explained("    Mon 30 Nov  10:00–11:00  ", "Acme: discovery call with Dana", "— Acme (dream account): dana.ruiz@acme.com", 8)
 */
export const explained = (lead: string, main: string, tail: string, indent: number): string[] => {
  const line = `${lead}${oneLine(main)} ${oneLine(tail)}`;
  if (length(line) <= WIDTH) return [line];
  return [fit(`${lead}${oneLine(main)}`), fit(`${" ".repeat(indent)}${oneLine(tail)}`)];
};
