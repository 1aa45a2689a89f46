import { isRecord } from '../../internal/is-record.js';
import { abortReason, deadline, isAbortError, sleep } from '../abort.js';
import { stringProperties } from '../cart.js';
import {
  CheckoutError,
  type Cart,
  type CartLine,
  type CheckoutErrorReason,
} from '../checkout-adapter.js';
import { shopifyAmount, shopifyUrl, type ShopifyWindow } from '../shopify-conventions.js';
import { PRODUCT_UNAVAILABLE_MESSAGE, SHOPPER_MESSAGES } from '../shopper-messages.js';

/** Transport settings of the Shopify adapter. */
export interface ShopifyHttpOptions {
  fetch?: typeof fetch | undefined;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 429, a 409 or a 503 with `Retry-After`. */
  retries: number;
  /** First backoff step; doubles each attempt, plus up to 50% jitter. */
  retryDelayMs: number;
  /** A `Retry-After` longer than this fails at once with `rate-limited` instead of waiting. */
  maxRetryDelayMs: number;
}

type Json = Record<string, unknown>;

/**
 * The `cause` of every CheckoutError thrown by {@link shopifyRequest}: what the store answered,
 * and whether the request may have been applied although it failed (timeout, connection lost
 * after sending, 5xx, unreadable 200 body). Writes that fail ambiguously must be reconciled
 * against the cart before the failure is reported; see {@link isAmbiguousFailure}.
 */
export interface ShopifyFailure {
  /** True when the store may have applied the request. */
  ambiguous: boolean;
  status?: number;
  body?: unknown;
  error?: unknown;
}

/** True when `error` is a failure after which the store may still have applied the write. */
export function isAmbiguousFailure(error: unknown): boolean {
  return (
    error instanceof CheckoutError &&
    isRecord(error.cause) &&
    (error.cause as Partial<ShopifyFailure>).ambiguous === true
  );
}

/** Seconds (possibly fractional) or an HTTP date, as `Retry-After` allows; null if absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Reads Shopify's 422 wording. Shopify sends no machine code: "… is already sold out." means
 * out of stock; "You can only add 3 …" and "All 3 … are in your cart." mean a quantity limit.
 */
export function reasonFromShopifyText(text: string): CheckoutErrorReason | null {
  if (/sold out|out of stock|no longer available|unavailable/i.test(text)) return 'out-of-stock';
  if (/can only add|only \d+|all \d+ .* in your cart|maximum|limit|not enough/i.test(text)) {
    return 'quantity-limit';
  }
  return null;
}

/**
 * The CheckoutError for a failed AJAX API response (status + parsed JSON body, if any). Only a
 * 422's `description` is Shopify's text for shoppers ("… is already sold out."); every other
 * answer gets Cuecart's own message, so a shopper never reads "Internal Server Error".
 */
export function checkoutErrorFromShopify(status: number, body: unknown): CheckoutError {
  const description =
    isRecord(body) && typeof body.description === 'string' ? body.description.trim() : '';
  let reason: CheckoutErrorReason = 'rejected';
  if (status === 429 || status === 503) reason = 'rate-limited';
  else if (status === 422 && description) reason = reasonFromShopifyText(description) ?? 'rejected';
  let message = SHOPPER_MESSAGES[reason];
  if (status === 404) message = PRODUCT_UNAVAILABLE_MESSAGE;
  else if (status === 422 && description && description !== 'Cart Error') message = description;
  const cause: ShopifyFailure = { ambiguous: status >= 500, status, body };
  return new CheckoutError(reason, message, { cause });
}

const checkoutError = (reason: CheckoutErrorReason, cause: ShopifyFailure) =>
  new CheckoutError(reason, SHOPPER_MESSAGES[reason], { cause });

/**
 * One AJAX API call with the adapter's failure policy: per-attempt timeout merged with the
 * caller's signal; 429, and 503 with `Retry-After` (the store saying "not now", RFC 9110
 * §15.6.4), retried after `Retry-After` (or exponential backoff) with jitter; 409 (another write
 * to the same cart in progress) retried with backoff; everything else mapped to a CheckoutError
 * whose cause says whether the request may have been applied ({@link ShopifyFailure}).
 * Resolves with the parsed JSON body.
 */
export async function shopifyRequest(
  url: string,
  init: { method: 'GET' | 'POST'; body?: unknown },
  options: ShopifyHttpOptions,
  signal: AbortSignal,
): Promise<unknown> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) throw abortReason(signal);
    const limit = deadline(options.timeoutMs, signal);
    let response: Response;
    let body: unknown;
    let readable = true;
    try {
      response = await fetchFn(url, {
        method: init.method,
        signal: limit.signal,
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'X-Requested-With': 'XMLHttpRequest',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const textBody = await response.text();
      try {
        body = textBody ? JSON.parse(textBody) : undefined;
      } catch {
        readable = false;
        body = textBody;
      }
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      // A request that was sent may have been applied, whatever stopped its answer.
      if (limit.timedOut) throw checkoutError('timeout', { ambiguous: true, error });
      if (isAbortError(error)) throw error;
      throw checkoutError('network', { ambiguous: true, error });
    } finally {
      limit.dispose();
    }
    if (response.ok) {
      if (!readable || !isRecord(body)) {
        throw checkoutError('rejected', { ambiguous: true, status: response.status, body });
      }
      return body;
    }
    const asked = retryAfterMs(response.headers.get('Retry-After'));
    const retriable =
      response.status === 429 ||
      response.status === 409 ||
      (response.status === 503 && asked !== null);
    if (!retriable || attempt >= options.retries)
      throw checkoutErrorFromShopify(response.status, body);
    const backoff = options.retryDelayMs * 2 ** attempt;
    const wait = response.status === 409 ? null : asked;
    if (wait !== null && wait > options.maxRetryDelayMs) {
      throw checkoutErrorFromShopify(response.status, body);
    }
    // Jitter spreads retries of many shoppers (and many players on one page) apart.
    await sleep(Math.max(wait ?? 0, backoff) + Math.random() * backoff * 0.5, signal);
  }
}

function lineFromShopify(item: Json, currency: string, win?: ShopifyWindow): CartLine {
  const variantTitle = typeof item.variant_title === 'string' ? item.variant_title : undefined;
  const quantity = typeof item.quantity === 'number' ? item.quantity : 0;
  const price = shopifyAmount(item.final_price ?? item.price, currency);
  const line: CartLine = {
    key: String(item.key ?? item.variant_id ?? item.id),
    variantId: String(item.variant_id ?? item.id),
    productId: String(item.product_id ?? ''),
    title: String(item.product_title ?? item.title ?? ''),
    quantity,
    price,
    linePrice: shopifyAmount(
      item.final_line_price ?? item.line_price ?? Number(item.price) * quantity,
      currency,
    ),
  };
  if (variantTitle && variantTitle !== 'Default Title') line.variantTitle = variantTitle;
  const featured = isRecord(item.featured_image) ? item.featured_image.url : undefined;
  const image = shopifyUrl(item.image ?? featured, win);
  if (image) line.image = image;
  if (typeof item.url === 'string') line.url = item.url;
  const properties = stringProperties(item.properties);
  if (properties) line.properties = properties;
  return line;
}

/** Maps Shopify's cart JSON (`cart.js`, `cart/change.js`) to a {@link Cart}. */
export function cartFromShopify(
  json: unknown,
  context: { root: string; window?: ShopifyWindow },
): Cart {
  if (!isRecord(json) || !Array.isArray(json.items)) {
    throw new CheckoutError('rejected', SHOPPER_MESSAGES.rejected, { cause: json });
  }
  const currency = typeof json.currency === 'string' ? json.currency : 'USD';
  const lines = json.items
    .filter(isRecord)
    .map((item) => lineFromShopify(item, currency, context.window));
  return {
    lines,
    itemCount:
      typeof json.item_count === 'number'
        ? json.item_count
        : lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: shopifyAmount(json.total_price, currency),
    currency,
    checkoutUrl: `${context.root}checkout`,
  };
}
