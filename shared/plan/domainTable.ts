import { IntList } from "./intList";

/**
 * Strings with a value each, found without cutting them: the characters of `text` from `from` on
 * are hashed where they sit (FNV-1a, `hashFrom`) in an open-addressing table over typed arrays,
 * so classifying a big week allocates no string and no entry object per attendee. Used for the
 * domain part of addresses (`get`, `set`) and for whole addresses kept in the order first added
 * (`add`); two strings are compared only when their hashes agree.
 * @example const t = new DomainTable<number>(); t.set("acme.com", 1); t.get("dana@acme.com", 5) → 1
 * @example const t = new DomainTable<number>(); t.add("dana@acme.com", 1); t.add("dana@acme.com", 2); t.keys → ["dana@acme.com"], t.values → [1]
 */
export class DomainTable<T> {
  /** The keys, in the order they were added. */
  readonly keys: string[] = [];
  /** The value of each key. */
  readonly values: T[] = [];
  /** The hash of each key (`hashFrom(key, 0) | 0`). */
  private readonly hashes = new IntList(32);
  /** Index + 1 into keys/values, 0 for an empty slot; the length is a power of two. */
  private slots = new Int32Array(64);

  /** The value of the string `text.slice(from)`, if set. */
  get(text: string, from: number): T | undefined {
    return this.getHashed(text, from, hashFrom(text, from));
  }

  /** `get` with the string's hash already taken (`hashFrom(text, from)`). */
  getHashed(text: string, from: number, hash: number): T | undefined {
    const index = this.indexOf(text, from, hash | 0);
    return index < 0 ? undefined : this.values[index];
  }

  /** Sets the value of a string not yet in the table. */
  set(key: string, value: T): void {
    this.append(key, hashFrom(key, 0) | 0, value);
  }

  /** Adds `key` with `value` unless it is already in the table; true when it was added. */
  add(key: string, value: T): boolean {
    return this.addHashed(key, hashFrom(key, 0), value);
  }

  /** `add` with the key's hash already taken (`hashFrom(key, 0)`). */
  addHashed(key: string, hash: number, value: T): boolean {
    if (this.indexOf(key, 0, hash | 0) >= 0) return false;
    this.append(key, hash | 0, value);
    return true;
  }

  /** Where `text.slice(from)` is among the keys, -1 when it is not. */
  private indexOf(text: string, from: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = text.length - from;
    const hashes = this.hashes.array;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const key = this.keys[entry - 1]!;
      // The part is as long as the key, so it is the key exactly when the text ends with it (endsWith is
      // much cheaper in V8 than startsWith from a position).
      if (hashes[entry - 1] === hash && key.length === length && text.endsWith(key)) return entry - 1;
    }
  }

  private append(key: string, hash: number, value: T): void {
    const index = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    this.hashes.push(hash);
    if ((index + 1) * 2 > this.slots.length) this.grow();
    else this.place(index);
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes.array[index]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.keys.length; i++) this.place(i);
  }
}

/** FNV-1a's starting value and multiplier. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the characters of `text` from `from` on (an unsigned 32-bit number). */
export const hashFrom = (text: string, from: number): number => {
  let h = FNV_OFFSET;
  for (let i = from; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
};

/**
 * An address read once: `hashFrom(address, 0)`, and the start and `hashFrom` of its domain part
 * (after its last "@"; the whole address when it has none). Overwritten by the next call.
 */
export const addressHashes = { whole: 0, at: 0, domain: 0 };
export const hashAddress = (address: string): void => {
  let whole = FNV_OFFSET;
  let domain = FNV_OFFSET;
  let at = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    whole = Math.imul(whole ^ code, FNV_PRIME);
    if (code === 64) {
      at = i + 1;
      domain = FNV_OFFSET;
    } else domain = Math.imul(domain ^ code, FNV_PRIME);
  }
  addressHashes.whole = whole >>> 0;
  addressHashes.at = at;
  addressHashes.domain = domain >>> 0;
};
