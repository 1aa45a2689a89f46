import { isRecord } from '../internal/is-record.js';
import { safeUrl } from '../internal/url-policy.js';
import type { Product, ProductVariant } from './product.js';

/** What {@link parseProductFeed} made of a feed document. */
export interface ParsedProductFeed {
  /** The valid products, each with `currency` filled from the feed when it had none. */
  products: Product[];
  currency?: string;
  /**
   * One readable line per product that was skipped (`products[3]: no "title"`) and per unsafe
   * URL that was left out of a kept product.
   */
  problems: string[];
}

/** Longest product or variant id and handle accepted (Shopify's handles are at most 255). */
export const MAX_ID_LENGTH = 256;
/** Longest title, option value, SKU or currency accepted. */
export const MAX_TEXT_LENGTH = 1024;
/** Longest description accepted. */
export const MAX_DESCRIPTION_LENGTH = 64 * 1024;
/** Most variants one product may have (Shopify's own limit is 2,048). */
export const MAX_VARIANTS = 2048;
/** Most option values one variant may have, and option names one product may have. */
const MAX_OPTIONS = 3;

/** Thrown inside the parser for a product that must be skipped; caught in {@link parseProduct}. */
class Skip {
  constructor(readonly reason: string) {}
}

const tooLong = (what: string, max: number) => new Skip(`${what} is longer than ${max} characters`);

function idOf(value: unknown, what: string): string | undefined {
  const id =
    typeof value === 'string' && value !== ''
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : undefined;
  if (id !== undefined && id.length > MAX_ID_LENGTH) throw tooLong(what, MAX_ID_LENGTH);
  return id;
}

const money = (value: unknown): number | undefined =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value >= 0 &&
  value <= Number.MAX_SAFE_INTEGER
    ? Math.round(value)
    : undefined;

function optionalString(value: unknown, what: string, max = MAX_TEXT_LENGTH): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.length > max) throw tooLong(what, max);
  return value;
}

/**
 * Option names or values: strings (numbers are accepted and written as strings). Anything else —
 * an object, a nested array — skips the product: `String()` of a 20,000-level nested array would
 * overflow the stack.
 */
function optionList(value: unknown, what: string): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length > MAX_OPTIONS * 100) throw new Skip(`${what} has too many entries`);
  return value.map((entry) => {
    if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
    if (typeof entry !== 'string') throw new Skip(`${what} holds a value that is not a string`);
    if (entry.length > MAX_TEXT_LENGTH) throw tooLong(what, MAX_TEXT_LENGTH);
    return entry;
  });
}

/**
 * A URL field through the URL policy: http(s) and relative URLs are kept as the browser would
 * read them; anything else is left out and noted (the product itself is still shown).
 */
function urlField(value: unknown, what: string, notes: string[] | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const url = safeUrl(value);
  if (url === undefined) {
    notes?.push(
      `dropped the unsafe ${what} ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `(${typeof value})`}; only http(s) and relative URLs are allowed`,
    );
  }
  return url;
}

function parseVariant(
  raw: unknown,
  fallbackPrice: number | undefined,
  notes: string[] | undefined,
): ProductVariant | string {
  if (!isRecord(raw)) return 'a variant is not an object';
  const id = idOf(raw.id, 'a variant "id"');
  if (!id) return 'a variant has no "id"';
  const price = money(raw.price) ?? fallbackPrice;
  if (price === undefined) return `variant ${id} has no "price"`;
  const variant: ProductVariant = {
    id,
    title: optionalString(raw.title, `variant ${id}'s "title"`) ?? 'Default',
    price,
    available: raw.available !== false,
  };
  const compareAtPrice = money(raw.compareAtPrice);
  if (compareAtPrice !== undefined) variant.compareAtPrice = compareAtPrice;
  const options = optionList(raw.options, `variant ${id}'s "options"`);
  if (options) variant.options = options;
  const image = urlField(raw.image, `"image" of variant ${id}`, notes);
  if (image) variant.image = image;
  const sku = optionalString(raw.sku, `variant ${id}'s "sku"`);
  if (sku) variant.sku = sku;
  return variant;
}

function readProduct(raw: unknown, currency: string | undefined, notes: string[] | undefined) {
  if (!isRecord(raw)) return 'not an object';
  const id = idOf(raw.id, 'its "id"');
  if (!id) return 'no "id"';
  const title = optionalString(raw.title, `product ${id}'s "title"`);
  if (!title) return `product ${id} has no "title"`;
  const ownPrice = money(raw.price);
  const variants: ProductVariant[] = [];
  const own: string[] = [];
  if (Array.isArray(raw.variants) && raw.variants.length > 0) {
    if (raw.variants.length > MAX_VARIANTS) {
      return `product ${id} has more than ${MAX_VARIANTS} variants`;
    }
    for (const v of raw.variants) {
      const parsed = parseVariant(v, ownPrice, own);
      if (typeof parsed === 'string') return `product ${id}: ${parsed}`;
      variants.push(parsed);
    }
  } else if (ownPrice !== undefined) {
    variants.push({ id, title: 'Default', price: ownPrice, available: raw.available !== false });
  } else {
    return `product ${id} has no "price" and no variants`;
  }
  const product: Product = {
    id,
    title,
    // Not Math.min(...prices): spreading thousands of arguments can overflow the stack.
    price: ownPrice ?? variants.reduce((min, v) => (v.price < min ? v.price : min), Infinity),
    variants,
  };
  const handle = optionalString(raw.handle, `product ${id}'s "handle"`, MAX_ID_LENGTH);
  if (handle) product.handle = handle;
  const url = urlField(raw.url, `"url" of product ${id}`, own);
  if (url) product.url = url;
  const image = urlField(raw.image, `"image" of product ${id}`, own);
  if (image) product.image = image;
  const description = optionalString(
    raw.description,
    `product ${id}'s "description"`,
    MAX_DESCRIPTION_LENGTH,
  );
  if (description) product.description = description;
  const compareAtPrice = money(raw.compareAtPrice);
  if (compareAtPrice !== undefined) product.compareAtPrice = compareAtPrice;
  const ownCurrency = optionalString(raw.currency, `product ${id}'s "currency"`) ?? currency;
  if (ownCurrency) product.currency = ownCurrency;
  const options = optionList(raw.options, `product ${id}'s "options"`);
  if (options) product.options = options.slice(0, MAX_OPTIONS);
  notes?.push(...own);
  return product;
}

/**
 * Validates one product of a feed (or of a host's `productList`). Returns the product, or a
 * readable reason it was rejected. A product without variants gets one variant carrying its
 * own id and price, so every product can be added to a cart.
 *
 * Limits (a product over one is skipped, the rest of the feed is kept): ids and handles of at
 * most {@link MAX_ID_LENGTH} characters, texts of at most {@link MAX_TEXT_LENGTH} (description
 * {@link MAX_DESCRIPTION_LENGTH}), at most {@link MAX_VARIANTS} variants, options that are
 * strings. `url` and `image` fields pass the URL policy (`safeUrl`): an unsafe one is left out
 * and described in `notes`, and the product is kept. Never throws, even for a host-made object
 * whose getters throw.
 */
export function parseProduct(raw: unknown, currency?: string, notes?: string[]): Product | string {
  try {
    return readProduct(raw, currency, notes);
  } catch (error) {
    if (error instanceof Skip) return error.reason;
    return `could not be read (${error instanceof Error ? error.name : typeof error})`;
  }
}

/**
 * Reads a product feed document (SPEC "Product feed"). Returns null when the document itself
 * is unusable (not an object, no `products` array); bad products are skipped and listed in
 * `problems` so one typo does not hide the whole catalogue.
 */
export function parseProductFeed(json: unknown): ParsedProductFeed | null {
  if (!isRecord(json) || !Array.isArray(json.products)) return null;
  const currency =
    typeof json.currency === 'string' && json.currency && json.currency.length <= MAX_TEXT_LENGTH
      ? json.currency
      : undefined;
  const products: Product[] = [];
  const problems: string[] = [];
  json.products.forEach((raw, index) => {
    const notes: string[] = [];
    const parsed = parseProduct(raw, currency, notes);
    if (typeof parsed === 'string') problems.push(`products[${index}]: ${parsed}`);
    else products.push(parsed);
    for (const note of notes) problems.push(`products[${index}]: ${note}`);
  });
  const result: ParsedProductFeed = { products, problems };
  if (currency) result.currency = currency;
  return result;
}
