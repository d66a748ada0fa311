import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { err, InputError, ok, type Result } from "../../shared";
import { excerpt } from "./safeText";
import { isZip, readCalendarFromZip, type CalendarChoice } from "./zipInput";

export { writeTextAtomically } from "./atomicWrite";

const MB = 1024 * 1024;
/** The most the command line reads of one file, per kind: a cap, so `/dev/zero` or a runaway export cannot fill memory. */
export const LIMITS = {
  /** An events file (--google, --graph, --ics), or one calendar unpacked from a zip. */
  events: 50 * MB,
  /** A settings file. */
  settings: 1 * MB,
  /** A CRM export for `settings import` (the core reads at most 20 million characters of it). */
  csv: 20 * MB,
} as const;
export const limitText = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`);

const why = (cause: unknown): string => {
  const code = (cause as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOTDIR" ? "no such file (a part of the path is not a folder)" : "cannot be read";
};

/**
 * A file's bytes, at most `maxBytes` of them: a larger file (or an endless one such as
 * /dev/zero, a pipe, a FIFO) is refused with the limit in the message, without reading past it.
 */
export const readBytes = (path: string, maxBytes: number, kind = "events"): Result<Uint8Array, InputError> => {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (cause) {
    return err(new InputError(`${path}: ${why(cause)}`, { cause }));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return err(new InputError(`${path}: is a folder, not a file`));
    const tooBig = () => err(new InputError(`${path}: is larger than ${limitText(maxBytes)}, the limit for ${/^[aeiou]/i.test(kind) ? "an" : "a"} ${kind} file`));
    if (stat.isFile() && stat.size > maxBytes) return tooBig();
    // A file is read into one buffer of its size and a byte more (to see it grew); a pipe, a device
    // or a file that grew into a buffer twice as large each time it fills, up to a byte over the cap.
    let buffer = Buffer.allocUnsafe(Math.min(stat.isFile() ? Math.max(stat.size + 1, 4096) : 64 * 1024, maxBytes + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) return tooBig();
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    return ok(buffer.subarray(0, total));
  } catch (cause) {
    return err(new InputError(`${path}: ${why(cause)}`, { cause }));
  } finally {
    closeSync(fd);
  }
};

/** The first bytes of a file (fewer, or none, when it is shorter or unreadable). */
export const readHead = (path: string, n: number): Uint8Array => {
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(n);
      return head.subarray(0, readSync(fd, head, 0, n, null));
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
};

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, text: string) => startsWith(bytes, ...Array.from(text, (c) => c.charCodeAt(0)));

/** What a file that is not text is, from its first bytes (null when it looks like text). */
export const binaryKind = (bytes: Uint8Array): string | null => {
  if (isZip(bytes)) return "a zip archive";
  if (ascii(bytes, "%PDF")) return "a PDF file";
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return "a PNG image";
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "a JPEG image";
  if (ascii(bytes, "GIF8")) return "a GIF image";
  if (startsWith(bytes, 0x1f, 0x8b)) return "a gzip archive";
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "an old Office document (.doc, .xls)";
  if (ascii(bytes, "{\\rtf")) return "an RTF document";
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) return "a program (ELF)";
  if (ascii(bytes, "SQLite format 3")) return "an SQLite database";
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) return null; // UTF-16 text
  let controls = 0;
  for (const b of head) {
    if (b === 0) return "binary data";
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls += 1;
  }
  return controls > head.length / 10 ? "binary data" : null;
};

/** Bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts with its mark. */
export const decodeText = (bytes: Uint8Array): string => {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
};

let zipChoice: CalendarChoice | null = null;
/**
 * Runs `read` with Google Calendar export zips accepted by readText, one calendar picked as
 * `choice` says (the command line's `--me` and `--calendar`, for `--ics`).
 */
export const withCalendarChoice = <T>(choice: CalendarChoice, read: () => T): T => {
  const before = zipChoice;
  zipChoice = choice;
  try {
    return read();
  } finally {
    zipChoice = before;
  }
};

/**
 * Reads a text file of at most `maxBytes` (50 MB unless told); an unreadable, binary or too large
 * file is an InputError naming it in one printable line. Inside withCalendarChoice a zip is read
 * as Google Calendar's export (the chosen calendar's text).
 */
export const readText = (path: string, maxBytes: number = LIMITS.events, kind = "events"): Result<string, InputError> => {
  const bytes = readBytes(path, maxBytes, kind);
  if (!bytes.ok) return bytes;
  if (zipChoice && isZip(bytes.value)) return readCalendarFromZip(path, bytes.value, zipChoice, LIMITS.events, limitText(LIMITS.events));
  const binary = binaryKind(bytes.value);
  if (binary) return err(new InputError(`${path}: not a text file (it is ${binary})`));
  return ok(decodeText(bytes.value));
};

/** Reads and parses a JSON file (at most `maxBytes`); bad JSON is an InputError naming the file, the position and a printable excerpt. */
export const readJson = (path: string, maxBytes: number = LIMITS.events, kind = "events"): Result<unknown, InputError> => {
  const bytes = readBytes(path, maxBytes, kind);
  if (!bytes.ok) return bytes;
  const binary = binaryKind(bytes.value);
  if (binary) return err(new InputError(`${path}: not valid JSON (it is ${binary})`));
  const text = decodeText(bytes.value);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (cause) {
    const message = (cause as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` near "${excerpt(text.slice(Math.max(0, Number(at[1]) - 20), Number(at[1]) + 20))}"` : "";
    const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^Unexpected token '(.)', .*$/s, "unexpected '$1'");
    return err(new InputError(`${path}: not valid JSON (${excerpt(reason)}${at ? ` at position ${at[1]}` : ""})${where}`, { cause }));
  }
};
