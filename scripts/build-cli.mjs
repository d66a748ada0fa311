// Bundles the command line (addon/node + shared) into dist/node/next-week.cjs with esbuild.
// Run by `npm install` (prepare) and `npm run build`; scripts/next-week.cjs rebuilds it when sources are newer.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const buildCli = () =>
  build({
    entryPoints: [join(root, "addon/node/main.ts")],
    outfile: join(root, "dist/node/next-week.cjs"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "inline",
    logLevel: "warning",
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
