import { safeLine } from "./safeText";

// What every command of the command line writes through, and how it ends with a usage mistake.

/** Where a command writes: standard output and standard error, one call per text. */
export interface Io {
  readonly out: (text: string) => void;
  readonly error: (text: string) => void;
}

/** One clean error line, "next-week: …", and the status to exit with (1 for bad input, 2 for a usage mistake). */
export const fail = (io: Io, message: string, code = 1): number => {
  io.error(safeLine(`next-week: ${message}`));
  return code;
};

/** An option the parser refused, pointing at the command's help: status 2. */
export const usageError = (io: Io, cause: unknown, help: string): number => fail(io, `${(cause as Error).message} (see ${help})`, 2);

/** `--help` or `-h` anywhere in the arguments. */
export const wantsHelp = (args: readonly string[]): boolean => args.includes("--help") || args.includes("-h");
