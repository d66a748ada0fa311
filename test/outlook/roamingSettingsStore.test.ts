import { roamingSettingsStore, SETTINGS_KEY, MAX_SETTINGS_BYTES, byteSize, type RoamingSettingsLike } from "../../addon/outlook/roamingSettingsStore";
import { memoryRoamingSettings } from "../../addon/outlook/memoryRoamingSettings";
import { parseSettings } from "../../shared/settings/settings";
import { SETTINGS } from "./fixtures/knownWeek";

/**
 * An Office-shaped `context.roamingSettings` (get/set/remove/saveAsync with Office's AsyncResult).
 * (office-addin-mock 4 cannot be loaded under jest here, its dependency chain ends in ESM-only packages, so the project does not use it.)
 */
const officeRoaming = (initial: Record<string, unknown> = {}, saveStatus: "succeeded" | "failed" = "succeeded") => {
  const values = new Map(Object.entries(initial));
  const calls = { saveAsync: 0 };
  const mock = {
      context: {
        roamingSettings: {
          get: (name: string) => values.get(name),
          set: (name: string, value: unknown) => void values.set(name, value),
          remove: (name: string) => void values.delete(name),
          saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void) => {
            calls.saveAsync++;
            callback?.(saveStatus === "succeeded" ? { status: "succeeded" } : { status: "failed", error: { message: "The mailbox is offline." } });
          },
        } satisfies RoamingSettingsLike,
      },
    };
  return { roaming: mock.context.roamingSettings, values, calls };
};

test("first run: nothing stored says so (the core's storedSettings shape)", () => {
  const { roaming } = officeRoaming();
  expect(roamingSettingsStore(roaming).load()).toEqual({ kind: "none" });
});

test("valid settings are saved to the mailbox and read back", async () => {
  const { roaming, values, calls } = officeRoaming();
  const store = roamingSettingsStore(roaming);
  const saved = await store.save(SETTINGS);
  expect(saved.ok).toBe(true);
  expect(calls.saveAsync).toBe(1);
  const expected = parseSettings(SETTINGS);
  expect(values.get(SETTINGS_KEY)).toEqual(expected.ok ? expected.value : null);
  expect(store.load()).toEqual({ kind: "ok", settings: expected.ok ? expected.value : null });
});

test("an invalid save names the field and keeps the last good settings", async () => {
  const { roaming, values, calls } = officeRoaming();
  const store = roamingSettingsStore(roaming);
  await store.save(SETTINGS);
  const before = values.get(SETTINGS_KEY);
  const result = await store.save({ ...SETTINGS, targets: { painMinutesMax: -30 } });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toBe("targets.painMinutesMax must be ≥ 0");
  expect(values.get(SETTINGS_KEY)).toBe(before);
  expect(calls.saveAsync).toBe(1);
});

test("settings over Outlook's 32 KB are refused before anything is written", async () => {
  const { roaming, values, calls } = officeRoaming();
  const accounts = Array.from({ length: 700 }, (_, i) => ({ name: `Account number ${i}`, domains: [`account-number-${i}.example.com`], tier: "a-list" as const }));
  expect(byteSize({ accounts })).toBeGreaterThan(MAX_SETTINGS_BYTES);
  const result = await roamingSettingsStore(roaming).save({ accounts });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toMatch(/KB Outlook keeps for an add-in/);
  expect(values.has(SETTINGS_KEY)).toBe(false);
  expect(calls.saveAsync).toBe(0);
});

test("when the mailbox refuses the save, memory goes back to the last good settings", async () => {
  const good = parseSettings(SETTINGS);
  const { roaming, values } = officeRoaming({ [SETTINGS_KEY]: good.ok ? good.value : null }, "failed");
  const result = await roamingSettingsStore(roaming).save({ ...SETTINGS, blankSpotMinMinutes: 30 });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toMatch(/could not be saved to your mailbox \(The mailbox is offline\.\)/);
  expect((values.get(SETTINGS_KEY) as { blankSpotMinMinutes: number }).blankSpotMinMinutes).toBe(60);
});

test("stored settings that no longer validate come back with the reason and the stored value, which is left untouched", () => {
  const stored = { ...SETTINGS, weekStartsOn: 9 };
  const roaming = memoryRoamingSettings({ [SETTINGS_KEY]: stored });
  const loaded = roamingSettingsStore(roaming).load();
  if (loaded.kind !== "invalid") throw new Error(`expected invalid settings, got ${loaded.kind}`);
  expect(loaded.error.message).toBe("weekStartsOn must be 1 (Monday) to 7 (Sunday)");
  expect(loaded.raw).toEqual(stored);
  expect(roaming.get(SETTINGS_KEY)).toEqual(stored);
  expect(roaming.saved()[SETTINGS_KEY]).toEqual(stored);
});

test("stored settings kept as JSON text are read back as the value they hold, valid or not", () => {
  const stored = { ...SETTINGS, targets: { painMinutesMax: -30 } };
  const loaded = roamingSettingsStore(memoryRoamingSettings({ [SETTINGS_KEY]: JSON.stringify(stored) })).load();
  if (loaded.kind !== "invalid") throw new Error(`expected invalid settings, got ${loaded.kind}`);
  expect(loaded.error.message).toBe("targets.painMinutesMax must be ≥ 0");
  expect(loaded.raw).toEqual(stored);
  const damaged = roamingSettingsStore(memoryRoamingSettings({ [SETTINGS_KEY]: "{not json" })).load();
  if (damaged.kind !== "invalid") throw new Error(`expected invalid settings, got ${damaged.kind}`);
  expect(damaged.error.kind).toBe("SettingsError");
  expect(damaged.raw).toEqual({});
});

test("the preview's memory store behaves like the mailbox's", async () => {
  const roaming = memoryRoamingSettings();
  const store = roamingSettingsStore(roaming);
  expect((await store.save({ blankSpotMinMinutes: 45 })).ok).toBe(true);
  const loaded = store.load();
  expect(loaded.kind === "ok" && loaded.settings.blankSpotMinMinutes).toBe(45);
  expect((roaming.saved()[SETTINGS_KEY] as { blankSpotMinMinutes: number }).blankSpotMinMinutes).toBe(45);
});
