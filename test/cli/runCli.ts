// The command line run in-process, its output collected: what every CLI test calls.
import { run } from "../../addon/node/cli";

/** Runs `next-week <argv>` and returns the exit status and what it printed on each stream. */
export const cli = (...argv: string[]) => {
  const out: string[] = [];
  const error: string[] = [];
  const code = run(argv, { out: (t) => out.push(t), error: (t) => error.push(t) });
  return { code, out: out.join("\n"), error: error.join("\n") };
};
