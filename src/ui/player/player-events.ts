import type { Cart, CartLineInput } from '../../commerce/checkout-adapter.js';
import type { Product } from '../../commerce/product.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { CuecartErrorDetail } from '../../internal/errors.js';

/** Detail of `cuecart-cue-enter` / `cuecart-cue-exit`. */
export interface CueEventDetail {
  /** The cue that entered or left. */
  cue: ProductCue;
  /** Media time of the presented frame at which it happened (NaN when playback was torn down). */
  time: number;
  /** The product it features, when known. */
  product: Product | null;
}

/** Detail of the `cuecart-add-to-cart` notification. */
export interface AddToCartEventDetail {
  line: CartLineInput;
  /** Settles with the adapter's cart, or rejects with the failure. */
  result: Promise<Cart>;
}

/** Every event `<cuecart-player>` dispatches itself, by type. */
export interface CuecartPlayerEventMap {
  'cuecart-cue-enter': CustomEvent<CueEventDetail>;
  'cuecart-cue-exit': CustomEvent<CueEventDetail>;
  'cuecart-add-to-cart': CustomEvent<AddToCartEventDetail>;
  'cuecart-cart-change': CustomEvent<{ cart: Cart }>;
  'cuecart-checkout': CustomEvent<{ cart: Cart }>;
  'cuecart-error': CustomEvent<CuecartErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CuecartPlayerEventMap {}
}
