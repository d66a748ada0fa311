// Bundles the command line (addon/node + shared) with esbuild into dist/node/:
//   next-week.cjs  everything a run needs before it reads a byte (minified; next-week.cjs.map beside it)
//   ical.cjs, fflate.cjs, tldts.cjs   libraries only some inputs need, loaded on first use (see LAZY),
//                  so an empty or a Calendar v3 week never loads or compiles ical.js
// Outputs are written to a temporary file and renamed, so a command started during a rebuild
// never reads half a bundle. Run by `npm install` (prepare) and `npm run build`;
// scripts/next-week.cjs rebuilds when a source is newer than the bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/node");

/**
 * Packages only some inputs need, each bundled into its own file in dist/node/ and required on
 * first use: ical.js (--ics), fflate (a zipped export; its Node build also loads worker_threads),
 * tldts-icann (the public-suffix list, for suggested accounts when a week has outside guests).
 * The core imports ical.js as one default object (`ICAL.parse`, `new ICAL.Component`, …): its
 * stand-in is a proxy that loads the chunk when a property is first read. The others are imported
 * by name: each name becomes a function that loads the chunk and calls the real one.
 */
const LAZY = {
  "ical.js": { chunk: "ical.cjs", names: null },
  fflate: { chunk: "fflate.cjs", names: ["unzipSync"] },
  "tldts-icann": { chunk: "tldts.cjs", names: ["getDomain"] },
};
const lazyPackages = {
  name: "lazy-packages",
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY).map((n) => n.replace(/[.]/g, "\\.")).join("|")})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: "lazy" }));
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => {
      const { chunk, names } = LAZY[args.path];
      // Through the launcher's code-cached loader when there is one (scripts/next-week.cjs), so a
      // chunk's compile is cached like the bundle's; a plain require otherwise.
      const load = `let real;\nconst load = () => (real ??= (globalThis.__nextWeekLoadChunk ? globalThis.__nextWeekLoadChunk(require("node:path").join(__dirname, ${JSON.stringify(chunk)})) : require(${JSON.stringify(`./${chunk}`)})));\n`;
      const body = names
        ? names.map((name) => `export const ${name} = (...args) => load().${name}(...args);`).join("\n")
        : "export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });";
      return { loader: "js", contents: load + body };
    });
  },
};

const common = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, sourcemap: "linked", logLevel: "warning", write: false, legalComments: "linked" };

const writeAtomically = (path, contents) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
};

export const buildCli = async () => {
  const chunks = Object.entries(LAZY).map(([name, { chunk, names }]) =>
    build({
      ...common,
      stdin: { contents: names ? `module.exports = require(${JSON.stringify(name)});` : `const m = require(${JSON.stringify(name)});\nmodule.exports = m.default ?? m;`, resolveDir: root, sourcefile: `${chunk}-entry.cjs` },
      outfile: join(out, chunk),
      ...(name === "fflate" ? { conditions: ["browser"], mainFields: ["module", "main"] } : {}),
    }),
  );
  const results = await Promise.all([...chunks, build({ ...common, entryPoints: [join(root, "addon/node/main.ts")], outfile: join(out, "next-week.cjs"), plugins: [lazyPackages], external: Object.values(LAZY).map((l) => `./${l.chunk}`) })]);
  mkdirSync(out, { recursive: true });
  // The chunks first: a new next-week.cjs may need them the moment it lands.
  for (const file of results.flatMap((r) => r.outputFiles)) writeAtomically(file.path, file.contents);
  for (const name of ["next-week.cjs", ...Object.values(LAZY).map((l) => l.chunk)]) rmSync(join(out, `${name}.cache`), { force: true });
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
