import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { createMoneyFormatter } from '../../commerce/money.js';
import { safeUrl } from '../../internal/url-policy.js';
import type { Product, ProductVariant } from '../../commerce/product.js';
import {
  formatMessage,
  mergeMessages,
  messagesConverter,
  type CuecartMessages,
} from '../messages.js';
import { formatTime } from '../shared/format-time.js';
import type { AddState } from '../../state/cart-store.js';
import type { FeaturedItem } from '../../state/player-commerce.js';
import { defaultVariant, variantIdToAdd } from '../../commerce/variants.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import { ListWindowController } from './list-window.js';
import { productListStyles } from './product-list.styles.js';

/** One product featured in the show, at the media time its cue starts. */
export type ProductListItem = FeaturedItem;

/**
 * "In this show": every product featured so far (live, newest first: what was just shown is on
 * top) or in the whole recording (VOD, in show order: earliest moment first, like chapters). In VOD each entry is one button that asks to seek to the moment the product was
 * featured; in live each entry has an add-to-cart button (and a variant select when the product
 * has several variants in stock).
 *
 * @summary The list of products featured in a shoppable video.
 * @tag cuecart-product-list
 *
 * @slot empty - Replaces the text shown before any product is featured.
 *
 * @csspart base - The section.
 * @csspart heading - The "In this show" heading.
 * @csspart count - Number of products, in the heading.
 * @csspart list - The `<ul>`.
 * @csspart item - One `<li>`; also `item-active` on the current one.
 * @csspart item-button - The whole-entry seek button (VOD).
 * @csspart image - Product thumbnail.
 * @csspart item-title - Product title.
 * @csspart item-price - Product price.
 * @csspart time - "Jump to 1:23" label (VOD).
 * @csspart select - Variant select (live).
 * @csspart add-button - Add button (live); also `add-button-pending|added|error|sold-out`.
 * @csspart empty - The empty state.
 *
 * @cssstate windowed - More than 100 entries: only those near the viewport are rendered.
 *
 * @cssproperty --cuecart-accent - Active entry marker and buy button.
 * @cssproperty --cuecart-surface - Background.
 * @cssproperty --cuecart-surface-2 - Entry hover and thumbnail placeholder.
 * @cssproperty --cuecart-text - Main text.
 * @cssproperty --cuecart-text-muted - Prices, times.
 * @cssproperty --cuecart-radius - Corner radius.
 * @cssproperty --cuecart-buy-bg - Add button background.
 * @cssproperty --cuecart-buy-text - Add button text.
 * @cssproperty --cuecart-focus-ring - Focus outline colour.
 *
 * @fires cuecart-request-seek - `{ time, cueId }`: a VOD entry was chosen.
 * @fires cuecart-request-add - `{ productId, variantId, quantity: 1, cueId }`: live add.
 */
export class CuecartProductList extends LitElement {
  static override styles = productListStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-product-list';

  @state() private chosenVariants: Record<string, string> = {};
  private msgs: CuecartMessages = mergeMessages();

  /** Featured products with their cue id and start time, in any order. */
  @property({ attribute: false }) items: readonly ProductListItem[] = [];
  /** `vod` entries seek; `live` entries add to cart. */
  @property({ reflect: true }) mode: 'live' | 'vod' = 'vod';
  /** Cue currently on screen; its entry is marked `aria-current`. */
  @property({ attribute: 'active-cue-id' }) activeCueId?: string;
  /** Add-button state per cue id (live), set by whoever answers `cuecart-request-add`. */
  @property({ attribute: false }) addStates: Record<string, AddState> = {};
  /** ISO 4217 code; default: each product's `currency`, else USD. */
  @property() currency?: string;
  /** BCP 47 locale for prices; default: the browser's. */
  @property() locale?: string;
  /** Overrides for UI strings; the attribute takes JSON. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** Light or dark theme; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** {@link items} in display order, sorted when the items or the mode change. */
  private sortedItems: ProductListItem[] = [];

  /**
   * A recording of thousands of cues lists thousands of entries: past 100, only those near the
   * viewport are rendered (`list-window.ts`), with `aria-setsize`/`aria-posinset` giving each its
   * place in the whole list.
   */
  private readonly listWindow = new ListWindowController(this, {
    threshold: 100,
    overscan: 10,
    minimum: 30,
    maximum: 300,
    list: () => this.renderRoot.querySelector<HTMLElement>('ul[part="list"]'),
  });

  /** Where the `windowed` custom state is kept (none where the browser has no custom states). */
  private readonly internals = this.attachInternals?.();

  /** Focus entering an entry at an edge of the window renders the entries beyond it. */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element | null)?.closest?.<HTMLElement>('li[data-index]');
    if (row) this.listWindow.focusEntry(Number(row.dataset.index));
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.msgs = mergeMessages(this.messages);
    if (changed.has('items') || changed.has('mode')) this.sortedItems = this.sortItems();
  }

  /**
   * When only the active cue changed — at every cue of a show, with one entry per cue — the mark
   * moves between the entries concerned instead of every entry being rendered again: a replay of
   * thousands of cues costs the same as one of ten. Any other change renders, then marks.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (!this.hasUpdated || changed.size !== 1 || !changed.has('activeCueId')) return true;
    this.markActive();
    return false;
  }

  protected override updated(): void {
    this.markActive();
    // `:state(windowed)`: a long list, which a stacked player caps in a box of its own.
    const states = this.internals?.states;
    if (this.listWindow.windowed(this.sortedItems.length)) states?.add('windowed');
    else states?.delete('windowed');
  }

  /**
   * Marks the entry of {@link activeCueId} — its parts, `aria-current` and its "featured now"
   * text — and unmarks any other. The template renders every entry unmarked (entries are reused
   * by position), so this is the one place the mark is written.
   */
  private markActive(): void {
    const root = this.renderRoot;
    const id = this.activeCueId;
    for (const row of Array.from(root.querySelectorAll<HTMLElement>('li[aria-current]'))) {
      if (row.dataset.cueId !== id) setMark(row, false);
    }
    if (id === undefined) return;
    const row = root.querySelector<HTMLElement>(`li[data-cue-id="${CSS.escape(id)}"]`);
    if (row) setMark(row, true);
  }

  /**
   * Items in show order for a recording (earliest first; equal starts keep the given order) and
   * newest first while live (equal starts: the later-given item first).
   */
  private sortItems(): ProductListItem[] {
    const direction = this.mode === 'vod' ? 1 : -1;
    return this.items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => direction * (a.item.start - b.item.start || a.index - b.index))
      .map(({ item }) => item);
  }

  private variantFor(item: ProductListItem): ProductVariant | undefined {
    const chosen = this.chosenVariants[item.cueId];
    return (
      item.product.variants?.find((v) => v.id === chosen) ?? defaultVariant(item.product.variants)
    );
  }

  private onSeek(item: ProductListItem): void {
    dispatchCuecartEvent(this, 'cuecart-request-seek', { time: item.start, cueId: item.cueId });
  }

  private onAdd(item: ProductListItem): void {
    if (this.addStates[item.cueId] === 'pending') return;
    const variantId = variantIdToAdd(item.product, this.variantFor(item));
    if (!variantId) return;
    dispatchCuecartEvent(this, 'cuecart-request-add', {
      productId: item.product.id,
      variantId,
      quantity: 1,
      cueId: item.cueId,
    });
  }

  /** This element's price formatter: its number formats are built once per locale and currency. */
  private readonly formatMoney = createMoneyFormatter();

  private price(item: ProductListItem, variant?: ProductVariant): string {
    const currency = this.currency ?? item.product.currency ?? 'USD';
    return this.formatMoney(variant?.price ?? item.product.price, currency, this.locale);
  }

  private renderThumb(product: Product): TemplateResult {
    const image = safeUrl(product.image);
    return image
      ? html`<img part="image" class="thumb" src=${image} alt="" loading="lazy" />`
      : html`<span part="image" class="thumb"></span>`;
  }

  private renderVodItem(item: ProductListItem): TemplateResult {
    return html`
      <button type="button" class="entry" part="item-button" @click=${() => this.onSeek(item)}>
        ${this.renderThumb(item.product)}
        <span class="text">
          <span class="title" part="item-title">${item.product.title}</span>
          <span class="meta">
            <span class="price" part="item-price">${this.price(item)}</span>
            <span class="time" part="time">
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path
                  d="M8 5.14v13.72a1 1 0 0 0 1.5.86l11-6.86a1 1 0 0 0 0-1.72l-11-6.86A1 1 0 0 0 8 5.14Z"
                />
              </svg>
              ${formatMessage(this.msgs.jumpTo, { time: formatTime(item.start) })}
            </span>
          </span>
        </span>
      </button>
    `;
  }

  private renderLiveItem(item: ProductListItem): TemplateResult {
    const variant = this.variantFor(item);
    const variants = item.product.variants ?? [];
    const soldOut = variants.length > 0 && (!variant || !variant.available);
    const addState = soldOut ? 'sold-out' : (this.addStates[item.cueId] ?? 'idle');
    const pending = addState === 'pending';
    const titleId = `title-${item.cueId}`;
    const label =
      addState === 'sold-out'
        ? this.msgs.soldOut
        : pending
          ? this.msgs.adding
          : addState === 'added'
            ? this.msgs.added
            : this.msgs.addToCart;
    return html`
      <div class="entry">
        ${this.renderThumb(item.product)}
        <div class="text">
          <span class="title" part="item-title" id=${titleId}>${item.product.title}</span>
          <span class="price" part="item-price">${this.price(item, variant)}</span>
          <div class="actions">
            ${
              variants.length > 1
                ? html`<select
                    part="select"
                    aria-label=${formatMessage(this.msgs.chooseOption, { option: this.msgs.variant })}
                    aria-describedby=${titleId}
                    @change=${(e: Event) =>
                      (this.chosenVariants = {
                        ...this.chosenVariants,
                        [item.cueId]: (e.target as HTMLSelectElement).value,
                      })}
                  >
                    ${variants.map(
                      (v) =>
                        html`<option
                          value=${v.id}
                          ?selected=${v.id === variant?.id}
                          ?disabled=${!v.available}
                        >
                          ${v.available ? v.title : formatMessage(this.msgs.optionSoldOut, { value: v.title })}
                        </option>`,
                    )}
                  </select>`
                : nothing
            }
            <button
              type="button"
              class="buy"
              part=${addState === 'idle' ? 'add-button' : `add-button add-button-${addState}`}
              aria-describedby=${titleId}
              ?disabled=${soldOut}
              aria-disabled=${pending ? 'true' : nothing}
              aria-busy=${pending ? 'true' : nothing}
              @click=${() => this.onAdd(item)}
            >
              ${pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${label}
            </button>
          </div>
        </div>
      </div>
    `;
  }

  override render() {
    const items = this.sortedItems;
    const windowed = this.listWindow.windowed(items.length);
    const { from, to } = this.listWindow.range(items.length);
    const spacer = (edge: 'before' | 'after') =>
      windowed
        ? html`<li class="spacer" data-spacer=${edge} aria-hidden="true" hidden></li>`
        : nothing;
    return html`
      <section part="base" aria-labelledby="heading">
        <h2 id="heading" part="heading">
          ${this.msgs.inThisShow}
          ${items.length ? html`<span part="count" class="count">${items.length}</span>` : nothing}
        </h2>
        ${
          items.length
            ? html`<ul
                part="list"
                role="list"
                tabindex=${windowed ? '-1' : nothing}
                aria-labelledby=${windowed ? 'heading' : nothing}
                @focusin=${this.onFocusIn}
              >
                ${spacer('before')}
                ${repeat(
                  items.slice(from, to),
                  // Keyed: an entry's elements stay its own as entries come and go (the live
                  // list's newest on top, the window moving), so focus never lands on another
                  // product's button.
                  (item) => item.cueId,
                  (item, offset) => {
                    // Unmarked: `markActive` marks the active entry after each render.
                    return html`<li
                      part="item"
                      data-cue-id=${item.cueId}
                      data-index=${from + offset}
                      aria-posinset=${windowed ? from + offset + 1 : nothing}
                      aria-setsize=${windowed ? items.length : nothing}
                    >
                      ${this.mode === 'vod' ? this.renderVodItem(item) : this.renderLiveItem(item)}
                      <span class="visually-hidden" data-featured-now hidden
                        >${this.msgs.featuredNow}</span
                      >
                    </li>`;
                  },
                )}
                ${spacer('after')}
              </ul>`
            : html`<p part="empty" class="empty">
                <slot name="empty">${this.msgs.productListEmpty}</slot>
              </p>`
        }
      </section>
    `;
  }
}

/** Writes an entry's active mark (see `markActive`). */
function setMark(row: HTMLElement, active: boolean): void {
  row.setAttribute('part', active ? 'item item-active' : 'item');
  if (active) row.setAttribute('aria-current', 'true');
  else row.removeAttribute('aria-current');
  const featured = row.querySelector<HTMLElement>(':scope > [data-featured-now]');
  if (featured) featured.hidden = !active;
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-product-list': CuecartProductList;
  }
}
