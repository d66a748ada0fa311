import { type BookActionView, type BreakdownRowView, type CardView, type ScoreView, type SpotView, textBar } from "../../shared";
import { ACTION } from "./actionNames";
import { calendarText, capLines, shorten } from "./cardText";
import { bold, colored, escapeHtml, lines } from "./escape";

type Cards = GoogleAppsScript.Card_Service.CardService;
type Card = GoogleAppsScript.Card_Service.Card;
type Section = GoogleAppsScript.Card_Service.CardSection;

/** A line above the week: what just happened (booked, spot taken, saved). */
export interface Notice {
  readonly text: string;
  readonly tone: "good" | "bad" | "info";
}

export interface WeekCardOptions {
  readonly notice?: Notice | null;
  /** No settings saved yet: invite the seller to name dream accounts. */
  readonly firstRun?: boolean;
}

export const COLORS = { good: "#188038", bad: "#c5221f", info: "#1a73e8", muted: "#5f6368" } as const;

/** At most this many blank spots get a button; the rest are counted. Keeps the card under ~60 widgets. */
export const MAX_SPOTS = 14;
/** Meetings listed under one breakdown figure, and ignored events listed. */
export const MAX_LIST = 12;

const action = (cards: Cards, functionName: string, parameters: Record<string, string>) =>
  cards.newAction().setFunctionName(functionName).setParameters(parameters).setLoadIndicator(cards.LoadIndicator.SPINNER);

const bookParameters = (book: BookActionView, weekOf: string): Record<string, string> => ({ key: book.key, start: book.start, end: book.end, weekOf });

const button = (cards: Cards, text: string, functionName: string, parameters: Record<string, string>, filled = false) => {
  const b = cards.newTextButton().setText(text).setOnClickAction(action(cards, functionName, parameters));
  return filled ? b.setTextButtonStyle(cards.TextButtonStyle.FILLED) : b;
};

const paragraph = (cards: Cards, html: string) => cards.newTextParagraph().setText(html);

const noticeSection = (cards: Cards, notice: Notice): Section =>
  cards.newCardSection().addWidget(paragraph(cards, colored(notice.text, COLORS[notice.tone])));

const firstRunSection = (cards: Cards): Section =>
  cards
    .newCardSection()
    .addWidget(paragraph(cards, `${bold("Set your dream accounts")}<br>${escapeHtml("Name your dream clients, A-list and pain accounts and your decision-makers, so the week can be measured against them.")}`))
    .addWidget(cards.newButtonSet().addButton(button(cards, "Set your dream accounts", ACTION.openSettings, {}, true)));

const scoreWidget = (cards: Cards, score: ScoreView) => {
  const mark = score.met ? colored("✓", COLORS.good) : colored("✗", COLORS.bad);
  const note = score.note ? `<br>${colored(score.note, COLORS.muted)}` : "";
  return cards
    .newDecoratedText()
    .setTopLabel(escapeHtml(score.label))
    .setText(`${mark} ${bold(score.value)}`)
    .setBottomLabel(`${textBar(score.bar.fraction)} ${escapeHtml(score.verdict)}${note}`)
    .setWrapText(true);
};

const scoreSection = (cards: Cards, view: CardView): Section => {
  const section = cards.newCardSection().setHeader("Score");
  for (const score of view.scores) section.addWidget(scoreWidget(cards, score));
  return section.addWidget(paragraph(cards, bold(view.verdict)));
};

const spotWidget = (cards: Cards, day: string, spot: SpotView, weekOf: string) => {
  const label = spot.largest ? `${escapeHtml(day)} · ${colored("largest blank spot", COLORS.info)}` : escapeHtml(day);
  const text = `${escapeHtml(spot.time)} · ${escapeHtml(spot.duration)}`;
  return cards
    .newDecoratedText()
    .setTopLabel(label)
    .setText(spot.largest ? bold(`${spot.time} · ${spot.duration}`) : text)
    .setWrapText(true)
    .setButton(button(cards, spot.book.label, ACTION.book, bookParameters(spot.book, weekOf)).setAltText(spot.book.description));
};

const spotsSection = (cards: Cards, view: CardView): Section => {
  const section = cards.newCardSection().setHeader("Blank spots");
  if (view.suggested) {
    section.addWidget(
      cards.newButtonSet().addButton(button(cards, view.suggested.description, ACTION.book, bookParameters(view.suggested, view.nav.current), true)),
    );
  }
  if (view.blankSpots.emptyText) section.addWidget(paragraph(cards, escapeHtml(view.blankSpots.emptyText)));
  let shown = 0;
  let total = 0;
  for (const day of view.blankSpots.days) {
    for (const spot of day.spots) {
      total++;
      if (shown >= MAX_SPOTS && !spot.largest) continue;
      shown++;
      section.addWidget(spotWidget(cards, day.day, spot, view.nav.current));
    }
  }
  if (total > shown) section.addWidget(paragraph(cards, colored(`… and ${total - shown} more blank spots`, COLORS.muted)));
  return section;
};

const breakdownSection = (cards: Cards, row: BreakdownRowView): Section => {
  const over = row.bar.over ? ` ${colored("over the cap", COLORS.bad)}` : "";
  const section = cards.newCardSection().addWidget(
    cards
      .newDecoratedText()
      .setTopLabel(escapeHtml(row.label))
      .setText(bold(row.value))
      .setBottomLabel(`${textBar(row.bar.fraction)}${over}`)
      .setWrapText(true),
  );
  if (row.items.length === 0) return section;
  const items = row.items.map((i) => `${escapeHtml(`${i.day} ${i.time}`)} — ${calendarText(i.title)} ${colored(`(${shorten(i.matched, 80)})`, COLORS.muted)}`);
  return section.addWidget(paragraph(cards, lines(capLines(items, MAX_LIST)))).setCollapsible(true).setNumUncollapsibleWidgets(1);
};

const goalsSection = (cards: Cards, view: CardView): Section => {
  const goals = view.goals.map((g) => `${g.met ? colored("✓", COLORS.good) : colored("✗", COLORS.bad)} ${escapeHtml(g.text)}`);
  return cards
    .newCardSection()
    .setHeader("Goals")
    .addWidget(paragraph(cards, lines(goals)))
    .addWidget(paragraph(cards, colored(view.summary, COLORS.muted)));
};

const ignoredSection = (cards: Cards, view: CardView): Section | null => {
  if (view.ignored.length === 0) return null;
  const items = view.ignored.map((i) => `${escapeHtml(`${i.day} ${i.time}`)} — ${calendarText(i.title)}: ${escapeHtml(i.reason)}`);
  const count = view.ignored.length === 1 ? "1 event of the week counts as nothing." : `${view.ignored.length} events of the week count as nothing.`;
  return cards
    .newCardSection()
    .setHeader("Counted as nothing")
    .addWidget(paragraph(cards, colored(count, COLORS.muted)))
    .addWidget(paragraph(cards, lines(capLines(items, MAX_LIST))))
    .setCollapsible(true)
    .setNumUncollapsibleWidgets(1);
};

const navSection = (cards: Cards, view: CardView): Section =>
  cards
    .newCardSection()
    .addWidget(
      cards
        .newButtonSet()
        .addButton(button(cards, "◀ Previous", ACTION.showWeek, { weekOf: view.nav.previous }))
        .addButton(button(cards, "This week", ACTION.showWeek, { weekOf: view.nav.thisWeek }))
        .addButton(button(cards, "Next ▶", ACTION.showWeek, { weekOf: view.nav.next })),
    )
    .addWidget(cards.newButtonSet().addButton(button(cards, "Settings", ACTION.openSettings, {})));

/**
 * The week's card (spec §4) from the core's `CardView`: header with the week and zone, score
 * line, blank spots with a booking button each (the largest highlighted), the breakdown (each
 * figure opens to the meetings it counts), goals, what counted as nothing, and navigation.
 * Every calendar string is escaped; numbers come from the view, none is computed here.
 */
export const renderWeekCard = (cards: Cards, view: CardView, options: WeekCardOptions = {}): Card => {
  const card = cards.newCardBuilder().setName("week").setHeader(cards.newCardHeader().setTitle(view.title).setSubtitle(view.timeZone));
  if (options.notice) card.addSection(noticeSection(cards, options.notice));
  if (options.firstRun) card.addSection(firstRunSection(cards));
  card.addSection(scoreSection(cards, view));
  card.addSection(spotsSection(cards, view));
  for (const row of view.breakdown) card.addSection(breakdownSection(cards, row));
  card.addSection(goalsSection(cards, view));
  const ignored = ignoredSection(cards, view);
  if (ignored) card.addSection(ignored);
  card.addSection(navSection(cards, view));
  return card.build();
};
