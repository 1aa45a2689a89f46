// One seeded generator for the tests (in the browser) and the benchmarks (in Node), so both
// draw the same numbers from the same seed.

/**
 * Deterministic pseudo-random numbers in [0, 1) from `seed` (mulberry32): every run sees the
 * same data, so a failure can be replayed, and a bootstrap draws the same resamples for the same
 * samples.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
