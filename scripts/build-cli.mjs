// Bundles the command line (addon/node + shared) with esbuild into dist/node/:
//   next-week.cjs  everything a run needs before it reads a byte (minified; next-week.cjs.map beside it)
//   ical.cjs       ical.js, loaded on the first use of the iCalendar reader (only --ics needs it)
// The core imports ical.js as one default object (`ICAL.parse`, `new ICAL.Component`, …); in the
// command line's bundle that import is a small stand-in that requires ./ical.cjs the first time a
// property is read, so a Calendar v3 or Graph week never loads or compiles it.
// Outputs are written to a temporary file and renamed, so a command started during a rebuild
// never reads half a bundle. Run by `npm install` (prepare) and `npm run build`;
// scripts/next-week.cjs rebuilds when a source is newer than the bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/node");

/** `import ICAL from "ical.js"` → a proxy that loads dist/node/ical.cjs on first use. */
const lazyIcal = {
  name: "lazy-ical.js",
  setup(b) {
    b.onResolve({ filter: /^ical\.js$/ }, () => ({ path: "ical.js", namespace: "lazy-ical" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-ical" }, () => ({
      loader: "js",
      contents: [
        "let ical;",
        "const load = () => (ical ??= require('./ical.cjs'));",
        "export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });",
      ].join("\n"),
    }));
  },
};

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, sourcemap: "linked", logLevel: "warning", write: false, legalComments: "linked" };

const writeAtomically = (path, contents) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
};

export const buildCli = async () => {
  const [main, ical] = await Promise.all([
    build({ ...common, entryPoints: [join(root, "addon/node/main.ts")], outfile: join(out, "next-week.cjs"), plugins: [lazyIcal], external: ["./ical.cjs"] }),
    build({ ...common, stdin: { contents: "const ical = require('ical.js');\nmodule.exports = ical.default ?? ical;", resolveDir: root, sourcefile: "ical-entry.cjs" }, outfile: join(out, "ical.cjs") }),
  ]);
  mkdirSync(out, { recursive: true });
  // ical.cjs first: a new next-week.cjs may need it the moment it lands.
  const files = [...ical.outputFiles, ...main.outputFiles].sort((a, b) => Number(a.path.endsWith("next-week.cjs")) - Number(b.path.endsWith("next-week.cjs")));
  for (const file of files) writeAtomically(file.path, file.contents);
  rmSync(join(out, "next-week.cjs.cache"), { force: true });
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
