// The command line's own explanations: `next-week --help`, `next-week analyze --help`,
// `next-week settings --help`. Every option is explained with an example.

export const MAIN_HELP = `next-week: does next week's calendar build the pipeline you need?

Usage:
  next-week analyze (--google FILE | --graph FILE | --ics FILE)... [options]
  next-week settings import FILE.csv --settings FILE
  next-week --help | --version
  next-week COMMAND --help

Commands:
  analyze          prints next week's card (or, with --json, the measures) for the events in
                   a calendar file: Google Calendar API v3 events, Microsoft Graph events, or
                   an iCalendar export (.ics, or the .zip Google Calendar's export produces)
  settings import  merges accounts and decision-makers from a CRM CSV export (HubSpot,
                   Salesforce) into a settings file, and reports the rows it skipped

Examples:
  next-week analyze --ics my-calendar.ics --me ana@acme-seller.com
  next-week analyze --ics calendar-export.zip --me ana@acme-seller.com --settings settings.json --json
  next-week settings import hubspot-contacts.csv --settings settings.json

Exit status: 0 done, 1 bad input (one line names the file and the field), 2 a usage mistake.`;

export const ANALYZE_HELP = `Usage: next-week analyze (--google FILE | --graph FILE | --ics FILE)... [options]

Reads the events, measures next week against your targets and prints the card as text.

Events (at least one; each may be given several times, all are analysed together):
  --google FILE      Google Calendar API v3 events: an array, or the whole events.list answer
                     ({ "items": [...] }, every page in one file).
                       e.g. --google week.json
  --graph FILE       Microsoft Graph events: an array, or the whole /me/calendarView answer
                     ({ "value": [...] }, every page in one file).
                       e.g. --graph outlook-week.json
  --ics FILE         an iCalendar file (Google Calendar: Settings > Import & export > Export;
                     Outlook: Save calendar), recurrences expanded over the week. Also takes
                     the .zip Google's export produces: the calendar named after --me is read,
                     else the only one, else pick one with --calendar.
                       e.g. --ics my-calendar.ics    --ics calendar-export.zip
  --calendar NAME    which calendar of a Google export .zip to read: its file name (with or
                     without .ics), or the calendar's name before Google's "_…@group…" part.
                       e.g. --calendar "Team deals"    --calendar ana@acme-seller.com

Options:
  --settings FILE    your settings (JSON): zone, working hours, accounts, decision-makers,
                     targets; without it every setting has its default. At most 1 MB.
                       e.g. --settings settings.json
  --week DATE        any date inside the week to analyse (YYYY-MM-DD); default: next week.
                       e.g. --week 2026-11-30
  --now ISO          the instant to analyse from, ISO 8601 (without an offset it is read in
                     your zone); default: this machine's clock. Years 1000 to 9999.
                       e.g. --now 2026-11-25T09:00:00-05:00
  --me EMAIL         your address: it tells your own events, answers and calendar apart where
                     the file carries no "self" flag (iCalendar files, Graph attendees).
                       e.g. --me ana@acme-seller.com
  --json             print the measures as JSON instead of the card.
                       e.g. next-week analyze --ics my-calendar.ics --json > week.json
  --brief            the card without its detail lines.
  -h, --help         this help.

Examples:
  next-week analyze --ics my-calendar.ics --me ana@acme-seller.com --settings settings.json
  next-week analyze --google week.json --week 2026-11-30 --now 2026-11-25T09:00:00-05:00 --json

Files larger than 50 MB (events) or 1 MB (settings) are refused.`;

export const SETTINGS_HELP = `Usage: next-week settings import FILE.csv --settings FILE

Merges the accounts and decision-makers of a CRM CSV export (HubSpot, Salesforce) into a
settings file, creating it when it does not exist, and reports how
many were added or updated and which rows were skipped, and why.

  FILE.csv           the CRM export (UTF-8 or UTF-16 text, at most 20 MB).
                       e.g. next-week settings import hubspot-contacts.csv --settings settings.json
  --settings FILE    the settings file to update. It is written in one step (a new file in the
                     same folder, then renamed over it): it keeps its permissions, a symlink
                     keeps pointing at it, two imports at once both land, and a failed write
                     leaves the old file as it was.
                       e.g. --settings ~/.config/next-week/settings.json
  -h, --help         this help.`;
