/**
 * The small pieces every card is built from: CardService types, colours, actions, buttons,
 * paragraphs and the notice line. Texts passed in are already escaped unless a helper says so.
 */
import { colored } from "./escape";

export type Cards = GoogleAppsScript.Card_Service.CardService;
export type Card = GoogleAppsScript.Card_Service.Card;
export type Section = GoogleAppsScript.Card_Service.CardSection;

/** A line above the week: what a click just did (booked, spot taken, saved), as the core worded it. */
export interface Notice {
  readonly text: string;
  readonly tone: "good" | "bad" | "info";
}

export const COLORS = { good: "#188038", bad: "#c5221f", info: "#1a73e8", muted: "#5f6368" } as const;

/** Longest button label: CardService cuts longer ones in the narrow side panel. */
export const MAX_BUTTON_LABEL = 25;

/** An action calling one of the script's globals, with a spinner while it runs. */
export const action = (cards: Cards, functionName: string, parameters: Record<string, string>) =>
  cards.newAction().setFunctionName(functionName).setParameters(parameters).setLoadIndicator(cards.LoadIndicator.SPINNER);

/**
 * A text button (plain text label, never markup); `altText` is what a screen reader says.
 * `style`: FILLED for the one primary action, OUTLINED (the default look) otherwise.
 */
export const button = (cards: Cards, label: string, functionName: string, parameters: Record<string, string>, options: { altText?: string; filled?: boolean } = {}) => {
  let b = cards
    .newTextButton()
    .setText(label)
    .setTextButtonStyle(options.filled ? cards.TextButtonStyle.FILLED : cards.TextButtonStyle.OUTLINED)
    .setOnClickAction(action(cards, functionName, parameters));
  if (options.altText) b = b.setAltText(options.altText);
  return b;
};

export const paragraph = (cards: Cards, html: string) => cards.newTextParagraph().setText(html);

/** Muted text, escaped. */
export const muted = (text: string): string => colored(text, COLORS.muted);

export const noticeSection = (cards: Cards, notice: Notice): Section => cards.newCardSection().addWidget(paragraph(cards, colored(notice.text, COLORS[notice.tone])));

/**
 * The first `max` items as lines (only those are formatted), then a count of the rest ("… +3"), so
 * a long list stays one widget of sensible length. `total` is how many the list stands for when
 * `items` holds only the first of them (a breakdown row lists its first 50 meetings).
 * @example cappedLines(["a", "b", "c"], 2, (x) => x) → ["a", "b", "… +1"]
 */
export const cappedLines = <T>(items: readonly T[], max: number, line: (item: T) => string, total = items.length): string[] => {
  const lines = items.slice(0, max).map(line);
  return total > lines.length ? [...lines, `… +${total - lines.length}`] : lines;
};
