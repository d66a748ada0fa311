/**
 * The card (spec §4) as plain data, built once by `cardModel` and rendered three times:
 * CardService widgets (Google), DOM nodes (Outlook), terminal text. Every string here is
 * plain text: renderers must escape or `textContent` it, since titles are attacker-controlled.
 */

/** A text bar: `fraction` of the track filled (0–1, clamped), `over` when a cap is exceeded. */
export interface BarView {
  readonly fraction: number;
  readonly over: boolean;
}

export interface ScoreView {
  readonly id: "dreamClientMinutes" | "decisionMakerMeetings";
  /** "Dream-client time" */
  readonly label: string;
  /** "2 h 30 min of 4 h" or "2 of 3 meetings" */
  readonly value: string;
  /** Plain-words verdict: "2 of 3 decision-maker meetings booked" */
  readonly verdict: string;
  readonly met: boolean;
  readonly bar: BarView;
  /** Beside the decision-maker target, when the settings hold pipeline math. */
  readonly note: string | null;
}

/** What a "Book prospecting block" button sends back to the host. Serializable. */
export interface BookActionView {
  /** Stable key of the spot: the same spot always gives the same key (idempotent booking). */
  readonly key: string;
  /** The block to create, ISO 8601 with offset. */
  readonly start: string;
  readonly end: string;
  /** "Book prospecting block" */
  readonly label: string;
  /** "Book a 1 h 30 min prospecting block on Tue 1 Dec at 10:15" (for screen readers). */
  readonly description: string;
}

export interface SpotView {
  /** "09:00–11:30" */
  readonly time: string;
  /** "2 h 30 min" */
  readonly duration: string;
  readonly minutes: number;
  readonly start: string;
  readonly end: string;
  /** The largest spot of the week. */
  readonly largest: boolean;
  readonly book: BookActionView;
}

export interface SpotDayView {
  /** "Tue 1 Dec" */
  readonly day: string;
  readonly spots: readonly SpotView[];
}

/** One meeting a figure counts: day, time, title, and the attendee or account that matched. */
export interface ExplainView {
  readonly day: string;
  readonly time: string;
  readonly title: string;
  readonly matched: string;
}

export interface BreakdownRowView {
  readonly id: "dreamClient" | "aList" | "pain" | "decisionMaker" | "internal" | "prospecting" | "outOfOffice" | "other";
  /** "Dream clients" */
  readonly label: string;
  readonly minutes: number;
  /** "3 h 30 min", or for pain "3 h 30 min (cap 3 h)" */
  readonly value: string;
  /** Share of the week's busy working time, or of the cap for pain. */
  readonly bar: BarView;
  readonly items: readonly ExplainView[];
}

export interface IgnoredView {
  readonly day: string;
  readonly time: string;
  readonly title: string;
  /** "declined by you", "cancelled", "marked free", "working location", "birthday" */
  readonly reason: string;
}

export interface CardView {
  /** "Next week · 30 Nov – 6 Dec" ("This week · …", "Week of …" for other weeks) */
  readonly title: string;
  /** "America/New_York" */
  readonly timeZone: string;
  /** Any date inside the weeks before and after, for navigation (YYYY-MM-DD). */
  readonly nav: { readonly thisWeek: string; readonly previous: string; readonly next: string; readonly current: string };
  readonly scores: readonly ScoreView[];
  /** One line summing up the week: "On track: …" / "2 of 3 decision-maker meetings booked" */
  readonly verdict: string;
  /** "Blank spots" with each day's spots; `emptyText` when there are none. */
  readonly blankSpots: { readonly days: readonly SpotDayView[]; readonly emptyText: string | null };
  /** The suggested block (first spot it fits), or null. */
  readonly suggested: BookActionView | null;
  readonly breakdown: readonly BreakdownRowView[];
  readonly ignored: readonly IgnoredView[];
  /** "Working time 40 h · booked 21 h 30 min" */
  readonly summary: string;
  /** Goals other than the score line: prospecting and the pain cap, in plain words. */
  readonly goals: readonly { readonly id: string; readonly text: string; readonly met: boolean }[];
}
