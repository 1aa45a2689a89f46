/**
 * `cuecart`: element classes, adapters, cue parsers and types. Side-effect free: importing it
 * defines no element and touches no browser global, so it is safe in Node (SSR).
 * @module
 */
export { defineCuecart, cuecartElements } from './define-elements.js';
export { CuecartPlayer } from './ui/player/cuecart-player.js';
export {
  CuecartControls,
  defaultControlsLabels,
  type ControlsLabels,
  type SeekRequestDetail,
} from './ui/controls/cuecart-controls.js';
export { CuecartError, type CuecartErrorCode, type CuecartErrorDetail } from './internal/errors.js';
export type { MediaState } from './state/media-store.js';
export type { ProductCue, CuePayload, CueSource } from './cues/product-cue.js';
export type { Product, ProductVariant, ProductFeed } from './commerce/product.js';
export {
  CheckoutError,
  emptyCart,
  type CheckoutAdapter,
  type CheckoutErrorReason,
  type Cart,
  type CartLine,
  type CartLineInput,
  type AdapterCallOptions,
} from './commerce/checkout-adapter.js';
export { formatMoney, currencyDigits } from './commerce/money.js';
