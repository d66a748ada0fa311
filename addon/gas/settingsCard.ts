import { ACTION } from "./actionNames";
import { bold, colored, escapeHtml, lines } from "./escape";
import { COLORS, type Notice } from "./cardParts";
import { FIELDS, type FieldName } from "./settingsForm";
import { defaultSettings } from "../../shared";

type Cards = GoogleAppsScript.Card_Service.CardService;
type Section = GoogleAppsScript.Card_Service.CardSection;

export interface SettingsCardOptions {
  /** The form's text, prefilled (stored settings, defaults, or what the seller just typed). */
  readonly values: Readonly<Record<FieldName, string>>;
  /** A field message after an invalid save, or a confirmation. */
  readonly notice?: Notice | null;
  /** Lines of a CSV import report, already plain text. */
  readonly report?: readonly string[] | null;
  /** The calendar's own zone, for the time-zone hint. */
  readonly calendarZone: string | null;
  readonly firstRun?: boolean;
  /** The week the seller was looking at, to go back to it. */
  readonly weekOf?: string;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const input = (cards: Cards, values: SettingsCardOptions["values"], name: FieldName, title: string, hint: string, multiline = false) =>
  cards.newTextInput().setFieldName(name).setTitle(title).setHint(hint).setValue(values[name]).setMultiline(multiline);

/**
 * The settings card: accounts by tier, decision-makers, working week, targets, pipeline math,
 * blank-spot sizes, and a box to paste a CRM CSV export. Saving validates with the core's schema.
 */
export const settingsCard = (cards: Cards, options: SettingsCardOptions): GoogleAppsScript.Card_Service.Card => {
  const v = options.values;
  const d = defaultSettings();
  const card = cards.newCardBuilder().setName("settings").setHeader(cards.newCardHeader().setTitle("Next Week settings"));
  const weekOf = options.weekOf ? { weekOf: options.weekOf } : ({} as Record<string, string>);

  if (options.notice) {
    card.addSection(cards.newCardSection().addWidget(cards.newTextParagraph().setText(colored(options.notice.text, COLORS[options.notice.tone]))));
  }
  if (options.report && options.report.length > 0) {
    card.addSection(
      cards
        .newCardSection()
        .setHeader("CSV import")
        .addWidget(cards.newTextParagraph().setText(lines(options.report.map(escapeHtml)))),
    );
  }
  if (options.firstRun) {
    card.addSection(
      cards
        .newCardSection()
        .addWidget(cards.newTextParagraph().setText(`${bold("Start with your dream accounts.")}<br>${escapeHtml("Dream-client time counts meetings with people at these companies.")}`)),
    );
  }

  const accounts: Section = cards
    .newCardSection()
    .setHeader("Accounts")
    .addWidget(input(cards, v, FIELDS.dream, "Dream accounts", "One per line: Acme: acme.com, acme.co.uk", true))
    .addWidget(input(cards, v, FIELDS.aList, "A-list accounts", "One per line: Name: domain.com", true))
    .addWidget(input(cards, v, FIELDS.pain, "Pain accounts", "One per line: Name: domain.com", true))
    .addWidget(input(cards, v, FIELDS.ownDomains, "Your company's domains", "For internal meetings, e.g. example-seller.com"))
    .addWidget(input(cards, v, FIELDS.notAccounts, "Not accounts", "Domains never suggested as accounts, e.g. vendor.com"));
  card.addSection(accounts);

  card.addSection(
    cards
      .newCardSection()
      .setHeader("Decision-makers")
      .addWidget(input(cards, v, FIELDS.decisionMakers, "Decision-makers", "One per line: cfo@acme.com, Dana Ruiz, CFO (a name with a comma in quotes)", true)),
  );

  const weekStart = cards.newSelectionInput().setType(cards.SelectionInputType.DROPDOWN).setFieldName(FIELDS.weekStartsOn).setTitle("Week starts on");
  DAYS.forEach((day, i) => weekStart.addItem(day, String(i + 1), v[FIELDS.weekStartsOn] === String(i + 1)));
  card.addSection(
    cards
      .newCardSection()
      .setHeader("Working week")
      .addWidget(input(cards, v, FIELDS.timeZone, "Time zone", `Empty: your calendar's zone${options.calendarZone ? ` (${options.calendarZone})` : ""}`))
      .addWidget(weekStart)
      .addWidget(input(cards, v, FIELDS.workingHours, "Working hours", "One rule per line: Mon–Fri 09:00–17:00", true)),
  );

  card.addSection(
    cards
      .newCardSection()
      .setHeader("Weekly targets")
      .addWidget(input(cards, v, FIELDS.salesMeetings, "Sales meetings", "Empty: from your pipeline math (3 without it)"))
      .addWidget(input(cards, v, FIELDS.dreamClientMinutes, "Dream-client time (minutes)", `Default ${d.targets.dreamClientMinutes}`))
      .addWidget(input(cards, v, FIELDS.decisionMakerMeetings, "Decision-maker meetings", `Default ${d.targets.decisionMakerMeetings}`))
      .addWidget(input(cards, v, FIELDS.prospectingMinutes, "Prospecting time (minutes)", `Default ${d.targets.prospectingMinutes}`))
      .addWidget(input(cards, v, FIELDS.painMinutesMax, "Pain-account cap (minutes)", `Default ${d.targets.painMinutesMax}`)),
  );

  card.addSection(
    cards
      .newCardSection()
      .setHeader("Pipeline math")
      .addWidget(cards.newTextParagraph().setText(escapeHtml("Target ÷ average deal ÷ win rate ÷ meetings per opportunity ÷ selling weeks = meetings you need a week. Leave all empty to skip.")))
      .addWidget(input(cards, v, FIELDS.annualTarget, "Annual new-business target", "e.g. 100000"))
      .addWidget(input(cards, v, FIELDS.averageDeal, "Average deal", "e.g. 10000"))
      .addWidget(input(cards, v, FIELDS.winRate, "Win rate", "0.5 or 50%"))
      .addWidget(input(cards, v, FIELDS.meetingToOpportunity, "Meetings that become opportunities", "0.2 or 20%"))
      .addWidget(input(cards, v, FIELDS.sellingWeeks, "Selling weeks a year", "e.g. 46"))
      .setCollapsible(true)
      .setNumUncollapsibleWidgets(1),
  );

  card.addSection(
    cards
      .newCardSection()
      .setHeader("Blank spots")
      .addWidget(input(cards, v, FIELDS.blankSpotMinMinutes, "Shortest blank spot (minutes)", `Default ${d.blankSpotMinMinutes}`))
      .addWidget(input(cards, v, FIELDS.prospectingBlockMinutes, "Prospecting block (minutes)", `Default ${d.prospectingBlockMinutes}`))
      .addWidget(input(cards, v, FIELDS.lookBackWeeks, "Look-back (weeks, 0–26)", `Default ${d.lookBackWeeks}: the trend and whom to meet`))
      .addWidget(
        cards
          .newButtonSet()
          .addButton(cards.newTextButton().setText("Save").setTextButtonStyle(cards.TextButtonStyle.FILLED).setOnClickAction(cards.newAction().setFunctionName(ACTION.saveSettings).setParameters(weekOf)))
          .addButton(cards.newTextButton().setText("Back to the week").setOnClickAction(cards.newAction().setFunctionName(ACTION.showWeek).setParameters(weekOf))),
      ),
  );

  card.addSection(
    cards
      .newCardSection()
      .setHeader("Import from your CRM")
      .addWidget(cards.newTextParagraph().setText(escapeHtml("Paste a CSV export from your CRM (HubSpot, Salesforce) with its header row: Company, Website or Domain, Email, First Name, Last Name, Job Title, Tier. Rows that cannot be read are listed and skipped.")))
      .addWidget(input(cards, v, FIELDS.csv, "CSV export", "Paste here", true))
      .addWidget(
        cards
          .newButtonSet()
          .addButton(cards.newTextButton().setText("Import CSV").setOnClickAction(cards.newAction().setFunctionName(ACTION.importCsv).setParameters(weekOf))),
      )
      .setCollapsible(true)
      .setNumUncollapsibleWidgets(1),
  );
  return card.build();
};
