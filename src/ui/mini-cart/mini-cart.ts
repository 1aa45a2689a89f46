import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { emptyCart, type Cart, type CartLine } from '../../commerce/checkout-adapter.js';
import { createMoneyFormatter } from '../../commerce/money.js';
import { linkRel, safeUrl } from '../../internal/url-policy.js';
import {
  formatMessage,
  mergeMessages,
  messagesConverter,
  pluralMessage,
  type CuecartMessages,
} from '../messages.js';
import { deepActiveElement, FocusTrapController } from '../shared/focus-trap.js';
import { quantityStepper } from '../shared/quantity-stepper.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import { miniCartStyles } from './mini-cart.styles.js';
import type { CartStatus } from '../../state/cart-store.js';
import { PlayerCartConnection } from './player-cart-connection.js';

const cartIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path
    d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4ZM1 2v2h2l3.6 7.6-1.35 2.4A2 2 0 0 0 7 17h12v-2H7.4l1.1-2h7.45a2 2 0 0 0 1.75-1.03L21.7 5H5.2L4.3 3 4 2H1Z"
  />
</svg>`;
const closeIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path
    d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"
  />
</svg>`;
const trashIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M9 3v1H4v2h16V4h-5V3H9ZM6 8l1 13h10l1-13H6Zm4 2h1.5v9H10v-9Zm2.5 0H14v9h-1.5v-9Z" />
</svg>`;

/**
 * The mini cart: a cart button with an item count that opens a modal drawer listing the cart's
 * lines, with quantity steppers, remove buttons, the subtotal and a checkout button.
 *
 * Two ways to feed it:
 * - **Properties** (inside the player, or any host): set `cart` and `status`, answer
 *   `cuecart-request-change-line` and `cuecart-request-checkout`.
 * - **`for="PLAYER_ID"`** (anywhere on the page): without a `cart` property it connects to that
 *   player's `cartStore` and answers its own requests by calling the store, unless a listener
 *   cancels the request event.
 *
 * The drawer is a modal dialog: focus moves into it and is trapped there; Escape, the close
 * button and a backdrop click close it, and focus returns to the button that opened it.
 *
 * @summary Cart button and cart drawer for a shoppable video.
 * @tag cuecart-mini-cart
 *
 * @slot cart-button - Replaces the built-in cart button; clicking it toggles the drawer.
 * @slot empty - Replaces the empty-cart text.
 * @slot footer - Extra content above the checkout button (e.g. a free-shipping note).
 *
 * @csspart cart-button - The built-in cart button.
 * @csspart count - The item count badge on it.
 * @csspart backdrop - The dimmed layer behind the drawer.
 * @csspart drawer - The dialog panel.
 * @csspart header - Drawer header.
 * @csspart title - "Your cart".
 * @csspart close-button - Drawer close button.
 * @csspart progress - Busy bar shown while a cart request is pending.
 * @csspart error - Error message region (`role=alert`).
 * @csspart lines - The list of lines.
 * @csspart line - One line; `line-pending` while it is being confirmed.
 * @csspart line-image - Line thumbnail.
 * @csspart line-title - Product title (a link when the line has a `url`).
 * @csspart line-variant - Variant title.
 * @csspart line-unit-price - "$10.00 each".
 * @csspart line-price - Line total.
 * @csspart quantity - Line quantity stepper; also `quantity-button`, `quantity-input`.
 * @csspart remove-button - Line remove button.
 * @csspart empty - Empty state.
 * @csspart footer - Subtotal and checkout area.
 * @csspart subtotal - Subtotal row.
 * @csspart checkout-button - The checkout button.
 *
 * @cssproperty --cuecart-accent - Count badge, checkout button.
 * @cssproperty --cuecart-accent-contrast - Text on the accent colour.
 * @cssproperty --cuecart-surface - Drawer background.
 * @cssproperty --cuecart-surface-2 - Thumbnails, hover.
 * @cssproperty --cuecart-text - Main text.
 * @cssproperty --cuecart-text-muted - Secondary text.
 * @cssproperty --cuecart-radius - Corner radius.
 * @cssproperty --cuecart-font - Font family.
 * @cssproperty --cuecart-buy-bg - Checkout button background.
 * @cssproperty --cuecart-buy-text - Checkout button text.
 * @cssproperty --cuecart-focus-ring - Focus outline colour.
 * @cssproperty --cuecart-shadow - Drawer shadow.
 * @cssproperty --cuecart-backdrop - Backdrop colour.
 * @cssproperty --cuecart-drawer-width - Drawer width (default min(100%, 24rem)).
 * @cssproperty --cuecart-cart-button-bg - Cart button background.
 * @cssproperty --cuecart-cart-button-text - Cart button icon colour.
 *
 * @fires cuecart-request-change-line - `{ key, quantity }` (cancelable); quantity 0 removes.
 * @fires cuecart-request-checkout - `{}` (cancelable).
 * @fires cuecart-mini-cart-toggle - `{ open }`: the drawer opened or closed.
 */
export class CuecartMiniCart extends LitElement {
  static override styles = miniCartStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-mini-cart';

  private readonly trap = new FocusTrapController(this, () => this.drawer);
  private readonly connection = new PlayerCartConnection(this, () =>
    this.cart === undefined ? this.htmlFor || undefined : undefined,
  );

  private get drawer(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="drawer"]');
  }

  private msgs: CuecartMessages = mergeMessages();
  private focusWasInDrawer = false;

  /** The cart to show. When unset and `for` is set, the player's cart is shown. */
  @property({ attribute: false }) cart?: Cart;
  /** Status of the last cart request, from whoever answers the request events. */
  @property({ attribute: false }) status: CartStatus = { state: 'idle' };
  /** Id of the `<cuecart-player>` to connect to when no `cart` is given. */
  @property({ attribute: 'for' }) htmlFor = '';
  /** ISO 4217 code; default: the cart's `currency`. */
  @property() currency?: string;
  /** BCP 47 locale for prices; default: the browser's. */
  @property() locale?: string;
  /** Overrides for UI strings; the attribute takes JSON. */
  @property({ converter: messagesConverter }) messages?: Partial<CuecartMessages>;
  /** Whether the drawer is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Position the drawer inside the nearest positioned ancestor instead of the viewport. */
  @property({ type: Boolean, reflect: true }) contained = false;
  /** Light or dark theme; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.msgs = mergeMessages(this.messages);
    if (changed.has('htmlFor') || changed.has('cart')) this.connection.refresh();
    this.focusWasInDrawer = this.trap.active && this.shadowRoot?.activeElement != null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && (this.open || changed.get('open') !== undefined)) {
      if (this.open) {
        const opener = deepActiveElement(this.ownerDocument);
        const returnTo =
          opener instanceof HTMLElement && opener !== this.ownerDocument.body
            ? opener
            : this.cartButton();
        this.trap.activate(
          this.renderRoot.querySelector<HTMLElement>('[part="close-button"]'),
          returnTo,
        );
      } else {
        this.trap.deactivate();
      }
      dispatchCuecartEvent(this, 'cuecart-mini-cart-toggle', { open: this.open });
    } else if (this.open && this.focusWasInDrawer && this.shadowRoot?.activeElement == null) {
      // The focused control went away (its line was removed): keep focus in the dialog.
      this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
    }
  }

  private get effectiveCart(): Cart {
    return this.cart ?? this.connection.cart ?? emptyCart(this.currency ?? 'USD');
  }

  private get effectiveStatus(): CartStatus {
    return (this.cart === undefined ? this.connection.status : undefined) ?? this.status;
  }

  private cartButton(): HTMLElement | null {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="cart-button"]');
    const slotted = slot?.assignedElements({ flatten: true })[0];
    return (
      (slotted as HTMLElement | undefined) ??
      this.renderRoot.querySelector<HTMLElement>('[part="cart-button"]')
    );
  }

  private onCartButtonClick = (event: MouseEvent) => {
    if (event.defaultPrevented) return;
    this.open = !this.open;
  };

  private onDrawerKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Handled here so a surrounding player does not also act on it.
      event.stopPropagation();
      event.preventDefault();
      this.hide();
    }
  };

  private changeLine(line: CartLine, quantity: number): void {
    const request = dispatchCuecartEvent(
      this,
      'cuecart-request-change-line',
      { key: line.key, quantity },
      { cancelable: true },
    );
    if (!request.defaultPrevented) this.connection.store?.changeLine(line.key, quantity);
  }

  private onCheckout = () => {
    if (this.effectiveStatus.state === 'pending' || this.effectiveCart.lines.length === 0) return;
    const request = dispatchCuecartEvent(
      this,
      'cuecart-request-checkout',
      {},
      { cancelable: true },
    );
    if (!request.defaultPrevented) this.connection.store?.checkout();
  };

  /** Opens the drawer. */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer; focus returns to the button that opened it. */
  hide(): void {
    this.open = false;
  }

  /** Toggles the drawer. */
  toggle(): void {
    this.open = !this.open;
  }

  /** This element's price formatter: its number formats are built once per locale and currency. */
  private readonly formatMoney = createMoneyFormatter();

  private money(minor: number, cart: Cart): string {
    return this.formatMoney(minor, this.currency ?? cart.currency ?? 'USD', this.locale);
  }

  private renderLine(line: CartLine, cart: Cart): TemplateResult {
    const msgs = this.msgs;
    // The cart store checks adapters' carts; a `cart` set directly on this element is checked here.
    const image = safeUrl(line.image);
    const url = safeUrl(line.url);
    return html`
      <li
        class="line"
        part=${line.pending ? 'line line-pending' : 'line'}
        aria-busy=${line.pending ? 'true' : nothing}
      >
        ${
          image
            ? html`<img part="line-image" class="thumb" src=${image} alt="" loading="lazy" />`
            : html`<span part="line-image" class="thumb"></span>`
        }
        <div class="line-info">
          <p class="line-title" part="line-title">
            ${url ? html`<a href=${url} rel=${linkRel(url)}>${line.title}</a>` : line.title}
          </p>
          ${
            line.variantTitle
              ? html`<p class="muted" part="line-variant">${line.variantTitle}</p>`
              : nothing
          }
          <p class="muted" part="line-unit-price">
            ${formatMessage(msgs.eachPrice, { price: this.money(line.price, cart) })}
          </p>
          <div class="line-controls">
            ${quantityStepper({
              value: line.quantity,
              min: 1,
              label: formatMessage(msgs.lineQuantity, { title: line.title }),
              decreaseLabel: msgs.decreaseQuantity,
              increaseLabel: msgs.increaseQuantity,
              busy: line.pending === true,
              onChange: (quantity) => this.changeLine(line, quantity),
            })}
            <button
              type="button"
              class="icon-button remove"
              part="remove-button"
              aria-label=${formatMessage(msgs.removeLine, { title: line.title })}
              aria-disabled=${line.pending ? 'true' : nothing}
              @click=${() => !line.pending && this.changeLine(line, 0)}
            >
              ${trashIcon}
            </button>
          </div>
        </div>
        <p class="line-price" part="line-price">${this.money(line.linePrice, cart)}</p>
      </li>
    `;
  }

  private renderDrawer(cart: Cart, status: CartStatus): TemplateResult {
    const msgs = this.msgs;
    const pending = status.state === 'pending';
    const error = status.state === 'error' ? status.message || msgs.cartError : '';
    return html`
      <div class="backdrop" part="backdrop" @click=${this.hide}></div>
      <div
        class="drawer"
        part="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cart-title"
        @keydown=${this.onDrawerKeyDown}
      >
        <header class="header" part="header">
          <h2 id="cart-title" part="title" tabindex="-1">
            ${msgs.yourCart}
            ${cart.itemCount ? html`<span class="title-count">(${cart.itemCount})</span>` : nothing}
          </h2>
          <button
            type="button"
            class="icon-button"
            part="close-button"
            aria-label=${msgs.closeCart}
            @click=${this.hide}
          >
            ${closeIcon}
          </button>
        </header>
        <div class="progress" part="progress" ?hidden=${!pending}></div>
        <div class="visually-hidden" role="status">${pending ? msgs.cartUpdating : ''}</div>
        <div class="error" part="error" role="alert">${error}</div>
        ${
          cart.lines.length
            ? html`<ul
                class="lines"
                part="lines"
                role="list"
                aria-busy=${pending ? 'true' : 'false'}
              >
                ${cart.lines.map((line) => this.renderLine(line, cart))}
              </ul>`
            : html`<div class="empty" part="empty">
                ${cartIcon}
                <p><slot name="empty">${msgs.emptyCart}</slot></p>
                <button type="button" class="secondary" @click=${this.hide}>
                  ${msgs.continueShopping}
                </button>
              </div>`
        }
        <footer class="footer" part="footer" ?hidden=${cart.lines.length === 0}>
          <div class="subtotal" part="subtotal">
            <span>${msgs.subtotal}</span>
            <span class="amount">${this.money(cart.subtotal, cart)}</span>
          </div>
          <p class="muted note">${msgs.taxesNote}</p>
          <slot name="footer"></slot>
          <button
            type="button"
            class="buy checkout"
            part="checkout-button"
            aria-disabled=${pending ? 'true' : nothing}
            @click=${this.onCheckout}
          >
            ${msgs.checkout}
          </button>
        </footer>
      </div>
    `;
  }

  override render() {
    const cart = this.effectiveCart;
    const count = cart.itemCount;
    return html`
      <slot name="cart-button" @click=${this.onCartButtonClick}>
        <button
          type="button"
          class="cart-button"
          part="cart-button"
          aria-label=${pluralMessage(this.msgs, 'cartCount', count, this.locale)}
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
        >
          ${cartIcon}
          <span class="count" part="count" aria-hidden="true" ?hidden=${count === 0}
            >${count > 99 ? '99+' : count}</span
          >
        </button>
      </slot>
      ${this.open ? this.renderDrawer(cart, this.effectiveStatus) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-mini-cart': CuecartMiniCart;
  }
}
