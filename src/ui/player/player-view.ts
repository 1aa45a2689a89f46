import { html, nothing, type TemplateResult } from 'lit';
import type { Cart } from '../../commerce/checkout-adapter.js';
import type { Product } from '../../commerce/product.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { MediaState } from '../../state/media-store.js';
import type { AddState, CartStatus } from '../../state/cart-store.js';
import type {
  FeaturedItem,
  FeaturedProduct,
  ProductAddState,
} from '../../state/player-commerce.js';
import type { CuecartMessages } from '../messages.js';
import type { PlayerMessages } from '../player-messages.js';
import type { LiveAnnouncer } from '../shared/live-announcer.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import type { SeekMarker } from '../seek-markers/seek-markers.js';

/** Everything the player's template reads: a plain snapshot of its state. */
export interface PlayerView {
  media: MediaState;
  /** The player's strings and the page's overrides of any other (the elements below merge theirs). */
  messages: PlayerMessages & Partial<CuecartMessages>;
  /** `stacked`: the side panel's content below the video (a landscape picture, narrow player). */
  layout: 'overlay' | 'panel' | 'stacked';
  theme: 'light' | 'dark' | undefined;
  currency: string | undefined;
  locale: string | undefined;
  /**
   * The player's `<video>`, created (or taken over from the player loader) by the player, which
   * also keeps its poster, autoplay and loop attributes (`player/player-video.ts`).
   */
  video: HTMLVideoElement;
  /** The product on screen, with the variant its cue names. */
  featured: FeaturedProduct | undefined;
  cues: readonly ProductCue[];
  /** "In this show" (the history when live, every cue's product for VOD). */
  showProducts: readonly FeaturedItem[];
  /** Seek-bar markers (none when live), derived once per cue list and catalogue. */
  markers: readonly SeekMarker[];
  productFor(cue: ProductCue): Product | null;
  addStateFor(productId: string): ProductAddState;
  cart: Cart | undefined;
  cartStatus: CartStatus | undefined;
  announcer: LiveAnnouncer;
  /** Slots the host filled (`card`, `cart-button`): forwarded only then, so fallbacks render. */
  slotted: ReadonlySet<string>;
  listOpen: boolean;
  fullscreenEnabled: boolean;
}

/** Callbacks the template needs from the player element. */
export interface PlayerViewHandlers {
  onKeydown(event: KeyboardEvent): void;
}

/** `exportparts` value re-exporting `parts` of an inner element as `prefix-part`. */
function exportParts(prefix: string, parts: string): string {
  return parts
    .trim()
    .split(/\s+/)
    .map((part) => `${part}: ${prefix}-${part}`)
    .join(', ');
}

const CARD_PARTS = exportParts(
  'card',
  `base media image-link image badge body title title-link price price-current price-compare
   options option option-label option-value select actions quantity quantity-button
   quantity-input add-button add-button-pending add-button-added add-button-error
   add-button-sold-out spinner error`,
);
const LIST_PARTS = exportParts(
  'list',
  `base heading count list item item-active item-button image item-title item-price time select
   add-button add-button-pending add-button-added add-button-error empty`,
);
const MARKER_PARTS = exportParts('markers', 'track marker marker-active tick');
const CART_PARTS = exportParts(
  'cart',
  `cart-button count backdrop drawer header title close-button progress error lines line
   line-pending line-image line-title line-variant line-unit-price line-price quantity
   quantity-button quantity-input remove-button empty footer subtotal checkout-button`,
);
const CONTROL_PARTS = exportParts(
  'controls',
  'bar button play-button mute-button live-button fullscreen-button seek time',
);

const LIST_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M4 6h2v2H4zm4 0h12v2H8zM4 11h2v2H4zm4 0h12v2H8zm-4 5h2v2H4zm4 0h12v2H8z" />
</svg>`;

/** A recording's list: its entries seek, they have no add state (one object, never written). */
const NO_ADD_STATES: Readonly<Record<string, AddState>> = Object.freeze({});

function addStates(view: PlayerView): Readonly<Record<string, AddState>> {
  // Only a live list adds to the cart; a recording's list gets the same empty object on every
  // render, so that the player's renders (at every cue) do not render its thousands of entries.
  if (!view.media.live) return NO_ADD_STATES;
  const states: Record<string, AddState> = {};
  for (const item of view.showProducts)
    states[item.cueId] = view.addStateFor(item.product.id).state;
  return states;
}

function card(view: PlayerView, layout: 'overlay' | 'panel'): TemplateResult | typeof nothing {
  const featured = view.featured;
  if (!featured) return nothing;
  const add = view.addStateFor(featured.product.id);
  return html`<cuecart-product-card
    part="card"
    exportparts=${CARD_PARTS}
    .product=${featured.product}
    .cueId=${featured.cue.id}
    .variantId=${featured.variantId}
    .currency=${view.currency}
    .locale=${view.locale}
    .messages=${view.messages}
    .theme=${view.theme}
    .addState=${add.state}
    .errorMessage=${add.message ?? ''}
    layout=${layout}
    ?compact=${layout === 'overlay'}
  >
    ${view.slotted.has('card') ? html`<slot name="card" slot="card"></slot>` : nothing}
  </cuecart-product-card>`;
}

function productList(view: PlayerView): TemplateResult {
  return html`<cuecart-product-list
    part="list"
    exportparts=${LIST_PARTS}
    .items=${view.showProducts}
    .mode=${view.media.live ? 'live' : 'vod'}
    .activeCueId=${view.featured?.cue.id}
    .addStates=${addStates(view)}
    .currency=${view.currency}
    .locale=${view.locale}
    .messages=${view.messages}
    .theme=${view.theme}
  ></cuecart-product-list>`;
}

function miniCart(view: PlayerView): TemplateResult {
  return html`<cuecart-mini-cart
    part="mini-cart"
    exportparts=${CART_PARTS}
    contained
    .cart=${view.cart}
    .status=${view.cartStatus ?? { state: 'idle' }}
    .currency=${view.currency ?? view.cart?.currency}
    .locale=${view.locale}
    .messages=${view.messages}
    .theme=${view.theme}
  >
    ${
      view.slotted.has('cart-button')
        ? html`<slot name="cart-button" slot="cart-button"></slot>`
        : nothing
    }
  </cuecart-mini-cart>`;
}

/** Fatal errors a retry can fix (a flaky network, a CDN hiccup); not an unsupported format. */
const RETRYABLE = new Set(['media-load-failed', 'media-decode-failed']);

function requestRetry(event: Event) {
  event.currentTarget?.dispatchEvent(
    new CustomEvent('cuecart-request-retry', { bubbles: true, composed: true }),
  );
}

/** The playback error over the stage, with "Try again" when retrying can help. */
function mediaError(view: PlayerView): TemplateResult {
  const error = view.media.error!;
  return html`<div class="error" part="error" role="alert">
    <p>${error.message}</p>
    ${
      RETRYABLE.has(error.code)
        ? html`<button class="retry" part="retry-button" @click=${requestRetry}>
            ${view.messages.retry}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * The stream's state in words: "Reconnecting…" while a live playlist is stale, "The show has
 * ended" after a live show's end. Always rendered (empty when there is nothing to say), so screen
 * readers announce changes of this live region.
 */
function streamStatus(view: PlayerView): TemplateResult {
  const { media, messages } = view;
  const text = media.error
    ? ''
    : media.showEnded
      ? messages.showEnded
      : media.reconnecting
        ? messages.reconnecting
        : '';
  return html`<div
    class="stream-status"
    part="stream-status"
    role="status"
    data-state=${media.showEnded ? 'ended' : media.reconnecting ? 'reconnecting' : 'ok'}
  >
    ${text}
  </div>`;
}

function toggleList(event: Event) {
  if (event.currentTarget) {
    dispatchCuecartEvent(event.currentTarget, 'cuecart-request-toggle-list', {});
  }
}

/**
 * The player's shadow content: the stage (video, controls, overlays) and, in panel layout, the
 * side panel. Pure: it renders a {@link PlayerView} snapshot.
 */
export function renderPlayer(view: PlayerView, handlers: PlayerViewHandlers): TemplateResult {
  const { media, messages: m, layout } = view;
  const items = layout === 'overlay' ? view.showProducts : [];
  return html`
    <div
      class="stage"
      part="stage"
      tabindex="0"
      role="region"
      aria-label=${m.playerLabel}
      @keydown=${handlers.onKeydown}
    >
      ${view.video}
      ${media.waiting && !media.error ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
      ${streamStatus(view)}
      ${
        layout === 'overlay' && view.featured && !view.listOpen
          ? html`<div class="overlay" part="overlay">${card(view, 'overlay')}</div>`
          : nothing
      }
      ${
        layout === 'overlay' && view.listOpen
          ? html`<div
              class="sheet"
              part="sheet"
              @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && toggleList(e)}
            >
              ${productList(view)}
            </div>`
          : nothing
      }
      ${
        media.error
          ? mediaError(view)
          : html`<cuecart-controls
              part="controls"
              exportparts=${CONTROL_PARTS}
              .paused=${media.paused}
              .muted=${media.muted}
              .currentTime=${media.currentTime}
              .duration=${media.duration}
              .seekableStart=${media.seekableStart}
              .live=${media.live}
              .atLiveEdge=${media.atLiveEdge}
              .fullscreen=${media.fullscreen}
              .fullscreenEnabled=${view.fullscreenEnabled}
              .messages=${m}
            >
              <cuecart-seek-markers
                slot="markers"
                part="markers"
                exportparts=${MARKER_PARTS}
                .markers=${view.markers}
                .duration=${media.duration}
                .activeCueId=${view.featured?.cue.id}
                .messages=${m}
              ></cuecart-seek-markers>
            </cuecart-controls>`
      }
    </div>
    <div class="topbar">
      ${
        layout === 'overlay' && items.length
          ? html`<button
              class="products-button"
              part="products-button"
              aria-expanded=${view.listOpen ? 'true' : 'false'}
              @click=${toggleList}
            >
              ${LIST_ICON}<span>${m.inThisShow}</span><span class="badge">${items.length}</span>
            </button>`
          : nothing
      }
      ${miniCart(view)}
    </div>
    ${
      // Stacked below the picture, an empty panel would only add a padded strip: it comes
      // with the first product (the side panel keeps its column, so the picture never resizes).
      layout === 'panel' ||
      (layout === 'stacked' && (view.featured || view.showProducts.length > 0))
        ? html`<aside class="panel ${layout}" part="panel" aria-label=${m.inThisShow}>
            ${
              view.featured
                ? html`<div class="panel-card">
                    ${card(view, layout === 'stacked' ? 'overlay' : 'panel')}
                  </div>`
                : nothing
            }
            ${productList(view)}
          </aside>`
        : nothing
    }
    ${view.announcer.region()}
  `;
}
