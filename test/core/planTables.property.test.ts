// The hand-made tables and orderings of planWeek's columns (shared/plan/) against the plain ways:
// each answers as a Set, a Map or a comparator sort would on generated inputs.
import fc from "fast-check";
import { AddressTable } from "../../shared/plan/addressTable";

/** Addresses from a small alphabet, so repeats and hash collisions in small tables are common. */
const address = fc.tuple(fc.stringMatching(/^[a-zé.+]{0,4}$/), fc.stringMatching(/^[a-z]{1,3}(\.[a-z]{1,2})?$/)).map(([local, domain]) => `${local}@${domain}`);

describe("AddressTable", () => {
  test("keeps each key once, in the order first added, with its first value, as a Map would, across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(address, fc.string({ maxLength: 6 })), { maxLength: 600 }), (keys) => {
        const table = new AddressTable<number>();
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
