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
}
