/** One address as a source lists it, before the spec's "considered attendee" rules. */
export interface AttendeeCandidate {
  readonly email: string | null | undefined;
  /** The source flags it as the user (Google `self`, the organizer when Graph `isOrganizer`). */
  readonly self?: boolean | undefined;
  readonly resource?: boolean | undefined;
  readonly declined?: boolean | undefined;
}

const SYSTEM_SUFFIXES = ["@group.calendar.google.com", "@resource.calendar.google.com", "@import.calendar.google.com"];
const SYSTEM_ADDRESSES = new Set(["unknownorganizer@calendar.google.com"]);

/** Calendar system addresses that are never people. */
export const isSystemAddress = (email: string): boolean =>
  SYSTEM_ADDRESSES.has(email) || SYSTEM_SUFFIXES.some((suffix) => email.endsWith(suffix));

/**
 * Considered attendees (spec §1): the lower-cased addresses that are not the user, not
 * resources, not calendar system addresses, and have not declined; each address once, in
 * first-seen order. An address listed twice (Google lists the organizer among the attendees
 * too) is out if any of its entries is the user, a resource, or declined.
 * @example consideredAttendees([{ email: "Dana@Acme.com" }, { email: "me@x.com", self: true }], "me@x.com") → ["dana@acme.com"]
 */
export const consideredAttendees = (candidates: readonly AttendeeCandidate[], me?: string): string[] => {
  const user = me?.trim().toLowerCase();
  const excluded = new Set<string>();
  const seen = new Set<string>();
  for (const c of candidates) {
    const email = c.email?.trim().toLowerCase();
    if (!email) continue;
    seen.add(email);
    if (c.self || c.resource || c.declined || email === user || isSystemAddress(email)) excluded.add(email);
  }
  return [...seen].filter((email) => !excluded.has(email));
};
