#!/usr/bin/env node
/**
 * The Google Calendar add-on's deploy path, with clasp pinned in scripts/deploy (its own
 * package.json and lock, installed there on first use with `npm ci`, never by the repository's
 * own `npm ci`, so tests never install it).
 *
 *   npm run deploy:google -- --login                  sign clasp in (once per machine)
 *   npm run deploy:google -- --create ["Title"]       create the Apps Script project (once)
 *   npm run deploy:google                             build dist/gas, then `clasp push --force` (HEAD, for test deployments)
 *   npm run deploy:google -- --version "notes"        also a version and a versioned deployment (for the Marketplace SDK)
 *   npm run deploy:google -- --dry-run …              print every step, run none, write nothing
 *
 * clasp never runs in the repository root, so it can never write the repository's
 * appsscript.json: `create-script` runs in a new scratch folder under the system's temporary
 * folder (clasp writes the new project's blank manifest there; the folder is then deleted) and
 * `push` runs in dist/gas, which the build fills with Code.js and a copy of the manifest. As a
 * last guard the script compares the root manifest before and after and fails if it changed.
 *
 * The project: NEXT_WEEK_SCRIPT_ID, else the `scriptId` of the project file (default
 * `.clasp.json` at the repository root, ignored by git, `rootDir` "dist/gas", which `--create`
 * writes). Test hooks: NEXT_WEEK_CLASP (a clasp to run instead of the pinned one),
 * NEXT_WEEK_GAS_DIR (build and push folder), NEXT_WEEK_CLASP_PROJECT (the project file).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CLASP_VERSION = "3.4.1";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const deployDir = join(root, "scripts", "deploy");
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const valueOf = (flag) => {
  const i = args.indexOf(flag);
  if (i < 0) return null;
  const next = args[i + 1];
  return next && !next.startsWith("--") ? next : "";
};
const versionNote = valueOf("--version");
const createTitle = valueOf("--create");
const gasDir = resolve(process.env.NEXT_WEEK_GAS_DIR || join(root, "dist", "gas"));
const projectFile = resolve(process.env.NEXT_WEEK_CLASP_PROJECT || join(root, ".clasp.json"));
const rootManifest = join(root, "appsscript.json");

const fail = (message) => {
  console.error(`deploy-google: ${message}`);
  process.exit(1);
};

const hashOf = (file) => (existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex") : "absent");
const manifestBefore = hashOf(rootManifest);
/** Fails when the repository's manifest changed since the start (it never should). */
const checkManifest = () => {
  if (hashOf(rootManifest) !== manifestBefore) fail("the repository's appsscript.json changed during the deploy; restore it with git and report this");
};

/** Inside the repository but not in dist/gas: clasp must not run there. */
const unsafeFolder = (dir) => {
  const rel = relative(root, dir);
  const inside = rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
  return inside && dir !== gasDir && !dir.startsWith(gasDir + sep);
};

/** The command that runs clasp: the test hook, else the pinned copy (installed on first use). */
const claspCommand = () => {
  if (process.env.NEXT_WEEK_CLASP) return [process.execPath, [resolve(process.env.NEXT_WEEK_CLASP)]];
  const entry = join(deployDir, "node_modules", "@google", "clasp", "build", "src", "index.js");
  if (!existsSync(entry)) {
    console.log(`$ npm ci --prefix scripts/deploy   (first deploy: installs @google/clasp@${CLASP_VERSION} from scripts/deploy/package-lock.json)`);
    if (!dryRun) {
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const result = spawnSync(npm, ["ci", "--prefix", deployDir, "--no-audit", "--no-fund"], { stdio: "inherit" });
      if (result.status !== 0) fail("could not install clasp in scripts/deploy (npm ci failed)");
    }
  }
  return [process.execPath, [entry]];
};

let clasp = null;
/** Runs clasp in `cwd` (never the repository outside dist/gas); returns its standard output. */
const runClasp = (claspArgs, cwd) => {
  if (unsafeFolder(cwd)) fail(`refusing to run clasp in ${cwd}: only in dist/gas or a scratch folder`);
  clasp ??= claspCommand();
  const [command, prefix] = clasp;
  console.log(`$ clasp ${claspArgs.join(" ")}   (in ${cwd})`);
  if (dryRun) return "";
  const result = spawnSync(command, [...prefix, ...claspArgs], { cwd, stdio: ["inherit", "pipe", "inherit"], encoding: "utf8" });
  process.stdout.write(result.stdout ?? "");
  checkManifest();
  if (result.status !== 0) fail(`clasp ${claspArgs.find((a) => !a.startsWith("-")) ?? ""} failed (exit ${result.status ?? "signal"})`);
  return result.stdout ?? "";
};

/** The JSON object clasp printed with --json (the last one in its output). */
const jsonOut = (text, what) => {
  const start = text.lastIndexOf("\n{") >= 0 ? text.lastIndexOf("\n{") + 1 : text.indexOf("{");
  try {
    return JSON.parse(text.slice(start));
  } catch {
    fail(`clasp did not print ${what}; look at its output above`);
  }
};

const readScriptId = () => {
  if (process.env.NEXT_WEEK_SCRIPT_ID) return process.env.NEXT_WEEK_SCRIPT_ID.trim();
  if (!existsSync(projectFile)) return null;
  try {
    const id = JSON.parse(readFileSync(projectFile, "utf8")).scriptId;
    return typeof id === "string" && id.trim() ? id.trim() : null;
  } catch {
    fail(`${projectFile} is not valid JSON`);
  }
};

if (args.includes("--login")) {
  // Login writes only clasp's own credentials (~/.clasprc.json); any scratch folder will do.
  const scratch = mkdtempSync(join(tmpdir(), "next-week-clasp-"));
  try {
    runClasp(["login"], scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}

if (createTitle !== null) {
  if (readScriptId()) fail(`a project is already set (${process.env.NEXT_WEEK_SCRIPT_ID ? "NEXT_WEEK_SCRIPT_ID" : projectFile}); remove it to create another`);
  const scratch = mkdtempSync(join(tmpdir(), "next-week-clasp-"));
  try {
    const out = runClasp(["--json", "create-script", "--type", "standalone", "--title", createTitle || "Next Week", "--rootDir", "."], scratch);
    if (!dryRun) {
      const created = jsonOut(out, "the new script's id");
      if (typeof created.scriptId !== "string" || !created.scriptId) fail("clasp did not report the new script's id");
      writeFileSync(projectFile, `${JSON.stringify({ scriptId: created.scriptId, rootDir: relative(dirname(projectFile), gasDir) || "." }, null, 2)}\n`);
      console.log(`deploy-google: created script ${created.scriptId}; its id is kept in ${projectFile}. Next: npm run deploy:google`);
    } else console.log(`(would keep the new script's id in ${projectFile})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  checkManifest();
  process.exit(0);
}

const scriptId = readScriptId();
if (!scriptId) fail(`no Apps Script project: run \`npm run deploy:google -- --create "Next Week"\` once, or set NEXT_WEEK_SCRIPT_ID`);

console.log(`$ node scripts/build-gas.mjs --outdir ${gasDir}`);
if (!dryRun) {
  const built = spawnSync(process.execPath, [join(root, "scripts", "build-gas.mjs"), "--outdir", gasDir], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) fail("the build failed; nothing was pushed");
  writeFileSync(join(gasDir, ".clasp.json"), `${JSON.stringify({ scriptId, rootDir: "." }, null, 2)}\n`);
} else console.log(`(would write ${join(gasDir, ".clasp.json")} with scriptId ${scriptId})`);

runClasp(["push", "--force"], gasDir);
if (versionNote !== null) {
  const note = versionNote || "Next Week";
  const versionOut = runClasp(["--json", "create-version", note], gasDir);
  const version = dryRun ? { versionNumber: "<version>" } : jsonOut(versionOut, "the new version number");
  if (!dryRun && !Number.isInteger(version.versionNumber)) fail("clasp did not report the new version number");
  const deployed = runClasp(["--json", "create-deployment", "--versionNumber", String(version.versionNumber), "--description", note], gasDir);
  if (!dryRun) {
    const { deploymentId } = jsonOut(deployed, "the deployment id");
    console.log(`deploy-google: version ${version.versionNumber} deployed as ${deploymentId}. Paste this deployment ID into the Marketplace SDK's App Configuration.`);
  }
}
checkManifest();
console.log(
  dryRun
    ? "deploy-google: dry run, nothing was run or written."
    : "deploy-google: pushed. Install it for yourself: Apps Script editor → Deploy → Test deployments → Install.",
);
