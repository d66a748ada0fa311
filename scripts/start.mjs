// `npm start`: bundles addon/node/start.ts with esbuild and runs it (the sample week's card).
import { build } from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist/node/start.cjs");
await build({ entryPoints: [join(root, "addon/node/start.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
createRequire(pathToFileURL(outfile))(outfile);
