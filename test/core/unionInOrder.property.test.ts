// unionOfMillis sweeps intervals given in order of start without sorting (shared/time/intervals.ts):
// it must give what the sorting sweep gives, interval for interval, zone included.
import fc from "fast-check";
import { unionBySort, unionInOrder, unionOfMillis, type Span } from "../../shared/time/intervals";

const shown = (list: readonly Span[]) => list.map((i) => `${i.start.toISO()} ${i.end.toISO()} ${i.start.zoneName}`);
// Few distinct times: equal starts, touching and empty intervals, ends before starts.
const pair = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -3, max: 12 })).map(([s, d]) => [1_800_000_000_000 + s * 900_000, 1_800_000_000_000 + (s + d) * 900_000] as const);
const zone = fc.constantFrom("UTC", "America/New_York", "Asia/Kolkata");

test("in order of start, the sweep without a sort is the sorting sweep", () => {
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 60 }), zone, (pairs, z) => {
      const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
      const starts = Float64Array.from(sorted, ([s]) => s);
      const ends = Float64Array.from(sorted, ([, e]) => e);
      expect(shown(unionInOrder(starts, ends, z))).toEqual(shown(unionBySort(starts, ends, z)));
      expect(shown(unionOfMillis(starts, ends, z))).toEqual(shown(unionBySort(starts, ends, z)));
    }),
    { numRuns: 500 },
  );
});

test("in any order, unionOfMillis is the sorting sweep", () => {
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 60 }), zone, (pairs, z) => {
      const starts = pairs.map(([s]) => s);
      const ends = pairs.map(([, e]) => e);
      expect(shown(unionOfMillis(starts, ends, z))).toEqual(shown(unionBySort(starts, ends, z)));
    }),
  );
});
