type Cards = GoogleAppsScript.Card_Service.CardService;
type Card = GoogleAppsScript.Card_Service.Card;

/**
 * An action's answer: replace the current card, optionally with a notification, and tell Calendar
 * that its data changed (after a booking) so it refreshes its own view.
 */
export const updateCard = (cards: Cards, card: Card, options: { notification?: string; stateChanged?: boolean; popToRoot?: boolean } = {}) => {
  const navigation = options.popToRoot ? cards.newNavigation().popToRoot().updateCard(card) : cards.newNavigation().updateCard(card);
  let response = cards.newActionResponseBuilder().setNavigation(navigation);
  if (options.notification) response = response.setNotification(cards.newNotification().setText(options.notification));
  if (options.stateChanged) response = response.setStateChanged(true);
  return response.build();
};

/** An action's answer that opens a card on top of the current one. */
export const pushCard = (cards: Cards, card: Card) => cards.newActionResponseBuilder().setNavigation(cards.newNavigation().pushCard(card)).build();
