/**
 * Writes settings into a fake user property store in the add-on's storage format 1 (pieces of
 * one generation, then the head), as an earlier save would have left them.
 */
import { fnv1a, splitUtf8 } from "../../../addon/gas/chunks";
import { HEAD_KEY, PIECE_BYTES } from "../../../addon/gas/settingsStore";
import type { FakeProperties } from "./services";

export const storeSettings = (properties: FakeProperties, settings: unknown, gen = 1): void => {
  const json = JSON.stringify(settings);
  const pieces = splitUtf8(json, PIECE_BYTES);
  pieces.forEach((piece, i) => properties.data.set(`${HEAD_KEY}.g${gen}.p${i}`, piece));
  properties.data.set(HEAD_KEY, JSON.stringify({ format: 1, gen, parts: pieces.length, hash: fnv1a(json) }));
};
