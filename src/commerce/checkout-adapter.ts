import { SHOPPER_MESSAGES } from './shopper-messages.js';

/** What the shopper asked to add. */
export interface CartLineInput {
  /** Variant id (Shopify: the numeric variant id as a string). */
  variantId: string;
  productId: string;
  quantity: number;
  /**
   * Line properties. Keys starting with `_` are hidden from the shopper by Shopify themes;
   * Cuecart records `_cuecart_video` and `_cuecart_cue` there. The Shopify adapter does not send
   * them as line properties (they would split one variant over several lines): it records the
   * show as a cart attribute instead (its `attribution` option).
   */
  properties?: Record<string, string>;
}

/** One line of the host's cart. */
export interface CartLine {
  /** Line key used by `changeLine` (Shopify: the line item `key`). */
  key: string;
  variantId: string;
  productId: string;
  title: string;
  variantTitle?: string;
  quantity: number;
  /** Unit price in minor units. */
  price: number;
  /** Line total in minor units. */
  linePrice: number;
  image?: string;
  url?: string;
  properties?: Record<string, string>;
  /** True while the line is an optimistic guess the adapter has not confirmed yet. */
  pending?: boolean;
}

/** The host's cart as Cuecart mirrors it. */
export interface Cart {
  lines: CartLine[];
  /** Total quantity over all lines. */
  itemCount: number;
  /** Subtotal in minor units. */
  subtotal: number;
  currency: string;
  /** Where checkout happens, when the adapter knows. */
  checkoutUrl?: string;
}

/** Options passed to every adapter call. */
export interface AdapterCallOptions {
  signal: AbortSignal;
}

/**
 * Connects Cuecart to the host site's existing cart. Only `addToCart` is required.
 * Methods reject with a {@link CheckoutError} on failure.
 */
export interface CheckoutAdapter {
  addToCart(line: CartLineInput, opts: AdapterCallOptions): Promise<Cart>;
  changeLine?(key: string, quantity: number, opts: AdapterCallOptions): Promise<Cart>;
  getCart?(opts: AdapterCallOptions): Promise<Cart>;
  checkout?(cart: Cart): void | Promise<void>;
  /** Host-side cart changes (e.g. the theme's own cart drawer). Returns an unsubscribe function. */
  subscribe?(onChange: (cart: Cart) => void): () => void;
}

/**
 * Why a checkout call failed. `unconfirmed`: the store's answer was lost or unreadable and the
 * adapter could not tell from the cart whether the write happened (the cart may or may not
 * contain it; re-read the cart before retrying).
 */
export type CheckoutErrorReason =
  | 'out-of-stock'
  | 'quantity-limit'
  | 'rate-limited'
  | 'network'
  | 'timeout'
  | 'rejected'
  | 'unconfirmed';

/** The error every adapter rejects with; `message` is readable by a shopper. */
export class CheckoutError extends Error {
  /** Machine-readable reason. */
  readonly reason: CheckoutErrorReason;

  constructor(reason: CheckoutErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CheckoutError';
    this.reason = reason;
  }
}

/**
 * `error` as a {@link CheckoutError}: itself when it already is one; a failed `fetch` (the
 * `TypeError` browsers throw: "Failed to fetch", "Load failed", "NetworkError …") as `network`;
 * any other built-in error (`TypeError`, `ReferenceError`, … — a bug, not a message for
 * shoppers) as `rejected` with `fallback`; else `rejected` with its message (an `Error`'s message
 * or a thrown string, which hosts write for shoppers), or `fallback` when it has none.
 */
export function toCheckoutError(
  error: unknown,
  fallback = 'The store could not update the cart.',
): CheckoutError {
  if (error instanceof CheckoutError) return error;
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return new CheckoutError('network', SHOPPER_MESSAGES.network, { cause: error });
  }
  const builtIn =
    error instanceof TypeError ||
    error instanceof ReferenceError ||
    error instanceof RangeError ||
    error instanceof SyntaxError;
  const text =
    error instanceof Error && !builtIn
      ? error.message
      : typeof error === 'string'
        ? error
        : undefined;
  return new CheckoutError('rejected', text || fallback, { cause: error });
}

/** An empty cart in the given currency. */
export function emptyCart(currency = 'USD'): Cart {
  return { lines: [], itemCount: 0, subtotal: 0, currency };
}
