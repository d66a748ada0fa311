// The dependency rule, enforced (npm run lint):
// - shared/ imports only shared/ and the core's libraries, and touches no host global or clock;
// - each host (addon/gas, addon/outlook, addon/node) imports shared/ only through its door,
//   shared/index.ts (or shared/import/index.ts for the CRM CSV import), and never imports another host;
// - no host renders markup from strings (innerHTML and friends are banned in addon/).
// Import specifiers are read from the TypeScript source (type imports included); globals are
// found by ESLint's scope analysis on the esbuild-transpiled JavaScript.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { Linter } from "eslint";

// --root DIR lints another tree (the lint's own tests use it on small fixture trees).
const rootArg = process.argv.indexOf("--root");
const root = rootArg > 0 ? resolve(process.argv[rootArg + 1]) : join(dirname(fileURLToPath(import.meta.url)), "..");
// The core's doors: shared/index.ts, and shared/import/index.ts for the CRM CSV import (its own
// door so a host bundles it only where it is used).
const CORE_DOOR = new Set(["shared", "shared/index", "shared/import", "shared/import/index"]);
const CORE_PACKAGES = new Set(["luxon", "zod", "ical.js", "email-providers"]);
const HOSTS = ["addon/gas", "addon/outlook", "addon/node"];
const HOST_GLOBALS = [
  "window", "document", "globalThis", "self", "navigator", "localStorage", "process", "require", "Buffer", "fetch",
  "XMLHttpRequest", "setTimeout", "setInterval", "console", "Intl",
  "CardService", "CalendarApp", "Calendar", "PropertiesService", "Session", "LockService", "CacheService", "UrlFetchApp", "Utilities", "Office",
];

const files = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });

const specifiers = (source) => {
  const out = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
};

const problems = [];
const report = (file, message) => problems.push(`${file}: ${message}`);
const areaOf = (path) => (path === "shared" || path.startsWith(`shared${sep}`) || path.startsWith("shared/") ? "shared" : HOSTS.find((h) => path.startsWith(h)) ?? "other");

const linter = new Linter({ configType: "flat" });
const coreConfig = [
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: {} },
    rules: {
      "no-restricted-globals": ["error", ...HOST_GLOBALS.map((name) => ({ name, message: `the core must not use the host global "${name}" (pass values in instead; use luxon for time)` }))],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "the core has no clock: take now as a parameter" }, { object: "Math", property: "random", message: "the core is deterministic" }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "the core has no clock: take now as a parameter" },
        { selector: "CallExpression[callee.name='Date']", message: "the core has no clock: take now as a parameter" },
      ],
    },
  },
];
const hostConfig = [
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "render calendar strings with textContent, never as markup" },
        { property: "outerHTML", message: "render calendar strings with textContent, never as markup" },
        { property: "insertAdjacentHTML", message: "render calendar strings with textContent, never as markup" },
        { object: "document", property: "write", message: "render calendar strings with textContent, never as markup" },
      ],
    },
  },
];

const areas = ["shared", ...HOSTS].filter((d) => {
  try {
    readdirSync(join(root, d));
    return true;
  } catch {
    return false;
  }
});

for (const file of areas.flatMap(files)) {
  const area = areaOf(file);
  const source = readFileSync(join(root, file), "utf8");
  for (const spec of specifiers(source)) {
    if (spec.startsWith(".")) {
      const target = relative(root, resolve(root, dirname(file), spec));
      const targetArea = areaOf(target);
      if (area === "shared" && targetArea !== "shared") report(file, `imports "${spec}": the core imports nothing outside shared/`);
      if (area !== "shared" && targetArea === "shared" && !CORE_DOOR.has(target.split(sep).join("/").replace(/\.[cm]?[jt]s$/, "")))
        report(file, `imports "${spec}": a host imports the core only through shared/index.ts (the CSV import through shared/import)`);
      if (area !== "shared" && targetArea !== "shared" && targetArea !== area) report(file, `imports "${spec}": one host never imports another (${area} → ${targetArea})`);
      if (target.startsWith("test")) report(file, `imports "${spec}": product code never imports tests`);
    } else if (area === "shared") {
      const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      if (!CORE_PACKAGES.has(name)) report(file, `imports "${spec}": the core may import only ${[...CORE_PACKAGES].join(", ")}`);
    }
  }
  const js = transformSync(source, { loader: file.endsWith("x") ? "tsx" : "ts", format: "esm", target: "es2022" }).code;
  const messages = linter.verify(js, area === "shared" ? coreConfig : hostConfig, { filename: file.replace(/\.tsx?$/, ".js") });
  for (const m of messages) report(file, m.message);
}

if (problems.length > 0) {
  console.error(`lint: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`lint: dependency rule holds (${areas.join(", ")})`);
