import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createMoneyFormatter } from '../../commerce/money.js';
import { linkRel, safeUrl } from '../../internal/url-policy.js';
import type { Product, ProductVariant } from '../../commerce/product.js';
import {
  formatMessage,
  mergeMessages,
  messagesConverter,
  type CuecartMessages,
} from '../messages.js';
import { LiveAnnouncer } from '../shared/live-announcer.js';
import { quantityStepper } from '../shared/quantity-stepper.js';
import type { AddState } from '../../state/cart-store.js';
import { variantIdToAdd } from '../../commerce/variants.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import { ImpressionController } from './impression-controller.js';
import { productCardStyles } from './product-card.styles.js';
import {
  variantForSelection,
  initialSelection,
  optionModel,
  selectValue,
  type OptionModel,
  type OptionSelection,
} from './variant-options.js';
import { variantPicker } from './variant-picker.js';

/**
 * A featured product with a variant picker, a quantity stepper and an add-to-cart button. Works on
 * plain data: give it a `Product` and listen for `cuecart-request-add`; pass the outcome back down
 * through `addState` / `errorMessage`.
 *
 * A merchant replaces the whole card by slotting an element into `card`. That element receives
 * the product as its `product` (and `cueId`) property, and `cuecart-product-change` fires on the
 * card whenever the product changes; the custom card raises `cuecart-request-add` itself.
 *
 * Impressions follow the IAB viewability rule: `cuecart-product-impression` fires once per cue
 * after the card has been at least 50 % in view for one continuous second.
 *
 * @summary Product card with variant picker and add-to-cart for a shoppable video.
 * @tag cuecart-product-card
 *
 * @slot card - Replaces the whole built-in card (receives `product` / `cueId` properties).
 * @slot badge - Over the image's top corner, e.g. "Live deal" or "-20 %".
 *
 * @csspart base - The card.
 * @csspart media - Image wrapper; also holds the badge.
 * @csspart image-link - Link around the image.
 * @csspart image - The product image.
 * @csspart badge - Wrapper of the `badge` slot.
 * @csspart body - Everything beside / below the image.
 * @csspart title - Product title.
 * @csspart title-link - Link in the title when the product has a `url`.
 * @csspart price - Price line.
 * @csspart price-current - Current (sale) price.
 * @csspart price-compare - Struck-through compare-at price.
 * @csspart options - Wrapper of the variant picker.
 * @csspart option - One option (fieldset or label + select).
 * @csspart option-label - Option name.
 * @csspart option-value - One option chip; also `option-value-unavailable` when sold out.
 * @csspart select - Option `<select>` (many values or `compact`).
 * @csspart actions - Row with the stepper and the add button.
 * @csspart quantity - Quantity stepper; see also `quantity-button`, `quantity-input`.
 * @csspart add-button - Add-to-cart button; also `add-button-pending|added|error|sold-out`.
 * @csspart spinner - Busy indicator in the add button.
 * @csspart error - Error message region.
 *
 * @cssproperty --cuecart-card-image-ratio - Image box ratio in `layout="panel"` (default 16 / 9).
 * @cssproperty --cuecart-accent - Brand colour (buy button, selected chip).
 * @cssproperty --cuecart-accent-contrast - Text on the accent colour.
 * @cssproperty --cuecart-surface - Card background.
 * @cssproperty --cuecart-surface-2 - Chips, image placeholder.
 * @cssproperty --cuecart-text - Main text.
 * @cssproperty --cuecart-text-muted - Secondary text.
 * @cssproperty --cuecart-radius - Corner radius.
 * @cssproperty --cuecart-font - Font family.
 * @cssproperty --cuecart-buy-bg - Add button background (falls back to the accent).
 * @cssproperty --cuecart-buy-text - Add button text.
 * @cssproperty --cuecart-sale - Sale price colour.
 * @cssproperty --cuecart-focus-ring - Focus outline colour.
 * @cssproperty --cuecart-shadow - Card shadow.
 * @cssproperty --cuecart-overlay-blur - Backdrop blur of the overlay layout (default 16px).
 * @cssproperty --cuecart-overlay-opacity - Surface opacity of the overlay layout (default 86%).
 * @cssproperty --cuecart-card-image-size - Image size in the overlay layout (default 76px).
 *
 * @fires cuecart-request-add - `{ productId, variantId, quantity, cueId? }`: add was pressed.
 * @fires cuecart-product-click - `{ product, cueId? }`, cancelable: title or image clicked;
 *   cancel it to stop the link from navigating.
 * @fires cuecart-product-impression - `{ product, cueId? }`: viewable impression, once per cue.
 * @fires cuecart-product-change - `{ product, cueId? }`: the product changed (for a slotted card).
 */
export class CuecartProductCard extends LitElement {
  static override styles = productCardStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-product-card';

  private readonly announcer = new LiveAnnouncer(this);
  protected readonly impressions = new ImpressionController(this, {
    key: () => (this.product ? (this.cueId ?? `product:${this.product.id}`) : undefined),
    onImpression: () => {
      if (this.product) {
        dispatchCuecartEvent(this, 'cuecart-product-impression', {
          product: this.product,
          cueId: this.cueId,
        });
      }
    },
  });

  @state() private selection: OptionSelection | null = [];
  @state() private quantity = 1;
  private model: OptionModel = { names: [], variants: [] };
  private msgs: CuecartMessages = mergeMessages();

  /** The product to show. Nothing renders without one. */
  @property({ attribute: false }) product?: Product;
  /** The cue that featured the product; sent with add requests and impressions. */
  @property({ attribute: 'cue-id' }) cueId?: string;
  /** Variant to preselect (e.g. the cue's `variant`); default: the first available one. */
  @property({ attribute: 'variant-id' }) variantId?: string;
  /** ISO 4217 code; default: the product's `currency`, else USD. */
  @property() currency?: string;
  /** BCP 47 locale for prices; default: the browser's. */
  @property() locale?: string;
  /** Overrides for UI strings; the attribute takes JSON. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** State of the add button, set by whoever answers `cuecart-request-add`. */
  @property({ attribute: 'add-state', reflect: true }) addState: AddState = 'idle';
  /** Shopper-readable message shown when `addState` is `error`. */
  @property({ attribute: 'error-message' }) errorMessage = '';
  /** `overlay`: compact glass card over the video; `panel`: full card in a side panel. */
  @property({ reflect: true }) layout: 'overlay' | 'panel' = 'panel';
  /** Hides the quantity stepper and uses selects for options (small overlays). */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Light or dark theme; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.msgs = mergeMessages(this.messages);
    const previous = changed.get('product') as Product | undefined;
    const productChanged = changed.has('product') && previous?.id !== this.product?.id;
    if (changed.has('product') || changed.has('messages')) {
      // Same product with fresh data (stock changed) keeps the shopper's choice below.
      this.model = this.product
        ? optionModel(this.product, this.msgs.variant)
        : { names: [], variants: [] };
    }
    if (productChanged || changed.has('variantId')) {
      this.selection = initialSelection(this.model, this.variantId);
    }
    if (productChanged) this.quantity = 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('addState') && this.addState === 'added' && this.product) {
      this.announcer.announce(
        formatMessage(this.msgs.addedAnnouncement, { title: this.product.title }),
      );
    }
    if (changed.has('product') || changed.has('cueId')) {
      this.syncSlottedCard();
      dispatchCuecartEvent(this, 'cuecart-product-change', {
        product: this.product,
        cueId: this.cueId,
      });
    }
  }

  private get selectedVariant(): ProductVariant | undefined {
    return variantForSelection(this.model, this.selection);
  }

  private get effectiveCurrency(): string {
    return this.currency ?? this.product?.currency ?? 'USD';
  }

  private syncSlottedCard(): void {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="card"]');
    for (const el of slot?.assignedElements({ flatten: true }) ?? []) {
      Object.assign(el, { product: this.product, cueId: this.cueId });
    }
  }

  private onCardSlotChange = () => this.syncSlottedCard();

  private onSelect(index: number, value: string): void {
    this.selection = selectValue(this.model, this.selection, index, value);
  }

  private onAdd(): void {
    const product = this.product;
    const variant = this.selectedVariant;
    if (!product || this.addState === 'pending') return;
    const variantId = variantIdToAdd(product, variant);
    if (!variantId) return;
    dispatchCuecartEvent(this, 'cuecart-request-add', {
      productId: product.id,
      variantId,
      quantity: this.quantity,
      ...(this.cueId !== undefined ? { cueId: this.cueId } : {}),
    });
  }

  private onProductClick(event: MouseEvent): void {
    if (!this.product) return;
    const request = dispatchCuecartEvent(
      this,
      'cuecart-product-click',
      { product: this.product, cueId: this.cueId },
      { cancelable: true },
    );
    if (request.defaultPrevented) event.preventDefault();
  }

  /** Focuses the add button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="add-button"]')?.focus(options);
  }

  /** This element's price formatter: its number formats are built once per locale and currency. */
  private readonly formatMoney = createMoneyFormatter();

  private money(minor: number): string {
    return this.formatMoney(minor, this.effectiveCurrency, this.locale);
  }

  private renderPrice(): TemplateResult {
    const product = this.product!;
    const variant = this.selectedVariant;
    const price = variant?.price ?? product.price;
    const compare = variant ? variant.compareAtPrice : product.compareAtPrice;
    const onSale = compare !== undefined && compare > price;
    return html`
      <p class="price" part="price">
        ${onSale ? html`<span class="visually-hidden">${this.msgs.sale}</span>` : nothing}
        <span part="price-current" class=${onSale ? 'sale' : ''}>${this.money(price)}</span>
        ${
          onSale
            ? html`<span class="visually-hidden">${this.msgs.regularPrice}</span>
                <s part="price-compare">${this.money(compare)}</s>`
            : nothing
        }
      </p>
    `;
  }

  private renderAddButton(): TemplateResult {
    const product = this.product!;
    const variant = this.selectedVariant;
    const soldOut = product.variants?.length ? !variant || !variant.available : false;
    const state = soldOut ? 'sold-out' : this.addState;
    const pending = state === 'pending';
    const label =
      state === 'sold-out'
        ? this.msgs.soldOut
        : pending
          ? this.msgs.adding
          : state === 'added'
            ? this.msgs.added
            : this.msgs.addToCart;
    return html`
      <button
        type="button"
        class="buy add"
        part=${state === 'idle' ? 'add-button' : `add-button add-button-${state}`}
        ?disabled=${soldOut}
        aria-disabled=${pending ? 'true' : nothing}
        aria-busy=${pending ? 'true' : nothing}
        @click=${this.onAdd}
      >
        ${pending ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
        ${
          state === 'added'
            ? html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M9.2 16.6 4.9 12.3l-1.4 1.4 5.7 5.7L20.5 8.1l-1.4-1.4z" />
              </svg>`
            : nothing
        }
        <span>${label}</span>
      </button>
    `;
  }

  private renderCard(): TemplateResult {
    const product = this.product!;
    // Data is checked where it enters; checking again here covers products a host sets directly.
    const image = safeUrl(this.selectedVariant?.image ?? product.image);
    const url = safeUrl(product.url);
    const showError = this.addState === 'error';
    return html`
      <article class="card" part="base" aria-label=${product.title}>
        <div class="media" part="media">
          ${
            image
              ? url
                ? html`<a
                    part="image-link"
                    href=${url}
                    rel=${linkRel(url)}
                    tabindex="-1"
                    aria-hidden="true"
                    @click=${this.onProductClick}
                    ><img part="image" src=${image} alt="" loading="lazy" decoding="async"
                  /></a>`
                : html`<img part="image" src=${image} alt="" loading="lazy" decoding="async" />`
              : html`<div class="placeholder" part="image"></div>`
          }
          <div class="badge" part="badge"><slot name="badge"></slot></div>
        </div>
        <div class="body" part="body">
          <p class="title" part="title">
            ${
              url
                ? html`<a
                    part="title-link"
                    href=${url}
                    rel=${linkRel(url)}
                    @click=${this.onProductClick}
                    >${product.title}</a
                  >`
                : product.title
            }
          </p>
          ${this.renderPrice()}
          ${
            this.model.names.length
              ? html`<div class="options" part="options">
                  ${variantPicker({
                    model: this.model,
                    selection: this.selection,
                    useSelects: this.compact,
                    messages: this.msgs,
                    onSelect: (index, value) => this.onSelect(index, value),
                  })}
                </div>`
              : nothing
          }
          <div class="actions" part="actions">
            ${
              this.compact
                ? nothing
                : quantityStepper({
                    value: this.quantity,
                    min: 1,
                    label: this.msgs.quantity,
                    decreaseLabel: this.msgs.decreaseQuantity,
                    increaseLabel: this.msgs.increaseQuantity,
                    busy: this.addState === 'pending',
                    onChange: (q) => (this.quantity = q),
                  })
            }
            ${this.renderAddButton()}
          </div>
          <div class="error" part="error" role="alert">
            ${showError ? this.errorMessage || this.msgs.addError : nothing}
          </div>
        </div>
      </article>
    `;
  }

  override render() {
    return html`
      <slot name="card" @slotchange=${this.onCardSlotChange}
        >${this.product ? this.renderCard() : nothing}</slot
      >
      ${this.announcer.region()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-product-card': CuecartProductCard;
  }
}
