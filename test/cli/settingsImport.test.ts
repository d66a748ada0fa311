// `settings import` writes the settings file in one step: mode kept, symlinks followed,
// concurrent imports serialized by a lock, never half a file.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { cli } from "./runCli";
import { writeTextAtomically } from "../../addon/node/atomicWrite";
import { acquireLock, lockPath } from "../../addon/node/importLock";

const bin = join(__dirname, "../../scripts/next-week.cjs");
const fresh = () => mkdtempSync(join(tmpdir(), "next-week-import-"));
const contactsCsv = (dir: string, name: string, company: string) => {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `First Name,Last Name,Email,Job Title,Company Name,Company Domain Name\nDana,Ruiz,dana@${company}.com,CFO,${company},${company}.com\n`);
  return path;
};
const accountNames = (path: string) => (JSON.parse(readFileSync(path, "utf8")) as { accounts?: { name: string }[] }).accounts?.map((a) => a.name).sort() ?? [];
/** Runs the installed command in a child process; resolves with its exit status and output. */
const spawnCli = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });

describe("settings import writes atomically", () => {
  test("the file keeps its mode (0600 stays 0600) and no temporary file is left behind", () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    writeFileSync(target, JSON.stringify({ timeZone: "Europe/Paris" }));
    chmodSync(target, 0o600);
    const r = cli("settings", "import", contactsCsv(dir, "a", "Acme"), "--settings", target);
    expect(r.error).toBe("");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(accountNames(target)).toEqual(["Acme"]);
    expect(JSON.parse(readFileSync(target, "utf8")).timeZone).toBe("Europe/Paris");
    expect(readdirSync(dir).sort()).toEqual(["a.csv", "settings.json"]);
  });

  test("a symlinked settings file stays a symlink; its target is written", () => {
    const dir = fresh();
    mkdirSync(join(dir, "dotfiles"));
    const real = join(dir, "dotfiles", "next-week.json");
    writeFileSync(real, "{}");
    chmodSync(real, 0o640);
    const link = join(dir, "settings.json");
    symlinkSync(join("dotfiles", "next-week.json"), link);
    const r = cli("settings", "import", contactsCsv(dir, "a", "Acme"), "--settings", link);
    expect(r.error).toBe("");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("dotfiles", "next-week.json"));
    expect(accountNames(real)).toEqual(["Acme"]);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, "dotfiles"))).toEqual(["next-week.json"]);
  });

  test("a write that fails leaves the old file whole and no temporary file", () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    mkdirSync(target); // a folder where the file should be: the rename cannot replace it
    const r = writeTextAtomically(target, "{}\n");
    expect(r.ok).toBe(false);
    const kept = join(dir, "kept.json");
    writeFileSync(kept, '{"timeZone":"Europe/Paris"}');
    // rename onto a path inside a missing folder fails after nothing was written
    expect(writeTextAtomically(join(dir, "missing", "x.json"), "{}").ok).toBe(false);
    expect(readFileSync(kept, "utf8")).toBe('{"timeZone":"Europe/Paris"}');
    expect(readdirSync(dir).sort()).toEqual(["kept.json", "settings.json"]);
  });

  test("merged settings over 1 MB are refused and nothing is written", () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    writeFileSync(target, "{}");
    const rows = Array.from({ length: 4_000 }, (_, i) => `Dana,Ruiz,dana@c${i}.com,CFO,Company ${i} ${"x".repeat(180)},c${i}.com`).join("\n");
    const csv = join(dir, "big.csv");
    writeFileSync(csv, `First Name,Last Name,Email,Job Title,Company Name,Company Domain Name\n${rows}\n`);
    const r = cli("settings", "import", csv, "--settings", target);
    expect(r.code).toBe(1);
    expect(r.error).toMatch(/settings\.json: the merged settings would be larger than 1 MB, the limit for a settings file; nothing was written$/);
    expect(readFileSync(target, "utf8")).toBe("{}");
  });
});

describe("concurrent imports never lose one", () => {
  test("an import waits for the lock, then merges into what the holder wrote", async () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    writeFileSync(target, "{}");
    const held = acquireLock(target);
    if (!held.ok) throw held.error;
    const child = spawnCli(["settings", "import", contactsCsv(dir, "b", "Beta"), "--settings", target]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(readFileSync(target, "utf8")).toBe("{}"); // still waiting
    writeTextAtomically(target, JSON.stringify({ accounts: [{ name: "Holder", domains: ["holder.com"], tier: "a-list" }] }));
    held.value();
    const done = await child;
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    expect(accountNames(target)).toEqual(["Beta", "Holder"]);
    expect(existsSync(lockPath(target))).toBe(false);
  });

  test("four imports started at once all land", async () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    writeFileSync(target, "{}");
    const names = ["Acme", "Beta", "Gamma", "Delta"];
    const results = await Promise.all(names.map((name) => spawnCli(["settings", "import", contactsCsv(dir, name, name), "--settings", target])));
    for (const r of results) expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(accountNames(target)).toEqual([...names].sort());
    expect(readdirSync(dir).filter((f) => f.startsWith("settings"))).toEqual(["settings.json"]);
  });

  test("a lock left by a process that has ended is taken over", () => {
    const dir = fresh();
    const target = join(dir, "settings.json");
    writeFileSync(target, "{}");
    writeFileSync(lockPath(target), "999999999\n"); // no such process
    const r = cli("settings", "import", contactsCsv(dir, "a", "Acme"), "--settings", target);
    expect(r.error).toBe("");
    expect(accountNames(target)).toEqual(["Acme"]);
  });
});
