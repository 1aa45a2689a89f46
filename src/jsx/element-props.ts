/**
 * Framework-neutral prop types for using `<cuecart-player>` and `<cuecart-mini-cart>` directly in
 * JSX, in frameworks that set a custom element's known properties as properties and attach
 * `on<event-type>` props as listeners (React 19, Preact). The opt-in typings
 * `cuecart/jsx/react` and `cuecart/jsx/preact` add them to each framework's JSX namespace.
 * @module
 */
import type { CheckoutAdapter } from '../commerce/checkout-adapter.js';
import type { Product } from '../commerce/product.js';
import type { CuecartMiniCart } from '../ui/mini-cart/mini-cart.js';
import type { CuecartPlayer } from '../ui/player/cuecart-player.js';
import type { CuecartMessages } from '../ui/messages.js';
import type { CuecartEventMap, CuecartNotificationEventMap } from '../ui/shared/ui-events.js';
import type { CartRequestDetail, ChangeLineRequestDetail } from '../commerce/adapters/events.js';

/** `on<event-type>` listener props for the events in `Events` (e.g. `oncuecart-cue-enter`). */
export type CuecartEventListenerProps<Events> = {
  [K in keyof Events & string as `on${K}`]?: (event: Events[K]) => void;
};

/** Events a `<cuecart-player>` dispatches or lets bubble out of its shadow root. */
export type CuecartPlayerJsxEventMap = Omit<CuecartNotificationEventMap, 'cuecart-player-ready'> & {
  'cuecart-change-line': CustomEvent<ChangeLineRequestDetail>;
  'cuecart-get-cart': CustomEvent<CartRequestDetail>;
};

/** Attributes and properties of `<cuecart-player>` in JSX (property types where both exist). */
export interface CuecartPlayerJsxProps extends CuecartEventListenerProps<CuecartPlayerJsxEventMap> {
  src?: string;
  poster?: string;
  autoplay?: boolean;
  muted?: boolean;
  loop?: boolean;
  cues?: string;
  products?: string;
  currency?: string;
  locale?: string;
  layout?: 'auto' | 'overlay' | 'panel' | 'stacked';
  theme?: 'light' | 'dark';
  messages?: Partial<CuecartMessages>;
  /** Ratio reserved before the stream's is known: `16/9`, `9:16`, `1.78`. */
  'aspect-ratio'?: string;
  /** `datalayer`: GA4 ecommerce events to `window.dataLayer`. */
  analytics?: 'datalayer' | '';
  /** `lazy` (default) or `eager`. */
  loading?: 'eager' | 'lazy';
  hlsConfig?: CuecartPlayer['hlsConfig'];
  /** `events`, `shopify`, or a `CheckoutAdapter` object. */
  adapter?: string | CheckoutAdapter;
  resolveProducts?: CuecartPlayer['resolveProducts'];
  productList?: readonly Product[];
  cueList?: readonly unknown[];
  cartStore?: CuecartPlayer['cartStore'];
}

/** Attributes and properties of `<cuecart-mini-cart>` in JSX. */
export interface CuecartMiniCartJsxProps extends CuecartEventListenerProps<
  Pick<
    CuecartEventMap,
    'cuecart-request-change-line' | 'cuecart-request-checkout' | 'cuecart-mini-cart-toggle'
  >
> {
  /** The `id` of the player whose cart it shows (the `for` attribute). */
  htmlFor?: string;
  cart?: CuecartMiniCart['cart'];
  status?: CuecartMiniCart['status'];
  currency?: string;
  locale?: string;
  messages?: Partial<CuecartMessages>;
  open?: boolean;
  contained?: boolean;
  theme?: 'light' | 'dark';
}
