/**
 * The `fields` of the one `Events.list` read (Google's partial response): the page token and, of
 * each event, only what the core's Calendar v3 normalizer reads. Google then sends, and Apps Script
 * turns into objects, a few hundred bytes an event instead of every description, conference link
 * and reminder: less of the 30-second budget spent before the core starts. A test checks this list
 * against the core's schema of the event, so a field the core starts reading cannot be left out.
 */
export const EVENT_LIST_FIELDS = [
  "nextPageToken",
  "items(id,status,summary,start,end,transparency,eventType,attendeesOmitted," +
    "attendees(email,self,resource,responseStatus),organizer(email,self),extendedProperties/private)",
].join(",");
