/**
 * `cuecart`: element classes, adapters, cue parsers and types. Side-effect free: importing it
 * defines no element and touches no browser global, so it is safe in Node (SSR).
 * @module
 */
export { defineCuecart, cuecartElements } from './define-elements.js';

// Elements
export { CuecartPlayer } from './ui/player/cuecart-player.js';
export { CuecartControls } from './ui/controls/cuecart-controls.js';
export { CuecartProductCard } from './ui/product-card/product-card.js';
export { CuecartProductList, type ProductListItem } from './ui/product-list/product-list.js';
export { CuecartSeekMarkers, type SeekMarker } from './ui/seek-markers/seek-markers.js';
export { CuecartMiniCart } from './ui/mini-cart/mini-cart.js';
export type * from './ui/shared/ui-events.js';
export {
  defaultMessages,
  mergeMessages,
  formatMessage,
  type CuecartMessages,
} from './ui/messages.js';

// Errors
export { CuecartError, type CuecartErrorCode, type CuecartErrorDetail } from './internal/errors.js';

// Cues
export type { ProductCue, CuePayload, CueSource } from './cues/product-cue.js';
export { parseCuePayload, MAX_PAYLOAD_BYTES } from './cues/payload.js';
export { parseId3Tags, payloadsFromId3, type Id3Tag, type Id3Frame } from './cues/id3.js';
export { cuesFromMetadataSamples, type MetadataSample } from './cues/id3-samples.js';
export { parseAttributeList } from './cues/attribute-list.js';
export {
  cueFromDateRange,
  CUECART_DATERANGE_CLASS,
  type DateRangeInput,
} from './cues/daterange.js';
export { parseWebVttCues } from './cues/webvtt.js';
export {
  parseJsonCues,
  parseJsonCueList,
  resolveJsonCue,
  type JsonCueEntry,
  type JsonCueList,
} from './cues/json-cues.js';
export {
  ProgramDateTimeMap,
  type DateAnchor,
  type ProgramDateTimeUpdate,
} from './cues/program-date-time.js';
export { cuesFromNativeMetadata, type NativeMetadataCue } from './cues/native-metadata.js';
export { CueTimeline } from './cues/cue-timeline.js';
export { CueScheduler, type FrameClock, type CueSchedulerCallbacks } from './cues/cue-scheduler.js';

// Commerce
export type { Product, ProductVariant, ProductFeed } from './commerce/product.js';
export {
  CheckoutError,
  toCheckoutError,
  emptyCart,
  type CheckoutAdapter,
  type CheckoutErrorReason,
  type Cart,
  type CartLine,
  type CartLineInput,
  type AdapterCallOptions,
} from './commerce/checkout-adapter.js';
export { formatMoney, currencyDigits } from './commerce/money.js';
export { findVariant, defaultVariant, variantIdToAdd } from './commerce/variants.js';
export {
  createProductCatalog,
  type ProductCatalog,
  type ProductCatalogOptions,
  type ResolveProducts,
} from './commerce/product-catalog.js';
export { parseProductFeed, parseProduct } from './commerce/product-feed.js';
export { normalizeCart } from './commerce/cart.js';
export {
  eventsAdapter,
  CART_EVENTS,
  type EventsAdapterOptions,
  type AddToCartRequestDetail,
  type ChangeLineRequestDetail,
  type CartRequestDetail,
} from './commerce/adapters/events.js';
export { callbackAdapter, type CallbackAdapterFunctions } from './commerce/adapters/callback.js';
export { shopifyAdapter, type ShopifyAdapterOptions } from './commerce/adapters/shopify.js';
export { cartFromShopify } from './commerce/adapters/shopify-http.js';
export { detectTheme, type ThemeGeneration } from './commerce/adapters/shopify-theme.js';
export { SHOPPER_MESSAGES } from './commerce/shopper-messages.js';
export { shopifyProductResolver, productFromShopify } from './commerce/shopify-products.js';

// State
export {
  createCart,
  type CartController,
  type CartOptions,
  type CartStatus,
  type VariantAddState,
  type AddState,
  type CartAdd,
  type CartCallOptions,
  cartFailure,
  type CartLinePreview,
} from './state/cart-store.js';
export type { MediaState } from './state/media-store.js';
export {
  createPlayerCommerce,
  type PlayerCommerce,
  type PlayerCommerceOptions,
  type PlayerCommerceEvents,
  type FeaturedProduct,
  type FeaturedItem,
  type ProductAddState,
  type AddRequest,
  type AddToCartNotice,
  type AdapterChoice,
  type AdapterName,
} from './state/player-commerce.js';
export { systemClock, type Clock } from './internal/clock.js';
export { createCueStore, type CueStore, type CueStoreOptions } from './state/cue-store.js';
export {
  CueListPoller,
  type CueListPollerOptions,
  type PollerTimers,
  type ValidatorMode,
} from './state/cue-list-poller.js';
