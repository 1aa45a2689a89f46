// Small statistics and formatting helpers shared by the benchmarks.

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

/** A number with `digits` decimals, or `n/a`. */
export function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
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
