/**
 * GA4 ecommerce payloads from Cuecart's products, cart lines and carts: the `items[]` entries,
 * `value` and `currency` of the events Google documents for online stores
 * (https://developers.google.com/analytics/devguides/collection/ga4/ecommerce).
 * Pure functions: no DOM, no globals.
 * @module
 */
import type { Cart, CartLine, CartLineInput } from '../commerce/checkout-adapter.js';
import { currencyDigits } from '../commerce/money.js';
import type { Product, ProductVariant } from '../commerce/product.js';

/** One entry of a GA4 `items` array. Prices are in major units (dollars, not cents). */
export interface Ga4Item {
  item_id: string;
  item_name: string;
  item_variant?: string;
  price?: number;
  quantity?: number;
  item_list_id?: string;
  item_list_name?: string;
  /** Position in the list the item was selected from. */
  index?: number;
  /** Item-scoped custom parameter: the cue that featured the product. */
  cuecart_cue?: string;
}

/** The `ecommerce` object of a GA4 ecommerce event. */
export interface Ga4Ecommerce {
  currency?: string;
  value?: number;
  item_list_id?: string;
  item_list_name?: string;
  items: Ga4Item[];
}

/** Converts minor units to the major-unit number GA4 expects (1999 USD → 19.99, 1500 JPY → 1500). */
export function toMajorUnits(minor: number, currency: string | undefined): number {
  const digits = currency ? currencyDigits(currency) : 2;
  return Number((minor / 10 ** digits).toFixed(digits));
}

/** The variant a line or id names, by id or SKU. */
export function variantOf(
  product: Product,
  variantId: string | undefined,
): ProductVariant | undefined {
  if (!variantId) return undefined;
  return product.variants.find((v) => v.id === variantId || v.sku === variantId);
}

/** A GA4 item for a product (and optionally one of its variants). */
export function itemFromProduct(
  product: Product,
  currency: string | undefined,
  variant?: ProductVariant,
): Ga4Item {
  const item: Ga4Item = { item_id: product.id, item_name: product.title };
  const price = variant?.price ?? product.price;
  if (Number.isFinite(price)) item.price = toMajorUnits(price, currency);
  if (variant && variant.title && variant.title !== 'Default Title')
    item.item_variant = variant.title;
  return item;
}

/** A GA4 item for a confirmed cart line. */
export function itemFromCartLine(line: CartLine, currency: string | undefined): Ga4Item {
  const item: Ga4Item = {
    item_id: line.productId,
    item_name: line.title,
    price: toMajorUnits(line.price, currency),
    quantity: line.quantity,
  };
  if (line.variantTitle) item.item_variant = line.variantTitle;
  const cue = line.properties?._cuecart_cue;
  if (cue) item.cuecart_cue = cue;
  return item;
}

/**
 * The `add_to_cart` ecommerce object for an add the adapter confirmed with `cart`: the unit price
 * is the cart's own line price when the cart lists the variant (the store's price wins), else the
 * product's; `value` is unit price × added quantity.
 */
export function addToCartEcommerce(
  line: CartLineInput,
  cart: Cart | undefined,
  product: Product | undefined,
  fallbackCurrency: string | undefined,
): Ga4Ecommerce {
  const currency = cart?.currency || product?.currency || fallbackCurrency || undefined;
  const cartLine = cart?.lines.find((l) => l.variantId === line.variantId);
  const variant = product ? variantOf(product, line.variantId) : undefined;
  const unitMinor = cartLine?.price ?? variant?.price ?? product?.price;
  const item: Ga4Item = {
    item_id: line.productId,
    item_name: cartLine?.title ?? product?.title ?? line.productId,
    quantity: line.quantity,
  };
  const variantTitle = cartLine?.variantTitle ?? variant?.title;
  if (variantTitle && variantTitle !== 'Default Title') item.item_variant = variantTitle;
  const cue = line.properties?._cuecart_cue;
  if (cue) item.cuecart_cue = cue;
  const ecommerce: Ga4Ecommerce = { items: [item] };
  if (currency) ecommerce.currency = currency;
  if (unitMinor !== undefined && Number.isFinite(unitMinor)) {
    item.price = toMajorUnits(unitMinor, currency);
    ecommerce.value = toMajorUnits(unitMinor * line.quantity, currency);
  }
  return ecommerce;
}

/** The `begin_checkout` ecommerce object for a cart. */
export function checkoutEcommerce(cart: Cart, fallbackCurrency: string | undefined): Ga4Ecommerce {
  const currency = cart.currency || fallbackCurrency || undefined;
  const ecommerce: Ga4Ecommerce = {
    items: cart.lines.map((line) => itemFromCartLine(line, currency)),
    value: toMajorUnits(cart.subtotal, currency),
  };
  if (currency) ecommerce.currency = currency;
  return ecommerce;
}
