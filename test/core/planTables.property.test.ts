// The hand-made tables and orderings of planWeek's columns (shared/plan/) against the plain ways:
// each answers as a Set, a Map or a comparator sort would on generated inputs.
import fc from "fast-check";
import { addressHashes, DomainTable, hashAddress, hashFrom } from "../../shared/plan/domainTable";
import { PROSPECTING } from "../../shared/plan/classify";
import { FirstWithHash, orderByStartEnd } from "../../shared/plan/windowItems";
import { OccurrenceCounter } from "../../shared/plan/tally";
import { IntList } from "../../shared/plan/intList";

/** Addresses from a small alphabet, so repeats and hash collisions in small tables are common. */
const address = fc.tuple(fc.stringMatching(/^[a-zé.+]{0,4}$/), fc.stringMatching(/^[a-z]{1,3}(\.[a-z]{1,2})?$/)).map(([local, domain]) => `${local}@${domain}`);

describe("DomainTable.add", () => {
  test("keeps each key once, in the order first added, with its first value, as a Map would, across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(address, fc.string({ maxLength: 6 })), { maxLength: 600 }), (keys) => {
        const table = new DomainTable<number>();
        const map = new Map<string, number>();
        keys.forEach((key, i) => {
          const isNew = !map.has(key);
          if (isNew) map.set(key, i);
          expect(table.add(key, i)).toBe(isNew);
        });
        expect(table.keys).toEqual([...map.keys()]);
        expect(table.values).toEqual([...map.values()]);
      }),
    );
  });
});

describe("PROSPECTING", () => {
  test("finds the word exactly where the lower-cased title holds it", () => {
    // Letters whose case mapping is special: dotted and dotless i, long s, Kelvin sign, final sigma.
    const piece = fc.constantFrom("prospecting", "PROSPECTING", "Prospect", "ing", "İ", "ı", "ſ", "\u212a", "Σ", "i\u0307", "pro", "spect", "I", "N", "G", " ", "é", "ß");
    const title = fc.oneof(fc.array(piece, { maxLength: 8 }).map((xs) => xs.join("")), fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 }));
    fc.assert(
      fc.property(title, (t) => {
        expect(PROSPECTING.test(t)).toBe(t.toLowerCase().includes("prospecting"));
      }),
      { numRuns: 2000 },
    );
    for (const t of ["PROSPECTİNG", "prospectıng", "proſpecting", "ProSpecting call"]) expect(PROSPECTING.test(t)).toBe(t.toLowerCase().includes("prospecting"));
  });
});

describe("orderByStartEnd with ends apart from starts", () => {
  const reference = (starts: Float64Array, ends: Float64Array) =>
    Array.from(starts, (_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]! || a - b);
  test("radix sorted by end and then by start, or by comparator, the order of start, then end, then position", () => {
    const few = fc.integer({ min: 0, max: 6 }).map((m) => 1_800_000_000_000 + m * 900_000);
    const wide = fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 });
    // Ranges at the radix sort's limit of 2^52 and past it (comparator sort).
    const edge = fc.constantFrom(0, 2 ** 52 - 1, 2 ** 52, -(2 ** 52), Number.MAX_SAFE_INTEGER, 2 ** 26, 2 ** 26 - 1, 2 ** 39 + 8191);
    const time = fc.oneof(few, few, wide, edge, fc.maxSafeInteger(), fc.constantFrom(0.5, 1.25));
    fc.assert(
      fc.property(fc.array(fc.tuple(few, time), { maxLength: 300 }), fc.boolean(), (list, swap) => {
        const starts = Float64Array.from(list, ([s, e]) => (swap ? e : s));
        const ends = Float64Array.from(list, ([s, e]) => (swap ? s : e));
        // By comparator (few items), and by radix where the times allow it.
        expect(Array.from(orderByStartEnd(starts, ends))).toEqual(reference(starts, ends));
        expect(Array.from(orderByStartEnd(starts, ends, 0))).toEqual(reference(starts, ends));
      }),
      { numRuns: 400 },
    );
  });
});

describe("OccurrenceCounter", () => {
  test("counts the distinct occurrences of items met once each, as a Set would, keeping only repeated ones", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 80 }), (occs) => {
        // Items are the list's entries; an occurrence more than one item is repeated.
        const repeated = new Uint8Array(31);
        occs.forEach((o, i) => {
          if (occs.indexOf(o) !== i) repeated[o] = 1;
        });
        const counter = new OccurrenceCounter(repeated);
        const seen = new Set<number>();
        for (const o of occs) {
          expect(counter.add(o)).toBe(!seen.has(o));
          seen.add(o);
        }
        expect(counter.size).toBe(seen.size);
      }),
    );
  });
});

describe("FirstWithHash", () => {
  test("reset to any size answers as a Map emptied at each reset, growing past the size it was made for", () => {
    // Each step is a group of hashes (a start) with the size it is reset to: often more than before.
    const group = fc.array(fc.integer({ min: -30, max: 30 }).map((h) => h * 4096), { maxLength: 70 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(group, { maxLength: 12 }), (made, groups) => {
        const table = new FirstWithHash();
        table.reset(made);
        let item = 0;
        for (const hashes of groups) {
          table.reset(hashes.length);
          const map = new Map<number, number>();
          for (const hash of hashes) {
            const first = map.get(hash) ?? item;
            if (!map.has(hash)) map.set(hash, item);
            expect(table.addFirst(hash, item)).toBe(first);
            item++;
          }
        }
      }),
    );
  });
  test("answers the first item added with a hash since the last reset, as a Map emptied at each reset would", () => {
    // Few hashes (repeats, and colliding slots in the smallest table), negative ones included.
    const op = fc.oneof(fc.constant(null), fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }).map((h) => h * 65536), fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const table = new FirstWithHash();
        table.reset(8);
        let map = new Map<number, number>();
        ops.forEach((hash, item) => {
          if (hash === null) {
            table.reset(8);
            map = new Map();
            return;
          }
          if (map.size >= 8) return; // the table holds at most `items` hashes at once
          const first = map.get(hash) ?? item;
          if (!map.has(hash)) map.set(hash, item);
          expect(table.addFirst(hash, item)).toBe(first);
        });
      }),
    );
  });
});

describe("hashAddress", () => {
  test("reads an address once into hashFrom of the whole and of the part after its last @", () => {
    const text = fc.oneof(address, fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("", "@", "a@", "@b", "a@b@c.d", "@@"));
    fc.assert(
      fc.property(text, (t) => {
        hashAddress(t);
        const at = t.lastIndexOf("@") + 1;
        expect(addressHashes).toEqual({ whole: hashFrom(t, 0), at, domain: hashFrom(t, at) });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("IntList", () => {
  test("holds what was pushed, in order, as an array would, across growth from any first size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), (capacity, values) => {
        const list = new IntList(capacity);
        for (const v of values) list.push(v);
        expect(list.length).toBe(values.length);
        expect(Array.from(list.array.subarray(0, list.length))).toEqual(values);
      }),
    );
  });

  test("addSorted keeps the entries after a prefix the sorted, distinct union of the lists added, as a Set sorted would, and leaves the prefix alone", () => {
    const list = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 70 }), fc.array(list, { maxLength: 6 }), (prefix, lists) => {
        const l = new IntList(1);
        for (const v of prefix) l.push(v);
        for (const xs of lists) for (const x of xs) l.addSorted(prefix.length, x);
        const all = Array.from(l.array.subarray(0, l.length));
        expect(all.slice(0, prefix.length)).toEqual(prefix);
        expect(all.slice(prefix.length)).toEqual([...new Set(lists.flat())].sort((a, b) => a - b));
      }),
    );
  });
});
