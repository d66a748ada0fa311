/**
 * A tiny classic script the page runs while its modules download: the browser's first date in a
 * time zone loads the zone and calendar data (tens of milliseconds on a slow machine), which
 * otherwise happens on the card's critical path when the pane first reads its settings' zone.
 * It formats one date in the browser's zone, the way luxon does, and ignores any failure.
 */
try {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  new Intl.DateTimeFormat("en-US", { hourCycle: "h23", timeZone: zone, era: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(new Date());
  new Date().getTimezoneOffset();
} catch {
  // Only a head start: the pane works the same without it.
}
