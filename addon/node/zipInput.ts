import { unzipSync, type UnzipFileInfo } from "fflate";
import { err, InputError, ok, type Result } from "../../shared";
import { cut, excerpt } from "./safeText";

/** How to pick one calendar from Google Calendar's export: `--me`, then `--calendar`. */
export interface CalendarChoice {
  readonly me?: string | undefined;
  readonly calendar?: string | undefined;
}

/** A zip archive starts with a local file header (or is an empty archive's end record). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));

const baseName = (entry: string): string => entry.slice(entry.lastIndexOf("/") + 1);
/** The calendar's name as a person reads it: the file name without ".ics". */
const calendarName = (entry: string): string => baseName(entry).replace(/\.ics$/i, "");
/** Google names a secondary calendar "Name_id@group.calendar.google.com.ics": "Name" picks it too. */
const shortName = (name: string): string => (/_[^_]*@[^@]*$/.test(name) ? name.slice(0, name.lastIndexOf("_")) : name);

const pickable = (names: readonly string[]): string => names.map((n) => `"${cut(excerpt(n), 60)}"`).join(", ");

/**
 * The text of one calendar in Google Calendar's export (a zip of one .ics per calendar): the
 * calendar named after `me`, else the one `calendar` names (its file name, with or without
 * ".ics", or the display name before Google's "_id@group…"), else the only one; otherwise one
 * line listing the calendars to pick from. `maxBytes` bounds what is inflated.
 * @example readCalendarFromZip("export.zip", zipBytes, { me: "ana@acme.com" }, 50e6) → ok(text of ana@acme.com.ics)
 */
export const readCalendarFromZip = (label: string, bytes: Uint8Array, choice: CalendarChoice, maxBytes: number, limitText: string): Result<string, InputError> => {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push(file);
        return false;
      },
    });
  } catch (cause) {
    return err(new InputError(`${label}: a damaged zip archive (${cut((cause as Error).message, 60)})`, { cause }));
  }
  const calendars = entries.filter((e) => /\.ics$/i.test(e.name) && !e.name.startsWith("__MACOSX/") && !baseName(e.name).startsWith("._"));
  if (calendars.length === 0) return err(new InputError(`${label}: a zip archive with no .ics calendar in it (Google Calendar's export holds one .ics per calendar)`));
  const names = calendars.map((c) => calendarName(c.name));
  const lower = (s: string) => s.toLowerCase();
  let chosen: UnzipFileInfo | undefined;
  if (choice.calendar !== undefined) {
    const wanted = lower(choice.calendar.replace(/\.ics$/i, ""));
    const matches = calendars.filter((c) => lower(calendarName(c.name)) === wanted || lower(shortName(calendarName(c.name))) === wanted);
    if (matches.length !== 1)
      return err(new InputError(`${label}: ${matches.length === 0 ? "no calendar" : "more than one calendar"} named "${cut(excerpt(choice.calendar), 60)}"; pick one with --calendar NAME: ${pickable(names)}`));
    chosen = matches[0];
  } else if (choice.me !== undefined && calendars.some((c) => lower(calendarName(c.name)) === lower(choice.me ?? ""))) {
    chosen = calendars.find((c) => lower(calendarName(c.name)) === lower(choice.me ?? ""));
  } else if (calendars.length === 1) {
    chosen = calendars[0];
  } else {
    return err(new InputError(`${label}: holds ${calendars.length} calendars${choice.me ? `, none named after ${cut(excerpt(choice.me), 60)}` : ""}; pick one with --calendar NAME: ${pickable(names)}`));
  }
  if (!chosen) return err(new InputError(`${label}: no calendar chosen`));
  if (chosen.originalSize > maxBytes) return err(new InputError(`${label}: ${cut(excerpt(baseName(chosen.name)), 60)} is larger than ${limitText} once unpacked (the limit for an events file)`));
  const name = chosen.name;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === name });
  } catch (cause) {
    return err(new InputError(`${label}: ${cut(excerpt(baseName(name)), 60)} cannot be unpacked (${cut((cause as Error).message, 60)})`, { cause }));
  }
  const data = files[name];
  if (!data) return err(new InputError(`${label}: ${cut(excerpt(baseName(name)), 60)} cannot be unpacked`));
  if (data.length > maxBytes) return err(new InputError(`${label}: ${cut(excerpt(baseName(name)), 60)} is larger than ${limitText} once unpacked (the limit for an events file)`));
  return ok(new TextDecoder("utf-8").decode(data));
};
