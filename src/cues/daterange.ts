import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { parseCuePayload } from './payload.js';
import type { ProductCue } from './product-cue.js';

// Where it used to live; the cue conversion below does not use it.
export { parseAttributeList, type AttributeList, type AttributeValue } from './attribute-list.js';

/** The DATERANGE class that marks a product cue. */
export const CUECART_DATERANGE_CLASS = 'com.cuecart.product';

/**
 * A date range, shaped like hls.js's `DateRange` (structural, so no hls.js import is needed).
 * `attr` holds the raw attribute values as strings, quotes removed.
 */
export interface DateRangeInput {
  /** The DATERANGE `ID`. */
  id: string;
  /** The DATERANGE `CLASS`, if any. */
  class?: string;
  /** `START-DATE`. */
  startDate: Date;
  /** `START-DATE` mapped to media time (seconds) through `EXT-X-PROGRAM-DATE-TIME`. */
  startTime: number;
  /** `DURATION` (or `PLANNED-DURATION`) in seconds; `null` when absent. */
  duration: number | null;
  /** `END-DATE`, if any. */
  endDate?: Date | null;
  /** `END-ON-NEXT=YES`. */
  endOnNext: boolean;
  /** All attributes, by name, as strings. */
  attr: Record<string, string | undefined>;
}

const PRODUCT_ATTR = 'X-CUECART-PRODUCT';
const CLIENT_PREFIX = 'X-CUECART-';
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['price', 'duration']);

/**
 * Maps `X-CUECART-*` client attributes into a payload object: `X-CUECART-PRODUCT` → `product`,
 * `X-CUECART-COMPARE-AT` → `compareAt`. Decimal values of the numeric fields (`price`,
 * `duration`) become numbers; everything else stays a string.
 */
export function payloadFromClientAttributes(
  attr: Record<string, string | undefined>,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attr)) {
    if (!name.startsWith(CLIENT_PREFIX) || typeof value !== 'string') continue;
    const key = name
      .slice(CLIENT_PREFIX.length)
      .toLowerCase()
      .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    // `__proto__` would be a prototype assignment, not a field.
    if (!key || key === '__proto__') continue;
    payload[key] =
      NUMERIC_FIELDS.has(key) && /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : value;
  }
  return payload;
}

/**
 * Turns an `EXT-X-DATERANGE` with `CLASS="com.cuecart.product"` into a product cue (source
 * `daterange`, id `daterange:<ID>`). Ranges of other classes return `undefined` silently; product
 * ranges without a product or without a media-time start (no `EXT-X-PROGRAM-DATE-TIME`) are
 * reported as `cue-invalid` and return `undefined`.
 *
 * End: `END-ON-NEXT=YES` → none (until the next product cue); else `DURATION`; else `END-DATE`;
 * else none.
 */
export function cueFromDateRange(
  input: DateRangeInput,
  onError: ErrorSink,
): ProductCue | undefined {
  if (!input || input.class !== CUECART_DATERANGE_CLASS) return undefined;
  const label = `DATERANGE ${JSON.stringify(String(input.id))}`;
  if (typeof input.id !== 'string' || input.id === '') {
    onError(new CuecartError('cue-invalid', 'A product DATERANGE has no ID.'));
    return undefined;
  }
  const attr = input.attr ?? {};
  if (!attr[PRODUCT_ATTR]) {
    onError(new CuecartError('cue-invalid', `${label} has no ${PRODUCT_ATTR} attribute.`));
    return undefined;
  }
  const start = input.startTime;
  if (typeof start !== 'number' || !Number.isFinite(start)) {
    onError(
      new CuecartError(
        'cue-invalid',
        `${label} has no media-time start; the playlist needs EXT-X-PROGRAM-DATE-TIME.`,
      ),
    );
    return undefined;
  }
  const payload = parseCuePayload(payloadFromClientAttributes(attr), (problem) =>
    onError(new CuecartError('cue-invalid', `${label} ${problem}.`)),
  );
  if (payload instanceof CuecartError) {
    onError(new CuecartError('cue-invalid', `${label}: ${payload.message}`, { cause: payload }));
    return undefined;
  }
  const cue: ProductCue = { id: `daterange:${input.id}`, start, payload, source: 'daterange' };
  const startMs = input.startDate instanceof Date ? input.startDate.getTime() : NaN;
  if (Number.isFinite(startMs)) cue.startDate = startMs;
  if (!input.endOnNext) {
    const endMs = input.endDate instanceof Date ? input.endDate.getTime() : NaN;
    if (
      typeof input.duration === 'number' &&
      Number.isFinite(input.duration) &&
      input.duration > 0
    ) {
      cue.end = start + input.duration;
    } else if (Number.isFinite(endMs) && Number.isFinite(startMs) && endMs > startMs) {
      cue.end = start + (endMs - startMs) / 1000;
    }
  }
  return cue;
}
