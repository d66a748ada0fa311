import { lstatSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseSettings } from "../../shared";
import { analyze } from "./analyze";
import { editableJson } from "./editableJson";
import { readHead, withCalendarChoice, writeTextAtomically } from "./files";
import { INIT_HELP } from "./help";
import { initReport } from "./initReport";
import { checkNow } from "./nowOption";
import { safeBlock } from "./safeText";
import { fail as failWith, type Io, usageError, wantsHelp } from "./commandIo";
import { CHOICE_OPTIONS, isAddress, type Pick, readPicks, resolveChoices, starterSettings } from "./starterSettings";
import { isZip } from "./zipInput";
import { CALENDAR_OPTIONS } from "./calendarOptions";

// `next-week init`: starter settings for a new user, from their own calendar. It reads the
// events exactly as `next-week analyze` does (default settings: 8 look-back weeks and the week),
// offers the companies met most as a numbered table, and writes a settings file that
// parseSettings accepts, with the accounts the user picked (none unless asked).

export const DEFAULT_OUT = "next-week-settings.json";

const SEE_HELP = "(see next-week init --help)";

/** What is at a path without following a symlink: nothing, a folder, or something else (a file or a link). */
const entryAt = (path: string): "none" | "folder" | "file" => {
  try {
    return lstatSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "none";
  }
};

/**
 * Runs `next-week init`; returns the exit code (0 written, 1 bad input, 2 a usage mistake).
 * @example runInit(["--ics", "cal.ics", "--me", "ana@acme-seller.com"], io) → 0, next-week-settings.json written
 */
export const runInit = (args: string[], io: Io): number => {
  const fail = (message: string, code = 1): number => failWith(io, message, code);
  if (wantsHelp(args)) {
    io.out(INIT_HELP);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        ...CALENDAR_OPTIONS,
        out: { type: "string" },
        force: { type: "boolean" },
        dream: { type: "string", multiple: true },
        "a-list": { type: "string", multiple: true },
        pain: { type: "string", multiple: true },
        not: { type: "string", multiple: true },
        accept: { type: "boolean" },
      },
    });
  } catch (cause) {
    return usageError(io, cause, "next-week init --help");
  }
  const v = parsed.values;
  const ics = v.ics ?? [];
  const google = v.google ?? [];
  const graph = v.graph ?? [];
  if (ics.length + google.length + graph.length === 0) return fail(`give your calendar with --ics FILE, --google FILE or --graph FILE ${SEE_HELP}`, 2);
  if (v.me === undefined) return fail(`give your own address with --me ADDRESS, such as --me ana@acme-seller.com: it tells your colleagues from your clients ${SEE_HELP}`, 2);
  const me = v.me.trim();
  if (!isAddress(me)) return fail(`--me must be an email address such as ana@acme-seller.com, not "${v.me}"`, 2);
  const out = v.out ?? DEFAULT_OUT;
  if (out.trim() === "") return fail(`--out must name a file, such as --out settings.json`, 2);
  const choiceValues: { option: string; choice: (typeof CHOICE_OPTIONS)[number]["choice"]; picks: Pick[] }[] = [];
  for (const { option, choice } of CHOICE_OPTIONS) {
    const picks = readPicks(option, v[option] ?? []);
    if (!picks.ok) return fail(`${picks.error.message} ${SEE_HELP}`, 2);
    choiceValues.push({ option, choice, picks: picks.value });
  }
  const badNow = checkNow(v.now);
  if (badNow) return fail(badNow);
  if (v.calendar !== undefined && !ics.some((file) => isZip(readHead(file, 4))))
    return fail("--calendar picks one calendar of a Google Calendar export .zip given with --ics; no --ics file is a .zip", 2);
  const before = entryAt(out);
  if (before === "folder") return fail(`${out}: is a folder; give a file name with --out, such as --out ${DEFAULT_OUT}`);
  if (before === "file" && !v.force) return fail(`${out} already exists: add --force to replace it, or write elsewhere with --out FILE`, 2);

  // The same reading as `next-week analyze` without --settings: every default, 8 look-back weeks.
  const plan = withCalendarChoice({ me, calendar: v.calendar }, () => analyze({ google, graph, ics, settings: undefined, week: v.week, now: v.now, me }));
  if (!plan.ok) return fail(plan.error.message);
  const chosen = resolveChoices(choiceValues, plan.value.suggestedAccounts, v.accept === true);
  if (!chosen.ok) return fail(`${chosen.error.message} ${SEE_HELP}`, 2);

  const settings = starterSettings({ zone: plan.value.zone, me, chosen: chosen.value });
  const valid = parseSettings(settings);
  if (!valid.ok) return fail(`the starter settings are not valid (${valid.error.message}); nothing was written`);
  if (!v.force && entryAt(out) !== "none") return fail(`${out} already exists: add --force to replace it, or write elsewhere with --out FILE`, 2);
  const written = writeTextAtomically(out, editableJson(settings));
  if (!written.ok) return fail(written.error.message);

  const sources = [...ics.flatMap((f) => ["--ics", f]), ...google.flatMap((f) => ["--google", f]), ...graph.flatMap((f) => ["--graph", f]), ...(v.calendar !== undefined ? ["--calendar", v.calendar] : [])];
  const when = [...(v.week !== undefined ? ["--week", v.week] : []), ...(v.now !== undefined ? ["--now", v.now] : [])];
  io.out(
    safeBlock(
      initReport({
        plan: plan.value,
        out,
        ownDomain: valid.value.ownDomains?.[0] ?? "",
        chosen: chosen.value,
        initCommand: ["next-week", "init", ...sources, "--me", me, ...when, ...(v.out !== undefined ? ["--out", out] : [])],
        analyzeCommand: ["next-week", "analyze", ...sources, "--me", me, "--settings", out, ...when],
      }),
    ),
  );
  return 0;
};
