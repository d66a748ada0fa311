// `npm run bench`: every benchmark in scripts/ named bench-*.ts or bench-*.mjs, in name order
// (TypeScript ones bundled for Node first). Each prints its own figures and targets; the run
// fails when one of them fails. `npm run bench -- core` runs only those whose name holds "core".
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const benches = readdirSync(join(root, "scripts"))
  .filter((name) => /^bench-.+\.(ts|mjs)$/.test(name))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
let failed = 0;
for (const name of benches) {
  let script = join(root, "scripts", name);
  if (name.endsWith(".ts")) {
    const outfile = join(root, "dist/bench", name.replace(/\.ts$/, ".cjs"));
    await build({ entryPoints: [script], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
    script = outfile;
  }
  console.log(`\n== ${name}`);
  try {
    execFileSync(process.execPath, [script], { stdio: "inherit", cwd: root });
  } catch {
    failed += 1;
    console.error(`bench: ${name} failed`);
  }
}
if (failed > 0) process.exit(1);
