import { hashFrom } from "./domainTable";

/**
 * A set of strings with a value for each, kept in the order they were first added: an
 * open-addressing table of FNV-1a hashes (`hashFrom`) over typed arrays, so adding the
 * attendees of a big window allocates no entry object per address and compares the text of
 * two addresses only when their hashes agree.
 * @example const t = new AddressTable<number>(); t.add("dana@acme.com", 1); t.add("dana@acme.com", 2); t.keys → ["dana@acme.com"], t.values → [1]
 */
export class AddressTable<T> {
  /** The distinct keys, in the order they were first added. */
  readonly keys: string[] = [];
  /** The value each key was first added with. */
  readonly values: T[] = [];
  private hashes = new Int32Array(64);
  /** Index + 1 into keys, 0 for an empty slot; the length is a power of two. */
  private slots = new Int32Array(128);

  /** Adds `key` with `value` unless it is already in the table; true when it was added. */
  add(key: string, value: T): boolean {
    return this.addHashed(key, hashFrom(key, 0), value);
  }

  /** `add` with the key's hash already taken (`hashFrom(key, 0)`). */
  addHashed(key: string, unsigned: number, value: T): boolean {
    const hash = unsigned | 0;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === key) return false;
    }
    const index = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    if ((index + 1) * 2 > this.slots.length) this.grow();
    else this.slots[slot] = index + 1;
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.keys.length; i++) {
      let slot = this.hashes[i]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.slots = slots;
  }
}
