/**
 * The analytics bridge behind `analytics="datalayer"`: turns a player's public events into GA4
 * ecommerce events on `window.dataLayer` (what Google Tag Manager and gtag.js read), and, where
 * Shopify's `Shopify.analytics.publish` exists, into the same events as Shopify custom events
 * (`cuecart:view_item`, …) for web pixels. It only listens to events any host could listen to;
 * it sets no cookie and makes no request of its own. See docs/analytics.md.
 * @module
 */
import type { Cart } from '../commerce/checkout-adapter.js';
import type { Product } from '../commerce/product.js';
import type { ProductCue } from '../cues/product-cue.js';
import type {
  AddToCartEventDetail,
  ProductClickDetail,
  ProductImpressionDetail,
} from '../ui/shared/ui-events.js';
import {
  addToCartEcommerce,
  checkoutEcommerce,
  itemFromProduct,
  type Ga4Ecommerce,
} from './ga4-ecommerce.js';

/** The GA4 events the bridge sends. */
export type AnalyticsEventName = 'view_item' | 'select_item' | 'add_to_cart' | 'begin_checkout';

/** What the bridge pushes to `dataLayer` (after a `{ ecommerce: null }` reset, as Google asks). */
export interface AnalyticsDataLayerEvent {
  event: AnalyticsEventName;
  ecommerce: Ga4Ecommerce;
  /** The show: the stream URL without query or fragment (signed-URL tokens never leave). */
  cuecart_show: string;
  /** The player element's `id`, when it has one (tells several players on a page apart). */
  cuecart_player?: string;
  /** Id of the cue that featured the product, when known. */
  cuecart_cue?: string;
  /** Media time (s) at which that cue starts, when known. */
  cuecart_cue_time?: number;
  /** Whether the stream was live. */
  cuecart_live: boolean;
}

/** The parts of `<cuecart-player>` the bridge reads (its public API only). */
export interface AnalyticsSource extends EventTarget {
  readonly id: string;
  readonly src: string;
  readonly live: boolean;
  readonly currency: string;
  readonly productList: readonly Product[];
  readonly cueList: readonly ProductCue[];
  readonly activeCues: readonly ProductCue[];
}

/** Where the events go: a window-like object with `dataLayer` and possibly `Shopify`. */
export interface AnalyticsWindow {
  dataLayer?: unknown;
  Shopify?: unknown;
}

/** Options of {@link attachDataLayerBridge}. */
export interface DataLayerBridgeOptions {
  /** The window whose `dataLayer` receives the events (default: the player's document's). */
  target?: AnalyticsWindow;
}

/** A cue as the events name it: its id, and its start when the player knows the cue. */
type CueRef = Pick<ProductCue, 'id'> & Partial<Pick<ProductCue, 'start'>>;

interface Publisher {
  publish(name: string, data: unknown): unknown;
}

/** `Shopify.analytics` when the page has it (read on every event: it may load after Cuecart). */
function shopifyPublisher(target: AnalyticsWindow): Publisher | undefined {
  const shopify = target.Shopify as { analytics?: Partial<Publisher> } | undefined;
  const analytics = shopify?.analytics;
  return typeof analytics?.publish === 'function' ? (analytics as Publisher) : undefined;
}

/** The stream URL without query and fragment. */
function showOf(src: string): string {
  const cut = src.search(/[?#]/);
  return cut === -1 ? src : src.slice(0, cut);
}

/**
 * Starts sending `player`'s events to `dataLayer` (and Shopify's web pixels when present):
 *
 * | player event | GA4 event |
 * |---|---|
 * | `cuecart-product-impression` | `view_item` |
 * | `cuecart-product-click` | `select_item` |
 * | `cuecart-add-to-cart`, once its `result` resolves | `add_to_cart` |
 * | `cuecart-checkout` | `begin_checkout` |
 *
 * Returns a function that stops it (an add still pending then sends nothing). A failing
 * `dataLayer` or pixel never reaches the player: analytics must not break the cart.
 */
export function attachDataLayerBridge(
  player: AnalyticsSource,
  options: DataLayerBridgeOptions = {},
): () => void {
  const abort = new AbortController();
  const { signal } = abort;
  const ownerWindow = (player as Partial<Node>).ownerDocument?.defaultView as
    AnalyticsWindow | null | undefined;
  const target = options.target ?? ownerWindow;
  if (!target) return () => {};
  // The standard snippet's `window.dataLayer = window.dataLayer || []`, at attach time: a tag
  // manager that loads later replays what is queued.
  target.dataLayer ??= [];

  const findProduct = (id: string): Product | undefined =>
    player.productList.find((p) => p.id === id || p.handle === id);

  /** The cue with id `cueId` (or just its id), else the active cue featuring `productId`. */
  const cueFor = (productId: string, cueId?: string): CueRef | undefined => {
    const matches = (cue: ProductCue) => {
      const named = cue.payload.product;
      const product = findProduct(productId);
      return named === productId || (product && (named === product.id || named === product.handle));
    };
    if (cueId) return player.cueList.find((c) => c.id === cueId) ?? { id: cueId };
    return player.activeCues.find(matches);
  };

  const send = (event: AnalyticsEventName, ecommerce: Ga4Ecommerce, cue?: CueRef) => {
    if (signal.aborted) return;
    const payload: AnalyticsDataLayerEvent = {
      event,
      ecommerce,
      cuecart_show: showOf(player.src),
      cuecart_live: player.live,
    };
    if (player.id) payload.cuecart_player = player.id;
    if (cue?.id) payload.cuecart_cue = cue.id;
    const start = cue?.start;
    if (start !== undefined && Number.isFinite(start)) {
      payload.cuecart_cue_time = Math.round(start * 10) / 10;
    }
    // The standard snippet's `window.dataLayer = window.dataLayer || []`: a tag manager that
    // loads later replays what is queued. Google asks to clear the previous ecommerce object
    // first so its items do not merge into this one.
    const layer = (target.dataLayer ??= []) as { push?: (...items: unknown[]) => unknown };
    if (typeof layer.push === 'function') {
      for (const item of [{ ecommerce: null }, payload]) {
        try {
          layer.push(item);
        } catch {
          // A tag's own listener threw inside push(); the shopper's action still happened.
        }
      }
    }
    try {
      shopifyPublisher(target)?.publish(`cuecart:${event}`, payload);
    } catch {
      // Same for a web pixel.
    }
  };

  const currency = (product?: Product) => product?.currency || player.currency || undefined;

  player.addEventListener(
    'cuecart-product-impression',
    (event) => {
      const { product, cueId } = (event as CustomEvent<ProductImpressionDetail>).detail;
      const item = itemFromProduct(product, currency(product));
      const ecommerce: Ga4Ecommerce = { items: [item] };
      const code = currency(product);
      if (code) ecommerce.currency = code;
      if (item.price !== undefined) ecommerce.value = item.price;
      send('view_item', ecommerce, cueFor(product.id, cueId));
    },
    { signal },
  );

  player.addEventListener(
    'cuecart-product-click',
    (event) => {
      const { product, cueId } = (event as CustomEvent<ProductClickDetail>).detail;
      const show = showOf(player.src);
      const item = { ...itemFromProduct(product, currency(product)), index: 0 };
      send(
        'select_item',
        { item_list_id: 'cuecart', item_list_name: show, items: [item] },
        cueFor(product.id, cueId),
      );
    },
    { signal },
  );

  player.addEventListener(
    'cuecart-add-to-cart',
    (event) => {
      const { line, result } = (event as CustomEvent<AddToCartEventDetail>).detail;
      if (!line || !result || typeof result.then !== 'function') return;
      const product = findProduct(line.productId);
      const cue = cueFor(line.productId, line.properties?._cuecart_cue);
      result.then(
        (cart: Cart) =>
          send('add_to_cart', addToCartEcommerce(line, cart, product, currency(product)), cue),
        () => {}, // Not confirmed: no add_to_cart (the failure arrives as cuecart-error).
      );
    },
    { signal },
  );

  player.addEventListener(
    'cuecart-checkout',
    (event) => {
      const cart = (event as CustomEvent<{ cart?: Cart }>).detail?.cart;
      if (!cart || !Array.isArray(cart.lines)) return;
      send('begin_checkout', checkoutEcommerce(cart, player.currency || undefined));
    },
    { signal },
  );

  return () => abort.abort();
}
