/** A value or the reason there is none: the core returns errors, it never throws them. */
export type Result<T, E = NextWeekError> = { ok: true; value: T } | { ok: false; error: E };

import type { NextWeekError } from "./errors";

/** ok(3) → { ok: true, value: 3 } */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** err(new SettingsError("x")) → { ok: false, error } */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
