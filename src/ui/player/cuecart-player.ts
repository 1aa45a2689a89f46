import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { Product } from '../../commerce/product.js';
import type { ResolveProducts } from '../../commerce/product-catalog.js';
import type { Cart, CheckoutAdapter } from '../../commerce/checkout-adapter.js';
import type { CartController } from '../../state/cart-store.js';
import type { AdapterChoice } from '../../state/player-commerce.js';
import { FocusRescueController } from '../controllers/focus-rescue-controller.js';
import { LayoutController } from '../controllers/layout-controller.js';
import { AnalyticsController } from '../controllers/analytics-controller.js';
import {
  resolveAutoLayout,
  StreamShapeController,
} from '../controllers/stream-shape-controller.js';
import { CuecartError } from '../../internal/errors.js';
import {
  loadPlayerCommerce,
  PlayerCommerceController,
} from '../controllers/player-commerce-controller.js';
import { LiveAnnouncer } from '../shared/live-announcer.js';
import { adoptPreUpgradeProperties } from '../shared/pre-upgrade-properties.js';
import { dispatchCuecartEvent, type RequestAddDetail } from '../shared/ui-events.js';
import type { CuecartMessages } from '../messages.js';
import { formatMessage, playerMessages, readMessages } from '../player-messages.js';
import { CuecartMediaElement } from './media-element.js';
import { answerRequests, setFullscreen } from './request-map.js';
import { requestShortcut } from './shortcuts.js';
import { renderPlayer, type PlayerView } from './player-view.js';
import { playerStyles } from './cuecart-player.styles.js';

/** What a buy button shows before the commerce state's chunk has arrived. */
const IDLE = { state: 'idle' } as const;

/**
 * The shoppable video player. Plays HLS (hls.js, lazily loaded; native HLS only without MSE) or
 * a progressive file; reads product cues from the stream (ID3, emsg, DATERANGE) or a side-car
 * list; shows the featured product with a buy button, the products of the show, seek-bar
 * markers and a mini cart; and adds to the host's cart through a `CheckoutAdapter`.
 *
 * @summary Shoppable video player.
 * @tag cuecart-player
 * @slot card - Replaces the featured product card (the slotted element gets `product` and `cueId`).
 * @slot cart-button - Replaces the mini cart's button.
 * @csspart layout - The grid holding the stage and the side panel.
 * @csspart stage - The focusable box around the video and overlays.
 * @csspart video - The `<video>` element.
 * @csspart error - The error message shown when playback fails.
 * @csspart retry-button - "Try again" under a load or decode error (docs/resilience.md).
 * @csspart stream-status - "Reconnecting…" / "The show has ended" (`role=status`; empty otherwise).
 * @csspart panel - The side panel (panel layout).
 * @csspart overlay - The featured-product area over the video (overlay layout).
 * @csspart products-button - Opens the product list in overlay layout.
 * @csspart controls - The control bar; its parts are exported as `controls-*`.
 * @csspart card - The product card; its parts are exported as `card-*`.
 * @csspart list - The product list; its parts are exported as `list-*`.
 * @csspart markers - The seek-bar markers; their parts are exported as `markers-*`.
 * @csspart mini-cart - The mini cart; its parts are exported as `cart-*`.
 * @cssproperty --cuecart-aspect-ratio - Forces the box ratio (default: the stream's own, reserved from `aspect-ratio`).
 * @cssproperty --cuecart-panel-width - Side panel width (default 340px).
 * @cssproperty --cuecart-stacked-list-max-block-size - Tallest a long list (over 100 entries) gets below the video, where it scrolls (default `min(70svh, 36rem)`).
 * @cssproperty --cuecart-video-bg - Background behind the video.
 * @cssproperty --cuecart-object-fit - How the video fills the box.
 * @fires cuecart-cue-enter - `{ cue, time, product }`: a product cue became active on screen.
 * @fires cuecart-cue-exit - `{ cue, time, product }`: it stopped being active.
 * @fires cuecart-product-impression - `{ product, cueId }`: the card was ≥ 50 % visible for 1 s.
 * @fires cuecart-product-click - `{ product, cueId }`: the shopper opened the product.
 * @fires cuecart-add-to-cart - `{ line, result }` (and `respondWith` with the events adapter).
 * @fires cuecart-cart-change - `{ cart }`: the confirmed cart changed.
 * @fires cuecart-checkout - `{ cart }`: the shopper asked to check out.
 * @fires cuecart-error - `{ code, message, cause }`; see docs/errors.md.
 */
export class CuecartPlayer extends CuecartMediaElement {
  static override styles = playerStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-player';
  /** Imports the commerce state's chunk (a subclass may wrap it, e.g. to hold it back in tests). */
  protected static loadCommerce: typeof loadPlayerCommerce = loadPlayerCommerce;

  /** Commerce state, from a chunk of its own (docs/decisions/0056-commerce-state-chunk.md). */
  private readonly shop = new PlayerCommerceController(
    this,
    () => ({
      cues: this.cueController,
      media: this.media.store,
      adapter: this.adapterValue,
      cart: this.sharedCart,
      currency: this.currency,
      resolveProducts: this.resolver,
      feed: this.configUrl('products', this.products),
      eventTarget: this,
      onError: (error) => this.reportError(error),
      notify: (type, detail) => dispatchCuecartEvent(this, type, detail as never),
    }),
    (cause) =>
      this.reportError(
        new CuecartError(
          'products-load-failed',
          'The shopping part of the player could not be loaded: products and the cart are unavailable.',
          { cause },
        ),
      ),
    (this.constructor as typeof CuecartPlayer).loadCommerce,
  );
  /** `productList` entries set before the commerce chunk arrived (copies), for the getter. */
  private earlyProducts: Product[] = [];
  private readonly layoutController = new LayoutController(this, {
    sizer: () => this.sizer,
    panelMinWidth: 900,
    video: () => this.video,
  });
  private readonly shape = new StreamShapeController(this, () => this.video);
  private readonly announcer = new LiveAnnouncer(this, { politeness: 'polite' });
  private adapterValue?: AdapterChoice;
  private resolver?: ResolveProducts;
  private sharedCart?: CartController;
  private messagesValue?: Partial<CuecartMessages>;

  @query('video') private video!: HTMLVideoElement;
  @query('.sizer') private sizer!: HTMLElement;
  @query('.stage') private stage!: HTMLElement;
  @query('.layout') private layoutRoot!: HTMLElement;
  @state() private listOpen = false;

  /** URL of a product feed (JSON; see docs). */
  @property({ reflect: true }) products = '';
  /** Currency for prices the feed does not state (ISO 4217). */
  @property({ reflect: true }) currency = '';
  /** Locale for money and numbers (default: the browser's). */
  @property({ reflect: true }) locale = '';
  /** Where the product card goes: `auto` (by width), `overlay` (on the video) or `panel` (beside it). */
  @property({ reflect: true }) layout: 'auto' | 'overlay' | 'panel' | 'stacked' = 'auto';
  /**
   * Ratio to reserve before the stream's own is known (`16/9`, `9:16`, `1.78`); default 16:9.
   * The box then follows the stream's intrinsic ratio.
   */
  @property({ attribute: 'aspect-ratio', reflect: true }) aspectRatio = '';
  /** `datalayer`: send GA4 ecommerce events to `window.dataLayer` (docs/analytics.md). */
  @property({ reflect: true }) analytics = '';
  /** Colour scheme of the shopping UI; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** Overrides of UI strings: an object, or JSON in the attribute; invalid entries are reported. */
  @property({ converter: { fromAttribute: (value: string | null) => value } })
  get messages(): Partial<CuecartMessages> | undefined {
    return this.messagesValue;
  }
  set messages(value: Partial<CuecartMessages> | string | null | undefined) {
    const old = this.messagesValue;
    const { messages, problems } = readMessages(value);
    this.messagesValue = messages;
    this.reportConfig('messages', problems);
    this.requestUpdate('messages', old);
  }

  /**
   * The checkout adapter: the attribute takes `events` (default) or `shopify`; the property also
   * takes any `CheckoutAdapter` object (e.g. `callbackAdapter({...})`).
   */
  @property({ attribute: 'adapter' })
  get adapter(): string | CheckoutAdapter | undefined {
    return this.adapterValue;
  }
  set adapter(value: string | CheckoutAdapter | undefined) {
    const old = this.adapterValue;
    this.adapterValue = value;
    this.shop.commerce?.setAdapter(value);
    this.requestUpdate('adapter', old);
  }

  /** The host's product lookup for ids the feed lacks (batched, cached). */
  get resolveProducts(): ResolveProducts | undefined {
    return this.resolver;
  }
  set resolveProducts(resolver: ResolveProducts | undefined) {
    this.resolver = resolver;
    this.shop.commerce?.setResolver(resolver);
  }

  /**
   * Every known product (feed, `productList`, lookups), without duplicates. The catalogue is in
   * the commerce chunk: until it has arrived (`await player.updateComplete`), this is the
   * `productList` entries set so far, as copied and not yet checked.
   */
  get productList(): Product[] {
    const catalog = this.shop.commerce?.catalog;
    return catalog ? [...new Set(Object.values(catalog.$products.get()))] : [...this.earlyProducts];
  }
  /** Gives products directly (same shape as the feed's `products`); kept if set early. */
  set productList(products: readonly Product[] | undefined) {
    // Frameworks set `undefined` when a prop is removed: nothing to add then.
    if (products === undefined || products === null) return;
    const list = this.hostEntries('productList', products) as Product[];
    if (!list.length) return;
    if (!this.shop.commerce) this.earlyProducts.push(...list);
    void this.shop.use(({ catalog }) => {
      this.earlyProducts = [];
      this.guard('productList', () => catalog.setProducts(list));
    });
  }

  /**
   * The cart this player uses. Set it to a cart from `createCart()` to share one cart between
   * players on purpose; by default each player has its own. The cart store is in the commerce
   * chunk: read it once `await player.updateComplete` has resolved with the player in the page;
   * before, it is undefined (or the cart set here).
   */
  get cartStore(): CartController | undefined {
    return this.shop.commerce ? this.shop.commerce.cart : this.sharedCart;
  }
  set cartStore(cart: CartController | undefined) {
    this.sharedCart = cart;
    this.shop.commerce?.setSharedCart(cart);
  }

  constructor() {
    super();
    new FocusRescueController(this, () => this.stage);
    new AnalyticsController(this, () => this.analytics);
    // The player loader registers this class late: keep what the page set before the upgrade.
    adoptPreUpgradeProperties(this);
  }

  /** Asks the product lookup again for `ids` (a mid-show price or stock change). */
  refreshProducts(ids: readonly string[]): Promise<unknown> {
    return this.shop.use(({ catalog }) => catalog.refresh(ids));
  }

  /**
   * Adds a variant to the cart as if the shopper pressed the card's button; null on failure.
   * Called before the commerce chunk has arrived, the add waits for it and is sent then, once.
   */
  addToCart(request: RequestAddDetail): Promise<Cart | null> {
    const src = this.src;
    return this.shop
      .use((commerce) => commerce.add(request, src))
      .then(
        (cart) => cart ?? null,
        () => null,
      );
  }

  /**
   * Also waits for the commerce chunk (and the render that follows it): from then on
   * `cartStore`, `productList` and the shopping UI are the real ones. A failed chunk does not
   * hold it up (it is reported as `products-load-failed`).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.shop.commerce || !(await this.shop.ready())) return done;
    return super.getUpdateComplete();
  }

  protected override firstUpdated(): void {
    this.attachVideo(this.video);
    // Listeners on the player's own shadow DOM: they live exactly as long as the element.
    answerRequests(this.layoutRoot, {
      play: () => void this.play(),
      pause: () => this.pause(),
      setMuted: (muted) => this.media.setMuted(muted),
      seek: (time) => this.media.seek(time),
      goToLive: () => this.media.goToLive(),
      setFullscreen: (on) => void setFullscreen(this, on),
      add: (detail) => void this.addToCart(detail),
      changeLine: (key, quantity) => void this.shop.use((c) => c.changeLine(key, quantity)),
      checkout: () => void this.shop.use((c) => c.checkout()),
      toggleList: () => (this.listOpen = !this.listOpen),
      closeList: () => (this.listOpen = false),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('products') && this.shop.commerce) {
      this.shop.commerce.setFeed(this.configUrl('products', this.products));
    }
    if (changed.has('currency')) this.shop.commerce?.setCurrency(this.currency);
    if (changed.has('aspectRatio') && !this.shape.reserve(this.aspectRatio)) {
      this.reportError(
        new CuecartError('config-invalid', 'Bad aspect-ratio (use 16/9); using 16:9.'),
      );
    }
  }

  protected override productFor(cue: ProductCue): Product | null {
    return this.shop.commerce?.productFor(cue) ?? null;
  }

  protected override cueChanged(
    type: 'cuecart-cue-enter' | 'cuecart-cue-exit',
    cue: ProductCue,
    time: number,
  ): void {
    const product = this.productFor(cue);
    if (type === 'cuecart-cue-enter' && product) {
      const { nowFeaturing } = this.mergedMessages();
      this.announcer.announce(formatMessage(nowFeaturing, { title: product.title }));
    }
    super.cueChanged(type, cue, time);
  }

  /**
   * The player's strings with the page's overrides, which may name the shopping elements' strings
   * too (already checked by the `messages` setter): the elements it renders merge in their own
   * English defaults, which arrive with them.
   */
  private mergedMessages(): PlayerView['messages'] {
    // The same object until the overrides change: the elements it is handed render on change.
    if (!this.merged || this.merged.from !== this.messagesValue)
      this.merged = {
        from: this.messagesValue,
        value: { ...playerMessages, ...this.messagesValue },
      };
    return this.merged.value;
  }

  /** {@link mergedMessages}' result and the overrides it was merged from. */
  private merged?: {
    from: Partial<CuecartMessages> | undefined;
    value: PlayerView['messages'];
  };

  private view(): PlayerView {
    // Until the commerce chunk arrives: no product, no cart (the chunk comes with the shell).
    const commerce = this.shop.commerce;
    const layoutNow = this.layoutController; // `auto`: by width, stage and the stream's shape
    return {
      media: this.media.store.get(),
      messages: this.mergedMessages(),
      layout:
        this.layout === 'auto'
          ? resolveAutoLayout(layoutNow, this.shape.effectiveRatio)
          : this.layout,
      theme: this.theme,
      currency: this.currency || commerce?.catalog.$currency.get() || undefined,
      locale: this.locale || undefined,
      video: this.videoElement,
      featured: commerce?.$featured.get(),
      slotted: this.layoutController.slotted,
      cues: this.cueController.$cues.get(),
      showProducts: commerce?.$showProducts.get() ?? [],
      markers: commerce?.$markers.get() ?? [],
      productFor: commerce?.productFor ?? (() => null),
      addStateFor: commerce?.addStateFor ?? (() => IDLE),
      cart: commerce?.$cart.get(),
      cartStatus: commerce?.$cartStatus.get(),
      announcer: this.announcer,
      listOpen: this.listOpen,
      fullscreenEnabled: this.ownerDocument.fullscreenEnabled,
    };
  }

  override render() {
    const view = this.view();
    return html`<div class="layout" part="layout">
      <div class="sizer" aria-hidden="true"></div>
      ${renderPlayer(view, { onKeydown: (e) => requestShortcut(e, view.media) })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-player': CuecartPlayer;
  }
}

export type {
  AddToCartEventDetail,
  CueEventDetail,
  CuecartPlayerEventMap,
} from '../shared/ui-events.js';
