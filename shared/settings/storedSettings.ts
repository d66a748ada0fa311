import { SettingsError } from "../errors";
import { parseSettings, type Settings } from "./settings";

/**
 * Settings as a host's store holds them, one shape for every host: nothing saved yet (first run),
 * valid settings, or a stored value that no longer validates (the host asks the user to fix it,
 * pre-filling the form from `raw`; the week is never measured with defaults instead).
 */
export type StoredSettings =
  | { readonly kind: "none" }
  | { readonly kind: "ok"; readonly settings: Settings }
  | { readonly kind: "invalid"; readonly error: SettingsError; readonly raw: unknown };

/**
 * Reads what a store holds: nothing, a JSON text, or an already parsed value.
 * @example storedSettings(undefined) → { kind: "none" }
 * @example storedSettings('{"acounts": []}') → { kind: "invalid", error: '"acounts" is not a setting (did you mean accounts?)…', raw: { acounts: [] } }
 */
export const storedSettings = (stored: unknown): StoredSettings => {
  if (stored === undefined || stored === null) return { kind: "none" };
  let raw: unknown = stored;
  if (typeof stored === "string") {
    try {
      raw = JSON.parse(stored);
    } catch (cause) {
      return { kind: "invalid", error: new SettingsError("Your saved settings are damaged (not readable). Check them and save again.", { cause }), raw: {} };
    }
  }
  const parsed = parseSettings(raw);
  return parsed.ok ? { kind: "ok", settings: parsed.value } : { kind: "invalid", error: parsed.error, raw };
};
