/**
 * Values by the domain part of an address, found without cutting the address: the characters
 * after the "@" are hashed where they sit (FNV-1a) in an open-addressing table, so classifying a
 * big week allocates no string per attendee.
 * @example const t = new DomainTable<number>(); t.set("acme.com", 1); t.get("dana@acme.com", 5) → 1
 */
export class DomainTable<T> {
  private keys: string[] = [];
  private values: T[] = [];
  /** Index + 1 into keys/values, 0 for an empty slot; the length is a power of two. */
  private slots = new Int32Array(64);

  /** The value of the domain `text.slice(from)`, if set. */
  get(text: string, from: number): T | undefined {
    return this.getHashed(text, from, hashFrom(text, from));
  }

  /** `get` with the domain's hash already taken (`hashFrom(text, from)`). */
  getHashed(text: string, from: number, hash: number): T | undefined {
    const mask = this.slots.length - 1;
    const length = text.length - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return undefined;
      const key = this.keys[entry - 1]!;
      // The part is as long as the key, so it is the key exactly when the text ends with it (endsWith is
      // much cheaper in V8 than startsWith from a position).
      if (key.length === length && text.endsWith(key)) return this.values[entry - 1];
    }
  }

  /** Sets the value of a domain not yet in the table. */
  set(domain: string, value: T): void {
    this.keys.push(domain);
    this.values.push(value);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    else this.place(this.keys.length - 1);
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let slot = hashFrom(this.keys[index]!, 0) & mask;
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
