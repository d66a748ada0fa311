// A command line that explains itself, installs onto the PATH, and ends quietly in a pipe.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { cli } from "./runCli";

const root = join(__dirname, "../..");
const bin = join(root, "scripts/next-week.cjs");
const packageVersion = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

describe("help and version", () => {
  test("--version prints the version in package.json", () => {
    expect(cli("--version")).toEqual({ code: 0, out: `next-week ${packageVersion}`, error: "" });
  });

  test("next-week --help lists the commands with examples, exit 0", () => {
    const r = cli("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/next-week analyze/);
    expect(r.out).toMatch(/next-week settings import FILE\.csv --settings FILE/);
    expect(r.out).toMatch(/Examples:\n {2}next-week analyze --ics/);
  });

  test("next-week analyze --help explains every option with an example", () => {
    for (const argv of [["analyze", "--help"], ["analyze", "-h"], ["help", "analyze"], ["analyze", "--ics", "x.ics", "--help"]]) {
      const r = cli(...argv);
      expect(r.code).toBe(0);
      expect(r.error).toBe("");
      const options = ["--google", "--graph", "--ics", "--calendar", "--settings", "--week", "--now", "--me", "--json"];
      for (const option of options) {
        // the option's paragraph (up to the next option) holds an example
        const paragraph = r.out.slice(r.out.indexOf(`  ${option} `)).split(/\n {2}-/)[0] ?? "";
        expect(paragraph).toMatch(/e\.g\. .+/);
      }
    }
  });

  test("next-week settings --help explains import", () => {
    const r = cli("settings", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: next-week settings import FILE\.csv --settings FILE/);
    expect(r.out).toMatch(/e\.g\. next-week settings import/);
    expect(cli("settings").code).toBe(2);
  });

  test("a usage mistake points at the command's own help", () => {
    const r = cli("analyze", "--googel", "x.json");
    expect(r.code).toBe(2);
    expect(r.error).toMatch(/--googel.*\(see next-week analyze --help\)$/);
  });
});

describe("installed on the PATH", () => {
  test("`npm install -g` from the clone gives a next-week command that runs from another folder", () => {
    const prefix = mkdtempSync(join(tmpdir(), "next-week-global-"));
    execFileSync("npm", ["install", "-g", "--prefix", prefix, root, "--ignore-scripts", "--no-audit", "--no-fund", "--offline"], { stdio: "ignore" });
    const elsewhere = mkdtempSync(join(tmpdir(), "next-week-elsewhere-"));
    writeFileSync(join(elsewhere, "week.json"), JSON.stringify({ items: [{ id: "a", start: { dateTime: "2026-11-30T10:00:00-05:00" }, end: { dateTime: "2026-11-30T11:00:00-05:00" } }] }));
    const command = join(prefix, "bin", "next-week");
    const env = { ...process.env, PATH: `${join(prefix, "bin")}:${process.env.PATH ?? ""}` };
    expect(execFileSync("next-week", ["--version"], { cwd: elsewhere, env, encoding: "utf8" }).trim()).toBe(`next-week ${packageVersion}`);
    const out = execFileSync(command, ["analyze", "--google", "week.json", "--week", "2026-11-30", "--now", "2026-11-23T12:00:00-05:00", "--json"], { cwd: elsewhere, env, encoding: "utf8" });
    expect(JSON.parse(out).busyWorkingMinutes).toBe(60);
  });
});

describe("a reader that goes away", () => {
  test("`next-week … | true` ends quietly with the shell's SIGPIPE status (141)", () => {
    const r = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${bin}" analyze --help | true; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(r.stderr).toBe("status=141\n");
  });

  test("`next-week analyze … | head -1` prints one line and no error", () => {
    const events = join(mkdtempSync(join(tmpdir(), "next-week-pipe-")), "week.json");
    writeFileSync(events, "[]");
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" analyze --google "${events}" --now 2026-11-23T12:00:00Z | head -1`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
