import { chmodSync, closeSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { err, InputError, ok, type Result } from "../../shared";

/**
 * The file a path finally names: symlinks followed (also a dangling one, whose target is then
 * created), so writing replaces the target and the link stays a link.
 */
export const finalTarget = (path: string): string => {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current;
    }
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  return current;
};

/**
 * Writes a file atomically: the text goes to a new temporary file in the same folder, is flushed
 * to disk, takes the old file's mode (and owner, where allowed), then is renamed over the file, so
 * a reader or a crash sees the old file or the new one, never half of one. A symlink is followed
 * and its target written.
 * @example writeTextAtomically("settings.json", "{}\n") → ok(undefined); settings.json holds "{}\n"
 */
export const writeTextAtomically = (path: string, text: string): Result<void, InputError> => {
  const target = finalTarget(path);
  let before: { mode: number; uid: number; gid: number } | null = null;
  try {
    const s = statSync(target);
    if (s.isDirectory()) return err(new InputError(`${path}: is a folder, not a file`));
    before = { mode: s.mode & 0o7777, uid: s.uid, gid: s.gid };
  } catch {
    before = null;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, "wx", before ? before.mode : 0o666);
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    if (before) {
      try {
        fchownSync(fd, before.uid, before.gid);
      } catch {
        // Only the owner's own files, or root, can keep the owner: the mode is kept either way.
      }
    }
    closeSync(fd);
    fd = null;
    if (before) chmodSync(temporary, before.mode); // the umask may have narrowed the mode at open
    renameSync(temporary, target);
    return ok(undefined);
  } catch (cause) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
    return err(new InputError(`${path}: cannot be written (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, { cause }));
  }
};
