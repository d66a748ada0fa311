/**
 * The Google deploy path (scripts/deploy-google.mjs) run with a fake clasp that writes to disk
 * what the real one writes: creating the project, pushing, versioning and deploying never touch
 * the repository's appsscript.json, and clasp stays out of the repository's own dependencies.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");
const script = join(root, "scripts", "deploy-google.mjs");
const fakeClasp = join(__dirname, "fakes", "fakeClasp.cjs");
const manifest = join(root, "appsscript.json");

interface Run {
  readonly argv: string[];
  readonly cwd: string;
  readonly wrote?: string[];
  readonly scriptId?: string;
  readonly pushed?: Record<string, string>;
}

const setUp = () => {
  const dir = mkdtempSync(join(tmpdir(), "next-week-deploy-test-"));
  const env = {
    ...process.env,
    NEXT_WEEK_CLASP: fakeClasp,
    NEXT_WEEK_GAS_DIR: join(dir, "gas"),
    NEXT_WEEK_CLASP_PROJECT: join(dir, "project.clasp.json"),
    FAKE_CLASP_LOG: join(dir, "clasp.log"),
    NEXT_WEEK_SCRIPT_ID: "",
  };
  const deploy = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, env, encoding: "utf8" });
  const runs = (): Run[] => (existsSync(env.FAKE_CLASP_LOG) ? readFileSync(env.FAKE_CLASP_LOG, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Run) : []);
  return { dir, env, deploy, runs };
};

/** Is `child` the folder `parent` or inside it? */
const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

describe("npm run deploy:google", () => {
  test("create, push, version and deploy: clasp never runs in the repository, and its appsscript.json is never written", () => {
    const { env, deploy, runs } = setUp();
    const before = { text: readFileSync(manifest, "utf8"), mtime: statSync(manifest).mtimeMs };
    const rootFiles = readdirSync(root).sort();

    const created = deploy("--create", "Next Week");
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const [create] = runs();
    expect(create?.argv).toEqual(["--json", "create-script", "--type", "standalone", "--title", "Next Week", "--rootDir", "."]);
    // clasp wrote the new project's blank manifest in a scratch folder outside the repository, since deleted.
    expect(inside(root, create!.cwd)).toBe(false);
    expect(create?.wrote?.some((f) => f.endsWith("appsscript.json") && !inside(root, f))).toBe(true);
    expect(existsSync(create!.cwd)).toBe(false);
    expect(JSON.parse(readFileSync(env.NEXT_WEEK_CLASP_PROJECT, "utf8"))).toEqual({ scriptId: "1FakeScriptIdForTheDeployTest", rootDir: "gas" });

    const pushed = deploy("--version", "1.0");
    expect(pushed.status).toBe(0);
    const [, push, version, deployment] = runs();
    expect(push?.argv).toEqual(["push", "--force"]);
    expect(push?.cwd).toBe(env.NEXT_WEEK_GAS_DIR);
    expect(push?.scriptId).toBe("1FakeScriptIdForTheDeployTest");
    // What goes up is the build and the repository's own manifest, not a blank one.
    expect(Object.keys(push?.pushed ?? {}).sort()).toEqual(["Code.js", "appsscript.json"]);
    expect(JSON.parse(push!.pushed!["appsscript.json"]!)).toEqual(JSON.parse(before.text));
    expect(version?.argv).toEqual(["--json", "create-version", "1.0"]);
    expect(deployment?.argv).toEqual(["--json", "create-deployment", "--versionNumber", "7", "--description", "1.0"]);
    expect(pushed.stdout).toContain("version 7 deployed as AKfycbFakeDeployment");

    expect(readFileSync(manifest, "utf8")).toBe(before.text);
    expect(statSync(manifest).mtimeMs).toBe(before.mtime);
    for (const f of [".clasp.json", "Code.js"]) if (!rootFiles.includes(f)) expect(existsSync(join(root, f))).toBe(false);
  });

  test("a second --create is refused while a project is set; a push without a project says how to create one", () => {
    const { env, deploy, runs } = setUp();
    expect(deploy("--create").status).toBe(0);
    const again = deploy("--create");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("a project is already set");
    expect(runs()).toHaveLength(1);

    const none = spawnSync(process.execPath, [script], { cwd: root, env: { ...env, NEXT_WEEK_CLASP_PROJECT: join(env.NEXT_WEEK_GAS_DIR, "missing.json") }, encoding: "utf8" });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('npm run deploy:google -- --create "Next Week"');
  });

  test("--dry-run prints every step and runs or writes nothing", () => {
    const { env, runs } = setUp();
    const out = execFileSync(process.execPath, [script, "--dry-run", "--version", "2.0"], { cwd: root, env: { ...env, NEXT_WEEK_SCRIPT_ID: "1Given" }, encoding: "utf8" });
    expect(out).toContain("clasp push --force");
    expect(out).toContain("clasp --json create-version 2.0");
    expect(out).toContain("dry run, nothing was run or written");
    expect(runs()).toEqual([]);
    expect(existsSync(env.NEXT_WEEK_GAS_DIR)).toBe(false);
  });
});

describe("clasp stays out of the test path", () => {
  test("pinned in scripts/deploy with its own lock; absent from the repository's package.json and lock", () => {
    const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) expect(Object.keys(rootPackage[field] ?? {})).not.toContain("@google/clasp");
    expect(readFileSync(join(root, "package-lock.json"), "utf8")).not.toContain("node_modules/@google/clasp");

    const deployPackage = JSON.parse(readFileSync(join(root, "scripts", "deploy", "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const pinned = deployPackage.dependencies["@google/clasp"];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(root, "scripts", "deploy", "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    expect(lock.packages["node_modules/@google/clasp"]?.version).toBe(pinned);
    expect(readFileSync(script, "utf8")).toContain(`CLASP_VERSION = "${pinned}"`);
  });
});
