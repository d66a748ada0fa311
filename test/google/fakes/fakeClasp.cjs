#!/usr/bin/env node
/**
 * A stand-in for clasp 3 in the deploy test. It records each run (arguments and folder) as one
 * JSON line in $FAKE_CLASP_LOG and does what the real commands do to the local disk:
 * `create-script` refuses when a `.clasp.json` is in the folder, then writes the new project's
 * files, a blank `appsscript.json` and `.clasp.json`, into `--rootDir` (relative to the folder),
 * as clasp's create-script does; `push` reads `.clasp.json` and records the files it would send;
 * `create-version` and `create-deployment` print what clasp prints with `--json`.
 */
const { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } = require("node:fs");
const { join, resolve } = require("node:path");

const argv = process.argv.slice(2);
const cwd = process.cwd();
const command = argv.find((a, i) => !a.startsWith("-") && !(i > 0 && ["--title", "--type", "--rootDir", "--versionNumber", "--description"].includes(argv[i - 1])));
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const record = { argv, cwd };

switch (command) {
  case "login":
    console.log("Logged in (fake).");
    break;
  case "create-script": {
    if (existsSync(join(cwd, ".clasp.json"))) {
      console.error("Project file already exists.");
      process.exit(1);
    }
    const rootDir = resolve(cwd, option("--rootDir") ?? ".");
    mkdirSync(rootDir, { recursive: true });
    writeFileSync(join(rootDir, "appsscript.json"), JSON.stringify({ timeZone: "America/New_York", dependencies: {}, exceptionLogging: "STACKDRIVER", runtimeVersion: "V8" }, null, 2));
    writeFileSync(join(cwd, ".clasp.json"), JSON.stringify({ scriptId: "1FakeScriptIdForTheDeployTest", rootDir: option("--rootDir") ?? "." }));
    record.wrote = [join(rootDir, "appsscript.json"), join(cwd, ".clasp.json")];
    if (argv.includes("--json")) console.log(JSON.stringify({ scriptId: "1FakeScriptIdForTheDeployTest", files: ["appsscript.json"] }, null, 2));
    else console.log("Created new script: https://script.google.com/d/1FakeScriptIdForTheDeployTest/edit");
    break;
  }
  case "push": {
    const project = JSON.parse(readFileSync(join(cwd, ".clasp.json"), "utf8"));
    const dir = resolve(cwd, project.rootDir ?? ".");
    record.scriptId = project.scriptId;
    record.pushed = Object.fromEntries(readdirSync(dir).filter((f) => !f.startsWith(".")).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    console.log(`Pushed ${Object.keys(record.pushed).length} files.`);
    break;
  }
  case "create-version":
    console.log("Creating a new version...");
    console.log(JSON.stringify({ versionNumber: 7 }, null, 2));
    break;
  case "create-deployment":
    console.log(JSON.stringify({ deploymentId: "AKfycbFakeDeployment", versionNumber: Number(option("--versionNumber")), description: option("--description") }, null, 2));
    break;
  default:
    console.error(`fake clasp: unknown command ${command}`);
    process.exit(1);
}
appendFileSync(process.env.FAKE_CLASP_LOG, `${JSON.stringify(record)}\n`);
