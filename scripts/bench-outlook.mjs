// The Outlook add-in's part of `npm run bench` (also runnable alone):
//  - the pane's own code, gzipped, excluding office.js and the MSAL chunk (budget 60 KB), with the
//    largest contributors, the MSAL chunk's size (fetched in parallel: taskpane.html preloads it)
//    and the public suffix list's chunk (tldts-icann, fetched while the calendar is read);
//  - when the card is drawn after the page starts loading, against the local fake Graph
//    (median of several runs in Chromium; budget 500 ms).
// Prints a table, and JSON with --json; exits 1 when a budget is missed. Exports benchOutlook() for scripts/bench.mjs.
import { build } from "esbuild";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildOutlook } from "./build-outlook.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUDGET = { taskpaneGzipKB: 60, cardDrawnMs: 500 };

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Sizes of the production task pane as the browser fetches it: the pane's own code (taskpane.js
 * and every chunk that is not the sign-in library) and the MSAL chunk it preloads, gzipped.
 */
export const bundleSize = async () => {
  const { outdir, metafile, msalChunk, tldtsChunk, startupFiles } = await buildOutlook({ clientId: "00000000-0000-0000-0000-000000000001", outdir: join(root, "dist/bench/outlook"), production: false });
  const outputs = Object.entries(metafile.outputs).filter(([p]) => p.endsWith(".js"));
  const byPackage = {};
  let ownGzip = 0;
  let ownMinified = 0;
  let msalGzip = 0;
  let laterGzip = 0;
  let tldtsGzip = 0;
  for (const [path, output] of outputs) {
    const file = join(root, path);
    // The sign-in library's chunk, and any chunk esbuild split off it that holds nothing but its code
    // (its performance-measurement module): MSAL, not the pane's own code, whichever file it is in.
    const onlyMsal = Object.keys(output.inputs).length > 0 && Object.keys(output.inputs).every((input) => /node_modules\/@azure\/msal-/.test(input));
    const isMsal = (msalChunk !== null && path.endsWith(msalChunk)) || onlyMsal;
    if (isMsal) msalGzip += gz(file);
    else if (tldtsChunk !== null && path.endsWith(tldtsChunk)) tldtsGzip += gz(file); // fetched with the calendar read
    else if (!startupFiles.some((f) => path.endsWith(`/${f}`))) laterGzip += gz(file); // the settings screen, fetched on first use
    else {
      ownGzip += gz(file);
      ownMinified += statSync(file).size;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = m ? m[1] : input.startsWith("shared/") ? `shared/${input.split("/")[1]}` : input.startsWith("addon/outlook/") ? "addon/outlook" : input;
        byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
      }
    }
  }
  // Startup files built apart from the modules (the time-zone data warm-up script).
  for (const file of startupFiles.filter((f) => !outputs.some(([p]) => p.endsWith(`/${f}`)))) {
    ownGzip += gz(join(outdir, file));
    ownMinified += statSync(join(outdir, file)).size;
  }
  const top = Object.entries(byPackage).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, bytes]) => ({ name, minifiedKB: +(bytes / 1024).toFixed(1) }));
  const html = readFileSync(join(outdir, "taskpane.html"), "utf8");
  return {
    gzipKB: +(ownGzip / 1024).toFixed(1),
    minifiedKB: +(ownMinified / 1024).toFixed(1),
    msalGzipKB: +(msalGzip / 1024).toFixed(1),
    laterGzipKB: +(laterGzip / 1024).toFixed(1),
    tldtsGzipKB: +(tldtsGzip / 1024).toFixed(1),
    tldtsChunk,
    msalChunk,
    msalPreloaded: msalChunk !== null && html.includes(`<link rel="modulepreload" href="${msalChunk}"`),
    top,
  };
};

/** The card-drawn timing, from the browser-test harness (TypeScript, bundled on the fly). */
export const cardDrawn = async (runs = 7) => {
  const outfile = join(root, "dist/bench/measureCardDrawn.cjs");
  await build({ entryPoints: [join(root, "test/e2e/measureCardDrawn.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", logLevel: "warning" });
  const { measureCardDrawn } = createRequire(import.meta.url)(outfile);
  return measureCardDrawn(runs);
};

export const benchOutlook = async ({ runs = 7 } = {}) => {
  const size = await bundleSize();
  const timing = await cardDrawn(runs);
  return {
    taskpaneJs: { gzipKB: size.gzipKB, msalGzipKB: size.msalGzipKB, settingsChunkGzipKB: size.laterGzipKB, tldtsChunkGzipKB: size.tldtsGzipKB, tldtsChunk: size.tldtsChunk, msalChunk: size.msalChunk, msalPreloaded: size.msalPreloaded, minifiedKB: size.minifiedKB, budgetKB: BUDGET.taskpaneGzipKB, withinBudget: size.gzipKB <= BUDGET.taskpaneGzipKB && size.msalPreloaded, largest: size.top },
    cardDrawn: {
      medianMs: Math.round(timing.medianCardDrawnMs),
      medianLoadEventMs: Math.round(timing.medianLoadEventMs),
      runsMs: timing.runs.map((r) => Math.round(r.cardDrawnMs)),
      budgetMs: BUDGET.cardDrawnMs,
      withinBudget: timing.medianCardDrawnMs <= BUDGET.cardDrawnMs,
    },
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchOutlook();
  if (!result.taskpaneJs.withinBudget || !result.cardDrawn.withinBudget) process.exitCode = 1;
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const ok = (b) => (b ? "ok" : "OVER");
    console.log("Outlook task pane");
    console.log(`  the pane's own code at start (gzipped, no MSAL, no office.js)  ${result.taskpaneJs.gzipKB} KB   budget ${result.taskpaneJs.budgetKB} KB   ${ok(result.taskpaneJs.withinBudget)}`);
    console.log(`  MSAL chunk (gzipped, ${result.taskpaneJs.msalPreloaded ? "preloaded by taskpane.html" : "NOT PRELOADED"})  ${result.taskpaneJs.msalGzipKB} KB   ${result.taskpaneJs.msalChunk}`);
    console.log(`  public suffix list chunk (tldts-icann, gzipped, fetched with the calendar read)  ${result.taskpaneJs.tldtsChunkGzipKB} KB   ${result.taskpaneJs.tldtsChunk}`);
    console.log(`  settings screen chunk (gzipped, fetched on first use)  ${result.taskpaneJs.settingsChunkGzipKB} KB`);
    for (const t of result.taskpaneJs.largest) console.log(`      ${t.name.padEnd(36)} ${String(t.minifiedKB).padStart(7)} KB minified`);
    console.log(`  card drawn after navigation start (median) ${result.cardDrawn.medianMs} ms   budget ${result.cardDrawn.budgetMs} ms   ${ok(result.cardDrawn.withinBudget)}   runs ${result.cardDrawn.runsMs.join(", ")} ms; load event ${result.cardDrawn.medianLoadEventMs} ms`);
  }
}
