// Properties a page (or React) sets on a <cuecart-player> before the player loader registers the
// class must survive the upgrade: they are own data properties that would hide the accessors.
import { expect } from '@open-wc/testing';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import type { Product } from '../../../src/commerce/product.js';
import { createCart } from '../../../src/state/cart-store.js';
import { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';

const tee: Product = {
  id: 'tee',
  title: 'Organic Tee',
  price: 2500,
  variants: [{ id: 'tee-m', title: 'M', price: 2500, available: true }],
};

let count = 0;

describe('CuecartPlayer upgraded late (player loader)', () => {
  it('keeps productList, adapter, resolveProducts, cueList and cartStore set before the upgrade', async () => {
    const tag = `cuecart-player-late-${++count}`;
    const element = document.createElement(tag) as HTMLElement & Record<string, unknown>;
    const adapter = {
      addToCart: async (): Promise<Cart> => {
        throw new Error('not called');
      },
    };
    const resolveProducts = async () => [];
    const cart = createCart({ adapter });
    element.productList = [tee];
    element.adapter = adapter;
    element.resolveProducts = resolveProducts;
    element.cueList = [{ start: 1, end: 2, product: 'tee' }];
    element.cartStore = cart;
    element.src = '';
    document.body.append(element);
    customElements.define(tag, class extends CuecartPlayer {});
    try {
      const player = element as unknown as CuecartPlayer;
      // Identity checks as booleans: chai would try to print a player or a cart on failure.
      expect(player instanceof CuecartPlayer, 'upgraded').to.equal(true);
      // Lit restores its own reactive properties (`adapter`) at the first update.
      await player.updateComplete;
      for (const key of ['productList', 'adapter', 'resolveProducts', 'cueList', 'cartStore']) {
        expect(Object.hasOwn(player, key), `${key} is still an own property`).to.equal(false);
      }
      expect(player.productList.map((p) => p.id)).to.deep.equal(['tee']);
      expect(player.adapter === adapter, 'adapter kept').to.equal(true);
      expect(player.resolveProducts === resolveProducts, 'resolveProducts kept').to.equal(true);
      expect(player.cartStore === cart, 'cartStore kept').to.equal(true);
      await player.cueStore!.settled();
      expect(player.cueList.map((cue) => cue.payload.product)).to.deep.equal(['tee']);
    } finally {
      element.remove();
    }
  });
});

describe('shopping elements upgraded after the player (player shell)', () => {
  it('keep what the player rendered into them before their chunk arrived', async () => {
    // This page has registered no shopping element yet: the player renders them by tag name,
    // as the shell does while their chunk is on its way.
    expect(customElements.get('cuecart-product-list'), 'list not defined yet').to.equal(undefined);
    const tag = `cuecart-player-late-${++count}`;
    customElements.define(tag, class extends CuecartPlayer {});
    const player = document.createElement(tag) as CuecartPlayer;
    player.setAttribute('layout', 'panel');
    player.productList = [tee];
    player.cueList = [{ start: 1, end: 2, product: 'tee' }];
    document.body.append(player);
    try {
      // The cue store is in the cue engine's chunk: there once `updateComplete` has resolved.
      await player.updateComplete;
      await player.cueStore!.settled();
      const list = () => player.shadowRoot!.querySelector('cuecart-product-list')!;
      const cart = () => player.shadowRoot!.querySelector('cuecart-mini-cart')!;
      expect(list(), 'the list is rendered').to.not.equal(null);
      expect(list().shadowRoot, 'not upgraded').to.equal(null);
      const { defineShopElements } = await import('../../../src/define-shop.js');
      defineShopElements();
      const upgraded = list() as HTMLElement & {
        updateComplete: Promise<unknown>;
        items: readonly { product: Product }[];
      };
      await upgraded.updateComplete;
      expect(Object.hasOwn(upgraded, 'items'), 'items is no own property').to.equal(false);
      expect(upgraded.items.map((item) => item.product.id)).to.deep.equal(['tee']);
      expect(upgraded.shadowRoot!.textContent).to.contain('Organic Tee');
      const miniCart = cart() as HTMLElement & { updateComplete: Promise<unknown>; cart?: Cart };
      await miniCart.updateComplete;
      expect(miniCart.shadowRoot, 'mini cart upgraded').to.not.equal(null);
      expect(miniCart.cart?.currency, 'the cart the player gave it').to.be.a('string');
    } finally {
      player.remove();
    }
  });
});
