#!/usr/bin/env node
// The `next-week` command. Runs the bundled CLI, rebuilding it first when it is missing or
// older than its TypeScript sources (so a clone works right after `npm install`).
// Start-up: the bundle and each chunk it loads on first use are compiled with V8's code cache (dist/node/next-week.cjs.cache, written
// after the first run and whenever V8 rejects it, e.g. after a rebuild or a Node upgrade), so
// later runs skip most of the parsing and compiling. Where dist/ cannot be written the command
// simply runs without a cache.
"use strict";
const { existsSync, statSync, readdirSync, readFileSync, writeFileSync, renameSync } = require("node:fs");
const { join, dirname } = require("node:path");

const root = join(__dirname, "..");
const bundle = join(root, "dist", "node", "next-week.cjs");

const newestSource = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

const stale = () => {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return [join(root, "shared"), join(root, "addon", "node")].some((dir) => existsSync(dir) && newestSource(dir) > built);
};

/** Runs a CommonJS file as require() would, compiling it with (and refreshing) its V8 code cache. */
const runCached = (file) => {
  const vm = require("node:vm");
  const Module = require("node:module");
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the functions the run compiled are in the cache too.
    process.once("exit", () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  mod.loaded = true;
  const run = script.runInThisContext();
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  return mod.exports;
};

// The bundle loads its chunks (ical.js, fflate, the public suffix list) through this, cached the same way.
const chunks = new Map();
globalThis.__nextWeekLoadChunk = (file) => {
  if (!chunks.has(file)) chunks.set(file, runCached(file));
  return chunks.get(file);
};

if (stale()) require("node:child_process").execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
runCached(bundle);
