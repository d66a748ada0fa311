import { type BarView, type BookActionView, type CardView, textBar } from "../../shared";
import { oneLine } from "./safeText";
import { column, explained, fit, hang, length, padded, WIDTH } from "./textLayout";

// The card (spec §4) as terminal text, 80 columns, every word from the CardView. The first
// screen (24 lines) holds the verdict, the score, who to meet and the suggested block; the
// explained breakdown, the ignored events and the first-run suggestions follow, and the week
// navigation is the last line. `--brief` leaves out the meetings each figure counts.

/** The mark of a trend week that met its target (the score rows carry the core's own marks). */
const MET = "✓";

/** A text bar and the space after it; "!" after it when a cap is exceeded. */
const bar = (b: BarView, width: number): string => `${textBar(b.fraction, width)}${b.over ? " ! " : " "}`;

const book = (action: BookActionView): string[] => hang("  → ", `${action.label}: ${action.when}`);

const header = (card: CardView): string[] => {
  const title = oneLine(card.title);
  const zone = oneLine(card.zoneLabel);
  const gap = WIDTH - length(title) - length(zone);
  return gap >= 3 ? [`${title}${" ".repeat(gap)}${zone}`] : [fit(title), fit(zone)];
};

const score = (card: CardView): string[] => [card.headings.score, ...card.score.flatMap((row) => hang(`  ${row.mark.symbol} ${bar(row.bar, 12)}`, row.text))];

const whoToMeet = (card: CardView): string[] => {
  const who = card.whoToMeet;
  const lines = [card.headings.whoToMeet];
  if (who.emptyText) lines.push(...hang("  ", who.emptyText));
  for (const row of who.rows) lines.push(...hang(`  ${column(row.account, 16)} ${column(row.tier, 7)} ${column(row.status, 5)} `, [row.since, ...row.notes].join(" · ")));
  if (who.more) lines.push(`  ${oneLine(who.more)}`);
  const first = who.rows.find((row) => row.book)?.book;
  if (first) lines.push(...book(first), ...hang("    ", first.title));
  return lines;
};

const spots = (card: CardView): string[] => {
  const lines = [card.headings.spots];
  if (card.spots.primary) lines.push(...book(card.spots.primary));
  if (card.spots.emptyText) lines.push(...hang("  ", card.spots.emptyText));
  for (const spot of card.spots.rows) lines.push(fit(`  ${spot.largest ? "★" : " "} ${column(spot.day, 11)} ${column(spot.time, 13)} ${oneLine(spot.duration)}`));
  return lines;
};

const trend = (card: CardView): string[] => {
  const t = card.trend;
  const lines = [card.headings.trend];
  if (t.emptyText) lines.push(...hang("  ", t.emptyText));
  if (t.rows.length > 0) {
    const label = (id: string) => card.score.find((row) => row.id === id)?.label ?? "";
    lines.push(fit(`  ${" ".repeat(8)}${column(label("salesMeetings"), 20)}${label("dreamClientMinutes")}`));
    for (const row of t.rows) {
      const sales = `${bar(row.salesBar, 12)}${column(`${row.salesMeetings}${row.salesMet ? ` ${MET}` : ""}`, 7)}`;
      lines.push(fit(`  ${column(row.week, 7)} ${sales}${bar(row.dreamBar, 12)}${oneLine(row.dreamClient)}${row.dreamMet ? ` ${MET}` : ""}`));
    }
  }
  lines.push(...hang("  ", t.legend));
  if (t.average) lines.push(...hang("  ", t.average));
  return lines;
};

const breakdown = (card: CardView, details: boolean): string[] => {
  const lines = [card.headings.breakdown, ...hang("  ", card.weekSummary)];
  for (const row of card.breakdown) {
    lines.push(fit(`  ${column(row.label, 17)} ${bar(row.bar, 20)} ${oneLine(row.value)}`));
    if (!details) continue;
    for (const item of row.items) lines.push(...explained(`    ${padded(item.day, 10)} ${padded(item.time, 11)}  `, item.title || "(no title)", `— ${item.matched}`, 8));
    if (row.more) lines.push(fit(`    ${oneLine(row.more)}`));
  }
  return lines;
};

const ignored = (card: CardView): string[] =>
  card.ignored.length === 0 ? [] : ["", card.headings.ignored, ...card.ignored.flatMap((item) => explained(`  ${padded(item.day, 10)} ${padded(item.time, 11)}  `, item.title || "(no title)", `— ${item.reason}`, 6))];

const firstRun = (card: CardView): string[] => {
  const first = card.firstRun;
  if (!first) return [];
  const lines = ["", first.heading, ...hang("  ", first.intro)];
  if (first.emptyText) lines.push(...hang("  ", first.emptyText));
  for (const row of first.rows) lines.push(...hang(`  ${column(row.name, 14)} ${column(row.domain, 22)} `, row.detail));
  const choices = first.rows[0]?.choices.map((c) => c.label).join(" / ");
  // The terminal has no buttons: the choices are made with `next-week init`, which writes the settings.
  if (choices) lines.push(...hang("  ", `${choices}: choose with next-week init (see next-week init --help)`));
  return lines;
};

const navigation = (card: CardView): string => {
  const nav = card.navigation;
  const home = nav.current === nav.home.weekOf ? "" : ` · ${oneLine(nav.home.label)}: --week ${nav.home.weekOf}`;
  return fit(`${oneLine(card.labels.weeks)}: --week ${nav.previous.weekOf} · --week ${nav.next.weekOf}${home}`);
};

/**
 * The card as terminal text, at most 80 code points a line. Every calendar string is printed as
 * plain text, cleaned of control characters.
 * @example renderText(card) → "Next week · 30 Nov – 6 Dec    Times in America/New_York\nBook 1 more sales meeting …"
 */
export const renderText = (card: CardView, options: { details?: boolean } = {}): string =>
  [
    ...header(card),
    ...hang("", card.verdict),
    "",
    ...score(card),
    "",
    ...whoToMeet(card),
    "",
    ...spots(card),
    "",
    ...trend(card),
    "",
    ...breakdown(card, options.details !== false),
    ...ignored(card),
    ...firstRun(card),
    "",
    navigation(card),
  ].join("\n");
