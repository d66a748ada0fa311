import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const LINT = join(__dirname, "..", "..", "scripts", "lint.mjs");

/** Lints a small tree made of the given files; returns the exit status and what was printed. */
const lintTree = (files: Record<string, string>): { status: number; output: string } => {
  const root = mkdtempSync(join(tmpdir(), "lint-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    try {
      const output = execFileSync(process.execPath, [LINT, "--root", root], { encoding: "utf8", stdio: "pipe" });
      return { status: 0, output };
    } catch (e) {
      const failure = e as { status: number; stdout: string; stderr: string };
      return { status: failure.status, output: failure.stdout + failure.stderr };
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

const core = {
  "shared/index.ts": 'export { week } from "./time/week";\n',
  "shared/time/week.ts": "export const week = (start: number): number => start + 7;\n",
};

describe("the dependency rule (npm run lint)", () => {
  it("passes a host that imports the core through shared/index.ts", () => {
    const result = lintTree({ ...core, "addon/node/cli.ts": 'import { week } from "../../shared";\nexport const run = () => week(1);\n' });
    expect(result.output).toContain("dependency rule holds");
    expect(result.status).toBe(0);
  });

  it("refuses a host that reaches into the core's internals", () => {
    const result = lintTree({ ...core, "addon/gas/card.ts": 'import { week } from "../../shared/time/week";\nexport const card = () => week(2);\n' });
    expect(result.status).toBe(1);
    expect(result.output).toContain('addon/gas/card.ts: imports "../../shared/time/week": a host imports the core only through shared/index.ts');
  });

  it("lets a host import the CRM CSV import through its own door, shared/import, and nowhere deeper", () => {
    const withImport = {
      ...core,
      "shared/import/index.ts": 'export { importCsv } from "./csvImport";\n',
      "shared/import/csvImport.ts": "export const importCsv = (text: string): number => text.length;\n",
    };
    const door = lintTree({ ...withImport, "addon/outlook/settings.ts": 'import { week } from "../../shared";\nimport { importCsv } from "../../shared/import";\nexport const run = () => week(importCsv("a"));\n' });
    expect(door.output).toContain("dependency rule holds");
    expect(door.status).toBe(0);
    const deeper = lintTree({ ...withImport, "addon/outlook/settings.ts": 'import { importCsv } from "../../shared/import/csvImport";\nexport const run = () => importCsv("a");\n' });
    expect(deeper.status).toBe(1);
    expect(deeper.output).toContain('addon/outlook/settings.ts: imports "../../shared/import/csvImport": a host imports the core only through shared/index.ts');
  });

  it("refuses a host importing another host, a clock in the core, and markup from strings", () => {
    const result = lintTree({
      ...core,
      "shared/time/now.ts": "export const now = () => Date.now();\n",
      "addon/outlook/pane.ts": 'import { run } from "../node/cli";\nexport const draw = (el: { innerHTML: string }, title: string) => { el.innerHTML = title + run(); };\n',
      "addon/node/cli.ts": "export const run = () => 1;\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("one host never imports another (addon/outlook → addon/node)");
    expect(result.output).toContain("the core has no clock");
    expect(result.output).toContain("render calendar strings with textContent");
  });
});
