/**
 * The player's and its controls' strings, in English, and what the player needs to accept a
 * whole `messages` table: the names of the shopping elements' strings (their English text is in
 * `messages.ts`, which arrives with the shopping chunk;
 * docs/decisions/0061-shop-only-styles-and-strings-leave-the-shell.md). The public table,
 * `CuecartMessages` and `defaultMessages`, is both parts together (messages.ts).
 * @module
 */

/** Strings of the player and its controls. */
export interface PlayerMessages {
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
  /** The "In this show" button over the video and the side panel's accessible name. */
  inThisShow: string;
  /** Shown when the video cannot be played. */
  mediaError: string;
}

/** Strings of the shopping elements: product card, product list, seek markers, mini cart. */
export interface ShopMessages {
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
}

/** The player's and the controls' English strings. Frozen. */
export const playerMessages: Readonly<PlayerMessages> = Object.freeze({
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
  inThisShow: 'In this show',
  mediaError: 'This video cannot be played.',
});

/** The names of the shopping elements' strings: every key of {@link ShopMessages}. */
const SHOP_MESSAGE_KEYS = [
  'addToCart',
  'adding',
  'added',
  'addedAnnouncement',
  'soldOut',
  'optionSoldOut',
  'chooseOption',
  'variant',
  'quantity',
  'decreaseQuantity',
  'increaseQuantity',
  'sale',
  'regularPrice',
  'viewProduct',
  'jumpTo',
  'productListEmpty',
  'featuredNow',
  'productMarkers',
  'markerLabel',
  'cart',
  'cartCountOne',
  'cartCountOther',
  'yourCart',
  'closeCart',
  'emptyCart',
  'continueShopping',
  'subtotal',
  'taxesNote',
  'checkout',
  'remove',
  'removeLine',
  'eachPrice',
  'lineQuantity',
  'cartUpdating',
  'addError',
  'cartError',
  'checkoutError',
  'outOfStock',
  'quantityLimit',
  'rateLimited',
  'networkError',
  'timeoutError',
  'productUnavailable',
] as const satisfies readonly (keyof ShopMessages)[];

/** Fails to compile when a key of {@link ShopMessages} is missing from the list above. */
type MissingShopKey = Exclude<keyof ShopMessages, (typeof SHOP_MESSAGE_KEYS)[number]>;
const everyShopKeyListed: [MissingShopKey] extends [never] ? true : never = true;
void everyShopKeyListed;

/** Whether `key` names a string of the messages table (player, controls or shopping elements). */
export function isMessageKey(key: string): key is keyof (PlayerMessages & ShopMessages) {
  return (
    Object.prototype.hasOwnProperty.call(playerMessages, key) ||
    (SHOP_MESSAGE_KEYS as readonly string[]).includes(key)
  );
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

/**
 * Reads `messages` as a host gave it — an object, or JSON text from the attribute — keeping the
 * string values of known keys. `problems` describes what was left out (invalid JSON, not an
 * object, unknown keys, non-string values, a getter that throws), for a `config-invalid` error.
 */
export function readMessages(value: unknown): {
  messages: Partial<PlayerMessages & ShopMessages> | undefined;
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
  const messages: Partial<PlayerMessages & ShopMessages> = {};
  let keys: string[];
  try {
    keys = Object.keys(source);
  } catch {
    return { messages: undefined, problems: ['could not be read'] };
  }
  for (const key of keys) {
    if (!isMessageKey(key)) {
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
    if (typeof text === 'string') messages[key as keyof (PlayerMessages & ShopMessages)] = text;
    else problems.push(`"${key}" is not a string`);
  }
  return { messages, problems };
}
