#!/usr/bin/env node
// The `next-week` command. Runs the bundled CLI, rebuilding it first when it is missing or
// older than its TypeScript sources (so a clone works right after `npm install`).
"use strict";
const { existsSync, statSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { execFileSync } = require("node:child_process");

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

if (stale()) execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { stdio: "inherit" });
require(bundle);
