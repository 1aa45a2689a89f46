import { CuecartError } from '../internal/errors.js';
import { isRecord } from '../internal/is-record.js';
import { isUnsafeUrl, safeUrl } from '../internal/url-policy.js';
import { deadline, isAbortError } from './abort.js';
import type { ResolveProducts } from './product-catalog.js';
import type { Product, ProductVariant } from './product.js';
import {
  shopifyAmount,
  shopifyCurrency,
  shopifyRoot,
  shopifyUrl,
  type ShopifyWindow,
} from './shopify-conventions.js';

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Context for {@link productFromShopify}. */
export interface ShopifyProductContext {
  /** Presentment currency; amounts are converted to its minor units. */
  currency?: string | undefined;
  /** Store root, for a product `url` when the JSON has none. */
  root?: string | undefined;
  window?: ShopifyWindow | undefined;
  /**
   * Told, in a readable phrase, about each URL left out because it failed the URL policy
   * (`safeUrl`: only http(s) and relative URLs).
   */
  onProblem?: ((problem: string) => void) | undefined;
}

/** A URL from the store through the URL policy; an unsafe one is left out and described. */
function checkedUrl(
  value: unknown,
  what: string,
  context: ShopifyProductContext,
): string | undefined {
  const url = shopifyUrl(value, context.window);
  if (isUnsafeUrl(url)) {
    context.onProblem?.(`dropped the unsafe ${what}; only http(s) and relative URLs are allowed`);
  }
  return safeUrl(url);
}

function imageSrc(value: unknown, what: string, context: ShopifyProductContext) {
  return checkedUrl(isRecord(value) ? (value.src ?? value.url) : value, what, context);
}

/** An id or option value as text; only strings and numbers qualify (no `String()` of objects). */
const scalar = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

/**
 * Maps Shopify's product JSON (`/products/{handle}.js`) to a {@link Product}: option names,
 * variants with option1..3, availability, prices in true minor units, absolute image URLs.
 * `url` and image URLs pass the URL policy; unsafe ones are left out and told to
 * `context.onProblem`. Returns null when the JSON is not a product; never throws.
 */
export function productFromShopify(
  json: unknown,
  context: ShopifyProductContext = {},
): Product | null {
  try {
    return readShopifyProduct(json, context);
  } catch {
    return null;
  }
}

function readShopifyProduct(json: unknown, context: ShopifyProductContext): Product | null {
  if (!isRecord(json) || scalar(json.id) === undefined || !Array.isArray(json.variants)) {
    return null;
  }
  const { currency } = context;
  const variants: ProductVariant[] = [];
  for (const v of json.variants) {
    if (!isRecord(v) || scalar(v.id) === undefined) continue;
    const rawOptions: unknown[] = Array.isArray(v.options)
      ? v.options
      : [v.option1, v.option2, v.option3].filter((o) => o !== null && o !== undefined);
    const options = rawOptions.map(scalar).filter((o): o is string => o !== undefined);
    const variant: ProductVariant = {
      id: scalar(v.id)!,
      title: text(v.title) ?? text(v.public_title) ?? 'Default Title',
      price: shopifyAmount(v.price, currency),
      available: v.available !== false,
    };
    if (v.compare_at_price !== null && v.compare_at_price !== undefined) {
      const compareAt = shopifyAmount(v.compare_at_price, currency);
      if (compareAt > variant.price) variant.compareAtPrice = compareAt;
    }
    if (options.length) variant.options = options;
    const image = imageSrc(v.featured_image, `image of variant ${variant.id}`, context);
    if (image) variant.image = image;
    const sku = text(v.sku);
    if (sku) variant.sku = sku;
    variants.push(variant);
  }
  if (!variants.length) return null;
  const cheapest = variants.reduce((a, b) => (b.price < a.price ? b : a));
  const handle = text(json.handle);
  const product: Product = {
    id: scalar(json.id)!,
    title: text(json.title) ?? handle ?? scalar(json.id)!,
    price: cheapest.price,
    variants,
  };
  if (handle) product.handle = handle;
  if (cheapest.compareAtPrice) product.compareAtPrice = cheapest.compareAtPrice;
  if (currency) product.currency = currency;
  const url =
    json.url !== undefined && json.url !== null && json.url !== ''
      ? checkedUrl(json.url, '"url"', context)
      : handle
        ? safeUrl(
            `${shopifyRoot(context.root, context.window)}products/${encodeURIComponent(handle)}`,
          )
        : undefined;
  if (url) product.url = url;
  const images = Array.isArray(json.images) ? json.images : [];
  const image =
    imageSrc(json.featured_image, 'featured image', context) ??
    imageSrc(images[0], 'first image', context);
  if (image) product.image = image;
  if (Array.isArray(json.options)) {
    const names = json.options
      .map((o) => (isRecord(o) ? text(o.name) : text(o)))
      .filter((n): n is string => !!n);
    // Shopify's single-variant products carry the placeholder option "Title".
    if (names.length && !(names.length === 1 && names[0] === 'Title')) product.options = names;
  }
  return product;
}

/** Options of {@link shopifyProductResolver}. */
export interface ShopifyProductResolverOptions {
  /** Store root; defaults to `Shopify.routes.root`, else `/` (read at call time). */
  root?: string;
  fetch?: typeof fetch;
  window?: ShopifyWindow;
  /** Presentment currency; defaults to `Shopify.currency.active`. */
  currency?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/**
 * A `resolveProducts` hook that reads `{root}products/{handle}.js` for each id (ids are treated
 * as handles; numeric Shopify ids cannot be looked up this way). Missing products (404) are
 * left out; if every lookup failed for another reason the call rejects with the first failure.
 */
export function shopifyProductResolver(
  options: ShopifyProductResolverOptions = {},
): ResolveProducts {
  return async (ids, { signal, onError }) => {
    const root = shopifyRoot(options.root, options.window);
    const currency = options.currency ?? shopifyCurrency(options.window);
    const fetchFn = options.fetch ?? globalThis.fetch;
    const failures: unknown[] = [];
    const results = await Promise.all(
      ids.map(async (handle) => {
        const limit = deadline(options.timeoutMs ?? 15_000, signal);
        try {
          const response = await fetchFn(`${root}products/${encodeURIComponent(handle)}.js`, {
            signal: limit.signal,
            headers: { Accept: 'application/json' },
            credentials: 'same-origin',
          });
          if (response.status === 404) return null;
          if (!response.ok) throw new Error(`HTTP ${response.status} for product "${handle}"`);
          return productFromShopify(await response.json(), {
            currency,
            root,
            window: options.window,
            onProblem: (problem) =>
              onError?.(
                new CuecartError(
                  'products-load-failed',
                  `The store's product "${handle}" ${problem}.`,
                ),
              ),
          });
        } catch (error) {
          if (isAbortError(error) && signal.aborted) throw error;
          failures.push(
            limit.timedOut ? new Error(`Timed out loading product "${handle}"`) : error,
          );
          return null;
        } finally {
          limit.dispose();
        }
      }),
    );
    const found = results.filter((p): p is Product => p !== null);
    if (!found.length && failures.length) throw failures[0];
    return found;
  };
}
