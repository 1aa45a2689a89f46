/** Where a cue came from. */
export type CueSource = 'id3' | 'emsg' | 'daterange' | 'webvtt' | 'json' | 'datacue' | 'api';

/**
 * A product cue's payload: what the encoder, packager or cue list said about the product.
 * Prices are in minor units (cents); `duration` is in seconds.
 */
export interface CuePayload {
  /** Product id or handle. Required. */
  product: string;
  variant?: string;
  title?: string;
  price?: number;
  currency?: string;
  image?: string;
  url?: string;
  duration?: number;
  /** Unknown fields are kept so hosts can read their own data from events. */
  [key: string]: unknown;
}

/**
 * One product cue, normalised from whichever carrier brought it. Times are media time in seconds
 * (the `<video>` element's `currentTime` scale).
 */
export interface ProductCue {
  /** Stable id: the same cue seen twice (playlist reloads, re-parsed segments) has the same id. */
  id: string;
  /** Media time at which the product is featured. */
  start: number;
  /** Media time at which it stops being featured; absent = until the next product cue. */
  end?: number;
  /** Wall-clock time of `start` (ms since epoch) when the stream carries program date-time. */
  startDate?: number;
  payload: CuePayload;
  source: CueSource;
}

/**
 * Builds the stable id of a cue that has no id of its own in its carrier: the same source, start
 * (rounded to the millisecond, so float noise between re-parses does not matter) and product /
 * variant always give the same id, whichever fragment, rendition or playlist reload delivered it.
 */
export function cueId(source: CueSource, start: number, payload: CuePayload): string {
  const ms = Math.round(start * 1000);
  const variant = typeof payload.variant === 'string' ? payload.variant : '';
  return `${source}:${ms}:${encodeURIComponent(payload.product)}:${encodeURIComponent(variant)}`;
}
