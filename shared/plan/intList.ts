/**
 * A list of 32-bit integers that grows as it is pushed to, in one typed array (no boxed element,
 * nothing for the collector to trace): `array` holds the first `length`.
 * @example const l = new IntList(); l.push(7); l.push(9); l.array.subarray(0, l.length) → Int32Array [7, 9]
 */
export class IntList {
  array: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.array = new Int32Array(capacity > 0 ? capacity : 1);
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
  /**
   * Adds `value` to the entries from `from` on, which are ascending and distinct, keeping them so
   * (nothing is added when it is there already). For the few accounts of one event: a short scan.
   * @example l holds [9, 2, 5]; l.addSorted(1, 3) → [9, 2, 3, 5]; l.addSorted(1, 5) → unchanged
   */
  addSorted(from: number, value: number): void {
    let at = this.length;
    while (at > from && this.array[at - 1]! > value) at--;
    if (at > from && this.array[at - 1] === value) return;
    this.push(value);
    this.array.copyWithin(at + 1, at, this.length - 1);
    this.array[at] = value;
  }
}
