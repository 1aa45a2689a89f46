import type { Product } from '../../commerce/product.js';

/**
 * Request events raised by Cuecart's UI elements. Following media-chrome, UI never changes state
 * itself: it asks, and the player (or the host page) answers and passes the new state back down.
 * All are bubbling, composed `CustomEvent`s so they cross shadow roots up to the player.
 */

/** State of an add-to-cart button, passed down by the player. */
export type AddState = 'idle' | 'pending' | 'added' | 'error';

/** Detail of `cuecart-request-add`: the shopper asked to add a variant to the cart. */
export interface RequestAddDetail {
  productId: string;
  variantId: string;
  quantity: number;
  /** The cue that featured the product, when known (for attribution line properties). */
  cueId?: string;
}

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

/** Every event Cuecart's UI elements dispatch, by name. */
export interface CuecartUiEventMap {
  'cuecart-request-add': CustomEvent<RequestAddDetail>;
  'cuecart-request-change-line': CustomEvent<RequestChangeLineDetail>;
  'cuecart-request-checkout': CustomEvent<RequestCheckoutDetail>;
  'cuecart-request-seek': CustomEvent<RequestSeekDetail>;
  'cuecart-product-click': CustomEvent<ProductClickDetail>;
  'cuecart-product-impression': CustomEvent<ProductImpressionDetail>;
  'cuecart-product-change': CustomEvent<ProductChangeDetail>;
  'cuecart-mini-cart-toggle': CustomEvent<MiniCartToggleDetail>;
}

/** Names of the events in {@link CuecartUiEventMap}. */
export type CuecartUiEventName = keyof CuecartUiEventMap;

/** The detail type of a UI event. */
export type CuecartUiEventDetail<K extends CuecartUiEventName> =
  CuecartUiEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling, composed UI event from `target` and returns it, so the caller can read
 * `defaultPrevented` when the event is cancelable.
 */
export function dispatchUiEvent<K extends CuecartUiEventName>(
  target: EventTarget,
  type: K,
  detail: CuecartUiEventDetail<K>,
  options: { cancelable?: boolean } = {},
): CustomEvent<CuecartUiEventDetail<K>> {
  const event = new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  target.dispatchEvent(event);
  return event;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CuecartUiEventMap {}
}
