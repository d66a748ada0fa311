import { err, ok, parseSettings, type Result, type Settings, SettingsError, storedSettings, type StoredSettings } from "../../shared";

/** The part of `Office.context.roamingSettings` the store uses. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: Office.AsyncResultStatus | string; error?: { message?: string } | null }) => void): void;
}

/** The roaming settings key that holds the add-in's settings. */
export const SETTINGS_KEY = "nextWeekSettings";
/** Outlook keeps at most 32 KB of roaming settings per add-in; stay a little under it. */
export const MAX_SETTINGS_BYTES = 32 * 1024 - 512;

export interface SettingsStore {
  /**
   * What the mailbox holds, in the core's one shape: nothing yet (first run: mailbox defaults may
   * fill in), valid settings, or a stored value that no longer validates (the user is asked to fix
   * it, the form pre-filled from `raw`; it stays in the mailbox untouched until a valid save).
   */
  load(): StoredSettings;
  /** Validates and saves; an invalid or too large value is refused and the last good settings stay. */
  save(input: unknown): Promise<Result<Settings, SettingsError>>;
}

/** UTF-8 size of a JSON value: byteSize({ a: "é" }) → 10 */
export const byteSize = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

const succeeded = (status: unknown): boolean => status === "succeeded" || (typeof Office !== "undefined" && status === Office.AsyncResultStatus?.Succeeded);

/**
 * Settings in the mailbox's roaming settings, validated with the core's schema on the way in
 * and out.
 * @example await roamingSettingsStore(Office.context.roamingSettings).save({ targets: { painMinutesMax: -1 } })
 *   → err(SettingsError("targets.painMinutesMax must be ≥ 0")), nothing saved
 */
export const roamingSettingsStore = (roaming: RoamingSettingsLike): SettingsStore => ({
  load: () => storedSettings(roaming.get(SETTINGS_KEY)),

  save(input) {
    const parsed = parseSettings(input);
    if (!parsed.ok) return Promise.resolve(parsed);
    const size = byteSize(parsed.value);
    if (size > MAX_SETTINGS_BYTES) {
      return Promise.resolve(
        err(new SettingsError(`settings are ${Math.ceil(size / 1024)} KB, more than the ${Math.floor(MAX_SETTINGS_BYTES / 1024)} KB Outlook keeps for an add-in: remove some accounts or decision-makers`)),
      );
    }
    const previous = roaming.get(SETTINGS_KEY);
    roaming.set(SETTINGS_KEY, parsed.value);
    return new Promise((resolve) => {
      roaming.saveAsync((result) => {
        if (succeeded(result.status)) return resolve(ok(parsed.value));
        // Keep memory and mailbox in agreement: put the last good value back.
        if (previous === undefined) roaming.remove(SETTINGS_KEY);
        else roaming.set(SETTINGS_KEY, previous);
        resolve(err(new SettingsError(`settings could not be saved to your mailbox (${result.error?.message ?? "unknown error"}); the previous settings are kept`, { cause: result.error })));
      });
    });
  },
});
