import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { err, InputError, ok, type Result } from "../../shared";

/** Reads a text file; an unreadable file is an InputError naming it. */
export const readText = (path: string): Result<string, InputError> => {
  try {
    return ok(readFileSync(path, "utf8"));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : "cannot be read";
    return err(new InputError(`${path}: ${why}`, { cause }));
  }
};

/** Reads and parses a JSON file; bad JSON is an InputError naming the file and the position. */
export const readJson = (path: string): Result<unknown, InputError> => {
  const text = readText(path);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value.replace(/^\uFEFF/, "")) as unknown);
  } catch (cause) {
    return err(new InputError(`${path}: not valid JSON (${(cause as Error).message})`, { cause }));
  }
};

/** Writes a file atomically (temporary file, then rename), so a crash never leaves half a file. */
export const writeTextAtomically = (path: string, text: string): Result<void, InputError> => {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, path);
    return ok(undefined);
  } catch (cause) {
    return err(new InputError(`${basename(path)}: cannot be written (${(cause as Error).message})`, { cause }));
  }
};
