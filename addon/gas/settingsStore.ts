import { err, ok, parseSettings, type Result, type Settings, SettingsError, storedSettings, type StoredSettings } from "../../shared";
import { fnv1a, splitUtf8, utf8Length } from "./chunks";
import type { PropertyStore, UserLock } from "./services";

/**
 * Settings in the user's property store, validated with the core's schema on every read.
 *
 * Layout (format 1): the settings JSON is cut into pieces of at most 8,000 UTF-8 bytes under
 * `nextWeek.settings.g<generation>.p<index>`; the head `nextWeek.settings` names the current
 * generation, its piece count and a hash. A save writes the new generation's pieces first and
 * switches the head last, in one `setProperty`, so a reader sees either the old settings or the
 * new ones, never half of each. A save first deletes every piece that is not the current
 * generation's (the previous save's leftovers), so at most two generations ever coexist: the
 * current one and the one being written. After the save the previous generation stays until the
 * next save (a reader that read the old head can still finish).
 */

export const HEAD_KEY = "nextWeek.settings";
const FORMAT = 1;
/** Below the ~9 KB per-value limit, with room for the key. */
export const PIECE_BYTES = 8000;
/**
 * Apps Script's user property store holds 500 KB (counted here as 500,000 bytes of keys and
 * values, the stricter reading). Two generations of 240,000 bytes are 480,000 bytes of values,
 * plus 30 piece keys of at most 30 bytes each per generation and the head: about 482,000 bytes,
 * so a save at the limit fits even while the previous settings are still stored.
 */
export const STORE_BYTES = 500_000;
export const MAX_SETTINGS_BYTES = 240_000;

interface Head {
  readonly format: number;
  readonly gen: number;
  readonly parts: number;
  readonly hash: string;
}

const pieceKey = (gen: number, index: number) => `${HEAD_KEY}.g${gen}.p${index}`;
const PIECE = /^nextWeek\.settings\.g(\d+)\.p\d+$/;

const readHead = (text: string | undefined | null): Head | null => {
  if (!text) return null;
  try {
    const h = JSON.parse(text) as Partial<Head>;
    if (typeof h.format === "number" && typeof h.gen === "number" && typeof h.parts === "number" && typeof h.hash === "string") return h as Head;
  } catch {
    // fall through
  }
  return null;
};

type Assembled = { ok: true; json: string } | { ok: false; reason: "missing" | "format" };

const assemble = (props: Readonly<Record<string, string>>): Assembled | null => {
  const raw = props[HEAD_KEY];
  if (raw === undefined || raw === null) return null;
  const head = readHead(raw);
  if (!head) return { ok: false, reason: "missing" };
  if (head.format !== FORMAT) return { ok: false, reason: "format" };
  let json = "";
  for (let i = 0; i < head.parts; i++) {
    const piece = props[pieceKey(head.gen, i)];
    if (piece === undefined || piece === null) return { ok: false, reason: "missing" };
    json += piece;
  }
  return fnv1a(json) === head.hash ? { ok: true, json } : { ok: false, reason: "missing" };
};

/**
 * Reads the settings as the core's `StoredSettings`. One `getProperties()` snapshot; read again once
 * if it caught a save halfway. Only the store knows a head from a newer format or a missing piece;
 * everything else (damaged JSON, a value the schema refuses) is the core's `storedSettings`.
 * @example loadSettings(store) → { kind: "none" } on first run
 */
export const loadSettings = (store: PropertyStore): StoredSettings => {
  let assembled = assemble(store.getProperties());
  if (assembled && !assembled.ok && assembled.reason === "missing") assembled = assemble(store.getProperties());
  if (!assembled) return { kind: "none" };
  if (!assembled.ok) {
    const message =
      assembled.reason === "format"
        ? "Your saved settings come from a newer version of Next Week. Save them again here to keep using this version."
        : "Your saved settings could not be read completely. Check them and save again.";
    return { kind: "invalid", error: new SettingsError(message), raw: {} };
  }
  // Damaged JSON and values the schema refuses are read the core's way, like every host.
  return storedSettings(assembled.json);
};

/**
 * Validates and saves settings under the user lock. An invalid value or a failed write returns an
 * error and leaves the stored settings as they were.
 * @example saveSettings(store, lock, { targets: { painMinutesMax: -1 } }) → err(SettingsError("targets.painMinutesMax must be ≥ 0"))
 */
export const saveSettings = (store: PropertyStore, lock: UserLock, input: unknown): Result<Settings, SettingsError> => {
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  const json = JSON.stringify(parsed.value);
  const size = utf8Length(json);
  if (size > MAX_SETTINGS_BYTES) {
    return err(new SettingsError(`Your settings are too large to save (${Math.ceil(size / 1000)} KB; the limit is ${MAX_SETTINGS_BYTES / 1000} KB). Remove some accounts or decision-makers.`));
  }
  if (!lock.tryLock(10_000)) return err(new SettingsError("Your settings are being saved in another window. Try again in a moment."));
  try {
    const before = store.getProperties();
    const previous = readHead(before[HEAD_KEY]);
    // Room first: only the current generation stays while the new one is written.
    for (const key of Object.keys(before)) {
      const m = PIECE.exec(key);
      if (m && Number(m[1]) !== previous?.gen) store.deleteProperty(key);
    }
    const gen = (previous?.gen ?? 0) + 1;
    const pieces = splitUtf8(json, PIECE_BYTES);
    const writes: Record<string, string> = {};
    pieces.forEach((piece, i) => (writes[pieceKey(gen, i)] = piece));
    store.setProperties(writes);
    store.setProperty(HEAD_KEY, JSON.stringify({ format: FORMAT, gen, parts: pieces.length, hash: fnv1a(json) } satisfies Head));
    return ok(parsed.value);
  } catch (cause) {
    return err(new SettingsError("Google's storage refused your settings, so they were not saved. Your previous settings are kept.", { cause }));
  } finally {
    lock.releaseLock();
  }
};
