import type { AddToCartNotice, AddRequest } from '../../state/player-commerce.js';
import type { Cart } from '../../commerce/checkout-adapter.js';
import type { Product } from '../../commerce/product.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { CuecartErrorDetail } from '../../internal/errors.js';
import type { CartRequestDetail } from '../../commerce/adapters/events.js';

/**
 * Every event Cuecart's elements dispatch, in one typed map. All are bubbling, composed
 * `CustomEvent`s, so they cross shadow roots up to the player and the page.
 *
 * The one rule for requests and notifications (following media-chrome, UI never changes state
 * itself):
 * - A **request** asks for something to happen and is named `cuecart-request-*`. It is
 *   cancelable; whoever answers it calls `preventDefault()` first, and a request already
 *   prevented is left alone (so a host can take over, and a mini cart outside a player answers
 *   its own requests when nobody else did).
 * - Every other event is a **notification** of something that happened. The cart events of the
 *   events adapter (`cuecart-add-to-cart`, `cuecart-checkout`, …) are its protocol with the host:
 *   with that adapter the player dispatches them once as requests the host answers through
 *   `respondWith`; with any other adapter once as notifications (see `createPlayerCommerce`).
 */

/** Detail of `cuecart-request-add`: the shopper asked to add a variant to the cart. */
export type RequestAddDetail = AddRequest;

/** Detail of `cuecart-request-change-line`: quantity 0 removes the line. */
export interface RequestChangeLineDetail {
  key: string;
  quantity: number;
}

/** Detail of `cuecart-request-checkout` (empty: the answerer owns the cart). */
export type RequestCheckoutDetail = Record<string, never>;

/** Detail of `cuecart-request-seek`: media time in seconds. */
export interface RequestSeekDetail {
  time: number;
  /** The cue whose start the shopper chose, when the request came from a product. */
  cueId?: string;
}

/** Detail of `cuecart-request-mute`. */
export interface RequestMuteDetail {
  muted: boolean;
}

/** Detail of `cuecart-request-fullscreen`. */
export interface RequestFullscreenDetail {
  fullscreen: boolean;
}

/** Detail of `cuecart-product-click` (cancelable: cancel it to keep the link from navigating). */
export interface ProductClickDetail {
  product: Product;
  cueId?: string;
}

/** Detail of `cuecart-product-impression`: the card was ≥ 50 % visible for 1 s. */
export interface ProductImpressionDetail {
  product: Product;
  cueId?: string;
}

/** Detail of `cuecart-product-change`: the card's product changed (for a slotted custom card). */
export interface ProductChangeDetail {
  product: Product | undefined;
  cueId?: string;
}

/** Detail of `cuecart-mini-cart-toggle`. */
export interface MiniCartToggleDetail {
  open: boolean;
}

/** Detail of `cuecart-cue-enter` / `cuecart-cue-exit`. */
export interface CueEventDetail {
  /** The cue that entered or left. */
  cue: ProductCue;
  /** Media time of the presented frame at which it happened (NaN when playback was torn down). */
  time: number;
  /** The product it features, when known. */
  product: Product | null;
}

/**
 * Detail of `cuecart-add-to-cart`: the line and its outcome. With the events adapter the event
 * is the request, and the host answers through `respondWith`.
 */
export type AddToCartEventDetail = AddToCartNotice &
  Partial<Pick<CartRequestDetail, 'respondWith'>>;

/** Requests, by name: UI elements ask, the player (or the host) answers. */
export interface CuecartRequestEventMap {
  'cuecart-request-play': CustomEvent<Record<string, never>>;
  'cuecart-request-pause': CustomEvent<Record<string, never>>;
  'cuecart-request-mute': CustomEvent<RequestMuteDetail>;
  'cuecart-request-seek': CustomEvent<RequestSeekDetail>;
  'cuecart-request-live': CustomEvent<Record<string, never>>;
  'cuecart-request-fullscreen': CustomEvent<RequestFullscreenDetail>;
  'cuecart-request-add': CustomEvent<RequestAddDetail>;
  'cuecart-request-change-line': CustomEvent<RequestChangeLineDetail>;
  'cuecart-request-checkout': CustomEvent<RequestCheckoutDetail>;
  /** Opens or closes the product list sheet (overlay layout). */
  'cuecart-request-toggle-list': CustomEvent<Record<string, never>>;
}

/** Notifications, by name: something happened. */
export interface CuecartNotificationEventMap {
  'cuecart-cue-enter': CustomEvent<CueEventDetail>;
  'cuecart-cue-exit': CustomEvent<CueEventDetail>;
  'cuecart-product-click': CustomEvent<ProductClickDetail>;
  'cuecart-product-impression': CustomEvent<ProductImpressionDetail>;
  'cuecart-product-change': CustomEvent<ProductChangeDetail>;
  'cuecart-mini-cart-toggle': CustomEvent<MiniCartToggleDetail>;
  'cuecart-add-to-cart': CustomEvent<AddToCartEventDetail>;
  'cuecart-cart-change': CustomEvent<{ cart: Cart }>;
  'cuecart-checkout': CustomEvent<{ cart: Cart }>;
  'cuecart-error': CustomEvent<CuecartErrorDetail>;
  /** The player's cart is ready or changed: `<cuecart-mini-cart for>` (re)connects. */
  'cuecart-player-ready': CustomEvent<Record<string, never>>;
}

/** Every event Cuecart's elements dispatch, by name. */
export interface CuecartEventMap extends CuecartRequestEventMap, CuecartNotificationEventMap {}

/** Every event `<cuecart-player>` dispatches or re-dispatches to the page. */
export type CuecartPlayerEventMap = CuecartEventMap;

/** Names of the events in {@link CuecartEventMap}. */
export type CuecartEventName = keyof CuecartEventMap;

/** Names of the request events. */
export type CuecartRequestName = keyof CuecartRequestEventMap;

/** The detail type of a Cuecart event. */
export type CuecartEventDetail<K extends CuecartEventName> =
  CuecartEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Whether `type` names a request (the one rule: the `cuecart-request-` prefix). */
export function isRequestEvent(type: string): type is CuecartRequestName {
  return type.startsWith('cuecart-request-');
}

/**
 * Dispatches a Cuecart event from `target` and returns it: bubbling, composed, and cancelable
 * exactly when it is a request (or `cancelable` says so, for `cuecart-product-click`), so the
 * caller can read `defaultPrevented`.
 */
export function dispatchCuecartEvent<K extends CuecartEventName>(
  target: EventTarget,
  type: K,
  detail: CuecartEventDetail<K>,
  options: { cancelable?: boolean } = {},
): CustomEvent<CuecartEventDetail<K>> {
  const event = new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? isRequestEvent(type),
  });
  target.dispatchEvent(event);
  return event;
}

/**
 * Claims a request for its answerer: false when someone already did (then leave it alone),
 * else marks it answered and returns true.
 */
export function claimRequest(event: Event): boolean {
  if (event.defaultPrevented) return false;
  event.preventDefault();
  return true;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CuecartEventMap {}
}
