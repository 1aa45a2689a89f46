import { expect } from '@open-wc/testing';
import {
  CheckoutError,
  emptyCart,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../../../src/commerce/checkout-adapter.js';
import { createCart } from '../../../src/state/cart-store.js';
import { deferredAdapter } from '../../../src/state/deferred-adapter.js';
// A promise the test settles by hand: the adapter's chunk "arriving".
import { deferred as chunk } from '../../helpers/deferred.js';

const line: CartLineInput = { productId: 'tee', variantId: 'tee-m', quantity: 1 };
const signal = new AbortController().signal;

/** A real-enough adapter recording the adds it receives. */
function recordingAdapter() {
  const added: CartLineInput[] = [];
  const listeners: ((cart: Cart) => void)[] = [];
  const adapter: CheckoutAdapter = {
    async addToCart(input) {
      added.push(input);
      return {
        ...emptyCart('USD'),
        lines: [
          {
            key: 'k1',
            productId: input.productId,
            variantId: input.variantId,
            title: 'Tee',
            quantity: input.quantity,
            price: 1000,
            linePrice: 1000 * input.quantity,
          },
        ],
        itemCount: input.quantity,
        subtotal: 1000 * input.quantity,
      };
    },
    getCart: async () => emptyCart('USD'),
    subscribe(onChange) {
      listeners.push(onChange);
      return () => listeners.splice(listeners.indexOf(onChange), 1);
    },
  };
  return { adapter, added, listeners };
}

describe('deferredAdapter', () => {
  it('holds an add made before the chunk arrives and sends it once it has (the cart shows it pending)', async () => {
    const arrival = chunk<CheckoutAdapter>();
    let created = 0;
    const deferred = deferredAdapter(() => {
      created++;
      return arrival.promise;
    });
    const cart = createCart({ adapter: deferred });
    const { result } = cart.add(line);
    expect(cart.$adds.get()['tee-m']?.state).to.equal('pending');
    const real = recordingAdapter();
    arrival.resolve(real.adapter);
    const confirmed = await result;
    expect(real.added.map((l) => l.variantId)).to.deep.equal(['tee-m']);
    expect(confirmed.itemCount).to.equal(1);
    expect(created, 'the adapter is built once').to.equal(1);
    cart.destroy();
  });

  it('rejects with a network CheckoutError when the chunk fails, and tries again on the next call', async () => {
    let attempt = 0;
    const real = recordingAdapter();
    const deferred = deferredAdapter(async () => {
      attempt++;
      if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return real.adapter;
    });
    const failure = await deferred.addToCart(line, { signal }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure instanceof CheckoutError, 'a CheckoutError').to.equal(true);
    expect((failure as CheckoutError).reason).to.equal('network');
    await deferred.addToCart(line, { signal });
    expect(real.added).to.have.length(1);
    expect(attempt).to.equal(2);
  });

  it('subscribes the real adapter once it arrives, and not at all when unsubscribed before', async () => {
    const first = chunk<CheckoutAdapter>();
    const real = recordingAdapter();
    const seen: Cart[] = [];
    const deferred = deferredAdapter(() => first.promise);
    const stop = deferred.subscribe!((cart) => seen.push(cart));
    const early = deferredAdapter(async () => real.adapter);
    early.subscribe!(() => {})();
    first.resolve(real.adapter);
    await first.promise;
    await Promise.resolve();
    expect(real.listeners).to.have.length(1);
    real.listeners[0]!(emptyCart('EUR'));
    expect(seen.map((c) => c.currency)).to.deep.equal(['EUR']);
    stop();
    expect(real.listeners).to.have.length(0);
  });
});
