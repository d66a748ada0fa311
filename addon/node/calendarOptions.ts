// The options that say which calendar to read, and for which week: the same for `analyze` and `init`.

/** `--google/--graph/--ics FILE` (each repeatable), `--calendar NAME`, `--week`, `--now`, `--me`, as `parseArgs` takes them. */
export const CALENDAR_OPTIONS = {
  google: { type: "string", multiple: true },
  graph: { type: "string", multiple: true },
  ics: { type: "string", multiple: true },
  calendar: { type: "string" },
  week: { type: "string" },
  now: { type: "string" },
  me: { type: "string" },
} as const;
