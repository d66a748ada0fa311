// Shared by the TypeScript benchmarks: medians of timed runs after a warm-up.

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs `fn` `warmUp` times untimed, then `runs` times; the median milliseconds of the timed runs. */
export const time = (fn: () => unknown, runs: number, warmUp = Math.min(3, runs)): number => {
  for (let i = 0; i < warmUp; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
};
