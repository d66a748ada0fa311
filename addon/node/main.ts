import { Settings } from "luxon";
import { run } from "./cli";

// The only place the command line touches the process.

// The card is in English, and its numbers in Latin digits whatever the machine's locale; naming the
// locale also spares luxon asking ICU for the machine's (a visible part of the start-up time).
Settings.defaultLocale = "en-US";

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
process.stdout.on("error", (cause) => {
  if (!readerGone(cause)) process.exit(1);
});
process.stderr.on("error", () => process.exit(process.exitCode ?? 1));
// Nothing asynchronous should fail, but if anything does, it is one line too, never a stack trace.
process.on("uncaughtException", (cause) => {
  if (readerGone(cause)) return;
  try {
    process.stderr.write(`next-week: unexpected error: ${String((cause as Error)?.message ?? cause).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 300)}\n`);
  } finally {
    process.exit(1);
  }
});

const write = (stream: NodeJS.WriteStream, text: string) => {
  try {
    stream.write(`${text}\n`);
  } catch (cause) {
    if (!readerGone(cause)) throw cause;
  }
};

try {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => write(process.stdout, text),
    error: (text) => write(process.stderr, text),
  });
} catch {
  // run() already turns every error into one line; this is the last guard (e.g. a failed write).
  process.exitCode = 1;
}
