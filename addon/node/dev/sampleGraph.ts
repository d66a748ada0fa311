import type { GraphEventJson } from "./fakeGraph";

/** What the sample week holds in Graph's shape: the week, and (when the sample carries it) its look-back window. */
interface SampleLike {
  readonly graph: readonly unknown[];
  readonly window?: { readonly graph: readonly unknown[] };
}

/**
 * The events the fake Graph serves for the sample week: the look-back weeks and the week, as the
 * pane reads them in one calendarView window (the week alone when the sample has no look-back).
 * @example sampleGraphEvents(sampleWeek(now)).length → 18 (the week) + the look-back's events
 */
export const sampleGraphEvents = (sample: SampleLike): GraphEventJson[] => [...(sample.window?.graph ?? sample.graph)] as GraphEventJson[];
