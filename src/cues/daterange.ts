import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { parseCuePayload } from './payload.js';
import type { ProductCue } from './product-cue.js';

/** One typed value of an HLS attribute list (RFC 8216 §4.2). */
export type AttributeValue =
  | { type: 'quoted-string'; value: string }
  | { type: 'hexadecimal-sequence'; value: string; bytes: Uint8Array }
  | { type: 'decimal'; value: number; raw: string }
  | { type: 'resolution'; width: number; height: number; raw: string }
  | { type: 'enumerated-string'; value: string };

/** A parsed attribute list: attribute name → typed value. */
export type AttributeList = Record<string, AttributeValue>;

/**
 * Parses an HLS attribute list (the part after `#EXT-X-DATERANGE:`) strictly per RFC 8216 §4.2:
 * names are `[A-Z0-9-]`, values are quoted strings (no CR, LF or `"` inside), `0x` hexadecimal
 * sequences, (signed) decimal numbers, `WxH` resolutions or enumerated strings; no whitespace
 * outside quotes; no duplicate names. Returns a `cue-invalid` {@link CuecartError} on the first
 * violation (never throws).
 */
export function parseAttributeList(text: string): AttributeList | CuecartError {
  const list: AttributeList = Object.create(null);
  let pos = 0;
  const fail = (why: string) =>
    new CuecartError('cue-invalid', `Attribute list is malformed at character ${pos}: ${why}.`);
  if (text.length === 0) return fail('empty');
  while (pos < text.length) {
    const eq = text.indexOf('=', pos);
    if (eq < 0) return fail('attribute without "="');
    const name = text.slice(pos, eq);
    if (!/^[A-Z0-9-]+$/.test(name)) return fail(`bad attribute name ${JSON.stringify(name)}`);
    if (name in list) return fail(`duplicate attribute ${name}`);
    pos = eq + 1;
    let raw: string;
    if (text[pos] === '"') {
      const close = text.indexOf('"', pos + 1);
      if (close < 0) return fail('unterminated quoted string');
      raw = text.slice(pos, close + 1);
      if (/[\r\n]/.test(raw)) return fail('line break in quoted string');
      pos = close + 1;
    } else {
      const comma = text.indexOf(',', pos);
      raw = text.slice(pos, comma < 0 ? text.length : comma);
      pos += raw.length;
    }
    const value = typedValue(raw);
    if (!value) return fail(`bad value for ${name}`);
    list[name] = value;
    if (pos < text.length) {
      if (text[pos] !== ',') return fail('expected ","');
      pos++;
      if (pos === text.length) return fail('trailing ","');
    }
  }
  return list;
}

function typedValue(raw: string): AttributeValue | undefined {
  if (raw.startsWith('"')) return { type: 'quoted-string', value: raw.slice(1, -1) };
  if (/^0[xX][0-9a-fA-F]+$/.test(raw)) {
    const hex = raw.slice(2);
    const padded = hex.length % 2 ? `0${hex}` : hex;
    const bytes = new Uint8Array(padded.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(i * 2, i * 2 + 2), 16);
    return { type: 'hexadecimal-sequence', value: raw, bytes };
  }
  if (/^-?[0-9]+(\.[0-9]*)?$/.test(raw)) return { type: 'decimal', value: Number(raw), raw };
  const resolution = /^([0-9]+)x([0-9]+)$/.exec(raw);
  if (resolution) {
    return { type: 'resolution', width: Number(resolution[1]), height: Number(resolution[2]), raw };
  }
  if (/^[^\s",]+$/.test(raw)) return { type: 'enumerated-string', value: raw };
  return undefined;
}

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
