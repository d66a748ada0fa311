/** One address as a source lists it, before the spec's "considered attendee" rules. */
export interface AttendeeCandidate {
  readonly email: string | null | undefined;
  /** The source flags it as the user (Google `self`, the organizer when Graph `isOrganizer`). */
  readonly self?: boolean | undefined;
  readonly resource?: boolean | undefined;
  readonly declined?: boolean | undefined;
}

/** Calendar system addresses that are never people. */
export const isSystemAddress = (email: string): boolean =>
  email === "unknownorganizer@calendar.google.com" ||
  email.endsWith("@group.calendar.google.com") ||
  email.endsWith("@resource.calendar.google.com") ||
  email.endsWith("@import.calendar.google.com");

/** Beyond this many addresses in one event, duplicates are found through a map. */
const LINEAR_LIMIT = 32;

/**
 * Collects the addresses of one event at a time, as `consideredAttendees` says; reused from event
 * to event so that a normalizer allocates only the answer.
 * @example const c = new AttendeeCollector("me@x.com"); c.add("Dana@Acme.com", false); c.add("me@x.com", false); c.take() → ["dana@acme.com"]
 */
export class AttendeeCollector {
  private readonly user: string | undefined;
  private readonly emails: string[] = [];
  private readonly excluded: boolean[] = [];
  private readonly index = new Map<string, number>();
  private count = 0;

  constructor(me?: string) {
    this.user = me?.trim().toLowerCase();
  }

  /** One entry: its address (skipped when empty) and whether the source marks it out (self, resource, declined). */
  add(address: string | null | undefined, out: boolean): void {
    if (address === undefined || address === null) return;
    const email = address.trim().toLowerCase();
    if (email === "") return;
    const excluded = out || email === this.user || isSystemAddress(email);
    const at = this.find(email);
    if (at >= 0) {
      if (excluded) this.excluded[at] = true;
      return;
    }
    this.emails[this.count] = email;
    this.excluded[this.count] = excluded;
    if (this.count >= LINEAR_LIMIT) this.index.set(email, this.count);
    else if (this.count === LINEAR_LIMIT - 1) for (let i = 0; i < LINEAR_LIMIT; i++) this.index.set(i === this.count ? email : this.emails[i]!, i);
    this.count++;
  }

  private find(email: string): number {
    if (this.count > LINEAR_LIMIT - 1) return this.index.get(email) ?? -1;
    for (let i = 0; i < this.count; i++) if (this.emails[i] === email) return i;
    return -1;
  }

  /** The considered addresses collected since the last `take`, in first-seen order; starts afresh. */
  take(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) if (!this.excluded[i]) out.push(this.emails[i]!);
    if (this.count >= LINEAR_LIMIT) this.index.clear();
    this.count = 0;
    return out;
  }
}

/**
 * Considered attendees (spec §1): the lower-cased addresses that are not the user, not
 * resources, not calendar system addresses, and have not declined; each address once, in
 * first-seen order. An address listed twice (Google lists the organizer among the attendees
 * too) is out if any of its entries is the user, a resource, or declined.
 * @example consideredAttendees([{ email: "Dana@Acme.com" }, { email: "me@x.com", self: true }], "me@x.com") → ["dana@acme.com"]
 */
export const consideredAttendees = (candidates: readonly AttendeeCandidate[], me?: string): string[] => {
  const collector = new AttendeeCollector(me);
  for (const c of candidates) collector.add(c.email, c.self === true || c.resource === true || c.declined === true);
  return collector.take();
};
