// The mini cart contained in a player taller than a phone's screen (a stacked player: video,
// card and list): its drawer must keep "Check out" on screen, with focus trap and Escape intact.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Cart, CartLine } from '../../../src/commerce/checkout-adapter.js';
import { CuecartMiniCart } from '../../../src/ui/mini-cart/mini-cart.js';
import { deepActiveElement } from '../../../src/ui/shared/focus-trap.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartMiniCart.tagName, CuecartMiniCart);

const lines: CartLine[] = Array.from({ length: 8 }, (_, i) => ({
  key: `k${i}`,
  variantId: `v${i}`,
  productId: `p${i}`,
  title: `Product ${i + 1}`,
  quantity: 1,
  price: 1000,
  linePrice: 1000,
}));
const cart: Cart = { currency: 'USD', itemCount: 8, subtotal: 8000, lines };

const part = (el: CuecartMiniCart, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

describe('CuecartMiniCart contained in a player on a 390×844 phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps the drawer, its subtotal and "Check out" on screen; focus trap and Escape work', async () => {
    await setViewport({ width: 390, height: 844 });
    // A positioned box like the player's layout: 300 px down the page, 1400 px tall.
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="padding-block-start: 300px">
        <div style="position: relative; block-size: 1400px">
          <cuecart-mini-cart contained .cart=${cart}></cuecart-mini-cart>
        </div>
      </div>
    `);
    const el = wrapper.querySelector<CuecartMiniCart>('cuecart-mini-cart')!;
    await el.updateComplete;
    window.scrollTo(0, 0);
    const button = part(el, 'cart-button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(true);

    const drawer = part(el, 'drawer').getBoundingClientRect();
    const checkout = part(el, 'checkout-button').getBoundingClientRect();
    const subtotal = part(el, 'subtotal').getBoundingClientRect();
    const where = `drawer ${drawer.top}→${drawer.bottom}, checkout ${checkout.top}→${checkout.bottom}`;
    expect(checkout.height, where).to.be.greaterThan(30);
    expect(checkout.top, where).to.be.at.least(0);
    expect(checkout.bottom, where).to.be.at.most(window.innerHeight + 0.5);
    expect(subtotal.top, where).to.be.at.least(0);
    expect(drawer.top, where).to.be.at.least(-0.5);
    expect(drawer.bottom, where).to.be.at.most(window.innerHeight + 0.5);
    // The lines scroll between header and footer.
    const list = part(el, 'lines');
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);

    const dialog = el.shadowRoot!.querySelector('[role="dialog"]')!;
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(dialog.contains(deepActiveElement()), `focus stays in the drawer (${i})`).to.be.true;
    }
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(deepActiveElement() === button).to.be.true;
  });
});
