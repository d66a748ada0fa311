import { storedSettings } from "../../shared/settings/storedSettings";

describe("settings as a store holds them", () => {
  test("nothing stored is a first run", () => {
    expect(storedSettings(undefined)).toEqual({ kind: "none" });
    expect(storedSettings(null)).toEqual({ kind: "none" });
  });

  test("valid JSON text or a parsed value gives the settings with their defaults", () => {
    for (const stored of ['{"blankSpotMinMinutes": 45}', { blankSpotMinMinutes: 45 }]) {
      const read = storedSettings(stored);
      expect(read.kind).toBe("ok");
      if (read.kind === "ok") expect([read.settings.blankSpotMinMinutes, read.settings.prospectingBlockMinutes]).toEqual([45, 90]);
    }
  });

  test("a typo or a bad value is invalid, naming the field, with the raw value kept for the form", () => {
    const typo = storedSettings('{"acounts": []}');
    expect(typo).toMatchObject({ kind: "invalid", raw: { acounts: [] } });
    if (typo.kind === "invalid") expect(typo.error.message).toMatch(/"acounts" is not a setting \(did you mean accounts\?\)/);
    const damaged = storedSettings("{not json");
    expect(damaged).toMatchObject({ kind: "invalid", raw: {} });
    if (damaged.kind === "invalid") expect(damaged.error.message).toBe("Your saved settings are damaged (not readable). Check them and save again.");
  });
});
