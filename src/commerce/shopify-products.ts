import { isRecord } from '../internal/is-record.js';
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
}

function imageSrc(value: unknown, win?: ShopifyWindow): string | undefined {
  if (isRecord(value)) return shopifyUrl(value.src ?? value.url, win);
  return shopifyUrl(value, win);
}

/**
 * Maps Shopify's product JSON (`/products/{handle}.js`) to a {@link Product}: option names,
 * variants with option1..3, availability, prices in true minor units, absolute image URLs.
 * Returns null when the JSON is not a product.
 */
export function productFromShopify(
  json: unknown,
  context: ShopifyProductContext = {},
): Product | null {
  if (!isRecord(json) || json.id === undefined || !Array.isArray(json.variants)) return null;
  const { currency, window: win } = context;
  const variants: ProductVariant[] = json.variants.filter(isRecord).map((v) => {
    const options = Array.isArray(v.options)
      ? v.options.map(String)
      : [v.option1, v.option2, v.option3].filter((o) => o !== null && o !== undefined).map(String);
    const variant: ProductVariant = {
      id: String(v.id),
      title: text(v.title) ?? text(v.public_title) ?? 'Default Title',
      price: shopifyAmount(v.price, currency),
      available: v.available !== false,
    };
    if (v.compare_at_price !== null && v.compare_at_price !== undefined) {
      const compareAt = shopifyAmount(v.compare_at_price, currency);
      if (compareAt > variant.price) variant.compareAtPrice = compareAt;
    }
    if (options.length) variant.options = options;
    const image = imageSrc(v.featured_image, win);
    if (image) variant.image = image;
    const sku = text(v.sku);
    if (sku) variant.sku = sku;
    return variant;
  });
  if (!variants.length) return null;
  const cheapest = variants.reduce((a, b) => (b.price < a.price ? b : a));
  const handle = text(json.handle);
  const product: Product = {
    id: String(json.id),
    title: text(json.title) ?? handle ?? String(json.id),
    price: cheapest.price,
    variants,
  };
  if (handle) product.handle = handle;
  if (cheapest.compareAtPrice) product.compareAtPrice = cheapest.compareAtPrice;
  if (currency) product.currency = currency;
  const url =
    text(json.url) ?? (handle ? `${shopifyRoot(context.root, win)}products/${handle}` : '');
  if (url) product.url = url;
  const images = Array.isArray(json.images) ? json.images : [];
  const image = imageSrc(json.featured_image, win) ?? imageSrc(images[0], win);
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
  return async (ids, { signal }) => {
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
