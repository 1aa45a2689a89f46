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

/** Transport settings of the Shopify adapter. */
export interface ShopifyHttpOptions {
  fetch?: typeof fetch | undefined;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 409. */
  retries: number;
  /** First backoff step; doubles each attempt, plus up to 50% jitter. */
  retryDelayMs: number;
  /** A `Retry-After` longer than this fails at once with `rate-limited` instead of waiting. */
  maxRetryDelayMs: number;
}

type Json = Record<string, unknown>;

const MESSAGES: Record<CheckoutErrorReason, string> = {
  'out-of-stock': 'This item is sold out.',
  'quantity-limit': 'No more of this item can be added to the cart.',
  'rate-limited': 'The store is busy right now. Please try again in a moment.',
  network: 'Could not reach the store. Check your connection and try again.',
  timeout: 'The store took too long to answer. Please try again.',
  rejected: 'The store could not update the cart.',
};

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

/** The CheckoutError for a failed AJAX API response (status + parsed JSON body, if any). */
export function checkoutErrorFromShopify(status: number, body: unknown): CheckoutError {
  const description = isRecord(body)
    ? [body.description, body.message].find((v): v is string => typeof v === 'string' && !!v)
    : undefined;
  let reason: CheckoutErrorReason = 'rejected';
  if (status === 429) reason = 'rate-limited';
  else if (status === 422 && description) reason = reasonFromShopifyText(description) ?? 'rejected';
  const fallback = status === 404 ? 'This product is no longer available.' : MESSAGES[reason];
  const message = description && description !== 'Cart Error' ? description : fallback;
  return new CheckoutError(reason, message, { cause: { status, body } });
}

const checkoutError = (reason: CheckoutErrorReason, cause?: unknown) =>
  new CheckoutError(reason, MESSAGES[reason], { cause });

/**
 * One AJAX API call with the adapter's failure policy: per-attempt timeout merged with the
 * caller's signal; 429 retried after `Retry-After` (or exponential backoff) with jitter; 409
 * (another write to the same cart in progress) retried with backoff; everything else mapped to
 * a CheckoutError. Resolves with the parsed JSON body.
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
        body = textBody;
      }
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (limit.timedOut) throw checkoutError('timeout', error);
      if (isAbortError(error)) throw error;
      throw checkoutError('network', error);
    } finally {
      limit.dispose();
    }
    if (response.ok) {
      if (body === undefined || typeof body === 'string') {
        throw new CheckoutError('rejected', MESSAGES.rejected, { cause: body });
      }
      return body;
    }
    const retriable = response.status === 429 || response.status === 409;
    if (!retriable || attempt >= options.retries)
      throw checkoutErrorFromShopify(response.status, body);
    const backoff = options.retryDelayMs * 2 ** attempt;
    const asked =
      response.status === 429 ? retryAfterMs(response.headers.get('Retry-After')) : null;
    if (asked !== null && asked > options.maxRetryDelayMs) {
      throw checkoutErrorFromShopify(response.status, body);
    }
    // Jitter spreads retries of many shoppers (and many players on one page) apart.
    await sleep(Math.max(asked ?? 0, backoff) + Math.random() * backoff * 0.5, signal);
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
    throw new CheckoutError('rejected', MESSAGES.rejected, { cause: json });
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
