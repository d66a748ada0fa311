/**
 * The card (spec §4) as plain data, built once by `cardModel` and rendered three times:
 * CardService widgets (Google), DOM nodes (Outlook), terminal text. It holds every string,
 * number, label and action a renderer shows: renderers build no sentence and parse none.
 * Every string is plain text: renderers must escape or `textContent` it, since titles are
 * attacker-controlled.
 */

/** A bar: `fraction` of the track filled (0–1, clamped), `over` when a cap is exceeded. */
export interface BarView {
  readonly fraction: number;
  readonly over: boolean;
}

/** Met / not met, drawn the same way everywhere: the mark, and the words for screen readers. */
export interface MarkView {
  readonly met: boolean;
  /** "✓" or "✗" */
  readonly symbol: string;
  /** "met" or "not met" */
  readonly label: string;
}

/** What a booking button sends back to the host. Serializable. */
export interface BookActionView {
  /** Stable key of the spot: the same spot always gives the same key (idempotent booking). */
  readonly key: string;
  /** The block to create, ISO 8601 with offset. */
  readonly start: string;
  readonly end: string;
  /** The account an outreach block is for ("Prospecting: <account>"); null for a plain block. */
  readonly account: string | null;
  /** The event's title: "Prospecting block" or "Prospecting: Acme". */
  readonly title: string;
  /** The button: "Book prospecting block" or "Book outreach block" (short: fits a Google button). */
  readonly label: string;
  /** "Tue 1 Dec, 10:15–11:45 (1 h 30 min)" */
  readonly when: string;
  /** "Book a 1 h 30 min prospecting block on Tue 1 Dec at 10:15" (for screen readers). */
  readonly description: string;
}

/** One compact score row (spec §4.2). */
export interface ScoreRowView {
  readonly id: "salesMeetings" | "dreamClientMinutes" | "decisionMakerMeetings" | "prospectingMinutes" | "painMinutesMax";
  /** "Sales meetings" */
  readonly label: string;
  /** "2 of 3" or "2 h 45 min of 4 h" */
  readonly value: string;
  /** The row as one sentence: "2 of 3 sales meetings — your pipeline needs 3 a week" */
  readonly text: string;
  readonly mark: MarkView;
  /** Actual against the target (the cap for pain). */
  readonly bar: BarView;
}

/** One account to reach (spec §4.3). */
export interface WhoRowView {
  readonly account: string;
  /** "Dream" or "A-list" */
  readonly tier: string;
  readonly status: "due" | "cold";
  /** "last met 23 days ago", "not met in 8 weeks", "last meeting Thu 3 Dec, 10:00" (when still ahead of now) */
  readonly since: string;
  /** "one contact", "no decision-maker" */
  readonly notes: readonly string[];
  /** The outreach block in the suggested spot; null when no spot fits one. */
  readonly book: BookActionView | null;
}

export interface SpotRowView {
  /** "Tue 1 Dec" */
  readonly day: string;
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

/** One look-back week of the trend (spec §4.5). */
export interface TrendRowView {
  /** "5 Oct" (the week's first day) */
  readonly week: string;
  readonly salesMeetings: number;
  /** Against the larger of the target and the best week, so the target is a fixed point. */
  readonly salesBar: BarView;
  readonly salesMet: boolean;
  readonly dreamClientMinutes: number;
  /** "1 h 30 min" */
  readonly dreamClient: string;
  readonly dreamBar: BarView;
  readonly dreamMet: boolean;
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
  /** Share of the week's working time (never of a target or cap, so equal minutes draw equal bars); `over` when pain exceeds its cap. */
  readonly bar: BarView;
  /** The meetings it counts, in time order: the first 50. */
  readonly items: readonly ExplainView[];
  /** How many meetings it counts in all. */
  readonly count: number;
  /** "and 12 more meetings" when `items` does not hold them all. */
  readonly more: string | null;
}

export interface IgnoredView {
  readonly day: string;
  readonly time: string;
  readonly title: string;
  /** "declined by you", "cancelled", "marked free", "working location", "birthday" */
  readonly reason: string;
}

/** The choices offered for a suggested company, in order. */
export type SuggestionChoice = "dream" | "a-list" | "pain" | "not";

export interface SuggestionRowView {
  /** "globex.io" */
  readonly domain: string;
  /** "Globex": the account's name when the user picks a tier. */
  readonly name: string;
  /** "2 meetings · 1 h 30 min · 2 contacts" */
  readonly detail: string;
  readonly choices: readonly { readonly choice: SuggestionChoice; readonly label: string }[];
}

/** A week to go to: the label on the button and any date inside the week (YYYY-MM-DD). */
export interface NavView {
  readonly label: string;
  readonly weekOf: string;
  /** For screen readers: "Show the week of 23 Nov" */
  readonly description: string;
}

export interface CardView {
  /** "Next week · 30 Nov – 6 Dec" ("This week · …", "Last week · …", "Week · …" for others) */
  readonly title: string;
  /** "America/New_York" */
  readonly timeZone: string;
  /** "Times in America/New_York" */
  readonly zoneLabel: string;
  /** "On track" or the one or two most important gaps in plain words. */
  readonly verdict: string;
  readonly onTrack: boolean;
  /** Sales meetings first; the pain cap only when exceeded. */
  readonly score: readonly ScoreRowView[];
  readonly whoToMeet: {
    readonly rows: readonly WhoRowView[];
    /** "and 3 more" when more than five accounts are waiting. */
    readonly more: string | null;
    /** When no row: "Every dream and A-list account has a meeting this week." or how to add accounts. */
    readonly emptyText: string | null;
  };
  readonly spots: {
    /** The suggested block: the one primary "Book prospecting block". */
    readonly primary: BookActionView | null;
    /** Every blank spot, compactly, each bookable. */
    readonly rows: readonly SpotRowView[];
    readonly emptyText: string | null;
  };
  readonly trend: {
    readonly rows: readonly TrendRowView[];
    /** "Targets: 3 sales meetings and 4 h with dream clients a week" */
    readonly legend: string;
    /** "On average 2.1 sales meetings and 1 h 40 min with dream clients a week" */
    readonly average: string | null;
    /** When there is no look-back (lookBackWeeks 0). */
    readonly emptyText: string | null;
  };
  /** The breakdown of the week (spec §4.6), in its order. */
  readonly breakdown: readonly BreakdownRowView[];
  /** "Working time 40 h · booked 21 h 30 min · 5 blank spots" */
  readonly weekSummary: string;
  /** Events of the week that count as nothing, with the reason. */
  readonly ignored: readonly IgnoredView[];
  /** Section headings, the same in every renderer. */
  readonly headings: { readonly score: string; readonly whoToMeet: string; readonly spots: string; readonly trend: string; readonly breakdown: string; readonly ignored: string };
  /** Offered while the settings hold fewer than three dream or A-list accounts; null otherwise. */
  readonly firstRun: {
    readonly heading: string;
    readonly intro: string;
    readonly rows: readonly SuggestionRowView[];
    readonly emptyText: string | null;
  } | null;
  /** Week navigation: always reachable (Google's fixed footer, the pane's toolbar, the terminal's last line). */
  readonly navigation: { readonly previous: NavView; readonly home: NavView; readonly next: NavView; readonly current: string };
  /** "Settings"; "Other weeks" (where navigation opens on demand, as from Google's fixed footer). */
  readonly labels: { readonly settings: string; readonly weeks: string };
}
