// The benchmarks' interval around a ratio of first frames (test/bench/lib/stats.mjs): on a shared
// machine one run's median of pairs swings by ±10 %, so table 4b says how sure it is before it
// says whether issue 12's ≤ 1.05× holds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pairedRatios, verdict } from '../bench/lib/stats.mjs';

/** Runs of a page around `ms`, spread by a fixed pattern (no randomness in a test). */
const runs = (ms, n = 15) => Array.from({ length: n }, (_, i) => ms * (1 + ((i * 7) % 11) / 50));

describe('pairedRatios', () => {
  it('is exactly the ratio when every pair has the same one', () => {
    const bare = runs(300);
    assert.deepEqual(pairedRatios(bare, bare), { median: 1, low: 1, high: 1 });
    const slower = bare.map((ms) => ms * 1.2);
    const { median, low, high } = pairedRatios(slower, bare);
    for (const value of [median, low, high]) assert.ok(Math.abs(value - 1.2) < 1e-12, `${value}`);
  });

  it('holds the median of pairs and widens with the spread of the pairs', () => {
    const bare = runs(300);
    // The same page against itself, the runs shifted by one round: ratios spread around 1.
    const shifted = [...bare.slice(1), bare[0]];
    const narrow = pairedRatios(shifted, bare);
    assert.ok(narrow.low < 1 && narrow.high > 1, `${narrow.low}–${narrow.high}`);
    assert.ok(narrow.low <= narrow.median && narrow.median <= narrow.high, `${narrow.median}`);
    const noisier = shifted.map((ms, i) => ms * (i % 2 ? 1.25 : 0.8));
    const wide = pairedRatios(noisier, bare);
    assert.ok(wide.high - wide.low > narrow.high - narrow.low, 'wider');
  });

  it('draws the same interval for the same runs, and none from fewer than 5 pairs', () => {
    const bare = runs(300);
    const cuecart = runs(320).reverse();
    assert.deepEqual(pairedRatios(cuecart, bare), pairedRatios(cuecart, bare));
    const none = pairedRatios([1, 2, 3, 4], [1, 2, 3, 4]);
    assert.ok(Number.isNaN(none.low) && Number.isNaN(none.high));
    assert.equal(none.median, 1, 'the median of pairs is still given');
  });

  it('leaves out pairs whose ratio means nothing (a run without a first frame)', () => {
    const bare = runs(300, 9);
    const cuecart = bare.map((ms) => ms * 1.1);
    cuecart[3] = NaN;
    const { median, low, high } = pairedRatios(cuecart, bare);
    for (const value of [median, low, high]) assert.ok(Math.abs(value - 1.1) < 1e-12, `${value}`);
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
