// The command line's own explanations: `next-week --help`, `next-week analyze --help`,
// `next-week init --help`, `next-week settings --help`. Every option is explained with an example.

export const MAIN_HELP = `next-week: does next week's calendar build the pipeline you need?

Usage:
  next-week analyze (--google FILE | --graph FILE | --ics FILE)... [options]
  next-week init --ics FILE --me ADDRESS [--out FILE] [options]
  next-week settings import FILE.csv --settings FILE
  next-week --help | --version
  next-week COMMAND --help

Commands:
  analyze          prints next week's card (or, with --json, the measures) for the events in
                   a calendar file: Google Calendar API v3 events, Microsoft Graph events, or
                   an iCalendar export (.ics, or the .zip Google Calendar's export produces)
  init             writes starter settings from your own calendar and lists the companies
                   you met most, to pick your dream, A-list and pain accounts from
  settings import  merges accounts and decision-makers from a CRM CSV export (HubSpot,
                   Salesforce) into a settings file, and reports the rows it skipped

Examples:
  next-week analyze --ics my-calendar.ics --me ana@acme-seller.com
  next-week init --ics my-calendar.ics --me ana@acme-seller.com
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

export const INIT_HELP = `Usage: next-week init (--ics FILE | --google FILE | --graph FILE)... --me ADDRESS [options]

Starts your settings from your own calendar. It reads the events as analyze does (the 8 weeks
before next week, and next week), lists the companies you met most as a numbered table, and
writes a settings file with your time zone and your domain. Accounts are written only when
you pick them by number (or --accept them all); run init again with --force to pick.

Events (at least one):
  --ics FILE         an iCalendar export, or the .zip Google Calendar's export produces.
                       e.g. --ics my-calendar.ics    --ics calendar-export.zip
  --google FILE      Google Calendar API v3 events ({ "items": [...] } or an array).
                       e.g. --google events.json
  --graph FILE       Microsoft Graph events ({ "value": [...] } or an array).
                       e.g. --graph outlook-events.json
  --calendar NAME    which calendar of a Google export .zip to read.
                       e.g. --calendar "Team deals"

Options:
  --me ADDRESS       your address (required): its domain is written as your own, so your
                     colleagues are never offered as accounts.
                       e.g. --me ana@acme-seller.com
  --out FILE         the settings file to write; default: next-week-settings.json here.
                       e.g. --out ~/.config/next-week/settings.json
  --force            replace --out when it already exists (it is never replaced otherwise).
                       e.g. next-week init --ics my-calendar.ics --me ana@acme-seller.com --force
  --dream LIST       suggestions (numbers from the table, or domains) to write as dream
                     accounts: your best-fit clients. Comma-separated, may be repeated.
                       e.g. --dream 1,3    --dream globex.io
  --a-list LIST      suggestions to write as A-list accounts: good clients.
                       e.g. --a-list 2,5
  --pain LIST        suggestions to write as pain accounts: clients costing more than they bring.
                       e.g. --pain 4
  --not LIST         suggestions that are not accounts (partners, suppliers): written to
                     "notAccounts" and never suggested again.
                       e.g. --not 6,7
  --accept           every suggestion not picked otherwise becomes an A-list account.
                       e.g. next-week init --ics my-calendar.ics --me ana@acme-seller.com --accept
  --week DATE        a date inside the week to count up to (YYYY-MM-DD); default: next week.
                       e.g. --week 2026-11-30
  --now ISO          the instant to count from, ISO 8601; default: this machine's clock.
                       e.g. --now 2026-11-25T09:00:00-05:00
  -h, --help         this help.

Examples:
  next-week init --ics my-calendar.ics --me ana@acme-seller.com
  next-week init --ics my-calendar.ics --me ana@acme-seller.com --force --dream 1,3 --a-list 2 --not 4
  next-week analyze --ics my-calendar.ics --me ana@acme-seller.com --settings next-week-settings.json`;

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
