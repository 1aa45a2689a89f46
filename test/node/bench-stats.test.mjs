// The benchmarks' interval around a ratio of first frames (test/bench/lib/stats.mjs): on a shared
// machine one run's median of pairs swings by ±10 %, so table 4b says how sure it is before it
// says whether issue 12's ≤ 1.05× holds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pairedRatioInterval, verdict } from '../bench/lib/stats.mjs';

/** Runs of a page around `ms`, spread by a fixed pattern (no randomness in a test). */
const runs = (ms, n = 15) => Array.from({ length: n }, (_, i) => ms * (1 + ((i * 7) % 11) / 50));

describe('pairedRatioInterval', () => {
  it('is exactly the ratio when every pair has the same one', () => {
    const bare = runs(300);
    assert.deepEqual(pairedRatioInterval(bare, bare), { low: 1, high: 1 });
    const slower = bare.map((ms) => ms * 1.2);
    const { low, high } = pairedRatioInterval(slower, bare);
    assert.ok(Math.abs(low - 1.2) < 1e-12 && Math.abs(high - 1.2) < 1e-12, `${low}–${high}`);
  });

  it('holds the median of pairs and widens with the spread of the pairs', () => {
    const bare = runs(300);
    // The same page against itself, the runs shifted by one round: ratios spread around 1.
    const shifted = [...bare.slice(1), bare[0]];
    const narrow = pairedRatioInterval(shifted, bare);
    assert.ok(narrow.low < 1 && narrow.high > 1, `${narrow.low}–${narrow.high}`);
    const noisier = shifted.map((ms, i) => ms * (i % 2 ? 1.25 : 0.8));
    const wide = pairedRatioInterval(noisier, bare);
    assert.ok(wide.high - wide.low > narrow.high - narrow.low, 'wider');
  });

  it('draws the same interval for the same runs, and none from fewer than 5 pairs', () => {
    const bare = runs(300);
    const cuecart = runs(320).reverse();
    assert.deepEqual(pairedRatioInterval(cuecart, bare), pairedRatioInterval(cuecart, bare));
    const none = pairedRatioInterval([1, 2, 3, 4], [1, 2, 3, 4]);
    assert.ok(Number.isNaN(none.low) && Number.isNaN(none.high));
  });

  it('leaves out pairs whose ratio means nothing (a run without a first frame)', () => {
    const bare = runs(300, 9);
    const cuecart = bare.map((ms) => ms * 1.1);
    cuecart[3] = NaN;
    const { low, high } = pairedRatioInterval(cuecart, bare);
    assert.ok(Math.abs(low - 1.1) < 1e-12 && Math.abs(high - 1.1) < 1e-12, `${low}–${high}`);
  });
});

describe('verdict', () => {
  it('is met under the ceiling, missed over it, undecided across it or without an interval', () => {
    assert.equal(verdict({ low: 0.9, high: 1.05 }, 1.05), 'met');
    assert.equal(verdict({ low: 1.06, high: 1.2 }, 1.05), 'missed');
    assert.equal(verdict({ low: 0.98, high: 1.09 }, 1.05), 'undecided');
    assert.equal(verdict({ low: NaN, high: NaN }, 1.05), 'undecided');
  });
});
