import {
  formatMessage,
  playerMessages,
  readMessages,
  type PlayerMessages,
  type ShopMessages,
} from './player-messages.js';

export { formatMessage, readMessages };
export type { PlayerMessages, ShopMessages };

/**
 * Every string Cuecart's UI shows or announces, in English. Hosts translate or reword any subset
 * through the `messages` property (an object) or the `messages` attribute (JSON) of each element;
 * the player passes its merged table down to the elements it renders.
 *
 * Placeholders are `{name}` and are filled by {@link formatMessage}. Keys ending in `One` / `Other`
 * are plural pairs chosen with `Intl.PluralRules` by {@link pluralMessage}.
 */
export interface CuecartMessages extends PlayerMessages, ShopMessages {}

/** The shopping elements' English strings. */
const shopMessages: Readonly<ShopMessages> = {
  addToCart: 'Add to cart',
  adding: 'Adding…',
  added: 'Added',
  addedAnnouncement: '{title} added to cart',
  soldOut: 'Sold out',
  optionSoldOut: '{value} (sold out)',
  chooseOption: 'Choose {option}',
  variant: 'Variant',
  quantity: 'Quantity',
  decreaseQuantity: 'Decrease quantity',
  increaseQuantity: 'Increase quantity',
  sale: 'Sale price',
  regularPrice: 'Regular price',
  viewProduct: 'View {title}',

  jumpTo: 'Jump to {time}',
  productListEmpty: 'Products appear here as they are featured.',
  featuredNow: 'Featured now',
  productMarkers: 'Featured products',
  markerLabel: '{product} at {time}',

  cart: 'Cart',
  cartCountOne: 'Cart, {count} item',
  cartCountOther: 'Cart, {count} items',
  yourCart: 'Your cart',
  closeCart: 'Close cart',
  emptyCart: 'Your cart is empty',
  continueShopping: 'Continue watching',
  subtotal: 'Subtotal',
  taxesNote: 'Taxes and shipping are calculated at checkout.',
  checkout: 'Checkout',
  remove: 'Remove',
  removeLine: 'Remove {title}',
  eachPrice: '{price} each',
  lineQuantity: 'Quantity of {title}',
  cartUpdating: 'Updating cart…',

  addError: 'Could not add to cart. Please try again.',
  cartError: 'Could not update your cart. Please try again.',
  checkoutError: 'Could not start checkout. Please try again.',
  outOfStock: 'This item just sold out.',
  quantityLimit: 'You already have the maximum quantity in your cart.',
  rateLimited: 'Too many requests. Please wait a moment and try again.',
  networkError: 'No connection. Check your network and try again.',
  timeoutError: 'The store took too long to answer. Please try again.',
  productUnavailable: 'This product is not available.',
};

/** The built-in English table. Frozen: merge with {@link mergeMessages} instead of mutating. */
export const defaultMessages: Readonly<CuecartMessages> = Object.freeze({
  ...playerMessages,
  ...shopMessages,
});

/**
 * The full table with `partial` applied over the English defaults. Unknown keys and non-string
 * values are ignored, so a stale or hand-written JSON attribute cannot break rendering.
 */
export function mergeMessages(partial?: Partial<CuecartMessages> | null): CuecartMessages {
  const merged: CuecartMessages = { ...defaultMessages };
  if (!partial || typeof partial !== 'object') return merged;
  for (const key of Object.keys(partial) as Array<keyof CuecartMessages>) {
    const value = partial[key];
    if (Object.hasOwn(defaultMessages, key) && typeof value === 'string') merged[key] = value;
  }
  return merged;
}

/** Keys of plural pairs: `${base}One` and `${base}Other` both exist in {@link CuecartMessages}. */
export type PluralMessageBase = 'cartCount';

/**
 * Picks the `One` or `Other` form of a plural pair for `count` in `locale`, then fills
 * `{count}` (and any other `values`).
 */
export function pluralMessage(
  messages: CuecartMessages,
  base: PluralMessageBase,
  count: number,
  locale?: string,
  values: Record<string, string | number> = {},
): string {
  let category: Intl.LDMLPluralRule = 'other';
  try {
    category = new Intl.PluralRules(locale).select(count);
  } catch {
    category = count === 1 ? 'one' : 'other';
  }
  const template = category === 'one' ? messages[`${base}One`] : messages[`${base}Other`];
  return formatMessage(template, { count, ...values });
}

/**
 * Lit property converter for the `messages` attribute: JSON in, a partial table out. Invalid JSON
 * yields `undefined` (English defaults) rather than an exception during attribute parsing.
 *
 * ```html
 * <cuecart-mini-cart messages='{"checkout": "Zur Kasse"}'></cuecart-mini-cart>
 * ```
 */
export const messagesConverter = {
  fromAttribute(value: string | null): Partial<CuecartMessages> | undefined {
    return readMessages(value).messages;
  },
  toAttribute(value: Partial<CuecartMessages> | undefined): string | null {
    return value ? JSON.stringify(value) : null;
  },
};
