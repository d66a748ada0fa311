/**
 * The build output itself: one classic script whose top-level functions are exactly the
 * handlers, covering every function the manifest names; the manifest's scopes and sections; the
 * size budget; and the time-zone self-check run inside the bundle.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { ACTION } from "../../addon/gas/actionNames";
import { buildBundle, loadAddOn } from "./fakes/sandbox";

const MANIFEST_SCOPES = [
  "https://www.googleapis.com/auth/calendar.addons.execute",
  "https://www.googleapis.com/auth/calendar.events",
  "https://www.googleapis.com/auth/calendar.settings.readonly",
  "https://www.googleapis.com/auth/script.locale",
  "https://www.googleapis.com/auth/userinfo.email",
];

/** Every `runFunction` (and other `…Function`) the manifest names. */
const manifestFunctions = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(manifestFunctions);
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) => (typeof v === "string" && /Function$/.test(k) ? [v] : manifestFunctions(v)));
  }
  return [];
};

/** Names of the script's top-level function declarations, the ones Apps Script can call. */
const topLevelFunctions = (code: string): string[] => [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]!);

describe("the built script", () => {
  test("is one classic script with no import, export or require", () => {
    const { dir, code } = buildBundle();
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(readFileSync(join(dir, "appsscript.json"), "utf8")).toBe(`${JSON.stringify(JSON.parse(readFileSync(join(__dirname, "..", "..", "appsscript.json"), "utf8")), null, 2)}\n`);
  });

  test("its globals match the manifest's run functions and the card actions", () => {
    const { code, manifest } = buildBundle();
    const declared = topLevelFunctions(code).sort();
    const addOn = loadAddOn({ now: "2026-11-23T17:00:00Z" });
    for (const name of declared) expect(typeof addOn.global(name)).toBe("function");
    for (const name of manifestFunctions(manifest)) expect(declared).toContain(name);
    for (const name of Object.values(ACTION)) expect(declared).toContain(name);
    // Nothing else: the card actions, the manifest's functions and the editor's self-check.
    expect(declared).toEqual([...new Set([...Object.values(ACTION), ...manifestFunctions(manifest), "selfCheck"])].sort());
  });

  test("is within its size budget", () => {
    const { code } = buildBundle();
    // 200 KiB with the plan's features (ledger, history, suggestions); it was 150 KiB before them.
    expect(Buffer.byteLength(code, "utf8")).toBeLessThanOrEqual(200 * 1024);
  });
});

describe("the manifest", () => {
  test("runs on V8 with the advanced Calendar service, the narrow scopes and both add-on sections", () => {
    const { manifest } = buildBundle() as { manifest: Record<string, any> };
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: "Calendar", serviceId: "calendar", version: "v3" }]);
    expect([...manifest.oauthScopes].sort()).toEqual([...MANIFEST_SCOPES].sort());
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/calendar");
    expect(manifest.addOns.common.useLocaleFromApp).toBe(true);
    expect(manifest.addOns.common.homepageTrigger.runFunction).toBe(ACTION.homepage);
    expect(manifest.addOns.common.logoUrl).toMatch(/^https:\/\//);
    expect(manifest.addOns.calendar).toBeDefined();
  });
});

describe("selfCheck", () => {
  test("checks the runtime's zone math from inside the bundle and logs each result", () => {
    const addOn = loadAddOn({ now: "2026-11-23T17:00:00Z" });
    const result = addOn.call("selfCheck") as { ok: boolean; checks: { name: string; ok: boolean; actual: string }[] };
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.length).toBeGreaterThanOrEqual(6);
    expect(addOn.logs.at(-1)).toBe("Self-check passed: time-zone math works here.");
    expect(addOn.logs.filter((l) => l.startsWith("ok "))).toHaveLength(result.checks.length);
  });
});
