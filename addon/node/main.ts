import { writeSync } from "node:fs";
import { Settings } from "luxon";
import { useZoneFacts } from "../../shared";
import { run } from "./cli";
import { processZoneFacts } from "./zoneFacts";

// The only place the command line touches the process.

// The card is in English, and its numbers in Latin digits whatever the machine's locale; naming the
// locale also spares luxon asking ICU for the machine's (a visible part of the start-up time).
Settings.defaultLocale = "en-US";

// Zone names and offsets from the runtime's zone data without Intl's date-time formats (their
// first use costs ~20 ms); the same numbers.
useZoneFacts(processZoneFacts());

/** What a shell reports for a command ended by SIGPIPE (128 + 13), as `yes | head -1` does. */
const SIGPIPE_STATUS = 141;

/**
 * The reader of our output has gone (`next-week analyze … | head -1`): stop quietly with the
 * status a shell expects, printing nothing more (no EPIPE stack trace).
 */
const readerGone = (cause: unknown): boolean => {
  if ((cause as NodeJS.ErrnoException | null)?.code !== "EPIPE") return false;
  process.exitCode = SIGPIPE_STATUS;
  process.exit(SIGPIPE_STATUS);
};
/**
 * Writes all of `text` to a file descriptor (1 or 2) synchronously, without Node's stream
 * machinery (loading it is a visible part of the start-up time). A descriptor left
 * non-blocking by whoever started us answers EAGAIN when the reader is slow: write again.
 */
const writeAll = (fd: number, text: string): void => {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException | null)?.code !== "EAGAIN") throw cause;
    }
  }
};

// Nothing asynchronous should fail, but if anything does, it is one line too, never a stack trace.
process.on("uncaughtException", (cause) => {
  if (readerGone(cause)) return;
  try {
    writeAll(2, `next-week: unexpected error: ${String((cause as Error)?.message ?? cause).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 300)}\n`);
  } catch {
    // nowhere left to say it
  } finally {
    process.exit(1);
  }
});

const write = (fd: number, text: string) => {
  try {
    writeAll(fd, `${text}\n`);
  } catch (cause) {
    if (!readerGone(cause)) {
      if (fd === 1) process.exit(1);
      process.exit(process.exitCode ?? 1);
    }
  }
};

try {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => write(1, text),
    error: (text) => write(2, text),
  });
} catch {
  // run() already turns every error into one line; this is the last guard (e.g. a failed write).
  process.exitCode = 1;
}
