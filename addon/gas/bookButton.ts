import type { BookActionView } from "../../shared";
import { ACTION } from "./actionNames";
import { button, type Cards } from "./cardParts";

/**
 * What a booking button sends back: the block (key, start, end), the account of an outreach
 * block ("" for a plain one) and the week to show again. The core's requestFromAction checks it.
 */
export const bookParameters = (book: BookActionView, weekOf: string): Record<string, string> => ({
  key: book.key,
  start: book.start,
  end: book.end,
  account: book.account ?? "",
  weekOf,
});

/** A booking button: the core's short label, its description ("Book a 1 h 30 min … at 09:30") for screen readers. */
export const bookButton = (cards: Cards, book: BookActionView, weekOf: string, filled = false) =>
  button(cards, book.label, ACTION.book, bookParameters(book, weekOf), { altText: book.description, filled });
