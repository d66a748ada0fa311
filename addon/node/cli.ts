import { parseArgs } from "node:util";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { err, InputError, measuresJson, ok, parseSettings, type Result } from "../../shared";
import { type CsvImportReport, importCrmCsv } from "../../shared/import";
import { analyzeCard } from "./analyze";
import { LIMITS, limitText, readBytes, readHead, readJson, readText, withCalendarChoice, writeTextAtomically } from "./files";
import { ANALYZE_HELP, INIT_HELP, MAIN_HELP, SETTINGS_HELP } from "./help";
import { withFileLock } from "./importLock";
import { runInit } from "./init";
import { checkNow } from "./nowOption";
import { renderText } from "./renderText";
import { safeBlock, safeJson, safeLine } from "./safeText";
import { fail, type Io, usageError, wantsHelp } from "./commandIo";
import { isZip } from "./zipInput";
import { CALENDAR_OPTIONS } from "./calendarOptions";

/** Kept for callers of the old name: the main help. */
export const USAGE = MAIN_HELP;

export type { Io } from "./commandIo";

/** The version in package.json (two folders up from both addon/node and the bundle in dist/node). */
export const version = (): string => {
  try {
    return String((JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
};


const runAnalyze = (args: string[], io: Io): number => {
  if (wantsHelp(args)) {
    io.out(ANALYZE_HELP);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        ...CALENDAR_OPTIONS,
        settings: { type: "string" },
        json: { type: "boolean" },
        brief: { type: "boolean" },
      },
    });
  } catch (cause) {
    return usageError(io, cause, "next-week analyze --help");
  }
  const v = parsed.values;
  if (!v.google && !v.graph && !v.ics) return fail(io, "give the events to analyze with --google FILE, --graph FILE or --ics FILE (see next-week analyze --help)", 2);
  const badNow = checkNow(v.now);
  if (badNow) return fail(io, badNow);
  if (v.calendar !== undefined) {
    const zipGiven = (v.ics ?? []).some((file) => isZip(readHead(file, 4)));
    if (!zipGiven) return fail(io, "--calendar picks one calendar of a Google Calendar export .zip given with --ics; no --ics file is a .zip", 2);
  }
  if (v.settings !== undefined) {
    // The settings file is held to its own, smaller limit before the analysis reads it.
    const size = readBytes(v.settings, LIMITS.settings, "settings");
    if (!size.ok) return fail(io, size.error.message);
  }
  const analysis = withCalendarChoice({ me: v.me, calendar: v.calendar }, () =>
    analyzeCard({ google: v.google ?? [], graph: v.graph ?? [], ics: v.ics ?? [], settings: v.settings, week: v.week, now: v.now, me: v.me }),
  );
  if (!analysis.ok) return fail(io, analysis.error.message);
  const { card, plan } = analysis.value;
  io.out(v.json ? safeJson(JSON.stringify(measuresJson(plan), null, 2)) : safeBlock(renderText(card, { details: !v.brief })));
  return 0;
};

const runSettingsImport = (args: string[], io: Io): number => {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { settings: { type: "string" } } });
  } catch (cause) {
    return usageError(io, cause, "next-week settings --help");
  }
  const [csvFile, ...rest] = parsed.positionals;
  const settingsFile = parsed.values.settings;
  if (!csvFile || rest.length > 0 || !settingsFile) return fail(io, "usage: next-week settings import FILE.csv --settings FILE (see next-week settings --help)", 2);
  const csv = readText(csvFile, LIMITS.csv, "CSV");
  if (!csv.ok) return fail(io, csv.error.message);
  // Read, merge and write under the file's lock: a second import waits, then merges into what the first wrote.
  const done = withFileLock(settingsFile, (): Result<CsvImportReport, Error> => {
    const stored = existsSync(settingsFile) ? readJson(settingsFile, LIMITS.settings, "settings") : ok<unknown>({});
    if (!stored.ok) return stored;
    const settings = parseSettings(stored.value);
    if (!settings.ok) return err(new InputError(`${settingsFile}: ${settings.error.message}`, { cause: settings.error }));
    const imported = importCrmCsv(csv.value, settings.value);
    if (!imported.ok) return err(new InputError(`${csvFile}: ${imported.error.message}`, { cause: imported.error }));
    const text = `${JSON.stringify(imported.value.settings, null, 2)}\n`;
    if (Buffer.byteLength(text) > LIMITS.settings)
      return err(new InputError(`${settingsFile}: the merged settings would be larger than ${limitText(LIMITS.settings)}, the limit for a settings file; nothing was written`));
    const written = writeTextAtomically(settingsFile, text);
    return written.ok ? ok(imported.value.report) : written;
  });
  if (!done.ok) return fail(io, done.error.message);
  const r = done.value;
  io.out(
    safeBlock(
      [
        `Imported ${csvFile} into ${settingsFile}: ${r.rowsRead} rows read.`,
        `  accounts: ${r.accountsAdded} added, ${r.accountsUpdated} updated`,
        `  decision-makers: ${r.decisionMakersAdded} added, ${r.decisionMakersUpdated} updated`,
        `  skipped: ${r.skipped.length}`,
        ...r.skipped.map((s) => `    row ${s.row}: ${safeLine(s.reason)}`),
      ].join("\n"),
    ),
  );
  return 0;
};

const runSettings = (args: string[], io: Io): number => {
  if (args.length === 0 || wantsHelp(args)) {
    io.out(SETTINGS_HELP);
    return args.length === 0 ? 2 : 0;
  }
  if (args[0] === "import") return runSettingsImport(args.slice(1), io);
  return fail(io, `unknown command "settings ${args[0] ?? ""}" (see next-week settings --help)`, 2);
};

const dispatch = (argv: readonly string[], io: Io): number => {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") {
    io.out(MAIN_HELP);
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.out(`next-week ${version()}`);
    return 0;
  }
  if (command === "help") {
    io.out(rest[0] === "analyze" ? ANALYZE_HELP : rest[0] === "init" ? INIT_HELP : rest[0] === "settings" ? SETTINGS_HELP : MAIN_HELP);
    return 0;
  }
  if (command === "analyze") return runAnalyze(rest, io);
  if (command === "init") return runInit(rest, io);
  if (command === "settings") return runSettings(rest, io);
  return fail(io, `unknown command "${command}" (see next-week --help)`, 2);
};

/**
 * Runs the command line; returns the exit code (0 done, 1 bad input, 2 bad usage). Whatever goes
 * wrong ends in one printable line: an unexpected error too, never a stack trace.
 * @example run(["analyze", "--ics", "week.ics", "--json"], io) → 0, after printing the measures
 */
export const run = (argv: readonly string[], io: Io): number => {
  try {
    return dispatch(argv, io);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail(io, `unexpected error: ${message || (cause as Error)?.name || "unknown"} (please report it with the command you ran)`);
  }
};
