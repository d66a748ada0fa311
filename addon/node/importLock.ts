import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { err, InputError, ok, type Result } from "../../shared";
import { finalTarget } from "./atomicWrite";

/** How long an import waits for another one to finish with the same settings file. */
export const LOCK_WAIT_MS = 10_000;
/** A lock older than this is left over from a crash and is taken over. */
const STALE_MS = 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** True when the lock's owner has gone (its process ended) or the lock is too old to be live. */
const stale = (lock: string): boolean => {
  try {
    const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return Date.now() - statSync(lock).mtimeMs > STALE_MS;
  } catch {
    return false; // just released, or being written: try again
  }
};

const readOwner = (lock: string): string | null => {
  try {
    return readFileSync(lock, "utf8");
  } catch {
    return null;
  }
};

/** The lock file of a settings file: beside the file a symlink finally names, so two links to one file share a lock. */
export const lockPath = (path: string): string => `${finalTarget(path)}.lock`;

/**
 * Takes the lock of a file (a `FILE.lock` created exclusively, holding this process's id); waits
 * up to `waitMs` for another holder. Returns the function that releases it.
 */
export const acquireLock = (path: string, waitMs = LOCK_WAIT_MS): Result<() => void, InputError> => {
  const lock = lockPath(path);
  const deadline = Date.now() + waitMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      const fd = openSync(lock, "wx", 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return ok(() => {
        try {
          unlinkSync(lock);
        } catch {
          // already gone
        }
      });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") return err(new InputError(`${path}: cannot be locked for writing (${code ?? (cause as Error).message})`, { cause }));
    }
    const owner = readOwner(lock);
    if (stale(lock) && readOwner(lock) === owner) {
      try {
        unlinkSync(lock);
      } catch {
        // another waiter took it over first
      }
      continue;
    }
    if (Date.now() >= deadline) return err(new InputError(`${path}: another import is writing it (remove ${lock} if no import is running)`));
    sleep(delay);
  }
};

/**
 * Runs `change` holding the file's lock, so read-modify-write sequences of two processes never
 * interleave (the second reads what the first wrote).
 */
export const withFileLock = <T, E extends Error>(path: string, change: () => Result<T, E>, waitMs = LOCK_WAIT_MS): Result<T, E | InputError> => {
  const release = acquireLock(path, waitMs);
  if (!release.ok) return release;
  try {
    return change();
  } finally {
    release.value();
  }
};
