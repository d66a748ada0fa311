/**
 * Type tests for hand-written shape checks that agree with the zod schemas they stand in front
 * of (zod's `nullish`, `object`, `array`): where a check says yes, the schema says yes too.
 */

/** A value zod's `object` accepts: an object that is not null and not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `nullish(string())` */
export const isNullishString = (v: unknown): boolean => v === undefined || v === null || typeof v === "string";

/** `nullish(boolean())` */
export const isNullishBoolean = (v: unknown): boolean => v === undefined || v === null || typeof v === "boolean";

/** `nullish(array(item))` */
export const isNullishArrayOf = (v: unknown, item: (element: unknown) => boolean): boolean => {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
};
