/**
 * Every failure Cuecart reports to the host page has one of these codes. The code is stable
 * (documented in `docs/errors.md`); the message is for humans and may change.
 */
export type CuecartErrorCode =
  /** The media source could not be loaded (404, network failure, garbage playlist). */
  | 'media-load-failed'
  /** The source type cannot be played in this browser. */
  | 'media-unsupported'
  /** Playback failed while decoding and could not be recovered. */
  | 'media-decode-failed'
  /** Not fatal: a media segment could not be loaded under the retry policy and was skipped. */
  | 'media-segment-skipped'
  /** A cue was dropped: not JSON, no `product`, over the size limit, or malformed carrier. */
  | 'cue-invalid'
  /** The side-car cue list (`cues` attribute) could not be loaded or parsed. */
  | 'cues-load-failed'
  /** The product feed (`products` attribute) could not be loaded or parsed. */
  | 'products-load-failed'
  /** A cue names a product that is neither in the feed nor resolvable, and its payload is too thin to show. */
  | 'product-unknown'
  /** Adding to the cart failed; `cause` is the adapter's `CheckoutError`. */
  | 'add-to-cart-failed'
  /** Changing or removing a cart line failed. */
  | 'cart-change-failed'
  /** Reading the cart from the adapter failed. */
  | 'cart-load-failed'
  /** Checkout could not be started. */
  | 'checkout-failed'
  /** An attribute or property had a value Cuecart cannot use. */
  | 'config-invalid';

/** The `detail` of a `cuecart-error` event. */
export interface CuecartErrorDetail {
  /** Stable, documented error code. */
  code: CuecartErrorCode;
  /** A readable sentence, fit to show to a shopper or log for a developer. */
  message: string;
  /** The underlying error or value, when there is one. */
  cause?: unknown;
}

/**
 * A typed Cuecart failure. Plain-TypeScript modules report these through an `onError` callback
 * instead of throwing, so bad input never breaks playback, the cart or the host page.
 */
export class CuecartError extends Error implements CuecartErrorDetail {
  /** Stable, documented error code. */
  readonly code: CuecartErrorCode;

  constructor(code: CuecartErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CuecartError';
    this.code = code;
  }

  /** The plain object carried as a `cuecart-error` event's detail. */
  toDetail(): CuecartErrorDetail {
    return { code: this.code, message: this.message, cause: this.cause };
  }
}

/** A sink for non-fatal errors; modules call it instead of throwing. */
export type ErrorSink = (error: CuecartError) => void;
