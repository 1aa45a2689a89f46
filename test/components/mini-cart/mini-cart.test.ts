import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { atom } from 'nanostores';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import { CuecartMiniCart } from '../../../src/ui/mini-cart/mini-cart.js';
import type { CartStatus } from '../../../src/state/cart-store.js';
import {
  PLAYER_READY_EVENT,
  type CuecartCartStore,
} from '../../../src/ui/mini-cart/player-cart-connection.js';
import { deepActiveElement } from '../../../src/ui/shared/focus-trap.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartMiniCart.tagName, CuecartMiniCart);

const cart: Cart = {
  currency: 'USD',
  itemCount: 3,
  subtotal: 6997,
  lines: [
    {
      key: 'k1',
      variantId: 'tee-m',
      productId: 'tee',
      title: 'Organic Tee',
      variantTitle: 'M / Blue',
      quantity: 2,
      price: 2500,
      linePrice: 5000,
      url: '/products/tee',
    },
    {
      key: 'k2',
      variantId: 'mug-1',
      productId: 'mug',
      title: 'Mug',
      quantity: 1,
      price: 1997,
      linePrice: 1997,
    },
  ],
};

const part = <T extends HTMLElement = HTMLElement>(el: CuecartMiniCart, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const parts = <T extends HTMLElement = HTMLElement>(el: CuecartMiniCart, name: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`),
];

async function openCart(el: CuecartMiniCart) {
  part(el, 'cart-button').click();
  await el.updateComplete;
}

describe('CuecartMiniCart', () => {
  it('passes an axe accessibility check closed, open, empty and failing', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart}></cuecart-mini-cart>`,
    );
    await expectAccessible(el);
    await openCart(el);
    await expectAccessible(el);
    el.status = { state: 'error', message: 'Only 1 left.' };
    await el.updateComplete;
    await expectAccessible(el);
    el.cart = { currency: 'USD', itemCount: 0, subtotal: 0, lines: [] };
    el.status = { state: 'idle' };
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('names the cart button with the item count', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart}></cuecart-mini-cart>`,
    );
    const button = part(el, 'cart-button');
    expect(button.getAttribute('aria-label')).to.equal('Cart, 3 items');
    expect(part(el, 'count').textContent).to.equal('3');
    el.cart = { ...cart, itemCount: 1, lines: [cart.lines[1]] };
    await el.updateComplete;
    expect(button.getAttribute('aria-label')).to.equal('Cart, 1 item');
  });

  it('opens a labelled modal drawer that traps focus and closes on Escape', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart}></cuecart-mini-cart>`,
    );
    const button = part(el, 'cart-button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const dialog = el.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const titleId = dialog.getAttribute('aria-labelledby')!;
    expect(el.shadowRoot!.getElementById(titleId)!.textContent).to.contain('Your cart');
    expect(deepActiveElement()).to.equal(part(el, 'close-button'));

    // Tab cycles through the drawer only.
    const visited = new Set<Element | null>();
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      visited.add(deepActiveElement());
      expect(dialog.contains(deepActiveElement()), `focus stays in the drawer (tab ${i})`).to.equal(
        true,
      );
    }
    expect(visited.has(part(el, 'checkout-button'))).to.equal(true);
    expect(visited.has(part(el, 'close-button')), 'wraps to the start').to.equal(true);
    part(el, 'close-button').focus();
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActiveElement(), 'Shift+Tab wraps to the end').to.equal(part(el, 'checkout-button'));

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);
    expect(deepActiveElement(), 'focus returns to the cart button').to.equal(button);
  });

  it('closes on a backdrop click', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart}></cuecart-mini-cart>`,
    );
    await openCart(el);
    part(el, 'backdrop').click();
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(deepActiveElement()).to.equal(part(el, 'cart-button'));
  });

  it('requests line changes, removal and checkout', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart} open></cuecart-mini-cart>`,
    );
    const [first] = parts(el, 'line');
    setTimeout(() =>
      first.querySelector<HTMLButtonElement>('[part~="quantity-increase"]')!.click(),
    );
    let change = await oneEvent(el, 'cuecart-request-change-line');
    expect(change.detail).to.deep.equal({ key: 'k1', quantity: 3 });
    expect(change.bubbles && change.composed).to.equal(true);

    setTimeout(() => first.querySelector<HTMLButtonElement>('[part~="remove-button"]')!.click());
    change = await oneEvent(el, 'cuecart-request-change-line');
    expect(change.detail).to.deep.equal({ key: 'k1', quantity: 0 });
    expect(first.querySelector('[part~="remove-button"]')!.getAttribute('aria-label')).to.equal(
      'Remove Organic Tee',
    );

    setTimeout(() => part(el, 'checkout-button').click());
    const checkout = await oneEvent(el, 'cuecart-request-checkout');
    expect(checkout.detail).to.deep.equal({});
  });

  it('keeps focus in the drawer when the focused line is removed', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart}></cuecart-mini-cart>`,
    );
    await openCart(el);
    parts(el, 'remove-button')[1].focus();
    el.cart = { ...cart, itemCount: 2, subtotal: 5000, lines: [cart.lines[0]] };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="dialog"]')!.contains(deepActiveElement())).to.equal(
      true,
    );
  });

  it('shows lines, subtotal, pending and error states', async () => {
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart} open locale="en-US"></cuecart-mini-cart>`,
    );
    const [first] = parts(el, 'line');
    expect(first.querySelector('[part="line-variant"]')!.textContent).to.equal('M / Blue');
    expect(first.querySelector('[part="line-unit-price"]')!.textContent!.trim()).to.equal(
      '$25.00 each',
    );
    expect(first.querySelector('[part="line-price"]')!.textContent).to.equal('$50.00');
    expect(part(el, 'subtotal').textContent).to.contain('$69.97');
    expect(part(el, 'progress').hidden).to.equal(true);

    el.status = { state: 'pending' };
    await el.updateComplete;
    expect(part(el, 'progress').hidden).to.equal(false);
    expect(part(el, 'lines').getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Updating cart…');

    el.status = { state: 'error', message: 'Only 1 left.' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Only 1 left.');

    el.cart = { currency: 'USD', itemCount: 0, subtotal: 0, lines: [] };
    await el.updateComplete;
    expect(part(el, 'empty').textContent).to.contain('Your cart is empty');
    expect(part(el, 'footer').hidden).to.equal(true);
  });

  it('formats JPY without decimals', async () => {
    const yen: Cart = {
      currency: 'JPY',
      itemCount: 1,
      subtotal: 1500,
      lines: [
        {
          key: 'j',
          variantId: 'v',
          productId: 'p',
          title: 'Mug',
          quantity: 1,
          price: 1500,
          linePrice: 1500,
        },
      ],
    };
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${yen} open locale="ja-JP"></cuecart-mini-cart>`,
    );
    const subtotal = part(el, 'subtotal').querySelector('.amount')!.textContent!;
    expect(subtotal).to.match(/1,500$/);
  });

  it('toggles from a slotted host button and gives focus back to it', async () => {
    const el = await fixture<CuecartMiniCart>(html`
      <cuecart-mini-cart .cart=${cart}
        ><button slot="cart-button">My bag (3)</button></cuecart-mini-cart
      >
    `);
    const hostButton = el.querySelector('button')!;
    expect(part(el, 'cart-button').getClientRects().length, 'built-in button replaced').to.equal(0);
    hostButton.focus();
    hostButton.click();
    await el.updateComplete;
    expect(el.open).to.equal(true);
    await expectAccessible(el);
    part(el, 'close-button').click();
    await el.updateComplete;
    expect(document.activeElement).to.equal(hostButton);
  });

  it('opens right-to-left from the inline start edge', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div dir="rtl"><cuecart-mini-cart .cart=${cart} open></cuecart-mini-cart></div>
    `);
    const el = wrapper.querySelector('cuecart-mini-cart')!;
    await el.updateComplete;
    await Promise.all(
      part(el, 'drawer')
        .getAnimations()
        .map((a) => a.finished),
    );
    expect(Math.round(part(el, 'drawer').getBoundingClientRect().left)).to.equal(0);
    await expectAccessible(el);
  });

  it('takes message overrides', async () => {
    const el = await fixture<CuecartMiniCart>(html`
      <cuecart-mini-cart
        .cart=${cart}
        open
        messages='{"checkout": "Zur Kasse", "cartCountOther": "Warenkorb, {count} Artikel"}'
      ></cuecart-mini-cart>
    `);
    expect(part(el, 'checkout-button').textContent!.trim()).to.equal('Zur Kasse');
    expect(part(el, 'cart-button').getAttribute('aria-label')).to.equal('Warenkorb, 3 Artikel');
  });

  describe('for="PLAYER_ID"', () => {
    class FakePlayer extends HTMLElement {
      cartStore!: CuecartCartStore & { calls: Array<[string, ...unknown[]]> };
    }
    defineOnce('fake-cart-player', FakePlayer);

    function makeStore() {
      const calls: Array<[string, ...unknown[]]> = [];
      const $cart = atom<Cart>(cart);
      const $status = atom<CartStatus>({ state: 'idle' });
      return {
        $cart,
        $status,
        calls,
        changeLine: (key: string, quantity: number) => calls.push(['changeLine', key, quantity]),
        checkout: () => calls.push(['checkout']),
      };
    }

    it('connects to the player’s cartStore, follows it and calls it directly', async () => {
      const store = makeStore();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <fake-cart-player id="player-1" .cartStore=${store}></fake-cart-player>
          <cuecart-mini-cart for="player-1"></cuecart-mini-cart>
        </div>
      `);
      const el = wrapper.querySelector('cuecart-mini-cart')!;
      await el.updateComplete;
      expect(part(el, 'cart-button').getAttribute('aria-label')).to.equal('Cart, 3 items');
      expect(store.$cart.lc).to.equal(1);

      store.$cart.set({ ...cart, itemCount: 5 });
      await el.updateComplete;
      expect(part(el, 'cart-button').getAttribute('aria-label')).to.equal('Cart, 5 items');

      await openCart(el);
      parts(el, 'quantity-increase')[0].click();
      part(el, 'remove-button').click();
      part(el, 'checkout-button').click();
      expect(store.calls).to.deep.equal([
        ['changeLine', 'k1', 3],
        ['changeLine', 'k1', 0],
        ['checkout'],
      ]);

      // A host that cancels the request takes over.
      el.addEventListener('cuecart-request-checkout', (e) => e.preventDefault(), { once: true });
      part(el, 'checkout-button').click();
      expect(store.calls).to.have.length(3);

      store.$status.set({ state: 'error', message: 'Network down.' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Network down.');

      el.remove();
      expect(store.$cart.lc, 'unsubscribed on disconnect').to.equal(0);
      expect(store.$status.lc).to.equal(0);
    });

    it('connects to a player that appears later and announces itself', async () => {
      const el = await fixture<CuecartMiniCart>(
        html`<cuecart-mini-cart for="player-late"></cuecart-mini-cart>`,
      );
      expect(part(el, 'cart-button').getAttribute('aria-label')).to.equal('Cart, 0 items');
      const player = document.createElement('fake-cart-player') as FakePlayer;
      player.id = 'player-late';
      player.cartStore = makeStore();
      el.after(player);
      player.dispatchEvent(new CustomEvent(PLAYER_READY_EVENT, { bubbles: true, composed: true }));
      await waitUntil(
        () => part(el, 'cart-button').getAttribute('aria-label') === 'Cart, 3 items',
        'connected to the late player',
      );
      player.remove();
    });

    it('prefers an explicit cart property over the player', async () => {
      const store = makeStore();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <fake-cart-player id="player-2" .cartStore=${store}></fake-cart-player>
          <cuecart-mini-cart for="player-2" .cart=${{ ...cart, itemCount: 7 }}></cuecart-mini-cart>
        </div>
      `);
      const el = wrapper.querySelector('cuecart-mini-cart')!;
      expect(part(el, 'cart-button').getAttribute('aria-label')).to.equal('Cart, 7 items');
      expect(store.$cart.lc).to.equal(0);
    });
  });
});
