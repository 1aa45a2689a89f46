import { expect } from '@open-wc/testing';
import { shopifyAdapter } from '../../../src/commerce/adapters/shopify.js';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import type { ShopifyWindow } from '../../../src/commerce/shopify-conventions.js';
import { CheckoutError } from '../../../src/commerce/checkout-adapter.js';
import { call, rejectionOf, resetStore, storeCart, storeState, VARIANTS } from './local-store.js';

const line = (variantId: string, quantity = 1) => ({ variantId, productId: '0', quantity });

/** An element standing in for Dawn's <cart-drawer>, with the methods product-form.js calls. */
function fakeDawnDrawer() {
  const rendered: Record<string, unknown>[] = [];
  const drawer = Object.assign(document.createElement('cart-drawer'), {
    getSectionsToRender: () => [{ id: 'cart-drawer' }, { id: 'cart-icon-bubble' }],
    renderContents: (response: Record<string, unknown>) => rendered.push(response),
  });
  document.body.append(drawer);
  return { drawer, rendered };
}

/** Raw add from "the theme", outside the adapter. */
const themeAdd = (variantId: string) =>
  fetch('/cart/add.js', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: Number(variantId), quantity: 1 }),
  });

const nextCart = (subscribe: (cb: (c: Cart) => void) => () => void) => {
  let stop = () => {};
  const promise = new Promise<Cart>((resolve) => {
    stop = subscribe(resolve);
  });
  return { promise, stop: () => stop() };
};

describe('shopifyAdapter theme refresh', () => {
  let cleanup: (() => void)[] = [];
  beforeEach(resetStore);
  afterEach(() => {
    cleanup.forEach((fn) => fn());
    cleanup = [];
  });

  it('writes through Shopify.actions.updateCart when the theme configured it', async () => {
    const calls: unknown[][] = [];
    const updateCart = Object.assign(
      async (
        payload: { lines: { merchandiseId: string; quantity: number }[] },
        options: unknown,
      ) => {
        calls.push([payload, options]);
        await themeAdd(payload.lines[0]!.merchandiseId);
        return { cart: { id: 'gid://shopify/Cart/1', totalQuantity: 1 }, userErrors: [] };
      },
      { isDefault: () => false },
    );
    const win: ShopifyWindow = {
      Shopify: { actions: { updateCart } as never },
      location: { pathname: '/' },
    };
    const shop = shopifyAdapter({ window: win });
    const cart = await shop.addToCart(
      {
        ...line(VARIANTS.mug12),
        properties: { _cuecart_video: 'show-1', _cuecart_cue: 'c1', engraving: 'A' },
      },
      call(),
    );
    expect(cart.itemCount).to.equal(1);
    const [payload] = calls[0] as [{ lines: unknown[] }];
    expect(payload.lines).to.deep.equal([
      {
        merchandiseId: VARIANTS.mug12,
        quantity: 1,
        attributes: [{ key: 'engraving', value: 'A' }],
      },
    ]);
    await shop.getCart!(call()); // queued behind the attribution write
    expect((await storeCart()).attributes).to.deep.equal({ _cuecart_video: 'show-1' });
    expect((await storeState()).requests['POST cart/add.js']).to.equal(
      1,
      'no second, direct write',
    );
  });

  it('maps updateCart userErrors to CheckoutError reasons', async () => {
    const updateCart = Object.assign(
      async () => ({
        cart: {},
        userErrors: [{ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'Sold out.' }],
      }),
      { isDefault: () => false },
    );
    const win: ShopifyWindow = { Shopify: { actions: { updateCart } } };
    const error = await rejectionOf<CheckoutError>(
      shopifyAdapter({ window: win }).addToCart(line(VARIANTS.mug12), call()),
    );
    expect(error).to.be.instanceOf(CheckoutError);
    expect(error.reason).to.equal('out-of-stock');
    expect(error.message).to.equal('Sold out.');
  });

  it('ignores the default updateCart (it may reload the page) and uses the AJAX API', async () => {
    let used = false;
    const updateCart = Object.assign(async () => ((used = true), {}), { isDefault: () => true });
    const win: ShopifyWindow = { Shopify: { actions: { updateCart } } };
    await shopifyAdapter({ window: win, sections: false }).addToCart(line(VARIANTS.mug12), call());
    expect(used).to.equal(false);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(1);
  });

  it('renders Dawn sections through the cart element and publishes cart-update', async () => {
    const { drawer, rendered } = fakeDawnDrawer();
    cleanup.push(() => drawer.remove());
    const published: [string, Record<string, unknown>][] = [];
    const win: ShopifyWindow = {
      location: { pathname: '/products/ember-mug' },
      PUB_SUB_EVENTS: { cartUpdate: 'cart-update' },
      publish: (name, data) => published.push([name, data as Record<string, unknown>]),
    };
    await shopifyAdapter({ window: win }).addToCart(line(VARIANTS.mug12), call());
    expect(rendered).to.have.length(1);
    const response = rendered[0] as {
      variant_id: number;
      key: string;
      sections: Record<string, string>;
    };
    expect(response.variant_id).to.equal(Number(VARIANTS.mug12));
    expect(Object.keys(response.sections)).to.deep.equal(['cart-drawer', 'cart-icon-bubble']);
    expect(response.sections['cart-drawer']).to.contain('Ember Mug');
    expect(published).to.have.length(1);
    expect(published[0]![0]).to.equal('cart-update');
    expect(published[0]![1]).to.include({ source: 'cuecart', productVariantId: VARIANTS.mug12 });
  });

  it('swaps section markup in place on a quantity change', async () => {
    const bubble = Object.assign(document.createElement('div'), { id: 'cart-icon-bubble' });
    document.body.append(bubble);
    cleanup.push(() => bubble.remove());
    const shop = shopifyAdapter({ window: { location: { pathname: '/' } } });
    const cart = await shop.addToCart(line(VARIANTS.mug12), call());
    expect(bubble.querySelector('.cart-count-bubble')?.textContent).to.equal('1');
    await shop.changeLine!(cart.lines[0]!.key, 4, call());
    expect(bubble.querySelector('.cart-count-bubble')?.textContent).to.equal('4');
  });

  it('dispatches cuecart-cart-updated on document for a theme it does not recognise', async () => {
    const events: CustomEvent[] = [];
    const listener = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('cuecart-cart-updated', listener);
    cleanup.push(() => document.removeEventListener('cuecart-cart-updated', listener));
    await shopifyAdapter({ window: {}, sections: false }).addToCart(
      line(VARIANTS.mug12, 2),
      call(),
    );
    expect(events).to.have.length(1);
    const detail = events[0]!.detail as {
      action: string;
      cart: { item_count: number };
      source: string;
    };
    expect(detail.action).to.equal('add');
    expect(detail.source).to.equal('cuecart');
    expect(detail.cart.item_count).to.equal(2);
    expect(events[0]!.bubbles).to.equal(true);
  });
});

describe('shopifyAdapter two-way sync', () => {
  beforeEach(resetStore);

  it('re-reads the cart on Horizon cart:update from the theme, not on its own', async () => {
    const shop = shopifyAdapter({ window: {}, sections: false });
    const seen: Cart[] = [];
    const stop = shop.subscribe!((cart) => seen.push(cart));
    await shop.addToCart(line(VARIANTS.mug12), call()); // dispatches its own cart:update
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(0);
    await themeAdd(VARIANTS.headphonesBlack);
    const next = nextCart(shop.subscribe!);
    document.dispatchEvent(
      new CustomEvent('cart:update', {
        bubbles: true,
        detail: { data: { source: 'product-form' } },
      }),
    );
    expect((await next.promise).itemCount).to.equal(2);
    next.stop();
    stop();
  });

  it('re-reads the cart when the tab becomes visible and on bfcache pageshow', async () => {
    const doc = Object.assign(new EventTarget(), {
      visibilityState: 'hidden',
      querySelector: () => null,
      getElementById: () => null,
    }) as unknown as Document;
    const win = new EventTarget() as unknown as ShopifyWindow;
    const shop = shopifyAdapter({ window: win, document: doc });
    const seen: Cart[] = [];
    const stop = shop.subscribe!((cart) => seen.push(cart));
    doc.dispatchEvent(new Event('visibilitychange'));
    await themeAdd(VARIANTS.mug12);
    Object.assign(doc, { visibilityState: 'visible' });
    const first = nextCart(shop.subscribe!);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect((await first.promise).itemCount).to.equal(1);
    first.stop();
    const second = nextCart(shop.subscribe!);
    (win as unknown as EventTarget).dispatchEvent(
      new PageTransitionEvent('pageshow', { persisted: true }),
    );
    expect((await second.promise).itemCount).to.equal(1);
    second.stop();
    stop();
    expect(seen.length).to.be.at.least(2);
  });

  it('follows Dawn pub/sub cart-update from other sources and unsubscribes', async () => {
    const callbacks = new Set<(data: unknown) => unknown>();
    const win: ShopifyWindow = {
      PUB_SUB_EVENTS: { cartUpdate: 'cart-update' },
      subscribe: (_name, cb) => (callbacks.add(cb), () => callbacks.delete(cb)),
    };
    const shop = shopifyAdapter({ window: win, sections: false });
    const seen: Cart[] = [];
    const stop = shop.subscribe!((cart) => seen.push(cart));
    expect(callbacks.size).to.equal(1);
    callbacks.forEach((cb) => cb({ source: 'cuecart' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.have.length(0);
    await themeAdd(VARIANTS.mug12);
    const next = nextCart(shop.subscribe!);
    callbacks.forEach((cb) => cb({ source: 'cart-items' }));
    expect((await next.promise).itemCount).to.equal(1);
    next.stop();
    stop();
    expect(callbacks.size).to.equal(0);
  });
});
