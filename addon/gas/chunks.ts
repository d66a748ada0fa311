/**
 * Splitting a long value across several property values. Apps Script limits one property value
 * to about 9 KB (counted in bytes), so a large account list is cut into pieces of at most
 * `maxBytes` UTF-8 bytes, never inside a character.
 */

/** UTF-8 length of one code point. */
const utf8Bytes = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * UTF-8 length of a string, without TextEncoder (not guaranteed in Apps Script).
 * @example utf8Length("a€") → 4
 */
export const utf8Length = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    n += utf8Bytes(cp);
    if (cp > 0xffff) i++;
  }
  return n;
};

/**
 * Cuts `text` into pieces of at most `maxBytes` UTF-8 bytes each; joined they give `text` back.
 * @example splitUtf8("ab€", 4) → ["ab", "€"]
 * @example splitUtf8("", 10) → [""]
 */
export const splitUtf8 = (text: string, maxBytes: number): string[] => {
  if (maxBytes < 4) throw new RangeError("maxBytes must be at least 4");
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const units = cp > 0xffff ? 2 : 1;
    const size = utf8Bytes(cp);
    if (bytes + size > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  pieces.push(text.slice(start));
  return pieces;
};

/**
 * A 32-bit FNV-1a hash of the UTF-16 code units, as 8 hex digits: enough to notice a value
 * assembled from pieces of two different saves.
 * @example fnv1a("") → "811c9dc5"
 */
export const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
};
