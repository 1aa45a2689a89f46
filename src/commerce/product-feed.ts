import { isRecord } from '../internal/is-record.js';
import type { Product, ProductVariant } from './product.js';

/** What {@link parseProductFeed} made of a feed document. */
export interface ParsedProductFeed {
  /** The valid products, each with `currency` filled from the feed when it had none. */
  products: Product[];
  currency?: string;
  /** One readable line per product that was skipped, e.g. `products[3]: no "title"`. */
  problems: string[];
}

const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;

const money = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function parseVariant(raw: unknown, fallbackPrice: number | undefined): ProductVariant | string {
  if (!isRecord(raw)) return 'a variant is not an object';
  const id = idOf(raw.id);
  if (!id) return 'a variant has no "id"';
  const price = money(raw.price) ?? fallbackPrice;
  if (price === undefined) return `variant ${id} has no "price"`;
  const variant: ProductVariant = {
    id,
    title: optionalString(raw.title) ?? 'Default',
    price,
    available: raw.available !== false,
  };
  const compareAtPrice = money(raw.compareAtPrice);
  if (compareAtPrice !== undefined) variant.compareAtPrice = compareAtPrice;
  if (Array.isArray(raw.options)) variant.options = raw.options.map(String);
  const image = optionalString(raw.image);
  if (image) variant.image = image;
  const sku = optionalString(raw.sku);
  if (sku) variant.sku = sku;
  return variant;
}

/**
 * Validates one product of a feed (or of a host's `productList`). Returns the product, or a
 * readable reason it was rejected. A product without variants gets one variant carrying its
 * own id and price, so every product can be added to a cart.
 */
export function parseProduct(raw: unknown, currency?: string): Product | string {
  if (!isRecord(raw)) return 'not an object';
  const id = idOf(raw.id);
  if (!id) return 'no "id"';
  const title = optionalString(raw.title);
  if (!title) return `product ${id} has no "title"`;
  const ownPrice = money(raw.price);
  const variants: ProductVariant[] = [];
  if (Array.isArray(raw.variants) && raw.variants.length > 0) {
    for (const v of raw.variants) {
      const parsed = parseVariant(v, ownPrice);
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
    price: ownPrice ?? Math.min(...variants.map((v) => v.price)),
    variants,
  };
  const handle = optionalString(raw.handle);
  if (handle) product.handle = handle;
  for (const key of ['url', 'image', 'description'] as const) {
    const value = optionalString(raw[key]);
    if (value) product[key] = value;
  }
  const compareAtPrice = money(raw.compareAtPrice);
  if (compareAtPrice !== undefined) product.compareAtPrice = compareAtPrice;
  const ownCurrency = optionalString(raw.currency) ?? currency;
  if (ownCurrency) product.currency = ownCurrency;
  if (Array.isArray(raw.options)) product.options = raw.options.slice(0, 3).map(String);
  return product;
}

/**
 * Reads a product feed document (SPEC "Product feed"). Returns null when the document itself
 * is unusable (not an object, no `products` array); bad products are skipped and listed in
 * `problems` so one typo does not hide the whole catalogue.
 */
export function parseProductFeed(json: unknown): ParsedProductFeed | null {
  if (!isRecord(json) || !Array.isArray(json.products)) return null;
  const currency = optionalString(json.currency);
  const products: Product[] = [];
  const problems: string[] = [];
  json.products.forEach((raw, index) => {
    const parsed = parseProduct(raw, currency);
    if (typeof parsed === 'string') problems.push(`products[${index}]: ${parsed}`);
    else products.push(parsed);
  });
  const result: ParsedProductFeed = { products, problems };
  if (currency) result.currency = currency;
  return result;
}
