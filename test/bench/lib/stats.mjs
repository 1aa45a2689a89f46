// Small statistics and formatting helpers shared by the benchmarks.

import { seededRandom } from '../../helpers/seeded-random.mjs';

/** Sorted copy of the finite numbers in `values`. */
function sorted(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Nearest-rank percentile (0–100) of `values`; NaN when empty. */
export function percentile(values, p) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** Median (mean of the two middle values for an even count); NaN when empty. */
export function median(values) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Arithmetic mean; NaN when empty. */
export function mean(values) {
  const s = sorted(values);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
}

/** Largest value; NaN when empty. */
export function max(values) {
  const s = sorted(values);
  return s.length ? s[s.length - 1] : NaN;
}

/** `a / b`, or NaN when either is not a positive finite number (a ratio of nothing means nothing). */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

/**
 * The per-pair ratios `a[i] / b[i]` of two pages' alternating runs (pairs whose ratio means
 * nothing are left out), summed up as their median and a percentile-bootstrap confidence
 * interval of that median: how far the median of pairs could move with another set of runs on
 * the same noisy machine. The resamples are drawn from a seeded generator, so the interval is a
 * property of the samples, not of the draw. `{ median, low, high }`; the interval is NaN with
 * fewer than 5 pairs.
 * @param {number[]} a
 * @param {number[]} b
 * @param {{ level?: number, resamples?: number, seed?: number }} [options] `level` 0.95 by
 *   default, 2,000 resamples
 * @returns {{ median: number, low: number, high: number }}
 */
export function pairedRatios(a, b, { level = 0.95, resamples = 2000, seed = 1 } = {}) {
  const ratios = a.map((x, i) => ratio(x, b[i])).filter(Number.isFinite);
  const middle = median(ratios);
  if (ratios.length < 5) return { median: middle, low: NaN, high: NaN };
  const random = seededRandom(seed);
  const medians = [];
  const draw = new Array(ratios.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < ratios.length; i++) draw[i] = ratios[(random() * ratios.length) | 0];
    medians.push(median(draw));
  }
  const tail = ((1 - level) / 2) * 100;
  return { median: middle, low: percentile(medians, tail), high: percentile(medians, 100 - tail) };
}

/**
 * A ratio's interval against a ceiling such as issue 12's "≤ 1.05× bare hls.js": `met` when the
 * whole interval is at or under it, `missed` when the whole interval is over it, `undecided`
 * when the interval straddles it (the runs cannot tell on this machine; run more).
 * @param {{ low: number, high: number }} interval
 * @param {number} ceiling
 * @returns {'met' | 'missed' | 'undecided'}
 */
export function verdict({ low, high }, ceiling) {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'undecided';
  if (high <= ceiling) return 'met';
  if (low > ceiling) return 'missed';
  return 'undecided';
}

/** A number with `digits` decimals, or `n/a`. */
export function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/**
 * A paired ratio and its interval against issue 12's ceiling, e.g. `1.02× (95 % CI 0.97–1.08:
 * ≤ 1.05× undecided)`.
 * @param {number} value the median of pairs
 * @param {{ low: number, high: number }} interval {@link pairedRatios}
 * @param {number} [ceiling]
 */
export function fmtPaired(value, interval, ceiling = 1.05) {
  return (
    `${fmt(value, 2)}× (95 % CI ${fmt(interval.low, 2)}–${fmt(interval.high, 2)}: ` +
    `≤ ${fmt(ceiling, 2)}× ${verdict(interval, ceiling)})`
  );
}

/** Bytes as KB with one decimal. */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Bytes as MB with two decimals. */
export function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * Renders rows of `[label, value, note]` as an aligned plain-text table under a section title.
 * @param {string} title
 * @param {Array<[string, string, string?]>} rows
 */
export function table(title, rows) {
  const w0 = Math.max(...rows.map((r) => r[0].length), 10);
  const w1 = Math.max(...rows.map((r) => r[1].length), 8);
  const lines = [`\n${title}`, `${'-'.repeat(w0)}  ${'-'.repeat(w1)}`];
  for (const [label, value, note] of rows) {
    lines.push(`${label.padEnd(w0)}  ${value.padStart(w1)}${note ? `  ${note}` : ''}`);
  }
  return lines.join('\n');
}
