import type { RoamingSettingsLike } from "./roamingSettingsStore";

/**
 * Roaming settings kept in memory (the preview, and tests): the same get/set/remove/saveAsync
 * as `Office.context.roamingSettings`; values round-trip through JSON like the real store.
 * @example memoryRoamingSettings({ a: 1 }).get("a") → 1
 */
export const memoryRoamingSettings = (initial: Record<string, unknown> = {}): RoamingSettingsLike & { saved: () => Record<string, unknown> } => {
  const live = new Map<string, unknown>(Object.entries(initial));
  let saved: Record<string, unknown> = JSON.parse(JSON.stringify(initial)) as Record<string, unknown>;
  return {
    get: (name) => live.get(name),
    set: (name, value) => void live.set(name, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (name) => void live.delete(name),
    saveAsync: (callback) => {
      saved = JSON.parse(JSON.stringify(Object.fromEntries(live))) as Record<string, unknown>;
      queueMicrotask(() => callback?.({ status: "succeeded" }));
    },
    saved: () => saved,
  };
};
