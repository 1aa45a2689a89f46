import { expect, waitUntil } from '@open-wc/testing';
import { callbackAdapter } from '../../src/commerce/adapters/callback.js';
import type { AnalyticsDataLayerEvent } from '../../src/analytics/datalayer-bridge.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import {
  cardOf,
  createPlayer,
  FIXTURES,
  feature,
  miniCartOf,
  shadowPart,
} from '../helpers/player.js';
import { resetStore } from '../unit/commerce/local-store.js';

/** The feed the local store serves for its catalogue (Shopify-style, real cart API). */
const FEED = '/cuecart/products.json';

type TestWindow = Window & { dataLayer?: unknown[]; Shopify?: unknown };
const win = window as TestWindow;

/** The GA4 events pushed so far (the `{ ecommerce: null }` resets left out). */
const pushed = () =>
  (win.dataLayer ?? []).filter(
    (entry): entry is AnalyticsDataLayerEvent =>
      typeof entry === 'object' && entry !== null && 'event' in entry,
  );

describe('CuecartPlayer analytics="datalayer"', () => {
  let player: CuecartPlayer | undefined;
  const published: [string, unknown][] = [];

  beforeEach(async () => {
    await resetStore();
    delete win.dataLayer;
    published.length = 0;
    win.Shopify = {
      routes: { root: '/' },
      analytics: { publish: (name: string, data: unknown) => published.push([name, data]) },
    };
  });
  afterEach(() => {
    player?.remove();
    player = undefined;
    delete win.Shopify;
    delete win.dataLayer;
  });

  it('sends view_item, select_item and add_to_cart from a real show and store cart', async () => {
    player = createPlayer({
      src: FIXTURES.tsId3,
      adapter: 'shopify',
      products: FEED,
      analytics: 'datalayer',
      id: 'fall-drop',
    });
    player.addEventListener('cuecart-product-click', (e) => e.preventDefault());
    await feature(player, 14, 'Drift Sneakers');
    const cue = player.activeCues[0]!;

    // view_item: the card stays visible for a second.
    await waitUntil(() => pushed().some((e) => e.event === 'view_item'), 'no view_item', {
      timeout: 5000,
    });
    const view = pushed().find((e) => e.event === 'view_item')!;
    expect(view.ecommerce.items[0]).to.include({ item_name: 'Drift Sneakers' });
    expect(view.ecommerce.currency).to.equal('USD');
    expect(view).to.include({
      cuecart_show: FIXTURES.tsId3,
      cuecart_player: 'fall-drop',
      cuecart_cue: cue.id,
      cuecart_live: false,
    });

    // select_item: the shopper opens the product.
    shadowPart(cardOf(player), 'title-link')!.click();
    const select = pushed().find((e) => e.event === 'select_item')!;
    expect(select.ecommerce.items[0]!.item_name).to.equal('Drift Sneakers');

    // add_to_cart: only once the store confirmed, priced from the store's cart.
    shadowPart(cardOf(player), 'add-button')!.click();
    await waitUntil(() => pushed().some((e) => e.event === 'add_to_cart'), 'no add_to_cart');
    const add = pushed().find((e) => e.event === 'add_to_cart')!;
    expect(add.ecommerce.currency).to.equal('USD');
    expect(add.ecommerce.value).to.equal(129);
    expect(add.ecommerce.items).to.have.length(1);
    expect(add.ecommerce.items[0]).to.include({
      item_name: 'Drift Sneakers',
      quantity: 1,
      price: 129,
    });
    expect(add.cuecart_cue).to.equal(cue.id);

    // Each event after an ecommerce reset; the same events went to Shopify web pixels.
    const layer = win.dataLayer!;
    layer.forEach((entry, i) => {
      if (i % 2 === 0) expect(entry).to.deep.equal({ ecommerce: null });
    });
    expect(published.map(([name]) => name)).to.deep.equal(
      pushed().map((e) => `cuecart:${e.event}`),
    );
  });

  it('sends begin_checkout with the cart when the shopper checks out', async () => {
    const checkouts: unknown[] = [];
    player = createPlayer({ src: FIXTURES.mp4, analytics: 'datalayer' });
    player.adapter = callbackAdapter({
      addToCart: (line) => ({
        currency: 'EUR',
        itemCount: line.quantity,
        subtotal: 2500 * line.quantity,
        lines: [
          {
            key: 'l1',
            productId: line.productId,
            variantId: line.variantId,
            title: 'Tee',
            variantTitle: 'M',
            quantity: line.quantity,
            price: 2500,
            linePrice: 2500 * line.quantity,
          },
        ],
      }),
      checkout: (cart) => void checkouts.push(cart),
    });
    await player.updateComplete;
    // The bridge is a lazy chunk; it creates dataLayer when it attaches.
    await waitUntil(() => Array.isArray(win.dataLayer), 'the bridge did not attach');
    await player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    const miniCart = miniCartOf(player);
    await waitUntil(() => player!.cartStore?.$status.get().state === 'idle');
    shadowPart(miniCart, 'cart-button')!.click();
    await waitUntil(() => shadowPart(miniCart, 'checkout-button'), 'drawer did not open');
    shadowPart(miniCart, 'checkout-button')!.click();
    await waitUntil(() => checkouts.length === 1, 'adapter.checkout was not called');
    const checkout = pushed().find((e) => e.event === 'begin_checkout')!;
    expect(checkout.ecommerce).to.deep.equal({
      currency: 'EUR',
      value: 50,
      items: [{ item_id: 'tee', item_name: 'Tee', item_variant: 'M', price: 25, quantity: 2 }],
    });
    const add = pushed().find((e) => e.event === 'add_to_cart')!;
    expect(add.ecommerce).to.deep.include({ currency: 'EUR', value: 50 });
  });

  it('sends nothing without the attribute, and stops when it is removed', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    shadowPart(cardOf(player), 'add-button')!.click();
    await waitUntil(() => player!.cartStore?.$cart.get().itemCount === 1);
    expect(win.dataLayer).to.equal(undefined);

    const request = { productId: cardOf(player)!.product!.id, variantId: '45014', quantity: 1 };
    player.setAttribute('analytics', 'datalayer');
    await player.updateComplete;
    await waitUntil(() => Array.isArray(win.dataLayer), 'the bridge did not attach');
    await player.addToCart(request);
    await waitUntil(() => pushed().some((e) => e.event === 'add_to_cart'), 'no add_to_cart');
    player.removeAttribute('analytics');
    await player.updateComplete;
    const count = pushed().length;
    await player.addToCart(request);
    expect(player.cartStore?.$cart.get().itemCount).to.equal(3);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(pushed().length).to.equal(count);
  });
});
