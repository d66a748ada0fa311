#!/usr/bin/env node
/**
 * Builds the Google Calendar add-on for Apps Script:
 *   dist/gas/Code.js         one classic script: the add-on and the core bundled by esbuild into an
 *                            IIFE, then one plain top-level `function` per handler, because Apps
 *                            Script only finds top-level function declarations;
 *   dist/gas/appsscript.json the manifest, copied from the repository root.
 * Ready for `clasp push` (see scripts/deploy-google.mjs).
 *
 * Checks, failing the build: the script has no `import`, `export` or `require`; every function the
 * manifest names is a handler; the bundle is at most 150 KB.
 *
 * Usage: node scripts/build-gas.mjs [--outdir DIR] [--quiet]
 */
import * as esbuild from "esbuild";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outdir = resolve(args.includes("--outdir") ? args[args.indexOf("--outdir") + 1] : join(root, "dist", "gas"));
const quiet = args.includes("--quiet");

/** Bundle budget: Apps Script loads every file on every call, so the script stays small. */
export const MAX_BYTES = 240 * 1000;
const GLOBAL = "NextWeekAddOn";

/**
 * Google Calendar always sends IANA zone names and offsets, so the Windows-zone table
 * (windows-iana, ~80 KB) that the core needs for Outlook is replaced by an empty table here:
 * `windowsToIana` then answers null for every non-IANA name, and the core falls back as it does
 * for an unknown zone.
 */
const noWindowsZones = {
  name: "no-windows-zones",
  setup(build) {
    build.onResolve({ filter: /^windows-iana$/ }, () => ({ path: "windows-iana", namespace: "gas-stub" }));
    build.onLoad({ filter: /^windows-iana$/, namespace: "gas-stub" }, () => ({
      loader: "js",
      contents: "export const findIana = () => []; export const findWindows = () => [];",
    }));
  },
};

/**
 * zod: `import { z } from "zod"` keeps the whole namespace (every locale, JSON Schema) in an
 * esbuild bundle. The core's `z.` members are imported by name instead, and the JSON Schema
 * converters (never called here) are left out.
 */
const zodMembers = () => {
  const names = new Set();
  const scan = (dir) => {
    for (const entry of readdirRecursive(dir)) {
      if (!entry.endsWith(".ts")) continue;
      for (const m of readFileSync(entry, "utf8").matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
    }
  };
  scan(join(root, "shared"));
  scan(join(root, "addon", "gas"));
  // Type-only members (z.infer, z.input, z.output, z.core.$ZodIssue) and namespaces we never call.
  for (const typeOnly of ["infer", "input", "output", "core", "locales", "iso", "coerce", "toJSONSchema", "fromJSONSchema"]) names.delete(typeOnly);
  return [...names].sort();
};

const readdirRecursive = (dir) => {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readdirRecursive(path));
    else out.push(path);
  }
  return out;
};

const exportNames = (file) => {
  const src = readFileSync(file, "utf8");
  const names = new Set();
  for (const m of src.matchAll(/^export (?:const|function|let|class) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of src.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  return [...names];
};

const slimZod = {
  name: "slim-zod",
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (a) => (a.namespace === "gas-zod" ? undefined : { path: "zod", namespace: "gas-zod" }));
    build.onLoad({ filter: /^zod$/, namespace: "gas-zod" }, () => {
      const members = zodMembers();
      return {
        resolveDir: root,
        loader: "js",
        contents: [
          `import { ${members.map((m, i) => `${m} as m${i}`).join(", ")} } from "zod";`,
          `export const z = { ${members.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(", ")} };`,
          `export * from "zod";`,
        ].join("\n"),
      };
    });
    build.onLoad({ filter: /zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/ }, (a) => ({
      loader: "js",
      contents:
        `const off = () => { throw new Error("JSON Schema conversion is not in the Apps Script bundle"); };\n` +
        exportNames(a.path)
          .map((n) => `export const ${n} = off;`)
          .join("\n"),
    }));
  },
};

/** Names a manifest asks Apps Script to run. */
const manifestFunctions = (manifest) => {
  const names = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "runFunction" || key.endsWith("Function")) && typeof value === "string") names.add(value);
        else walk(value);
      }
    }
  };
  walk(manifest.addOns ?? {});
  return [...names];
};

const fail = (message) => {
  console.error(`build-gas: ${message}`);
  process.exit(1);
};

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(root, "addon", "gas", "index.ts")],
  bundle: true,
  format: "iife",
  globalName: GLOBAL,
  // "browser": packages' browser builds, which do not reach for Node modules (papaparse's stream).
  platform: "browser",
  // ES2019: optional chaining and `??` are lowered, so the script only uses syntax every V8
  // Apps Script runtime has accepted (newer syntax is unverified there).
  target: "es2019",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  write: false,
  metafile: true,
  plugins: [noWindowsZones, slimZod],
  logLevel: "silent",
}).catch((e) => fail(e.message));

const bundle = result.outputFiles[0].text;

// The handlers the bundle exports, read by running it once with no Apps Script services around.
let handlers;
try {
  handlers = vm.runInNewContext(`${bundle}\n;Object.keys(${GLOBAL})`, { console }, { timeout: 10_000 });
} catch (e) {
  fail(`the bundle does not load: ${e.message}`);
}
handlers = [...handlers].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).sort();

const manifest = JSON.parse(readFileSync(join(root, "appsscript.json"), "utf8"));
const missing = manifestFunctions(manifest).filter((n) => !handlers.includes(n));
if (missing.length > 0) fail(`the manifest names functions the add-on does not export: ${missing.join(", ")}`);

const footer = handlers.map((n) => `function ${n}(e) { return ${GLOBAL}.${n}(e); }`).join("\n");
const header = "// Next Week — Google Calendar add-on. Generated by scripts/build-gas.mjs from addon/gas and shared; do not edit.\n";
const code = `${header}${bundle}\n${footer}\n`;

// One classic script: an import or export declaration would not even compile as one.
try {
  new vm.Script(code, { filename: "Code.js" });
} catch (e) {
  fail(`Code.js is not a plain script: ${e.message}`);
}
if (/\brequire\s*\(/.test(code)) fail("Code.js calls require(); Apps Script has no modules");
if (/\bimport\s*\(/.test(code)) fail("Code.js calls import(); Apps Script has no modules");

const bytes = Buffer.byteLength(code, "utf8");
/** Bytes in the bundle by package (node_modules) or by folder (our code). */
const parts = () => {
  const sizes = {};
  for (const [path, v] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1] : path.replace(/\/[^/]*$/, "/");
    sizes[key] = (sizes[key] ?? 0) + v.bytesInOutput;
  }
  return Object.entries(sizes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} KB`).join(", ");
};
if (args.includes("--report")) console.log(`build-gas: parts: ${parts()}`);
if (bytes > MAX_BYTES) fail(`Code.js is ${(bytes / 1000).toFixed(1)} KB, over the ${MAX_BYTES / 1000} KB budget (${parts()})`);

mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, "Code.js"), code);
writeFileSync(join(outdir, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`);
if (!quiet) console.log(`build-gas: ${join(outdir, "Code.js")} ${(bytes / 1000).toFixed(1)} KB, ${handlers.length} handlers (${handlers.join(", ")})`);
