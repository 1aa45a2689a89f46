import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { atom, type ReadableAtom } from 'nanostores';
import { CuecartError } from '../../internal/errors.js';
import {
  CheckoutError,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../../commerce/checkout-adapter.js';
import { eventsAdapter } from '../../commerce/adapters/events.js';
import { shopifyAdapter } from '../../commerce/adapters/shopify.js';
import { shopifyProductResolver } from '../../commerce/shopify-products.js';
import {
  createProductCatalog,
  findVariant,
  productFromPayload,
  type ProductCatalog,
  type ResolveProducts,
} from '../../commerce/product-catalog.js';
import type { Product } from '../../commerce/product.js';
import type { ProductCue } from '../../cues/product-cue.js';
import { createCart, type CartController } from '../../state/cart-store.js';
import type { RequestAddDetail } from '../shared/ui-events.js';
import { PLAYER_READY_EVENT } from '../mini-cart/player-cart-connection.js';

/** Built-in adapters selectable with the `adapter` attribute. */
export type AdapterName = 'events' | 'shopify';

/** A product the show has featured, for the "in this show" list. */
export interface FeaturedItem {
  product: Product;
  cueId: string;
  start: number;
}

/** How many featured products a live show remembers for its list. */
const FEATURED_LIMIT = 50;

/** What the commerce controller needs from its player. */
export interface CommerceControllerOptions {
  onError(error: CuecartError): void;
  /** Confirmed cart changes (adapter answers and host-side changes). */
  onCartChange(cart: Cart): void;
  /** The element adapters dispatch their events on. */
  eventTarget: EventTarget;
}

/**
 * One player's commerce: its product catalogue, its cart (or one the host shares on purpose),
 * the adapter that talks to the host's checkout, and the list of featured products.
 */
export class CommerceController implements ReactiveController {
  /** The player's products. */
  readonly catalog: ProductCatalog;
  private ownCart?: CartController;
  private sharedCart?: CartController;
  private readonly $cartStore = atom<CartController | undefined>(undefined);
  private readonly $featuredList = atom<readonly FeaturedItem[]>([]);
  private adapterName: AdapterName = 'events';
  private customAdapter?: CheckoutAdapter;
  private hostResolver?: ResolveProducts;
  private feedUrl = '';
  private feedAbort?: AbortController;
  private feedDone: Promise<unknown> = Promise.resolve();
  private connected = false;
  private currency?: string;
  private readonly checkedUnknown = new Set<string>();
  private stopWatching?: () => void;
  /** Add promises handed out by the cart, to tell a new add from one joining an add in flight. */
  private readonly knownAdds = new WeakSet<Promise<Cart | null>>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CommerceControllerOptions,
  ) {
    this.catalog = createProductCatalog({ onError: options.onError });
    host.addController(this);
  }

  /** The cart in use (changes on reconnect and when the host shares one). */
  get $cart(): ReadableAtom<CartController | undefined> {
    return this.$cartStore;
  }

  /** The cart in use, if connected. */
  get cart(): CartController | undefined {
    return this.$cartStore.get();
  }

  /** Products featured so far, newest first. */
  get $featured(): ReadableAtom<readonly FeaturedItem[]> {
    return this.$featuredList;
  }

  /** The adapter currently answering cart requests. */
  get adapter(): CheckoutAdapter | undefined {
    return this.cart?.adapter;
  }

  /** Whether the built-in events adapter is in use (it dispatches `cuecart-add-to-cart` itself). */
  get usesEventsAdapter(): boolean {
    return !this.sharedCart && !this.customAdapter && this.adapterName === 'events';
  }

  /** Selects a built-in adapter by name (`adapter` attribute). */
  setAdapterName(name: string): void {
    const next: AdapterName = name === 'shopify' ? 'shopify' : 'events';
    if (name && name !== 'events' && name !== 'shopify') {
      this.options.onError(
        new CuecartError(
          'config-invalid',
          `Unknown adapter "${name}": use "events" or "shopify", or set the adapter property.`,
        ),
      );
    }
    if (next === this.adapterName) return;
    this.adapterName = next;
    this.applyResolver();
    this.rebuildCart();
  }

  /** Uses a host-provided adapter object (`adapter` property); undefined returns to the attribute. */
  setAdapter(adapter: CheckoutAdapter | undefined): void {
    if (adapter === this.customAdapter) return;
    this.customAdapter = adapter;
    this.rebuildCart();
  }

  /** Uses a cart the host created with `createCart()`, shared on purpose; undefined = own cart. */
  setSharedCart(cart: CartController | undefined): void {
    if (cart === this.sharedCart) return;
    this.sharedCart = cart;
    this.rebuildCart();
  }

  /** Sets the host's product lookup (`resolveProducts` property). */
  setResolver(resolver: ResolveProducts | undefined): void {
    this.hostResolver = resolver;
    this.applyResolver();
  }

  /** Sets the currency of money shown when the feed states none. */
  setCurrency(currency: string | undefined): void {
    this.currency = currency || undefined;
  }

  /** Loads the product feed at `url` ('' for none). */
  setFeed(url: string): void {
    if (url === this.feedUrl) return;
    this.feedUrl = url;
    if (this.connected) this.loadFeed();
  }

  /** Products the host gives directly (`productList` property). */
  setProducts(products: readonly Product[], currency?: string): void {
    this.catalog.setProducts(products, currency);
  }

  /** New cues arrived: look up the products they name before their frames come. */
  prefetch(cues: readonly ProductCue[]): void {
    const unknown = [...new Set(cues.map((cue) => cue.payload.product))].filter(
      (id) => !this.catalog.get(id),
    );
    if (unknown.length) void this.catalog.resolve(unknown);
  }

  /**
   * The product a cue features: known, or built from the cue's own fields. Unknown products are
   * reported (`product-unknown`) once the feed and lookups have had their chance.
   */
  productFor(cue: ProductCue): Product | null {
    const id = cue.payload.product;
    const known = this.catalog.get(id);
    if (known) return known;
    const fromPayload = productFromPayload(
      cue.payload,
      this.catalog.$currency.get() ?? this.currency,
    );
    if (fromPayload) return fromPayload;
    // Rendering asks often; the lookup and the report happen once per product.
    if (!this.checkedUnknown.has(id)) {
      this.checkedUnknown.add(id);
      void this.feedDone
        .then(() => this.catalog.resolve([id]))
        .then(() => {
          if (!this.catalog.get(id)) this.catalog.productForCue(cue.payload);
        });
    }
    return null;
  }

  /**
   * What to feature among the active cues: the most recently started one whose product is
   * known, with the variant its cue names (by id or SKU).
   */
  featuredAmong(
    active: readonly ProductCue[],
  ): { cue: ProductCue; product: Product; variantId: string | undefined } | undefined {
    for (let i = active.length - 1; i >= 0; i--) {
      const cue = active[i]!;
      const product = this.productFor(cue);
      if (!product) continue;
      const ref = cue.payload.variant;
      return { cue, product, variantId: ref ? findVariant(product, ref)?.id : undefined };
    }
    return undefined;
  }

  /** Records a featured product for the list (live shows keep it after its cue is pruned). */
  featured(cue: ProductCue, product: Product): void {
    const rest = this.$featuredList.get().filter((item) => item.cueId !== cue.id);
    this.$featuredList.set(
      [{ product, cueId: cue.id, start: cue.start }, ...rest].slice(0, FEATURED_LIMIT),
    );
  }

  /** Forgets the featured history (new source). */
  clearFeatured(): void {
    this.$featuredList.set([]);
  }

  /**
   * Adds what the shopper chose. Line properties record the video and cue (Shopify hides
   * `_`-prefixed properties from the shopper). `result` rejects with the failure (already
   * reported through `onError`); it is marked handled so an unobserved failure is not an
   * unhandled rejection. `joined` is true when the same line was already being added (a double
   * click): the cart sends no second request, so nobody should be told about a second add.
   */
  add(
    request: RequestAddDetail,
    video: string,
  ): { line?: CartLineInput; result: Promise<Cart>; joined?: boolean } {
    const cart = this.cart;
    if (!cart) {
      const result = Promise.reject(
        new CheckoutError('rejected', 'The cart is not available yet.'),
      );
      result.catch(() => {});
      return { result };
    }
    const product = this.catalog.get(request.productId);
    const variant = product ? findVariant(product, request.variantId) : undefined;
    const properties: Record<string, string> = {};
    if (video) properties._cuecart_video = video;
    if (request.cueId) properties._cuecart_cue = request.cueId;
    const line: CartLineInput = {
      productId: request.productId,
      variantId: variant?.id ?? request.variantId,
      quantity: request.quantity,
      properties,
    };
    const added = cart.add(line, {
      title: product?.title,
      variantTitle:
        variant && product && variant.title !== product.title ? variant.title : undefined,
      price: variant?.price ?? product?.price,
      image: variant?.image ?? product?.image,
      url: product?.url,
    });
    const joined = this.knownAdds.has(added);
    this.knownAdds.add(added);
    if (!joined) this.reportShared(cart, added);
    const result = added.then(
      (answer) => answer ?? Promise.reject(cart.$status.get().error ?? new Error('Add failed')),
    );
    result.catch(() => {});
    return { line, result, joined };
  }

  /** Sets a line's quantity (0 removes it) in the cart in use. */
  changeLine(key: string, quantity: number): Promise<Cart | null> {
    const cart = this.cart;
    if (!cart) return Promise.resolve(null);
    const result = cart.changeLine(key, quantity);
    this.reportShared(cart, result);
    return result;
  }

  /** Starts checkout with the cart in use; resolves false when it could not. */
  checkout(): Promise<boolean> {
    const cart = this.cart;
    if (!cart) return Promise.resolve(false);
    const result = cart.checkout();
    this.reportShared(cart, result);
    return result;
  }

  hostConnected(): void {
    this.connected = true;
    this.applyResolver();
    this.rebuildCart();
    if (this.feedUrl) this.loadFeed();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.feedAbort?.abort();
    this.feedAbort = undefined;
    // Listeners on the page (theme cart events, visibility) go with the element.
    this.ownCart?.destroy();
    this.ownCart = undefined;
    this.useCart(undefined);
  }

  /**
   * A cart the host shares was created with the host's own `onError`, not this player's: report
   * the failures of this player's own requests to it, as the own cart does. (Successes, this
   * player's or anyone's, arrive through `$confirmed`.)
   */
  private reportShared(cart: CartController, request: Promise<Cart | boolean | null>) {
    if (cart !== this.sharedCart) return;
    void request.then((outcome) => {
      if (outcome) return;
      const error = cart.$status.get().error;
      if (error) this.options.onError(error);
    });
  }

  /**
   * Makes `cart` the one in use: the player re-renders on any of its changes, emits
   * `cuecart-cart-change` for every confirmed one, and `for=` mini carts elsewhere on the page
   * are told to (re)connect to it.
   */
  private useCart(cart: CartController | undefined) {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.$cartStore.set(cart);
    if (!cart) return;
    const update = () => this.host.requestUpdate();
    const stops = [
      cart.$cart.listen(update),
      cart.$status.listen(update),
      cart.$variants.listen(update),
      cart.$confirmed.listen((confirmed) => this.options.onCartChange(confirmed)),
    ];
    this.stopWatching = () => stops.forEach((stop) => stop());
    update();
    this.host.dispatchEvent(new CustomEvent(PLAYER_READY_EVENT, { bubbles: true, composed: true }));
  }

  private applyResolver() {
    const fallback = this.adapterName === 'shopify' ? shopifyProductResolver() : undefined;
    this.catalog.setResolver(this.hostResolver ?? fallback);
  }

  private buildAdapter(): CheckoutAdapter {
    if (this.customAdapter) return this.customAdapter;
    if (this.adapterName === 'shopify') return shopifyAdapter();
    return eventsAdapter(this.options.eventTarget, { currency: this.currency });
  }

  private rebuildCart() {
    if (!this.connected) return;
    if (this.sharedCart) {
      this.ownCart?.destroy();
      this.ownCart = undefined;
      this.useCart(this.sharedCart);
      return;
    }
    if (this.ownCart) {
      this.ownCart.setAdapter(this.buildAdapter());
    } else {
      this.ownCart = createCart({
        adapter: this.buildAdapter(),
        currency: this.currency,
        onError: this.options.onError,
      });
    }
    this.useCart(this.ownCart);
    void this.ownCart.refresh();
  }

  private loadFeed() {
    this.feedAbort?.abort();
    if (!this.feedUrl) return;
    const abort = new AbortController();
    this.feedAbort = abort;
    this.feedDone = this.catalog.loadFeed(this.feedUrl, abort.signal);
  }
}
