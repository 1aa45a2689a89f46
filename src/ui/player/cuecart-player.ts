import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CuecartError, CuecartErrorDetail } from '../../internal/errors.js';
import type { HlsSettings } from '../../player/playback-engine.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { Product } from '../../commerce/product.js';
import type { ResolveProducts } from '../../commerce/product-catalog.js';
import type { Cart, CheckoutAdapter } from '../../commerce/checkout-adapter.js';
import type { CartController } from '../../state/cart-store.js';
import type { CuecartPlayerEventMap } from './player-events.js';
import { StoreController } from '../controllers/store-controller.js';
import { LiveAnnouncer } from '../shared/live-announcer.js';
import type {
  RequestAddDetail,
  RequestChangeLineDetail,
  RequestSeekDetail,
} from '../shared/ui-events.js';
import {
  formatMessage,
  mergeMessages,
  messagesConverter,
  type CuecartMessages,
} from '../messages.js';
import { MediaController } from './media-controller.js';
import { CueController } from './cue-controller.js';
import { CommerceController } from './commerce-controller.js';
import { handleShortcut } from './shortcuts.js';
import { renderPlayer, type PlayerView } from './player-view.js';
import { playerStyles } from './cuecart-player.styles.js';

/** Container width (px) from which `layout="auto"` puts the product card in a side panel. */
const PANEL_MIN_WIDTH = 900;

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
 * @cssproperty --cuecart-aspect-ratio - Video aspect ratio (default 16 / 9; 9 / 16 on phones).
 * @cssproperty --cuecart-panel-width - Side panel width (default 340px).
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
export class CuecartPlayer extends LitElement {
  static override styles = playerStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-player';

  private readonly commerce = new CommerceController(this, {
    onError: (error) => this.reportError(error),
    onCartChange: (cart) => this.emit('cuecart-cart-change', { cart }),
    eventTarget: this,
  });
  private readonly cueController = new CueController(this, {
    onEnter: (cue, time) => this.onCueEnter(cue, time),
    onExit: (cue, time) =>
      this.emit('cuecart-cue-exit', { cue, time, product: this.commerce.productFor(cue) }),
    onError: (error) => this.reportError(error),
  });
  private readonly media = new MediaController(this, {
    onError: (error) => this.reportError(error),
    metadata: this.cueController.engineMetadata,
    hlsConfig: () => this.hlsConfig,
  });
  private readonly mediaState = new StoreController(this, this.media.store);
  private readonly cuesState = new StoreController(this, this.cueController.store.$cues);
  private readonly activeState = new StoreController(this, this.cueController.store.$active);
  private readonly productsState = new StoreController(this, this.commerce.catalog.$products);
  private readonly featuredState = new StoreController(this, this.commerce.$featured);
  private readonly announcer = new LiveAnnouncer(this, { politeness: 'polite' });
  private resizeObserver?: ResizeObserver;
  private readonly lastVariant = new Map<string, string>();
  private slotObserver?: MutationObserver;
  private focusWasInside = false;

  @query('video') private video!: HTMLVideoElement;
  @query('.sizer') private sizer!: HTMLElement;
  @query('.stage') private stage!: HTMLElement;
  @state() private effectiveLayout: 'overlay' | 'panel' = 'overlay';
  @state() private listOpen = false;

  /** HLS playlist (`.m3u8`) or progressive MP4/WebM URL. */
  @property({ reflect: true }) src = '';
  /** Poster image URL. */
  @property({ reflect: true }) poster = '';
  /** Start playing as soon as possible (browsers may require `muted`). */
  @property({ type: Boolean, reflect: true }) autoplay = false;
  /** Start muted. */
  @property({ type: Boolean, reflect: true }) muted = false;
  /** Loop a VOD source. */
  @property({ type: Boolean, reflect: true }) loop = false;
  /** URL of a side-car cue list: JSON (`{"cues": [...]}`) or WebVTT metadata. */
  @property({ reflect: true }) cues = '';
  /** URL of a product feed (JSON; see docs). */
  @property({ reflect: true }) products = '';
  /** Currency for prices the feed does not state (ISO 4217). */
  @property({ reflect: true }) currency = '';
  /** Locale for money and numbers (default: the browser's). */
  @property({ reflect: true }) locale = '';
  /** Where the product card goes: `auto` (by width), `overlay` (on the video) or `panel` (beside it). */
  @property({ reflect: true }) layout: 'auto' | 'overlay' | 'panel' = 'auto';
  /** Colour scheme of the shopping UI; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** hls.js settings over Cuecart's retry policy (docs/resilience.md); read when a source starts. */
  hlsConfig?: HlsSettings;
  /** Overrides of UI strings: an object, or JSON in the attribute. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** Whether the stream is live (read-only, reflected for styling). */
  @property({ type: Boolean, reflect: true, attribute: 'live' }) protected liveState = false;

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
    if (value && typeof value === 'object') this.commerce.setAdapter(value);
    else {
      this.commerce.setAdapter(undefined);
      this.commerce.setAdapterName(value ?? 'events');
    }
    this.requestUpdate('adapter', old);
  }
  private adapterValue?: string | CheckoutAdapter;

  /** The host's product lookup for ids the feed lacks (batched, cached). */
  get resolveProducts(): ResolveProducts | undefined {
    return this.resolver;
  }
  set resolveProducts(resolver: ResolveProducts | undefined) {
    this.resolver = resolver;
    this.commerce.setResolver(resolver);
  }
  private resolver?: ResolveProducts;

  /** Every known product (feed, `productList`, lookups), without duplicates. */
  get productList(): Product[] {
    return [...new Set(Object.values(this.commerce.catalog.$products.get()))];
  }
  /** Gives products directly (same shape as the feed's `products`). */
  set productList(products: readonly Product[] | undefined) {
    // Frameworks set `undefined` when a prop is removed: nothing to add then.
    if (products) this.commerce.setProducts(products);
  }

  /** Every product cue known so far, in timeline order (start, then id). */
  get cueList(): readonly ProductCue[] {
    return this.cueController.store.$cues.get();
  }
  /** Replaces the host-given cues: ProductCues or JSON cue-list entries (`{start, product, ...}`). */
  set cueList(entries: readonly unknown[] | undefined) {
    const store = this.cueController.store;
    store.removeSources(['api']);
    if (entries) store.addCues(entries);
  }

  /** The cues active on the presented frame. */
  get activeCues(): readonly ProductCue[] {
    return this.cueController.store.$active.get();
  }

  /**
   * The cart this player uses. Set it to a cart from `createCart()` to share one cart between
   * players on purpose; by default each player has its own.
   */
  get cartStore(): CartController | undefined {
    return this.commerce.cart;
  }
  set cartStore(cart: CartController | undefined) {
    this.commerce.setSharedCart(cart);
  }

  /** Current media time in seconds; setting it seeks. */
  get currentTime(): number {
    return this.media.store.get().currentTime;
  }
  set currentTime(time: number) {
    this.media.seek(time);
  }

  /** Duration in seconds (`NaN` before metadata, `Infinity` when live). */
  get duration(): number {
    return this.media.store.get().duration;
  }

  /** Whether playback is paused. */
  get paused(): boolean {
    return this.media.store.get().paused;
  }

  /** Whether the source is a live stream. */
  get live(): boolean {
    return this.media.store.get().live;
  }

  /** The engine playing the current source: `hls.js`, `native-hls`, `progressive`, or null. */
  get engine(): string | null {
    return this.media.engineKind;
  }

  /** The fatal playback error currently shown, if any. */
  get error(): CuecartErrorDetail | null {
    return this.media.store.get().error;
  }

  /** The per-player media store (nanostores), for advanced hosts. */
  get mediaStore() {
    return this.media.store;
  }

  /** The per-player cue store (nanostores), for advanced hosts. */
  get cueStore() {
    return this.cueController.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      this.effectiveLayout = width >= PANEL_MIN_WIDTH ? 'panel' : 'overlay';
    });
    if (this.sizer) this.resizeObserver.observe(this.sizer);
    // Which slots the page filled decides what is forwarded (see PlayerView.slotted).
    this.slotObserver = new MutationObserver(() => this.requestUpdate());
    this.slotObserver.observe(this, {
      childList: true,
      subtree: false,
      attributes: true,
      attributeFilter: ['slot'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.slotObserver?.disconnect();
  }

  /** Starts playback. Resolves even when the browser's autoplay policy refuses. */
  play(): Promise<void> {
    return this.media.play();
  }

  /** Pauses playback. */
  pause(): void {
    this.media.pause();
  }

  /** Jumps to the live edge of a live stream. */
  seekToLive(): void {
    this.media.goToLive();
  }

  /** Adds cues: ProductCues or JSON cue-list entries (`{start, end?, product, ...}`). */
  addCues(entries: readonly unknown[]): void {
    this.cueController.store.addCues(entries);
  }

  /** Asks the product lookup again for `ids` (a mid-show price or stock change). */
  refreshProducts(ids: readonly string[]): Promise<unknown> {
    return this.commerce.catalog.refresh(ids);
  }

  /** Adds a variant to the cart as if the shopper pressed the card's button. */
  addToCart(request: RequestAddDetail): Promise<Cart | null> {
    return this.runAdd(request);
  }

  protected override firstUpdated(): void {
    // Observed: a zero-height sentinel as wide as the player. Switching layout changes the
    // player's height, and observing the player itself would loop ResizeObserver.
    this.resizeObserver?.observe(this.sizer);
    this.video.muted = this.muted;
    this.cueController.attach(this.video);
    this.media.attach(this.video);
    this.cueController.store.$cues.listen((cues) => this.commerce.prefetch(cues));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('products')) this.commerce.setFeed(this.products);
    if (changed.has('currency')) this.commerce.setCurrency(this.currency);
    if (!this.hasUpdated && this.adapterValue === undefined) this.commerce.setAdapterName('events');
    this.focusWasInside = this.shadowRoot?.activeElement != null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      this.media.setSource(this.src);
      if (changed.get('src') !== undefined) {
        this.cueController.sourceChanged();
        this.commerce.clearFeatured();
      }
    }
    if (changed.has('cues')) this.cueController.setSideCar(this.cues);
    if (changed.has('muted')) this.media.setMuted(this.muted);
    if (changed.has('autoplay') && this.autoplay && this.src) void this.media.play();
    const { live, liveWindowStart, currentTime } = this.mediaState.value;
    if (live !== this.liveState) this.liveState = live;
    // A viewer behind the window (paused, time-shifted) keeps the cues they can still reach.
    if (live && liveWindowStart != null) {
      this.cueController.liveWindowStart(Math.min(liveWindowStart, currentTime));
    }
    // The focused control went away with this render (the card of an ended cue, the closed
    // product sheet): browsers drop focus to <body>, which strands a keyboard user.
    if (this.focusWasInside && this.shadowRoot?.activeElement == null) {
      const active = this.ownerDocument.activeElement;
      if (!active || active === this.ownerDocument.body) this.stage.focus({ preventScroll: true });
    }
  }

  private get mergedMessages(): CuecartMessages {
    return mergeMessages(this.messages);
  }

  private emit<K extends keyof CuecartPlayerEventMap>(
    type: K,
    detail: CuecartPlayerEventMap[K]['detail'],
  ) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private reportError(error: CuecartError) {
    this.emit('cuecart-error', error.toDetail());
  }

  private onCueEnter(cue: ProductCue, time: number) {
    const product = this.commerce.productFor(cue);
    if (product) {
      this.commerce.featured(cue, product);
      this.announcer.announce(
        formatMessage(this.mergedMessages.nowFeaturing, { title: product.title }),
      );
    }
    this.emit('cuecart-cue-enter', { cue, time, product });
  }

  private runAdd(request: RequestAddDetail): Promise<Cart | null> {
    this.lastVariant.set(request.productId, request.variantId);
    const { line, result, joined } = this.commerce.add(request, this.src);
    if (line && !joined && !this.commerce.usesEventsAdapter) {
      // The events adapter dispatches this event itself (it is its request); others notify.
      this.emit('cuecart-add-to-cart', { line, result });
    }
    return result.catch(() => null);
  }

  private onRequestChangeLine(event: CustomEvent<RequestChangeLineDetail>) {
    if (event.defaultPrevented) return;
    event.preventDefault();
    void this.commerce.changeLine(event.detail.key, event.detail.quantity);
  }

  private onRequestCheckout(event: Event) {
    if (event.defaultPrevented) return;
    event.preventDefault();
    const cart = this.commerce.cart;
    if (!cart) return;
    if (!this.commerce.usesEventsAdapter) this.emit('cuecart-checkout', { cart: cart.$cart.get() });
    void this.commerce.checkout();
  }

  private onKeydown(event: KeyboardEvent) {
    const state = this.mediaState.value;
    handleShortcut(event, {
      togglePlay: () => void (state.paused ? this.play() : this.pause()),
      seekBy: (delta) => this.media.seek(state.currentTime + delta),
      toggleMute: () => this.media.setMuted(!state.muted),
      toggleFullscreen: () => void this.toggleFullscreen(!state.fullscreen),
    });
  }

  private async toggleFullscreen(on: boolean) {
    try {
      if (on) await this.requestFullscreen();
      else if (this.ownerDocument.fullscreenElement === this)
        await this.ownerDocument.exitFullscreen();
    } catch {
      // Full screen can be refused (iframe without allowfullscreen); nothing to undo.
    }
  }

  private view(): PlayerView {
    const cart = this.commerce.cart;
    // Read so the template follows the catalogue (products arriving after their cue).
    void this.productsState.value;
    const featured = this.commerce.featuredAmong(this.activeState.value);
    return {
      media: this.mediaState.value,
      messages: this.mergedMessages,
      layout: this.layout === 'auto' ? this.effectiveLayout : this.layout,
      theme: this.theme,
      currency: this.currency || this.commerce.catalog.$currency.get() || undefined,
      locale: this.locale || undefined,
      poster: this.poster,
      autoplay: this.autoplay,
      loop: this.loop,
      featured,
      featuredVariantId: featured?.variantId,
      slotted: new Set(
        Array.from(this.children, (child) => child.getAttribute('slot') ?? '').filter(Boolean),
      ),
      cues: this.cuesState.value,
      featuredHistory: this.featuredState.value,
      productFor: (cue) => this.commerce.productFor(cue),
      addStateFor: (productId) => {
        const variant = this.lastVariant.get(productId);
        return (variant && cart?.$variants.get()[variant]) || 'idle';
      },
      cart: cart?.$cart.get(),
      cartStatus: cart?.$status.get(),
      announcer: this.announcer,
      listOpen: this.listOpen,
      fullscreenEnabled: this.ownerDocument.fullscreenEnabled,
    };
  }

  override render() {
    return html`<div
      class="layout"
      part="layout"
      @cuecart-request-play=${() => this.play()}
      @cuecart-request-pause=${() => this.pause()}
      @cuecart-request-mute=${(e: CustomEvent<{ muted: boolean }>) => this.media.setMuted(e.detail.muted)}
      @cuecart-request-seek=${(e: CustomEvent<RequestSeekDetail>) => {
        this.media.seek(e.detail.time);
        this.listOpen = false;
      }}
      @cuecart-request-live=${() => this.media.goToLive()}
      @cuecart-request-fullscreen=${(e: CustomEvent<{ fullscreen: boolean }>) =>
        this.toggleFullscreen(e.detail.fullscreen)}
      @cuecart-request-add=${(e: CustomEvent<RequestAddDetail>) => void this.runAdd(e.detail)}
      @cuecart-request-change-line=${this.onRequestChangeLine}
      @cuecart-request-checkout=${this.onRequestCheckout}
      @cuecart-toggle-list=${() => (this.listOpen = !this.listOpen)}
    >
      <div class="sizer" aria-hidden="true"></div>
      ${renderPlayer(this.view(), { onKeydown: (e) => this.onKeydown(e) })}
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
} from './player-events.js';
