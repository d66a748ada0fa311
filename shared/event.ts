import type { DateTime } from "luxon";

/** Why an event that is on the calendar counts as nothing. */
export type IgnoredReason = "declined" | "cancelled" | "free" | "workingLocation" | "birthday";

/** Where an event came from; only used in messages. */
export type EventSource = "google" | "graph" | "ical";

/**
 * The one event type of the core. Normalizers (`shared/normalize/`) turn Calendar v3, Graph
 * and iCalendar into it; nothing after them sees an API shape.
 *
 * Times are luxon `DateTime`s in the user's zone; `end` equals `start` for an event with
 * no length. An all-day event runs from midnight to midnight in the user's zone.
 */
export interface CalendarEvent {
  /** The source's id (for a recurring occurrence, the occurrence's id). */
  readonly id: string;
  /** Never null: a missing title is "". */
  readonly title: string;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly allDay: boolean;
  /** null when the event is busy; otherwise why it counts as nothing. */
  readonly ignored: IgnoredReason | null;
  readonly outOfOffice: boolean;
  /**
   * Considered attendees (spec §1): lower-cased addresses of attendees and organizer that are
   * not the user, not resources, not calendar system addresses, and have not declined.
   */
  readonly attendees: readonly string[];
  /** The attendee list is hidden: never internal or prospecting. */
  readonly attendeesHidden: boolean;
  /** This add-on booked it (its marker is on the event). */
  readonly bookedByUs: boolean;
  /** The spot key of the marker, when booked by us (used for idempotent booking). */
  readonly bookingKey: string | null;
  readonly source: EventSource;
}

/** What a normalizer needs to know about the user. */
export interface NormalizeContext {
  /** IANA zone of the user: all-day and floating times are placed in it. */
  readonly zone: string;
  /** The user's address, where events carry no `self` flag (case-insensitive). */
  readonly me?: string | undefined;
}
