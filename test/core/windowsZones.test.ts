import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { IANAZone } from "luxon";
import { WINDOWS_TO_IANA_MAP, findIana } from "windows-iana";
import { windowsToIana } from "../../shared/normalize/windowsZones";
import { WINDOWS_ZONES } from "../../shared/normalize/windowsZoneTable";

const windowsNames = [...new Set(WINDOWS_TO_IANA_MAP.map((e) => e.windowsName))];
const firstKnown = (zones: readonly string[]): string | undefined => zones.find((z) => IANAZone.isValidZone(z));

describe("the generated Windows zone table", () => {
  test("has exactly the Windows names of the CLDR table in windows-iana", () => {
    expect(Object.keys(WINDOWS_ZONES).sort()).toEqual([...windowsNames].sort());
    expect(windowsNames.length).toBeGreaterThan(130);
  });

  test.each(windowsNames)("%s → the first zone luxon knows of its territory 001 entry", (name) => {
    const expected = firstKnown(findIana(name, "001")) ?? firstKnown(findIana(name));
    expect(expected).toBeDefined();
    expect(WINDOWS_ZONES[name]).toBe(expected);
  });

  test("is what the generator writes now (npm run gen:windows-zones)", () => {
    const root = join(__dirname, "..", "..");
    expect(() => execFileSync(process.execPath, [join(root, "scripts", "gen-windows-zones.mjs"), "--check"], { cwd: root, stdio: "pipe" })).not.toThrow();
  });
});

describe("windowsToIana", () => {
  test.each(windowsNames)("%s maps as the whole CLDR table maps it", (name) => {
    // The answer the core gave when it searched windows-iana at run time ("UTC" is answered before any table).
    expect(windowsToIana(name)).toBe(name === "UTC" ? "UTC" : (firstKnown(findIana(name)) ?? null));
  });

  test.each([
    ["Eastern Standard Time", "America/New_York"],
    ["  Pacific Standard Time ", "America/Los_Angeles"],
    ["W. Europe Standard Time", "Europe/Berlin"],
    ["Tokyo Standard Time", "Asia/Tokyo"],
    ["India Standard Time", "Asia/Calcutta"],
  ])("%j → %s", (name, zone) => {
    expect(windowsToIana(name)).toBe(zone);
  });

  test.each(["UTC", "utc", "tzone://Microsoft/Utc", "Coordinated Universal Time"])("%s → UTC", (name) => {
    expect(windowsToIana(name)).toBe("UTC");
  });

  test.each(["Mars Standard Time", "eastern standard time", "America/New_York", "", "constructor", "toString", "__proto__", "hasOwnProperty"])("%j is not a Windows zone → null", (name) => {
    expect(windowsToIana(name)).toBeNull();
  });
});
