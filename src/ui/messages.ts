/**
 * Every string Cuecart's UI shows or announces, in English. Hosts translate or reword any subset
 * through the `messages` property (an object) or the `messages` attribute (JSON) of each element;
 * the player passes its merged table down to the elements it renders.
 *
 * Placeholders are `{name}` and are filled by {@link formatMessage}. Keys ending in `One` / `Other`
 * are plural pairs chosen with `Intl.PluralRules` by {@link pluralMessage}.
 */
export interface CuecartMessages {
  // Player and controls
  /** Accessible name of the player region. */
  playerLabel: string;
  play: string;
  pause: string;
  mute: string;
  unmute: string;
  volume: string;
  /** Accessible name of the seek slider. */
  seek: string;
  /** `aria-valuetext` of the seek slider. */
  seekValue: string;
  /** Badge shown on a live stream at the live edge. */
  live: string;
  goToLive: string;
  /** Accessible label while behind the live edge, e.g. "12 seconds behind live". */
  behindLive: string;
  fullscreen: string;
  exitFullscreen: string;
  pictureInPicture: string;
  exitPictureInPicture: string;
  captions: string;
  loading: string;
  /** The button under a playback error that starts the video again. */
  retry: string;
  /** Status while a live stream's playlist stopped advancing or cannot be reloaded. */
  reconnecting: string;
  /** Status once a live stream has ended (EXT-X-ENDLIST) and played to its end. */
  showEnded: string;
  /** Polite live-region announcement when a product cue starts. */
  nowFeaturing: string;
  /** Accessible name of the featured-product region. */
  featuredProduct: string;
  dismiss: string;

  // Product card
  addToCart: string;
  adding: string;
  added: string;
  /** Announced after a successful add. */
  addedAnnouncement: string;
  soldOut: string;
  /** A sold-out option value in a picker. */
  optionSoldOut: string;
  /** Placeholder of an option `<select>`. */
  chooseOption: string;
  /** Option name used when a product has several variants but no option names. */
  variant: string;
  quantity: string;
  decreaseQuantity: string;
  increaseQuantity: string;
  /** Visually hidden text before a discounted price. */
  sale: string;
  /** Visually hidden text before the struck-through compare-at price. */
  regularPrice: string;
  viewProduct: string;

  // Product list and seek markers
  inThisShow: string;
  jumpTo: string;
  productListEmpty: string;
  featuredNow: string;
  productMarkers: string;
  /** Accessible name of a seek marker. */
  markerLabel: string;

  // Mini cart
  cart: string;
  cartCountOne: string;
  cartCountOther: string;
  yourCart: string;
  closeCart: string;
  emptyCart: string;
  continueShopping: string;
  subtotal: string;
  taxesNote: string;
  checkout: string;
  remove: string;
  removeLine: string;
  eachPrice: string;
  lineQuantity: string;
  cartUpdating: string;

  // Errors a shopper can read (adapter failures map to these when the adapter gives no message)
  addError: string;
  cartError: string;
  checkoutError: string;
  outOfStock: string;
  quantityLimit: string;
  rateLimited: string;
  networkError: string;
  timeoutError: string;
  productUnavailable: string;
  mediaError: string;
}

/** The built-in English table. Frozen: merge with {@link mergeMessages} instead of mutating. */
export const defaultMessages: Readonly<CuecartMessages> = Object.freeze({
  playerLabel: 'Shoppable video',
  play: 'Play',
  pause: 'Pause',
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  seek: 'Seek',
  seekValue: '{current} of {duration}',
  live: 'Live',
  goToLive: 'Go to live',
  behindLive: '{time} behind live',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  pictureInPicture: 'Picture in picture',
  exitPictureInPicture: 'Exit picture in picture',
  captions: 'Captions',
  loading: 'Loading…',
  retry: 'Try again',
  reconnecting: 'Reconnecting…',
  showEnded: 'The show has ended',
  nowFeaturing: 'Now featuring {title}',
  featuredProduct: 'Featured product',
  dismiss: 'Dismiss',

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

  inThisShow: 'In this show',
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
  mediaError: 'This video cannot be played.',
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

/**
 * Fills `{name}` placeholders from `values`. A placeholder without a value is left as written, so
 * a translation that forgets one stays readable.
 */
export function formatMessage(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
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

/**
 * Reads `messages` as a host gave it — an object, or JSON text from the attribute — keeping the
 * string values of known keys. `problems` describes what was left out (invalid JSON, not an
 * object, unknown keys, non-string values, a getter that throws), for a `config-invalid` error.
 */
export function readMessages(value: unknown): {
  messages: Partial<CuecartMessages> | undefined;
  problems: string[];
} {
  const problems: string[] = [];
  if (value === undefined || value === null || value === '')
    return { messages: undefined, problems };
  let source: unknown = value;
  if (typeof value === 'string') {
    try {
      source = JSON.parse(value);
    } catch {
      return { messages: undefined, problems: ['not valid JSON'] };
    }
  }
  if (!source || typeof source !== 'object' || Array.isArray(source)) {
    return { messages: undefined, problems: ['expected an object of strings'] };
  }
  const messages: Partial<CuecartMessages> = {};
  let keys: string[];
  try {
    keys = Object.keys(source);
  } catch {
    return { messages: undefined, problems: ['could not be read'] };
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(defaultMessages, key)) {
      problems.push(`unknown key "${key}"`);
      continue;
    }
    let text: unknown;
    try {
      text = (source as Record<string, unknown>)[key];
    } catch {
      problems.push(`"${key}" could not be read`);
      continue;
    }
    if (typeof text === 'string') messages[key as keyof CuecartMessages] = text;
    else problems.push(`"${key}" is not a string`);
  }
  return { messages, problems };
}
