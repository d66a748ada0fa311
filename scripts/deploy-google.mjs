#!/usr/bin/env node
/**
 * Pushes the Google Calendar add-on to its Apps Script project with clasp.
 *
 *   npm run deploy:google                         build, then `clasp push --force` (the HEAD / test deployment)
 *   npm run deploy:google -- --version "notes"    also create a version and a versioned deployment (for the Marketplace SDK)
 *   npm run deploy:google -- --dry-run            print what would run, run nothing
 *
 * The Apps Script project is named by NEXT_WEEK_SCRIPT_ID, or by the `scriptId` of a `.clasp.json`
 * at the repository root (not committed). clasp is pinned and run through npx, so it never enters
 * package.json or the test path; sign in once with `npx --yes @google/clasp@3.4.1 login`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CLASP = "@google/clasp@3.4.1";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const versionNote = args.includes("--version") ? (args[args.indexOf("--version") + 1] ?? "") : null;
const outdir = join(root, "dist", "gas");

const fail = (message) => {
  console.error(`deploy-google: ${message}`);
  process.exit(1);
};

const scriptId = () => {
  if (process.env.NEXT_WEEK_SCRIPT_ID) return process.env.NEXT_WEEK_SCRIPT_ID.trim();
  const file = join(root, ".clasp.json");
  if (existsSync(file)) {
    try {
      const id = JSON.parse(readFileSync(file, "utf8")).scriptId;
      if (typeof id === "string" && id.trim()) return id.trim();
    } catch {
      fail(".clasp.json at the repository root is not valid JSON");
    }
  }
  return null;
};

const run = (command, commandArgs, cwd) => {
  console.log(`$ ${[command, ...commandArgs].join(" ")}${cwd === root ? "" : `   (in ${cwd})`}`);
  if (dryRun) return "";
  const result = spawnSync(command, commandArgs, { cwd, stdio: ["inherit", "pipe", "inherit"], encoding: "utf8" });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) fail(`${command} ${commandArgs[0] ?? ""} failed (exit ${result.status ?? "signal"})`);
  return result.stdout ?? "";
};

const id = scriptId();
if (!id) {
  fail(
    "no Apps Script project: set NEXT_WEEK_SCRIPT_ID, or put {\"scriptId\": \"…\"} in .clasp.json at the repository root " +
      `(create a project with: npx --yes ${CLASP} create-script --type standalone --title "Next Week")`,
  );
}

run(process.execPath, [join(root, "scripts", "build-gas.mjs")], root);
if (!dryRun) writeFileSync(join(outdir, ".clasp.json"), `${JSON.stringify({ scriptId: id, rootDir: "." }, null, 2)}\n`);
else console.log(`(would write ${join(outdir, ".clasp.json")} with scriptId ${id})`);

run("npx", ["--yes", CLASP, "push", "--force"], outdir);
if (versionNote !== null) {
  const out = run("npx", ["--yes", CLASP, "create-version", versionNote || "Next Week"], outdir);
  const number = /version\s+(\d+)/i.exec(out)?.[1];
  if (!dryRun && !number) fail("clasp did not report the new version number; create the deployment in the Apps Script editor");
  run("npx", ["--yes", CLASP, "create-deployment", "--versionNumber", number ?? "<version>", "--description", versionNote || "Next Week"], outdir);
}
console.log(
  dryRun
    ? "deploy-google: dry run, nothing was pushed."
    : "deploy-google: pushed. Install it for yourself from the Apps Script editor: Deploy → Test deployments → Install.",
);
