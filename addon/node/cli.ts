import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { cardModel, importCrmCsv, measuresJson, parseSettings } from "../../shared";
import { analyze } from "./analyze";
import { readJson, readText, writeTextAtomically } from "./files";
import { renderText } from "./renderText";

export const USAGE = `next-week: does next week's calendar build the pipeline you need?

Usage:
  next-week analyze [--google FILE] [--graph FILE] [--ics FILE] [--settings FILE]
                    [--week YYYY-MM-DD] [--now ISO] [--me EMAIL] [--json]
  next-week settings import FILE.csv --settings FILE
  next-week --help

analyze     prints next week's card (or, with --json, the measures) for events from
            Google Calendar (--google: Calendar API v3 events), Outlook (--graph: Microsoft
            Graph events) or any calendar's export (--ics: an iCalendar file).
settings import
            merges accounts and decision-makers from a CRM CSV export (HubSpot, Salesforce)
            into the settings file, and reports the rows it skipped.`;

export interface Io {
  readonly out: (text: string) => void;
  readonly error: (text: string) => void;
}

const fail = (io: Io, message: string, code = 1): number => {
  io.error(`next-week: ${message}`);
  return code;
};

const runAnalyze = (args: string[], io: Io): number => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        google: { type: "string", multiple: true },
        graph: { type: "string", multiple: true },
        ics: { type: "string", multiple: true },
        settings: { type: "string" },
        week: { type: "string" },
        now: { type: "string" },
        me: { type: "string" },
        json: { type: "boolean" },
        brief: { type: "boolean" },
      },
    });
  } catch (cause) {
    return fail(io, `${(cause as Error).message} (see next-week --help)`, 2);
  }
  const v = parsed.values;
  if (!v.google && !v.graph && !v.ics) return fail(io, "give the events to analyze with --google FILE, --graph FILE or --ics FILE", 2);
  const plan = analyze({ google: v.google ?? [], graph: v.graph ?? [], ics: v.ics ?? [], settings: v.settings, week: v.week, now: v.now, me: v.me });
  if (!plan.ok) return fail(io, plan.error.message);
  io.out(v.json ? JSON.stringify(measuresJson(plan.value), null, 2) : renderText(cardModel(plan.value), { details: !v.brief }));
  return 0;
};

const runSettingsImport = (args: string[], io: Io): number => {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { settings: { type: "string" } } });
  } catch (cause) {
    return fail(io, `${(cause as Error).message} (see next-week --help)`, 2);
  }
  const [csvFile, ...rest] = parsed.positionals;
  const settingsFile = parsed.values.settings;
  if (!csvFile || rest.length > 0 || !settingsFile) return fail(io, "usage: next-week settings import FILE.csv --settings FILE", 2);
  const csv = readText(csvFile);
  if (!csv.ok) return fail(io, csv.error.message);
  const stored = existsSync(settingsFile) ? readJson(settingsFile) : ({ ok: true, value: {} } as const);
  if (!stored.ok) return fail(io, stored.error.message);
  const settings = parseSettings(stored.value);
  if (!settings.ok) return fail(io, `${settingsFile}: ${settings.error.message}`);
  const imported = importCrmCsv(csv.value, settings.value);
  if (!imported.ok) return fail(io, `${csvFile}: ${imported.error.message}`);
  const written = writeTextAtomically(settingsFile, `${JSON.stringify(imported.value.settings, null, 2)}\n`);
  if (!written.ok) return fail(io, written.error.message);
  const r = imported.value.report;
  io.out(
    [
      `Imported ${csvFile} into ${settingsFile}: ${r.rowsRead} rows read.`,
      `  accounts: ${r.accountsAdded} added, ${r.accountsUpdated} updated`,
      `  decision-makers: ${r.decisionMakersAdded} added, ${r.decisionMakersUpdated} updated`,
      `  skipped: ${r.skipped.length}`,
      ...r.skipped.map((s) => `    row ${s.row}: ${s.reason}`),
    ].join("\n"),
  );
  return 0;
};

/**
 * Runs the command line; returns the exit code (0 done, 1 bad input, 2 bad usage).
 * @example run(["analyze", "--ics", "week.ics", "--json"], io) → 0, after printing the measures
 */
export const run = (argv: readonly string[], io: Io): number => {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === "analyze") return runAnalyze(rest, io);
  if (command === "settings" && rest[0] === "import") return runSettingsImport(rest.slice(1), io);
  return fail(io, `unknown command "${[command, ...rest.slice(0, 1)].join(" ")}" (see next-week --help)`, 2);
};
