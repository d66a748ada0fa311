import type { CalendarEvent } from "../event";
import type { Category, ClassifiedEvent, Match } from "./plan";

/**
 * A busy event of the week as the plan lists it. Its matches are worded when first read: the card
 * reads those of the few meetings it explains, so a big week builds no list of matches per event.
 * The wording depends only on the event and the settings, so it is the same whenever it is done.
 * @example new BusyEvent(meeting, categoriesOf(mask), true, classifier.matchesOf).matches → [{ category: "dreamClient", … }]
 */
export class BusyEvent implements ClassifiedEvent {
  declare readonly event: CalendarEvent;
  declare readonly categories: ReadonlySet<Category>;
  declare readonly sales: boolean;
  declare private readonly wording: (event: CalendarEvent) => readonly Match[];
  declare private worded: readonly Match[] | null;
  constructor(event: CalendarEvent, categories: ReadonlySet<Category>, sales: boolean, wording: (event: CalendarEvent) => readonly Match[]) {
    this.event = event;
    this.categories = categories;
    this.sales = sales;
    this.wording = wording;
    this.worded = null;
  }
  get matches(): readonly Match[] {
    return (this.worded ??= this.wording(this.event));
  }
}
