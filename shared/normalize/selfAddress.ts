/**
 * The user's own address as the events themselves give it, for when nobody said it (`--me`):
 * Calendar v3 marks the user with `self: true` (on an attendee or the organizer); Graph says
 * `isOrganizer: true` on events the user organizes, whose organizer is then the user. The most
 * frequent such address, lower-case; null when no event tells. (spec §1: own domains default to
 * the domain of the user's own address.)
 * @example selfAddress([{ attendees: [{ email: "Ana@Seller.com", self: true }] }], "google") → "ana@seller.com"
 */
export const selfAddress = (items: readonly unknown[], source: "google" | "graph"): string | null => {
  const counts = new Map<string, number>();
  const add = (email: unknown) => {
    if (typeof email !== "string" || !email.includes("@")) return;
    const key = email.trim().toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const item of items) {
    if (typeof item !== "object" || item === null) continue;
    const e = item as Record<string, unknown>;
    if (source === "google") {
      const organizer = e.organizer as { email?: unknown; self?: unknown } | null | undefined;
      if (organizer?.self === true) add(organizer.email);
      if (Array.isArray(e.attendees)) for (const a of e.attendees as { email?: unknown; self?: unknown }[]) if (a?.self === true) add(a.email);
    } else if (e.isOrganizer === true) {
      add((e.organizer as { emailAddress?: { address?: unknown } } | null | undefined)?.emailAddress?.address);
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [email, n] of counts) if (n > most) [best, most] = [email, n];
  return best;
};
