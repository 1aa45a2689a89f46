import { isRecord } from '../internal/is-record.js';
import { CuecartError } from '../internal/errors.js';
import { isUnsafeUrl, safeUrl } from '../internal/url-policy.js';
import type { CuePayload } from './product-cue.js';

/** Largest accepted payload, in UTF-8 bytes of its JSON text. */
export const MAX_PAYLOAD_BYTES = 4096;

/** Deepest nesting accepted in an already-parsed payload (JSON text is bounded by its size). */
const MAX_PARSED_DEPTH = 64;

const STRING_FIELDS = ['variant', 'title', 'currency', 'image', 'url'] as const;

/** Payload fields a player renders as a link or an image: only http(s) and relative URLs pass. */
const URL_FIELDS = ['url', 'image'] as const;

/** Longest product id a payload may name (ids and handles are short; Shopify's are ≤ 255). */
export const MAX_PRODUCT_ID_LENGTH = 256;

/**
 * Receives one readable sentence per optional payload field that was dropped because it was
 * unsafe (a `javascript:` link, say); the cue itself is kept. The caller reports it as
 * `cue-invalid` with the cue's label.
 */
export type PayloadProblemSink = (problem: string) => void;

/**
 * UTF-8 length of a string, counted without allocating; stops counting once past `limit`, so a
 * multi-megabyte string costs no more than a small one.
 */
export function utf8ByteLength(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Estimates the JSON size of a parsed value without `JSON.stringify` (which recurses and can blow
 * the stack on hostile input). Walks iteratively and gives up as soon as the budget or the depth
 * limit is exceeded; returns `Infinity` then.
 */
function boundedJsonSize(value: unknown, budget: number): number {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  const seen = new Set<object>();
  let size = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') size += utf8ByteLength(v, budget) + 2;
    else if (typeof v === 'number' || typeof v === 'boolean') size += String(v).length;
    else if (v === null || v === undefined) size += 4;
    else if (typeof v === 'object') {
      if (item.depth >= MAX_PARSED_DEPTH || seen.has(v)) return Infinity;
      seen.add(v);
      size += 2;
      if (Array.isArray(v)) {
        for (const child of v) {
          size += 1;
          stack.push({ value: child, depth: item.depth + 1 });
          if (size > budget) return Infinity;
        }
      } else {
        for (const key of Object.keys(v)) {
          size += utf8ByteLength(key, budget) + 4;
          stack.push({ value: (v as Record<string, unknown>)[key], depth: item.depth + 1 });
          if (size > budget) return Infinity;
        }
      }
    } else size += 4;
    if (size > budget) return Infinity;
  }
  return size;
}

function invalid(message: string, cause?: unknown): CuecartError {
  return new CuecartError('cue-invalid', message, cause === undefined ? undefined : { cause });
}

/**
 * Validates a product cue payload: JSON text or an already-parsed value.
 *
 * The payload must be a JSON object with a non-empty string `product` and at most
 * {@link MAX_PAYLOAD_BYTES} bytes. Optional fields of the wrong type are dropped rather than
 * failing the cue, so one sloppy field from an encoder does not hide the product; unknown fields
 * are kept. `url` and `image` must pass the URL policy (`safeUrl`: http(s) or relative, after
 * the browser's own trimming); an unsafe one is dropped and described to `onProblem`. Never
 * throws: an invalid payload comes back as a `cue-invalid` {@link CuecartError} for the caller to
 * report once.
 */
export function parseCuePayload(
  input: unknown,
  onProblem?: PayloadProblemSink,
): CuePayload | CuecartError {
  let value: unknown = input;
  if (typeof input === 'string') {
    // Size first: JSON.parse on megabytes of nested brackets is the expensive part.
    if (input.length > MAX_PAYLOAD_BYTES || utf8ByteLength(input) > MAX_PAYLOAD_BYTES) {
      return invalid(`Cue payload is larger than ${MAX_PAYLOAD_BYTES} bytes.`);
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      return invalid(`Cue payload is not valid JSON: ${preview(input)}`, error);
    }
  } else if (input instanceof CuecartError) {
    return input;
  } else {
    let size: number;
    try {
      size = boundedJsonSize(input, MAX_PAYLOAD_BYTES);
    } catch (error) {
      // A host-made object whose getter or proxy trap throws.
      return invalid('Cue payload could not be read.', error);
    }
    if (size > MAX_PAYLOAD_BYTES) {
      return invalid(`Cue payload is larger than ${MAX_PAYLOAD_BYTES} bytes or too deeply nested.`);
    }
  }
  if (!isRecord(value)) return invalid('Cue payload is not a JSON object.');
  let payload: CuePayload;
  try {
    // Spread copies own fields as data: a `__proto__` key stays a plain field, not a prototype.
    payload = { ...value } as CuePayload;
  } catch (error) {
    // A host-made object whose getter throws.
    return invalid('Cue payload could not be read.', error);
  }
  if (typeof payload.product !== 'string' || payload.product.trim() === '') {
    return invalid('Cue payload has no "product" string.');
  }
  payload.product = payload.product.trim();
  if (payload.product.length > MAX_PRODUCT_ID_LENGTH) {
    return invalid(
      `Cue payload names a product id longer than ${MAX_PRODUCT_ID_LENGTH} characters.`,
    );
  }
  for (const field of STRING_FIELDS) {
    if (field in payload && typeof payload[field] !== 'string') delete payload[field];
  }
  for (const field of URL_FIELDS) {
    if (!(field in payload)) continue;
    const url = safeUrl(payload[field]);
    if (url !== undefined) payload[field] = url;
    else {
      if (isUnsafeUrl(payload[field])) {
        onProblem?.(
          `dropped its "${field}" ${preview(String(payload[field]), 40)}: only http(s) and relative URLs are allowed`,
        );
      }
      delete payload[field];
    }
  }
  if ('price' in payload && !isMinorUnits(payload.price)) delete payload.price;
  if ('duration' in payload && !isPositiveFinite(payload.duration)) delete payload.duration;
  return payload;
}

/**
 * Like {@link parseCuePayload}, but for text that may or may not be meant as a product cue (an
 * arbitrary ID3 text frame, say): returns `undefined` when the text does not look like a JSON
 * object mentioning `"product"`, and validates it otherwise.
 */
export function parseCandidatePayload(
  text: string,
  onProblem?: PayloadProblemSink,
): CuePayload | CuecartError | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('"product"')) return undefined;
  return parseCuePayload(trimmed, onProblem);
}

function isMinorUnits(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** A short, printable excerpt of bad input for error messages. */
export function preview(text: string, max = 60): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
