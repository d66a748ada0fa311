import { CATEGORIES, type Category } from "./plan";

/** Each category as one bit, so an event's categories are one number. */
export const CATEGORY_BIT = Object.fromEntries(CATEGORIES.map((c, i) => [c, 1 << i])) as Record<Category, number>;
