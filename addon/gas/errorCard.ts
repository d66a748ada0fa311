import { ACTION } from "./actionNames";
import { bold, escapeHtml } from "./escape";

type Cards = GoogleAppsScript.Card_Service.CardService;

/**
 * The card shown when the week could not be read: the message in plain words and a retry button
 * for the same week. Never an empty week.
 * @example errorCard(CardService, "Could not read your calendar: Google Calendar had a temporary problem. Try again.", "2026-12-01")
 */
export const errorCard = (cards: Cards, message: string, weekOf: string, title = "Next week could not be read"): GoogleAppsScript.Card_Service.Card =>
  cards
    .newCardBuilder()
    .setName("error")
    .setHeader(cards.newCardHeader().setTitle(title))
    .addSection(
      cards
        .newCardSection()
        .addWidget(cards.newTextParagraph().setText(`${bold("Nothing is shown rather than a wrong week.")}<br>${escapeHtml(message)}`))
        .addWidget(
          cards
            .newButtonSet()
            .addButton(
              cards
                .newTextButton()
                .setText("Try again")
                .setTextButtonStyle(cards.TextButtonStyle.FILLED)
                .setOnClickAction(cards.newAction().setFunctionName(ACTION.showWeek).setParameters(weekOf ? { weekOf } : {}).setLoadIndicator(cards.LoadIndicator.SPINNER)),
            )
            .addButton(cards.newTextButton().setText("Settings").setOnClickAction(cards.newAction().setFunctionName(ACTION.openSettings).setParameters({}))),
        ),
    )
    .build();
