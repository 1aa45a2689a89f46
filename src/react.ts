/**
 * `cuecart/react`: React 18 and 19 components for the Cuecart elements, with typed props and
 * typed event props. Needs only `react` beside `cuecart` (the wrapper is Cuecart's own,
 * `src/react/create-component.ts`). Importing it registers the elements when a custom-element
 * registry exists; in Node (SSR) it only defines the components.
 *
 * ```tsx
 * import { CuecartPlayer, CuecartMiniCart } from 'cuecart/react';
 * import { callbackAdapter } from 'cuecart';
 *
 * const adapter = callbackAdapter({ addToCart: (line, { signal }) => api.add(line, { signal }) });
 *
 * <CuecartPlayer id="show" src="/live/show.m3u8" products="/products.json" adapter={adapter}
 *   onCueEnter={(e) => console.log(e.detail.product?.title)} />
 * <CuecartMiniCart htmlFor="show" />
 * ```
 * @module
 */
import * as React from 'react';
import { createCustomElementComponent } from './react/create-component.js';
import { defineCuecart } from './define-elements.js';
import type { CuecartPlayer as CuecartPlayerElement } from './ui/player/cuecart-player.js';
import { type AddToCartEventDetail, type CueEventDetail } from './ui/player/cuecart-player.js';
import type { CuecartMiniCart as CuecartMiniCartElement } from './ui/mini-cart/mini-cart.js';
import type { CuecartErrorDetail } from './internal/errors.js';
import type { Cart } from './commerce/checkout-adapter.js';
import type { Product } from './commerce/product.js';
import type {
  AddToCartRequestDetail,
  CartRequestDetail,
  ChangeLineRequestDetail,
} from './commerce/adapters/events.js';
import type {
  MiniCartToggleDetail,
  ProductChangeDetail,
  ProductClickDetail,
  ProductImpressionDetail,
  RequestChangeLineDetail,
  RequestCheckoutDetail,
} from './ui/shared/ui-events.js';

// Guarded so that a second copy of Cuecart, `cuecart/define` or the CDN build can coexist.
if (typeof customElements !== 'undefined') defineCuecart();

/**
 * Detail of `cuecart-add-to-cart` as a React host sees it: the line and its `result`; with the
 * default `events` adapter the event is the request itself and also carries `respondWith`.
 */
export type AddToCartDetail = AddToCartEventDetail &
  Partial<Pick<AddToCartRequestDetail, 'respondWith'>>;

/**
 * Detail of `cuecart-checkout`: `{ cart }`, whichever adapter is in use (with the `events`
 * adapter the event is also cancelable: the host then runs checkout itself).
 */
export type CheckoutDetail = { cart: Cart };

/** Event props of {@link CuecartPlayer}: prop name → DOM event it listens to. */
const playerEvents = {
  onCueEnter: 'cuecart-cue-enter' as EventTypeOf<CustomEvent<CueEventDetail>>,
  onCueExit: 'cuecart-cue-exit' as EventTypeOf<CustomEvent<CueEventDetail>>,
  onProductImpression: 'cuecart-product-impression' as EventTypeOf<
    CustomEvent<ProductImpressionDetail>
  >,
  onProductClick: 'cuecart-product-click' as EventTypeOf<CustomEvent<ProductClickDetail>>,
  onProductChange: 'cuecart-product-change' as EventTypeOf<CustomEvent<ProductChangeDetail>>,
  onAddToCart: 'cuecart-add-to-cart' as EventTypeOf<CustomEvent<AddToCartDetail>>,
  onChangeLine: 'cuecart-change-line' as EventTypeOf<CustomEvent<ChangeLineRequestDetail>>,
  onGetCart: 'cuecart-get-cart' as EventTypeOf<CustomEvent<CartRequestDetail>>,
  onCartChange: 'cuecart-cart-change' as EventTypeOf<CustomEvent<{ cart: Cart }>>,
  onCheckout: 'cuecart-checkout' as EventTypeOf<CustomEvent<CheckoutDetail>>,
  onMiniCartToggle: 'cuecart-mini-cart-toggle' as EventTypeOf<CustomEvent<MiniCartToggleDetail>>,
  onError: 'cuecart-error' as EventTypeOf<CustomEvent<CuecartErrorDetail>>,
};

/** Event props of {@link CuecartMiniCart}. */
const miniCartEvents = {
  onRequestChangeLine: 'cuecart-request-change-line' as EventTypeOf<
    CustomEvent<RequestChangeLineDetail>
  >,
  onRequestCheckout: 'cuecart-request-checkout' as EventTypeOf<CustomEvent<RequestCheckoutDetail>>,
  onMiniCartToggle: 'cuecart-mini-cart-toggle' as EventTypeOf<CustomEvent<MiniCartToggleDetail>>,
};

/**
 * An event type string that remembers its event object's type (the string itself is unchanged
 * at run time), so that the event table below types the `on…` props.
 */
type EventTypeOf<T extends Event> = string & { __eventType?: T };

/** Maps an event table to typed handler props. */
type EventProps<E> = {
  [K in keyof E]?: E[K] extends EventTypeOf<infer T> ? (event: T) => void : never;
};

/** Props every component takes besides its own: React's HTML attributes, minus our handlers. */
type HostProps<I extends HTMLElement, E> = Omit<React.HTMLAttributes<I>, keyof E> &
  React.RefAttributes<I>;

/**
 * The settable properties of `<cuecart-player>`, each set as a property (read-only state and
 * methods are not props). Every attribute of the element is here, under its property name.
 */
const playerProperties = [
  'src',
  'poster',
  'autoplay',
  'muted',
  'loop',
  'cues',
  'products',
  'currency',
  'locale',
  'layout',
  'theme',
  'messages',
  'aspectRatio',
  'analytics',
  'hlsConfig',
  'hlsBuild',
  'loading',
  'adapter',
  'resolveProducts',
  'cartStore',
  'productList',
  'cueList',
] as const;

/** The settable properties of `<cuecart-mini-cart>`; `htmlFor` is the `for` attribute. */
const miniCartProperties = [
  'cart',
  'status',
  'htmlFor',
  'currency',
  'locale',
  'messages',
  'open',
  'contained',
  'theme',
] as const;

/** The property names each component sets on its element (for tests and tooling). */
export const elementPropertyNames = {
  'cuecart-player': playerProperties,
  'cuecart-mini-cart': miniCartProperties,
} as const;

/** The settable properties of `<cuecart-player>` as React props. */
export type CuecartPlayerElementProps = Partial<
  Pick<CuecartPlayerElement, Exclude<(typeof playerProperties)[number], 'productList' | 'cueList'>>
> & {
  /** Products given directly (same shape as the feed's `products`). */
  productList?: readonly Product[];
  /** Host-given cues: ProductCues or JSON cue-list entries (`{ start, end?, product, ... }`). */
  cueList?: readonly unknown[];
  /** `lazy` (default): only a facade until the player nears the viewport; `eager`: load now. */
  loading?: 'eager' | 'lazy';
};

/** Props of {@link CuecartPlayer}. */
export type CuecartPlayerProps = HostProps<CuecartPlayerElement, typeof playerEvents> &
  CuecartPlayerElementProps &
  EventProps<typeof playerEvents>;

/** The settable properties of `<cuecart-mini-cart>` as React props. */
export type CuecartMiniCartElementProps = Partial<
  Pick<CuecartMiniCartElement, (typeof miniCartProperties)[number]>
>;

/** Props of {@link CuecartMiniCart}. */
export type CuecartMiniCartProps = HostProps<CuecartMiniCartElement, typeof miniCartEvents> &
  CuecartMiniCartElementProps &
  EventProps<typeof miniCartEvents>;

/**
 * `<cuecart-player>` as a React component. Every prop that is a property of the element
 * (`adapter`, `resolveProducts`, `productList`, `cueList`, `cartStore`, `messages`, …) is set as a
 * property, so objects and functions reach the element as they are; `on*` props listen to the
 * player's events. The ref is the element (for `play()`, `pause()`, `addCues()`, …). Unmounting
 * removes the element, which stops playback and releases the stream.
 *
 * ```tsx
 * <CuecartPlayer
 *   src="https://example.com/show.m3u8"
 *   adapter={callbackAdapter({ addToCart: (line) => api.add(line) })}
 *   productList={products}
 *   onCueEnter={(e) => analytics.track('featured', e.detail.cue.payload.product)}
 *   onError={(e) => console.warn(e.detail.code, e.detail.message)}
 * />
 * ```
 */
export const CuecartPlayer = createCustomElementComponent<CuecartPlayerProps, CuecartPlayerElement>(
  {
    react: React,
    tagName: 'cuecart-player',
    properties: playerProperties,
    events: playerEvents,
    displayName: 'CuecartPlayer',
  },
);

/**
 * `<cuecart-mini-cart>` as a React component: a cart button and drawer placed anywhere on the
 * page. `htmlFor` (the `for` attribute) names the player whose cart it shows.
 *
 * ```tsx
 * <CuecartPlayer id="show" src="/show.m3u8" />
 * <CuecartMiniCart htmlFor="show" onMiniCartToggle={(e) => setOpen(e.detail.open)} />
 * ```
 */
export const CuecartMiniCart = createCustomElementComponent<
  CuecartMiniCartProps,
  CuecartMiniCartElement
>({
  react: React,
  tagName: 'cuecart-mini-cart',
  properties: miniCartProperties,
  events: miniCartEvents,
  displayName: 'CuecartMiniCart',
});
