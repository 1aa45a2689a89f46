import { atom, computed, type ReadableAtom } from 'nanostores';
import {
  CheckoutError,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../commerce/checkout-adapter.js';
import {
  createProductCatalog,
  productFromPayload,
  type ProductCatalog,
  type ResolveProducts,
} from '../commerce/product-catalog.js';
import type { Product } from '../commerce/product.js';
import { findVariant } from '../commerce/variants.js';
import { compareCues } from '../cues/cue-timeline.js';
import type { CuePayload, ProductCue } from '../cues/product-cue.js';
import type { Clock } from '../internal/clock.js';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import {
  createCart,
  type AddState,
  type CartCallOptions,
  type CartController,
  type CartStatus,
  type VariantAddState,
} from './cart-store.js';
import { loadEventsAdapter, loadShopifyCommerce } from './adapter-modules.js';
import type { CueStore } from './cue-store.js';
import { deferredAdapter } from './deferred-adapter.js';
import type { MediaState } from './media-store.js';

/** Built-in adapters selectable with the `adapter` attribute. */
export type AdapterName = 'events' | 'shopify';

/** What selects the adapter: a built-in's name, or any `CheckoutAdapter` object. */
export type AdapterChoice = string | CheckoutAdapter | undefined;

/** The product on screen: the featuring cue, its product and the variant the cue names. */
export interface FeaturedProduct {
  cue: ProductCue;
  product: Product;
  /** The variant the cue names (by id or SKU), resolved to an id; undefined when it names none. */
  variantId: string | undefined;
}

/** A cue's place on the seek bar. */
export interface CueMarker {
  /** Media time in seconds where the cue starts. */
  readonly time: number;
  /** The product's title (or the cue's own title or product id): the marker's accessible name. */
  readonly label: string;
  /** The cue's id. */
  readonly cueId: string;
}

/** A product the show has featured, at the media time its cue starts. */
export interface FeaturedItem {
  product: Product;
  /** The cue that featured it; also the item's identity. */
  cueId: string;
  /** Cue start, media time in seconds. */
  start: number;
}

/** What one product's buy buttons show. */
export interface ProductAddState {
  state: AddState;
  /** Shopper-readable failure, when `state` is `error`. */
  message?: string;
}

/** What the shopper (or the host, through `addToCart()`) asked to add. */
export interface AddRequest {
  productId: string;
  variantId: string;
  quantity: number;
  /** The cue that featured the product, when known (for attribution line properties). */
  cueId?: string;
}

/** Detail of the `cuecart-add-to-cart` notification. */
export interface AddToCartNotice {
  line: CartLineInput;
  /** Settles with the adapter's cart, or rejects with the `CheckoutError`. */
  result: Promise<Cart>;
}

/** The host-facing notifications player commerce raises, by event type. */
export interface PlayerCommerceEvents {
  'cuecart-add-to-cart': AddToCartNotice;
  'cuecart-cart-change': { cart: Cart };
  'cuecart-checkout': { cart: Cart };
  /** The cart in use changed (connect, shared cart): `for=` mini carts reconnect. */
  'cuecart-player-ready': Record<string, never>;
}

/** Raises a notification (the player dispatches it as a bubbling, composed event). */
export type CommerceNotify = <K extends keyof PlayerCommerceEvents>(
  type: K,
  detail: PlayerCommerceEvents[K],
) => void;

/** Options of {@link createPlayerCommerce}. */
export interface PlayerCommerceOptions {
  /** The player's cues: featured and history come from them; prefetch and pruning act on them. */
  cues: Pick<CueStore, '$cues' | '$active' | 'prune'>;
  /** The player's products; default: a catalogue of its own that reports to `onError`. */
  catalog?: ProductCatalog;
  /** The player's media state: live-window pruning, the live list, history reset on new `src`. */
  media?: ReadableAtom<Pick<MediaState, 'src' | 'live' | 'liveWindowStart' | 'currentTime'>>;
  /** `events` (default), `shopify`, or an adapter object. */
  adapter?: AdapterChoice;
  /** A cart the host shares between players on purpose; default: a cart of this player's own. */
  cart?: CartController;
  /** Currency of the cart and of cue-only products before the store or feed states one. */
  currency?: string;
  /** The host's product lookup (the Shopify adapter brings its own by default). */
  resolveProducts?: ResolveProducts;
  /** Product feed URL ('' for none). */
  feed?: string;
  /** Where the events adapter dispatches its requests (the player element). */
  eventTarget: EventTarget;
  /** Every failure: cart, feed, lookups, `product-unknown`, `config-invalid`. */
  onError: ErrorSink;
  /** Host-facing notifications. */
  notify: CommerceNotify;
  /** Timers of the cart's "added" decay (tests pass a fake). */
  clock?: Clock;
}

/**
 * One player's commerce, plain TypeScript: adapter selection, the cart in use, which product a
 * cue features, what is featured now and so far, what every buy button shows, and the wiring
 * between stores (prefetch, live pruning). The element only subscribes and renders.
 */
export interface PlayerCommerce {
  /** The player's products (the one given in the options, or its own). */
  readonly catalog: ProductCatalog;
  /** The cart in use (undefined while disconnected). */
  readonly $cartController: ReadableAtom<CartController | undefined>;
  /** The cart in use's `$cart`, followed across cart changes. */
  readonly $cart: ReadableAtom<Cart | undefined>;
  /** The cart in use's `$status`, followed across cart changes. */
  readonly $cartStatus: ReadableAtom<CartStatus>;
  /** The product on screen: the most recently started active cue whose product is known. */
  readonly $featured: ReadableAtom<FeaturedProduct | undefined>;
  /**
   * Products featured so far, newest first (at most 50): every cue that became active, shown
   * once its product is known, even when its data arrived after the cue entered.
   */
  readonly $history: ReadableAtom<readonly FeaturedItem[]>;
  /** "In this show": the history when live; every cue with a known product for VOD. */
  readonly $showProducts: ReadableAtom<readonly FeaturedItem[]>;
  /**
   * One seek-bar marker per cue of a VOD show (none when live), derived once per cue list and
   * catalogue rather than on every render: a 10,000-cue show re-renders several times a second.
   */
  readonly $markers: ReadableAtom<readonly CueMarker[]>;
  /** Add state per product id, from the cart store (the most recent add of that product). */
  readonly $addStates: ReadableAtom<Readonly<Record<string, ProductAddState>>>;
  /** The cart in use. */
  readonly cart: CartController | undefined;
  /** The product a cue features: known, or built from the cue's own fields; null otherwise. */
  productFor(cue: ProductCue): Product | null;
  /** What a product's buy buttons show. */
  addStateFor(productId: string): ProductAddState;
  /** Selects the adapter (`adapter` attribute or property). */
  setAdapter(choice: AdapterChoice): void;
  /** Uses a cart the host shares; undefined returns to this player's own cart. */
  setSharedCart(cart: CartController | undefined): void;
  /** Currency of the cart and cue-only products before a store or feed states one. */
  setCurrency(currency: string | undefined): void;
  /** Sets the host's product lookup. */
  setResolver(resolver: ResolveProducts | undefined): void;
  /** Loads the product feed at `url` ('' for none). */
  setFeed(url: string): void;
  /**
   * Adds what the shopper chose, with the video and cue as line properties (`_`-prefixed, which
   * Shopify hides from the shopper). Rejects with a `CheckoutError`, already reported.
   */
  add(request: AddRequest, video?: string): Promise<Cart>;
  /** Sets a line's quantity (0 removes it); null when it failed (reported). */
  changeLine(key: string, quantity: number): Promise<Cart | null>;
  /** Starts checkout; false when it could not (reported). */
  checkout(): Promise<boolean>;
  /** Starts the cart, the feed and the store wiring (the element connected). */
  connect(): void;
  /** Stops them; the history and the catalogue stay (the element may come back). */
  disconnect(): void;
}

/** How many featured products a live show remembers for its list. */
const HISTORY_LIMIT = 50;

const IDLE: ProductAddState = { state: 'idle' };

/**
 * The cues of `list` that are not in `previous` (the same objects: a replaced cue is a new one).
 * Both lists come sorted by {@link compareCues}, so one walk finds them without hashing; were
 * they not sorted, a cue seen before could be returned again, but a new cue is never missed.
 */
function cuesNotIn(
  previous: readonly ProductCue[],
  list: readonly ProductCue[],
): readonly ProductCue[] {
  if (!previous.length) return list;
  const fresh: ProductCue[] = [];
  let j = 0;
  for (const cue of list) {
    while (j < previous.length && previous[j] !== cue && compareCues(previous[j]!, cue) < 0) j++;
    if (previous[j] === cue) j++;
    else fresh.push(cue);
  }
  return fresh;
}

/** Creates the commerce of one player. Nothing is shared between players. */
export function createPlayerCommerce(options: PlayerCommerceOptions): PlayerCommerce {
  const { cues, media } = options;
  const catalog = options.catalog ?? createProductCatalog({ onError: options.onError });
  const $currency = atom(options.currency || undefined);
  const $cartController = atom<CartController | undefined>(undefined);
  const $cart = atom<Cart | undefined>(undefined);
  const $cartStatus = atom<CartStatus>({ state: 'idle' });
  const $adds = atom<Readonly<Record<string, VariantAddState>>>({});
  /** Cues that became active, newest first: the history before products are looked up. */
  const $entered = atom<readonly ProductCue[]>([]);
  let adapterName: AdapterName = 'events';
  let customAdapter: CheckoutAdapter | undefined;
  let sharedCart = options.cart;
  let ownCart: CartController | undefined;
  /** The events adapter this player built: it dispatches add and checkout requests itself. */
  let ownEventsAdapter: CheckoutAdapter | undefined;
  let hostResolver = options.resolveProducts;
  let feedUrl = options.feed ?? '';
  let feedAbort: AbortController | undefined;
  let feedDone: Promise<unknown> = Promise.resolve();
  let connected = false;
  let stops: Array<() => void> = [];
  let stopCart: (() => void) | undefined;
  /** Product ids already looked up (and reported when unknown): one lookup per id. */
  const checked = new Set<string>();
  /** The cue list {@link prefetch} last looked at. */
  let prefetched: readonly ProductCue[] = [];
  let payloadProducts = new WeakMap<CuePayload, Product | null>();

  const $payloadCurrency = computed([catalog.$currency, $currency], (feed, own) => feed ?? own);

  function productFor(cue: ProductCue): Product | null {
    const known = catalog.get(cue.payload.product);
    if (known) return known;
    // Built once per payload: a new object on every read would re-render every card.
    let built = payloadProducts.get(cue.payload);
    if (built === undefined) {
      built = productFromPayload(cue.payload, $payloadCurrency.get());
      payloadProducts.set(cue.payload, built);
    }
    return built;
  }

  const $featured = computed(
    [cues.$active, catalog.$products, $payloadCurrency],
    (active): FeaturedProduct | undefined => {
      for (let i = active.length - 1; i >= 0; i--) {
        const cue = active[i]!;
        const product = productFor(cue);
        if (!product) continue;
        const ref = cue.payload.variant;
        return { cue, product, variantId: ref ? findVariant(product, ref)?.id : undefined };
      }
      return undefined;
    },
  );

  const itemsOf = (list: readonly ProductCue[]) => {
    const items: FeaturedItem[] = [];
    for (const cue of list) {
      const product = productFor(cue);
      if (product) items.push({ product, cueId: cue.id, start: cue.start });
    }
    return items;
  };

  const $history = computed([$entered, catalog.$products, $payloadCurrency], (entered) =>
    itemsOf(entered),
  );

  const $live = media ? computed(media, (state) => state.live) : atom(false);
  // A recording lists every cue's product whatever has been entered: derived from the cue list
  // alone, so that entering a cue (every few seconds of a show) hands the list the same array
  // and nothing renders it again.
  const $recordingItems = computed([cues.$cues, catalog.$products, $payloadCurrency], (all) =>
    itemsOf(all),
  );
  const $showProducts = computed([$live, $recordingItems, $history], (live, recording, history) =>
    live ? history : recording,
  );

  const $markers = computed(
    [$live, cues.$cues, catalog.$products, $payloadCurrency],
    (live, all): readonly CueMarker[] =>
      live
        ? []
        : all.map((cue) => ({
            time: cue.start,
            cueId: cue.id,
            label: productFor(cue)?.title ?? cue.payload.title ?? cue.payload.product,
          })),
  );

  const $addStates = computed($adds, (adds) => {
    const latest: Record<string, VariantAddState> = {};
    for (const entry of Object.values(adds)) {
      const seen = latest[entry.productId];
      if (!seen || entry.seq > seen.seq) latest[entry.productId] = entry;
    }
    const states: Record<string, ProductAddState> = {};
    for (const [productId, entry] of Object.entries(latest)) {
      states[productId] = entry.message
        ? { state: entry.state, message: entry.message }
        : { state: entry.state };
    }
    return states;
  });

  // --- Adapter and cart -------------------------------------------------------------------

  /**
   * The built-in adapters load by kind, each its own chunk: the cart gets a stand-in at once
   * whose calls wait for the chunk (an early add is queued, not dropped; see deferredAdapter).
   */
  function buildAdapter(): CheckoutAdapter {
    ownEventsAdapter = undefined;
    if (customAdapter) return customAdapter;
    if (adapterName === 'shopify') {
      return deferredAdapter(async () => (await loadShopifyCommerce()).shopifyAdapter());
    }
    const eventTarget = options.eventTarget;
    ownEventsAdapter = deferredAdapter(async () =>
      (await loadEventsAdapter()).eventsAdapter(eventTarget, {
        // Read on every call: a currency set after connecting still reaches the empty cart.
        get currency() {
          return $currency.get();
        },
      }),
    );
    return ownEventsAdapter;
  }

  /**
   * The one rule for `cuecart-add-to-cart` and `cuecart-checkout`: the events adapter this
   * player built dispatches them as requests the host answers; with any other adapter the
   * player dispatches them as notifications. Either way the host hears each once.
   */
  const adapterDispatchesRequests = () =>
    ownEventsAdapter !== undefined && $cartController.get()?.adapter === ownEventsAdapter;

  /** Failures of this player's requests on a shared cart are also this player's errors. */
  const callOptions = (cart: CartController): CartCallOptions =>
    cart === sharedCart ? { onError: options.onError } : {};

  function useCart(cart: CartController | undefined) {
    stopCart?.();
    stopCart = undefined;
    $cartController.set(cart);
    if (!cart) {
      $cart.set(undefined);
      $cartStatus.set({ state: 'idle' });
      $adds.set({});
      return;
    }
    const unsubscribes = [
      cart.$cart.subscribe((value) => $cart.set(value)),
      cart.$status.subscribe((value) => $cartStatus.set(value)),
      cart.$adds.subscribe((value) => $adds.set(value)),
      cart.$confirmed.listen((confirmed) =>
        options.notify('cuecart-cart-change', { cart: confirmed }),
      ),
    ];
    stopCart = () => unsubscribes.forEach((stop) => stop());
    options.notify('cuecart-player-ready', {});
  }

  function rebuildCart() {
    if (!connected) return;
    if (sharedCart) {
      ownCart?.destroy();
      ownCart = undefined;
      ownEventsAdapter = undefined;
      useCart(sharedCart);
      return;
    }
    if (ownCart) ownCart.setAdapter(buildAdapter());
    else {
      ownCart = createCart({
        adapter: buildAdapter(),
        currency: $currency.get(),
        onError: options.onError,
        clock: options.clock,
      });
    }
    useCart(ownCart);
    void ownCart.refresh();
  }

  function applyResolver() {
    const fallback = adapterName === 'shopify' && !customAdapter ? shopifyResolver() : undefined;
    catalog.setResolver(hostResolver ?? fallback);
    // Another lookup may know what the previous one did not: every cue is new to it.
    checked.clear();
    prefetched = [];
    if (connected) prefetch(cues.$cues.get());
  }

  /**
   * The Shopify adapter's product lookup, from the adapter's chunk: usable at once, it waits
   * for the chunk on its first call (the catalogue batches and caches lookups).
   */
  function shopifyResolver(): ResolveProducts {
    let resolver: Promise<ResolveProducts> | undefined;
    return async (ids, opts) => {
      resolver ??= loadShopifyCommerce().then((module) => module.shopifyProductResolver());
      return (await resolver)(ids, opts);
    };
  }

  // --- Store wiring -----------------------------------------------------------------------

  /**
   * New cues: look up the products they name before their frames come, once per id; report
   * `product-unknown` for those neither the feed nor the lookup knows and whose cues are too
   * thin to show on their own. Incremental: only the cues this list adds to the one seen last
   * are looked at (a live show's cue list changes every segment; a 10,000-cue show must not be
   * rescanned each time).
   */
  function prefetch(list: readonly ProductCue[]) {
    const fresh = cuesNotIn(prefetched, list);
    prefetched = list;
    /** The first new cue naming each id not yet looked up. */
    const wanted = new Map<string, ProductCue>();
    for (const cue of fresh) {
      const id = cue.payload.product;
      if (checked.has(id) || wanted.has(id) || catalog.get(id)) continue;
      wanted.set(id, cue);
    }
    if (!wanted.size) return;
    const ids = [...wanted.keys()];
    for (const id of ids) checked.add(id);
    void feedDone
      .then(() => catalog.resolve(ids))
      .then(() => {
        if (!connected) return;
        for (const [id, cue] of wanted) {
          if (!catalog.get(id) && !productFor(cue)) {
            options.onError(
              new CuecartError(
                'product-unknown',
                `A cue names product "${id}", which is not in the product feed and could not be looked up.`,
              ),
            );
          }
        }
      });
  }

  /** Records cues as they become active (the live list keeps them after they are pruned). */
  function watchEntered() {
    let previous = new Set(cues.$active.get().map((cue) => cue.id));
    return cues.$active.listen((active) => {
      const entering = active.filter((cue) => !previous.has(cue.id));
      previous = new Set(active.map((cue) => cue.id));
      if (!entering.length) return;
      const ids = new Set(entering.map((cue) => cue.id));
      const rest = $entered.get().filter((cue) => !ids.has(cue.id));
      $entered.set([...entering.reverse(), ...rest].slice(0, HISTORY_LIMIT));
    });
  }

  /** Live: forget cues that ended before the window (a viewer behind it keeps what they reach). */
  function watchMedia() {
    if (!media) return () => {};
    let src = media.get().src;
    return media.subscribe((state) => {
      if (state.src !== src) {
        if (src) $entered.set([]);
        src = state.src;
      }
      if (state.live && state.liveWindowStart != null) {
        cues.prune(Math.min(state.liveWindowStart, state.currentTime));
      }
    });
  }

  function loadFeed() {
    // Another feed may lack what the previous one had: look at every cue again.
    prefetched = [];
    feedAbort?.abort();
    feedAbort = undefined;
    if (!feedUrl) {
      feedDone = Promise.resolve();
      return;
    }
    const abort = new AbortController();
    feedAbort = abort;
    feedDone = catalog.loadFeed(feedUrl, abort.signal);
  }

  function reportConfig(message: string) {
    options.onError(new CuecartError('config-invalid', message));
  }

  function chooseAdapter(choice: AdapterChoice) {
    if (choice && typeof choice === 'object') {
      if (typeof (choice as Partial<CheckoutAdapter>).addToCart !== 'function') {
        reportConfig('The adapter property needs an object with an addToCart function.');
        customAdapter = undefined;
      } else customAdapter = choice;
      return;
    }
    customAdapter = undefined;
    const name = choice ?? 'events';
    if (name && name !== 'events' && name !== 'shopify') {
      reportConfig(
        `Unknown adapter "${String(name)}": use "events" or "shopify", or set the adapter property.`,
      );
    }
    adapterName = name === 'shopify' ? 'shopify' : 'events';
  }

  chooseAdapter(options.adapter);
  applyResolver();

  return {
    catalog,
    $cartController,
    $cart,
    $cartStatus,
    $featured,
    $history,
    $showProducts,
    $markers,
    $addStates,
    get cart() {
      return $cartController.get();
    },
    productFor,
    addStateFor: (productId) => $addStates.get()[productId] ?? IDLE,

    setAdapter(choice) {
      const before = customAdapter ?? adapterName;
      chooseAdapter(choice);
      if ((customAdapter ?? adapterName) === before) return;
      applyResolver();
      rebuildCart();
    },

    setSharedCart(cart) {
      if (cart === sharedCart) return;
      sharedCart = cart;
      rebuildCart();
    },

    setCurrency(currency) {
      const next = currency || undefined;
      if (next === $currency.get()) return;
      $currency.set(next);
      payloadProducts = new WeakMap();
      if (next) ownCart?.setCurrency(next);
    },

    setResolver(resolver) {
      hostResolver = resolver;
      applyResolver();
    },

    setFeed(url) {
      if (url === feedUrl) return;
      feedUrl = url;
      if (connected) loadFeed();
    },

    add(request, video) {
      const cart = $cartController.get();
      if (!cart) {
        const refused = Promise.reject(
          new CheckoutError('rejected', 'The cart is not available yet.'),
        );
        refused.catch(() => {});
        return refused;
      }
      const cue = request.cueId ? cues.$cues.get().find((c) => c.id === request.cueId) : undefined;
      const product = catalog.get(request.productId) ?? (cue ? productFor(cue) : null) ?? undefined;
      const variant = product ? findVariant(product, request.variantId) : undefined;
      const properties: Record<string, string> = {};
      if (video) properties._cuecart_video = video;
      if (request.cueId) properties._cuecart_cue = request.cueId;
      const { line, result, joined } = cart.add(
        {
          productId: request.productId,
          variantId: variant?.id ?? request.variantId,
          quantity: request.quantity,
          properties,
        },
        {
          title: product?.title,
          variantTitle:
            variant && product && variant.title !== product.title ? variant.title : undefined,
          price: variant?.price ?? product?.price,
          image: variant?.image ?? product?.image,
          url: product?.url,
        },
        callOptions(cart),
      );
      if (!joined && !adapterDispatchesRequests()) {
        options.notify('cuecart-add-to-cart', { line, result });
      }
      return result;
    },

    changeLine(key, quantity) {
      const cart = $cartController.get();
      return cart ? cart.changeLine(key, quantity, callOptions(cart)) : Promise.resolve(null);
    },

    checkout() {
      const cart = $cartController.get();
      if (!cart) return Promise.resolve(false);
      if (!adapterDispatchesRequests()) {
        options.notify('cuecart-checkout', { cart: cart.$cart.get() });
      }
      return cart.checkout(callOptions(cart));
    },

    connect() {
      if (connected) return;
      connected = true;
      rebuildCart();
      loadFeed();
      stops = [watchEntered(), watchMedia(), cues.$cues.subscribe((list) => prefetch(list))];
    },

    disconnect() {
      if (!connected) return;
      connected = false;
      stops.forEach((stop) => stop());
      stops = [];
      feedAbort?.abort();
      feedAbort = undefined;
      // Listeners on the page (theme cart events, visibility) go with the element.
      ownCart?.destroy();
      ownCart = undefined;
      ownEventsAdapter = undefined;
      useCart(undefined);
    },
  };
}
