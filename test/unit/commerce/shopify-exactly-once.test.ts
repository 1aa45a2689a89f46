// Issue 9.3: an add is exactly-once from the shopper's point of view. Every ambiguous failure of
// cart/add.js is injected into the local store (demo/server/store-faults.mjs) and the adapter
// must reconcile against cart.js before it reports anything.
import { expect } from '@open-wc/testing';
import {
  shopifyAdapter,
  type ShopifyAdapterOptions,
} from '../../../src/commerce/adapters/shopify.js';
import { SHOPPER_MESSAGES } from '../../../src/commerce/shopper-messages.js';
import { CheckoutError } from '../../../src/commerce/checkout-adapter.js';
import type { ShopifyWindow } from '../../../src/commerce/shopify-conventions.js';
import {
  call,
  configureStore,
  injectFaults,
  rejectionOf,
  resetStore,
  storeCart,
  storeState,
  VARIANTS,
} from './local-store.js';

const adapter = (options: ShopifyAdapterOptions = {}) =>
  shopifyAdapter({ sections: false, retryDelayMs: 20, theme: 'unknown', ...options });
const mug = (quantity = 1) => ({ variantId: VARIANTS.mug12, productId: '8002', quantity });
const ADD = 'POST cart/add.js';
const mugQuantity = async () =>
  (await storeCart()).items
    .filter((i) => String(i.variant_id) === VARIANTS.mug12)
    .reduce((n, i) => n + i.quantity, 0);

describe('shopifyAdapter exactly-once adds', () => {
  beforeEach(resetStore);

  it('applied, then a plain-text 500: reports success with the store’s cart', async () => {
    await injectFaults({ route: ADD, kind: 'error-after', status: 500 });
    const cart = await adapter().addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
    expect(await mugQuantity()).to.equal(1);
    expect((await storeState()).requests[ADD]).to.equal(1, 'no second add was sent');
  });

  it('applied, then a malformed 200 body: reports success, one line', async () => {
    await injectFaults({ route: ADD, kind: 'malformed-after' });
    const cart = await adapter().addToCart(mug(2), call());
    expect(cart.lines).to.have.length(1);
    expect(cart.lines[0]!.quantity).to.equal(2);
    expect(await mugQuantity()).to.equal(2);
  });

  it('applied, then answered after the timeout: reports success, never doubles', async () => {
    await injectFaults({ route: ADD, kind: 'slow-after', delayMs: 1500 });
    const shop = adapter({ timeoutMs: 300 });
    const cart = await shop.addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
    const again = await shop.addToCart(mug(), call());
    expect(again.itemCount).to.equal(2, 'a second, deliberate add is one more, on the same line');
    expect(again.lines).to.have.length(1);
    expect(await mugQuantity()).to.equal(2);
  });

  it('applied, then the connection drops: reports success', async () => {
    await injectFaults({ route: ADD, kind: 'drop-after' });
    const cart = await adapter().addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
    expect(await mugQuantity()).to.equal(1);
  });

  it('compares quantities before and after when the variant was already in the cart', async () => {
    const shop = adapter();
    await shop.addToCart(mug(), call());
    await injectFaults({ route: ADD, kind: 'error-after', status: 502, text: 'Bad Gateway' });
    const cart = await shop.addToCart(mug(), call());
    expect(cart.lines).to.have.length(1);
    expect(cart.lines[0]!.quantity).to.equal(2);
  });

  it('retries a 503 with Retry-After like a 429, and adds once', async () => {
    await injectFaults({
      route: ADD,
      kind: 'error-before',
      status: 503,
      text: 'Service Unavailable',
      retryAfter: 0.2,
    });
    const started = performance.now();
    const cart = await adapter().addToCart(mug(), call());
    expect(performance.now() - started).to.be.at.least(190);
    expect(cart.itemCount).to.equal(1);
    expect((await storeState()).requests[ADD]).to.equal(2);
  });

  it('a JSON 500 that was not applied fails in Cuecart’s words, and a retry adds one', async () => {
    const body = {
      status: 500,
      message: 'Internal Server Error',
      description: 'Internal Server Error',
    };
    await injectFaults({ route: ADD, kind: 'error-before', status: 500, json: body });
    const shop = adapter();
    const error = await rejectionOf<CheckoutError>(shop.addToCart(mug(), call()));
    expect(error).to.be.instanceOf(CheckoutError);
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.equal(SHOPPER_MESSAGES.rejected);
    expect(error.message).not.to.match(/internal server error/i);
    expect(await mugQuantity()).to.equal(0);
    const cart = await shop.addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
  });

  it('a timeout the cart does not show yet is unconfirmed, not "try again"', async () => {
    await configureStore({ latencyMs: 700 });
    const error = await rejectionOf<CheckoutError>(
      adapter({ timeoutMs: 150 }).addToCart(mug(), call()),
    );
    expect(error.reason).to.equal('unconfirmed');
    expect(error.message).to.equal(SHOPPER_MESSAGES.unconfirmed);
    // The store finishes the write later: why the shopper is told to check, not to retry.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await mugQuantity()).to.equal(1);
  });

  it('is unconfirmed when the cart cannot be re-read after a lost answer', async () => {
    await injectFaults({ route: ADD, kind: 'error-after', status: 500 });
    let added = false;
    const flaky: typeof fetch = async (input, init) => {
      const url = String(input);
      if (added && url.endsWith('cart.js')) throw new TypeError('Failed to fetch');
      const response = await fetch(input, init);
      if (url.endsWith('cart/add.js')) added = true;
      return response;
    };
    const error = await rejectionOf<CheckoutError>(
      adapter({ fetch: flaky, retries: 0 }).addToCart(mug(), call()),
    );
    expect(error.reason).to.equal('unconfirmed');
    expect(await mugQuantity()).to.equal(1);
  });

  it('a quantity change whose answer is lost is settled by reading the cart', async () => {
    const shop = adapter();
    const key = (await shop.addToCart(mug(), call())).lines[0]!.key;
    await injectFaults({ route: 'POST cart/change.js', kind: 'malformed-after' });
    expect((await shop.changeLine!(key, 3, call())).itemCount).to.equal(3);
    await injectFaults({ route: 'POST cart/change.js', kind: 'error-before', status: 500 });
    const error = await rejectionOf<CheckoutError>(shop.changeLine!(key, 1, call()));
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.equal(SHOPPER_MESSAGES.rejected);
    expect(await mugQuantity()).to.equal(3);
  });

  it('reconciles a standard action that throws after applying the add', async () => {
    const updateCart = Object.assign(
      async (payload: { lines: { merchandiseId: string; quantity: number }[] }) => {
        await fetch('/cart/add.js', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: Number(payload.lines[0]!.merchandiseId), quantity: 1 }),
        });
        throw new TypeError('Failed to fetch');
      },
      { isDefault: () => false },
    );
    const win: ShopifyWindow = { Shopify: { actions: { updateCart: updateCart as never } } };
    const cart = await adapter({ window: win }).addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
    expect(await mugQuantity()).to.equal(1);
  });
});
