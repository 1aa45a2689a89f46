import { expect } from '@open-wc/testing';
import { callbackAdapter } from '../../../src/commerce/adapters/callback.js';
import { shopifyAdapter } from '../../../src/commerce/adapters/shopify.js';
import {
  CheckoutError,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../../../src/commerce/checkout-adapter.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCart } from '../../../src/state/cart-store.js';
import { configureStore, resetStore, storeState, VARIANTS } from '../commerce/local-store.js';
import { fakeClock } from '../../helpers/fake-clock.js';

const LINE: CartLineInput = { variantId: 'v1', productId: 'p1', quantity: 1 };
const PREVIEW = { title: 'Mug', price: 500 };

const cartOf = (...lines: [key: string, variantId: string, quantity: number][]): Cart => ({
  lines: lines.map(([key, variantId, quantity]) => ({
    key,
    variantId,
    productId: 'p1',
    title: 'Mug',
    quantity,
    price: 500,
    linePrice: 500 * quantity,
  })),
  itemCount: lines.reduce((n, [, , q]) => n + q, 0),
  subtotal: lines.reduce((n, [, , q]) => n + 500 * q, 0),
  currency: 'USD',
});

/** An adapter whose answers the test settles by hand. */
function manualAdapter() {
  const pending: {
    resolve: (c: Cart) => void;
    reject: (e: unknown) => void;
    signal: AbortSignal;
    args: unknown[];
  }[] = [];
  let push: (cart: Cart) => void = () => {};
  let unsubscribed = 0;
  const wait = (args: unknown[], signal: AbortSignal) =>
    new Promise<Cart>((resolve, reject) => pending.push({ resolve, reject, signal, args }));
  const adapter: CheckoutAdapter = {
    addToCart: (line, { signal }) => wait(['add', line], signal),
    changeLine: (key, quantity, { signal }) => wait(['change', key, quantity], signal),
    getCart: ({ signal }) => wait(['get'], signal),
    subscribe: (cb) => ((push = cb), () => unsubscribed++),
  };
  return { adapter, pending, push: (c: Cart) => push(c), unsubscribed: () => unsubscribed };
}

describe('createCart', () => {
  let errors: CuecartError[];
  const onError = (e: CuecartError) => errors.push(e);
  beforeEach(() => {
    errors = [];
  });

  it('shows an added line at once, then the adapter’s cart', async () => {
    const manual = manualAdapter();
    const changes: Cart[] = [];
    const cart = createCart({ adapter: manual.adapter, onError, onChange: (c) => changes.push(c) });
    const done = cart.add(LINE, PREVIEW).result;
    expect(cart.$cart.get().lines[0]).to.include({
      title: 'Mug',
      quantity: 1,
      linePrice: 500,
      pending: true,
    });
    expect(cart.$cart.get().itemCount).to.equal(1);
    expect(cart.$status.get().state).to.equal('pending');
    expect(cart.$adds.get().v1).to.include({ state: 'pending', productId: 'p1' });
    manual.pending[0]!.resolve(cartOf(['k1', 'v1', 1]));
    expect(await done).to.deep.equal(cartOf(['k1', 'v1', 1]));
    expect(cart.$cart.get()).to.deep.equal(cartOf(['k1', 'v1', 1]));
    expect(cart.$status.get()).to.deep.equal({ state: 'idle' });
    expect(cart.$adds.get().v1!.state).to.equal('added');
    expect(changes).to.have.length(1);
  });

  it('exposes the confirmed cart: unchanged while pending, set on every confirmation', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter });
    const confirmations: number[] = [];
    cart.$confirmed.listen((c) => confirmations.push(c.itemCount));
    const done = cart.add(LINE, PREVIEW).result;
    expect(cart.$confirmed.get().itemCount).to.equal(0);
    manual.pending[0]!.resolve(cartOf(['k1', 'v1', 1]));
    await done;
    manual.push(cartOf(['k1', 'v1', 4])); // a host-side change
    const failed = cart.add({ ...LINE, variantId: 'v2' }, PREVIEW).result;
    manual.pending[1]!.reject(new CheckoutError('rejected', 'No.'));
    await failed.catch(() => {});
    manual.pending[2]!.resolve(cartOf(['k1', 'v1', 4])); // the re-read after the failure
    expect(confirmations).to.deep.equal([1, 4]);
    expect(cart.$confirmed.get()).to.deep.equal(cartOf(['k1', 'v1', 4]));
  });

  it('rolls back a failed add and reports a readable error', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter, onError });
    manual.push(cartOf(['k0', 'v0', 2]));
    const done = cart.add(LINE, PREVIEW).result;
    expect(cart.$cart.get().itemCount).to.equal(3);
    const error = new CheckoutError('out-of-stock', 'Mug is sold out.');
    manual.pending[0]!.reject(error);
    expect(await done.catch((e: unknown) => e)).to.equal(error);
    expect(cart.$cart.get()).to.deep.equal(cartOf(['k0', 'v0', 2]));
    expect(cart.$status.get()).to.include({ state: 'error', message: 'Mug is sold out.' });
    expect(cart.$adds.get().v1).to.include({ state: 'error', message: 'Mug is sold out.' });
    expect(errors).to.have.length(1);
    expect(errors[0]!.code).to.equal('add-to-cart-failed');
    expect((errors[0]!.cause as CheckoutError).reason).to.equal('out-of-stock');
  });

  it('turns a double click into one request, one line, the chosen quantity', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter });
    const first = cart.add({ ...LINE, quantity: 2 }, PREVIEW);
    const second = cart.add({ ...LINE, quantity: 2 }, PREVIEW);
    expect(first.joined).to.equal(false);
    expect(second.joined).to.equal(true);
    expect(second.result).to.equal(first.result);
    expect(manual.pending).to.have.length(1);
    expect(cart.$cart.get().lines).to.have.length(1);
    expect(cart.$cart.get().itemCount).to.equal(2);
    cart.add({ ...LINE, properties: { engraving: 'A' } }, PREVIEW);
    expect(manual.pending).to.have.length(2, 'other properties are another line');
    manual.pending[0]!.resolve(cartOf(['k1', 'v1', 2]));
    await first.result;
    cart.add(LINE, PREVIEW);
    expect(manual.pending).to.have.length(3, 'a later click is a new add');
  });

  it('changes and removes lines optimistically, rolling back on failure', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter, onError });
    manual.push(cartOf(['k1', 'v1', 1], ['k2', 'v2', 1]));
    const change = cart.changeLine('k1', 3);
    expect(cart.$cart.get()).to.include({ itemCount: 4, subtotal: 2000 });
    manual.pending[0]!.resolve(cartOf(['k1', 'v1', 3], ['k2', 'v2', 1]));
    await change;
    const removal = cart.remove('k2');
    expect(cart.$cart.get().lines.map((l) => l.key)).to.deep.equal(['k1']);
    expect(manual.pending[1]!.args).to.deep.equal(['change', 'k2', 0]);
    manual.pending[1]!.reject(new CheckoutError('network', 'Could not reach the store.'));
    expect(await removal).to.equal(null);
    expect(cart.$cart.get().lines.map((l) => l.key)).to.deep.equal(['k1', 'k2']);
    expect(errors.map((e) => e.code)).to.deep.equal(['cart-change-failed']);
  });

  it('refuses to change a line that is still being added, and says so', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter, onError });
    cart.add(LINE, PREVIEW);
    expect(await cart.changeLine(cart.$cart.get().lines[0]!.key, 2)).to.equal(null);
    expect(errors[0]!.code).to.equal('cart-change-failed');
  });

  it('refreshes through getCart and reports cart-load-failed', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter, onError });
    const ok = cart.refresh();
    expect(cart.$status.get().state).to.equal('idle', 'a background read does not look busy');
    manual.pending[0]!.resolve(cartOf(['k1', 'v1', 2]));
    expect((await ok)!.itemCount).to.equal(2);
    const bad = cart.refresh();
    manual.pending[1]!.reject(new Error('boom'));
    expect(await bad).to.equal(null);
    expect(errors[0]!.code).to.equal('cart-load-failed');
    expect((errors[0]!.cause as CheckoutError).reason).to.equal('rejected');
  });

  it('checks out through the adapter, else the cart’s checkoutUrl, and reports failures', async () => {
    const seen: Cart[] = [];
    const withCheckout = createCart({
      adapter: callbackAdapter({
        addToCart: async () => cartOf(),
        checkout: (c) => void seen.push(c),
      }),
    });
    expect(await withCheckout.checkout()).to.equal(true);
    expect(seen).to.have.length(1);

    const visited: string[] = [];
    const viaUrl = createCart({
      adapter: callbackAdapter({
        addToCart: async () => ({ ...cartOf(['k', 'v', 1]), checkoutUrl: '/pay' }),
      }),
      window: { location: { assign: (u) => visited.push(u) } },
      onError,
    });
    await viaUrl.add(LINE).result;
    expect(await viaUrl.checkout()).to.equal(true);
    expect(visited).to.deep.equal(['/pay']);

    const failing = createCart({
      adapter: callbackAdapter({
        addToCart: async () => cartOf(),
        checkout: () => Promise.reject(new CheckoutError('network', 'Offline')),
      }),
      onError,
    });
    expect(await failing.checkout()).to.equal(false);
    expect(errors.map((e) => e.code)).to.deep.equal(['checkout-failed']);
    expect(failing.$status.get().message).to.equal('Offline');
  });

  it('follows host-side changes and stops on destroy, aborting work in flight', async () => {
    const manual = manualAdapter();
    const changes: Cart[] = [];
    const cart = createCart({ adapter: manual.adapter, onError, onChange: (c) => changes.push(c) });
    manual.push(cartOf(['k9', 'v9', 5]));
    expect(cart.$cart.get().itemCount).to.equal(5);
    const pending = cart.add(LINE, PREVIEW).result;
    cart.destroy();
    expect(manual.pending[0]!.signal.aborted).to.equal(true);
    expect(manual.unsubscribed()).to.equal(1);
    manual.pending[0]!.reject(new DOMException('Aborted', 'AbortError'));
    expect(await pending.catch((e: CheckoutError) => e.reason)).to.equal('rejected');
    manual.push(cartOf());
    expect(changes).to.have.length(1);
    expect(errors).to.have.length(0);
    expect(await cart.add(LINE).result.catch((e: CheckoutError) => e.reason)).to.equal('rejected');
    expect(errors).to.have.length(0, 'work dropped by destroy() is not reported');
  });

  it('setAdapter drops the old adapter and starts from its own cart', async () => {
    const first = manualAdapter();
    const second = manualAdapter();
    const cart = createCart({ adapter: first.adapter });
    first.push(cartOf(['k1', 'v1', 1]));
    cart.setAdapter(second.adapter);
    expect(first.unsubscribed()).to.equal(1);
    expect(cart.adapter).to.equal(second.adapter);
    expect(cart.$cart.get().itemCount).to.equal(0);
    second.push(cartOf(['k2', 'v2', 2]));
    expect(cart.$cart.get().itemCount).to.equal(2);
  });

  it('keeps two players’ carts apart, and lets a host share one on purpose', async () => {
    const a = manualAdapter();
    const b = manualAdapter();
    const cartA = createCart({ adapter: a.adapter });
    const cartB = createCart({ adapter: b.adapter });
    cartA.add(LINE, PREVIEW);
    expect(cartB.$cart.get().itemCount).to.equal(0);
    expect(b.pending).to.have.length(0);

    const shared = createCart({ adapter: a.adapter });
    const seenByPlayer1: number[] = [];
    const seenByPlayer2: number[] = [];
    shared.$cart.listen((c) => seenByPlayer1.push(c.itemCount));
    shared.$cart.listen((c) => seenByPlayer2.push(c.itemCount));
    shared.add({ ...LINE, variantId: 'v2' }, PREVIEW);
    expect(seenByPlayer1).to.deep.equal([1]);
    expect(seenByPlayer2).to.deep.equal([1]);
  });
});

describe('createCart add state and re-sync', () => {
  /** A store that applies an add and then answers with `failure` (an ambiguous outcome). */
  function flakyStore(failure: unknown, options: { getCart?: 'ok' | 'fails' | 'none' } = {}) {
    let store = cartOf();
    const reads: number[] = [];
    const adapter: CheckoutAdapter = {
      async addToCart(line) {
        store = cartOf(['k1', line.variantId, line.quantity]);
        throw failure;
      },
    };
    if (options.getCart !== 'none') {
      adapter.getCart = async () => {
        reads.push(store.itemCount);
        if (options.getCart === 'fails') throw new CheckoutError('network', 'Offline');
        return store;
      };
    }
    return { adapter, reads };
  }
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  it('decays "added" to idle after addedMs on the injected clock', async () => {
    const clock = fakeClock();
    const cart = createCart({
      adapter: callbackAdapter({ addToCart: async (l) => cartOf(['k1', l.variantId, 1]) }),
      clock,
      addedMs: 500,
    });
    await cart.add(LINE, PREVIEW).result;
    expect(cart.$adds.get().v1).to.include({ state: 'added', productId: 'p1' });
    clock.advance(499);
    expect(cart.$adds.get().v1?.state).to.equal('added');
    clock.advance(1);
    expect(cart.$adds.get()).to.deep.equal({});
    expect(clock.pending).to.equal(0);
  });

  it('re-reads the cart after a failed add, so the count ends equal to the store’s', async () => {
    const errors: CuecartError[] = [];
    // Any CheckoutError, including reasons adapters may add later, takes the same path.
    const ambiguous = new CheckoutError('timeout', 'The store took too long to answer.');
    const { adapter, reads } = flakyStore(ambiguous);
    const cart = createCart({ adapter, onError: (e) => errors.push(e) });
    const outcome = await cart.add(LINE, PREVIEW).result.catch((e: unknown) => e);
    expect(outcome).to.equal(ambiguous);
    await settle();
    expect(reads).to.deep.equal([1]);
    expect(cart.$cart.get().itemCount).to.equal(1);
    expect(cart.$confirmed.get().itemCount).to.equal(1);
    expect(errors.map((e) => e.code)).to.deep.equal(['add-to-cart-failed']);
    expect(cart.$adds.get().v1).to.include({ state: 'error' });
  });

  it('re-reads after any thrown value, and stays quiet when the re-read fails too', async () => {
    const errors: CuecartError[] = [];
    const { adapter, reads } = flakyStore(new TypeError('Failed to fetch'), { getCart: 'fails' });
    const cart = createCart({ adapter, onError: (e) => errors.push(e) });
    const outcome = await cart.add(LINE, PREVIEW).result.catch((e: unknown) => e);
    expect(outcome).to.be.instanceOf(CheckoutError);
    await settle();
    expect(reads).to.have.length(1);
    expect(cart.$cart.get().itemCount).to.equal(0, 'the last confirmed cart stays');
    expect(errors.map((e) => e.code)).to.deep.equal(['add-to-cart-failed']);
  });

  it('rolls back without a re-read when the adapter cannot read the cart', async () => {
    const { adapter } = flakyStore(new CheckoutError('rejected', 'No.'), { getCart: 'none' });
    const cart = createCart({ adapter });
    await cart.add(LINE, PREVIEW).result.catch(() => {});
    await settle();
    expect(cart.$cart.get().itemCount).to.equal(0);
  });

  it('does not let a re-read overwrite changes still in flight', async () => {
    const manual = manualAdapter();
    const cart = createCart({ adapter: manual.adapter });
    const failing = cart.add(LINE, PREVIEW).result;
    const other = cart.add({ ...LINE, variantId: 'v2' }, PREVIEW).result;
    manual.pending[0]!.reject(new CheckoutError('network', 'Offline'));
    await failing.catch(() => {});
    expect(manual.pending[2]!.args).to.deep.equal(['get']);
    manual.pending[2]!.resolve(cartOf());
    await settle();
    expect(cart.$cart.get().lines.map((l) => l.variantId)).to.deep.equal(['v2']);
    manual.pending[1]!.resolve(cartOf(['k2', 'v2', 1]));
    await other;
    expect(cart.$cart.get().itemCount).to.equal(1);
  });
});

describe('createCart with the Shopify adapter and the local store', () => {
  beforeEach(resetStore);

  it('sends one request for a double click and keeps the chosen quantity', async () => {
    await configureStore({ latencyMs: 80 });
    const cart = createCart({ adapter: shopifyAdapter({ sections: false }) });
    const line = { variantId: VARIANTS.mug12, productId: '8002', quantity: 2 };
    const [one, two] = await Promise.all([cart.add(line).result, cart.add(line).result]);
    expect(one).to.equal(two);
    expect(one!.itemCount).to.equal(2);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(1);
  });

  it('shows a sold-out failure to the shopper and leaves the cart as it was', async () => {
    const errors: CuecartError[] = [];
    const cart = createCart({
      adapter: shopifyAdapter({ sections: false }),
      onError: (e) => errors.push(e),
    });
    const failure = await cart
      .add({ variantId: VARIANTS.sunglasses, productId: '8004', quantity: 1 })
      .result.catch((e: CheckoutError) => e);
    expect((failure as CheckoutError).reason).to.equal('out-of-stock');
    expect(cart.$cart.get().lines).to.have.length(0);
    expect(cart.$status.get().message).to.equal(
      "The product 'Solstice Sunglasses - Tortoise' is already sold out.",
    );
    expect(errors[0]!.code).to.equal('add-to-cart-failed');
  });

  it('two carts on one adapter see the same store cart after refresh', async () => {
    const adapter = shopifyAdapter({ sections: false });
    const one = createCart({ adapter });
    const two = createCart({ adapter });
    await one.add({ variantId: VARIANTS.headphonesBlack, productId: '8001', quantity: 1 }).result;
    expect(two.$cart.get().itemCount).to.equal(0);
    expect((await two.refresh())!.itemCount).to.equal(1);
  });
});
