// `npm run bench`: the core's planning benchmark, then the Outlook task pane's (when built here).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist/bench/core.cjs");
await build({ entryPoints: [join(root, "scripts/bench-core.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
execFileSync(process.execPath, [outfile], { stdio: "inherit" });
const outlook = join(root, "scripts/bench-outlook.mjs");
if (existsSync(outlook)) execFileSync(process.execPath, [outlook], { stdio: "inherit" });
