import { expect } from '@open-wc/testing';
import { callbackAdapter } from '../../../src/commerce/adapters/callback.js';
import {
  eventsAdapter,
  type AddToCartRequestDetail,
  type ChangeLineRequestDetail,
} from '../../../src/commerce/adapters/events.js';
import { CheckoutError, type Cart } from '../../../src/commerce/checkout-adapter.js';
import { call, rejectionOf } from './local-store.js';

const LINE = { variantId: 'v1', productId: 'p1', quantity: 1, properties: { _cuecart_cue: 'c' } };
const hostCart = (quantity = 1): Cart => ({
  lines: [
    {
      key: 'k1',
      variantId: 'v1',
      productId: 'p1',
      title: 'Mug',
      quantity,
      price: 500,
      linePrice: 500 * quantity,
    },
  ],
  itemCount: quantity,
  subtotal: 500 * quantity,
  currency: 'EUR',
});

describe('eventsAdapter', () => {
  let player: HTMLElement;
  let warnings: unknown[][];
  const quietConsole = { warn: (...args: unknown[]) => warnings.push(args) };
  const listeners: [string, EventListener][] = [];
  const onDocument = (type: string, listener: (e: CustomEvent) => void) => {
    document.addEventListener(type, listener as EventListener);
    listeners.push([type, listener as EventListener]);
  };

  beforeEach(() => {
    warnings = [];
    player = document.createElement('div');
    document.body.append(player);
  });
  afterEach(() => {
    player.remove();
    listeners.splice(0).forEach(([type, l]) => document.removeEventListener(type, l));
  });

  it('asks the host with a bubbling, composed, cancelable request it answers with respondWith', async () => {
    let seen: CustomEvent<AddToCartRequestDetail> | undefined;
    onDocument('cuecart-add-to-cart', (event) => {
      seen = event as CustomEvent<AddToCartRequestDetail>;
      seen.detail.respondWith(Promise.resolve(hostCart()));
    });
    const cart = await eventsAdapter(player, { console: quietConsole }).addToCart(LINE, call());
    expect(cart).to.deep.equal(hostCart());
    expect(seen!.bubbles && seen!.composed && seen!.cancelable).to.equal(true);
    expect(seen!.detail.line).to.deep.equal(LINE);
    expect(await seen!.detail.result).to.deep.equal(hostCart());
    expect(warnings).to.have.length(0);
  });

  it('fills totals a host left out and wraps host errors as rejected', async () => {
    onDocument('cuecart-add-to-cart', (event) =>
      (event.detail as AddToCartRequestDetail).respondWith({
        lines: [{ variantId: 'v1', quantity: 2, price: 300 }],
      } as unknown as Cart),
    );
    const cart = await eventsAdapter(player).addToCart(LINE, call());
    expect(cart).to.include({ itemCount: 2, subtotal: 600, currency: 'USD' });

    const failing = document.createElement('div');
    document.body.append(failing);
    failing.addEventListener('cuecart-add-to-cart', (event) => {
      event.stopPropagation();
      (event as CustomEvent<AddToCartRequestDetail>).detail.respondWith(
        Promise.reject(new Error('Basket service is down')),
      );
    });
    const error = await rejectionOf<CheckoutError>(eventsAdapter(failing).addToCart(LINE, call()));
    failing.remove();
    expect(error).to.be.instanceOf(CheckoutError);
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.equal('Basket service is down');
  });

  it('keeps a CheckoutError reason from the host', async () => {
    onDocument('cuecart-add-to-cart', (event) =>
      (event.detail as AddToCartRequestDetail).respondWith(
        Promise.reject(new CheckoutError('out-of-stock', 'Gone!')),
      ),
    );
    const error = await rejectionOf<CheckoutError>(eventsAdapter(player).addToCart(LINE, call()));
    expect(error.reason).to.equal('out-of-stock');
  });

  it('rejects an unanswered request and warns the developer', async () => {
    let result: Promise<Cart> | undefined;
    onDocument('cuecart-add-to-cart', (event) => {
      result = (event.detail as AddToCartRequestDetail).result;
    });
    const error = await rejectionOf<CheckoutError>(
      eventsAdapter(player, { console: quietConsole }).addToCart(LINE, call()),
    );
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.match(/not available/);
    expect(String(warnings[0]?.[0])).to.contain('cuecart-add-to-cart');
    expect(await rejectionOf(result!)).to.equal(error);
  });

  it('treats preventDefault() without an answer as the host’s veto', async () => {
    onDocument('cuecart-add-to-cart', (event) => event.preventDefault());
    const error = await rejectionOf<CheckoutError>(
      eventsAdapter(player, { console: quietConsole }).addToCart(LINE, call()),
    );
    expect(error.reason).to.equal('rejected');
    expect(warnings).to.have.length(0);
  });

  it('ignores (and warns about) a respondWith after dispatch', async () => {
    onDocument('cuecart-add-to-cart', (event) => {
      setTimeout(() => (event.detail as AddToCartRequestDetail).respondWith(hostCart()));
    });
    const error = await rejectionOf<CheckoutError>(
      eventsAdapter(player, { console: quietConsole }).addToCart(LINE, call()),
    );
    expect(error.reason).to.equal('rejected');
    await new Promise((r) => setTimeout(r, 10));
    expect(warnings.some((w) => String(w[0]).includes('synchronously'))).to.equal(true);
  });

  it('changes lines through cuecart-change-line and aborts a pending answer', async () => {
    onDocument('cuecart-change-line', (event) => {
      const detail = event.detail as ChangeLineRequestDetail;
      detail.respondWith(hostCart(detail.quantity));
    });
    const cart = await eventsAdapter(player).changeLine!('k1', 3, call());
    expect(cart.itemCount).to.equal(3);

    const slow = document.createElement('div');
    document.body.append(slow);
    slow.addEventListener('cuecart-change-line', (event) => {
      event.stopPropagation();
      (event as CustomEvent<ChangeLineRequestDetail>).detail.respondWith(new Promise(() => {}));
    });
    const controller = new AbortController();
    const pending = eventsAdapter(slow).changeLine!('k1', 1, { signal: controller.signal });
    controller.abort();
    expect((await rejectionOf<DOMException>(pending)).name).to.equal('AbortError');
    slow.remove();
  });

  it('answers getCart with the last cart it knew when nobody listens', async () => {
    const adapter = eventsAdapter(player, { currency: 'EUR' });
    expect(await adapter.getCart!(call())).to.deep.equal({
      lines: [],
      itemCount: 0,
      subtotal: 0,
      currency: 'EUR',
    });
    const stop = adapter.subscribe!(() => {});
    player.dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: hostCart(2) }));
    stop();
    expect((await adapter.getCart!(call())).itemCount).to.equal(2);
  });

  it('passes host pushes (cuecart-cart-update) to subscribers until unsubscribed', () => {
    const seen: Cart[] = [];
    const stop = eventsAdapter(player, { console: quietConsole }).subscribe!((c) => seen.push(c));
    player.dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: hostCart(4) }));
    player.dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: 'nonsense' }));
    stop();
    player.dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: hostCart(5) }));
    expect(seen.map((c) => c.itemCount)).to.deep.equal([4]);
    expect(warnings).to.have.length(1);
  });

  it('dispatches cuecart-checkout and navigates unless the host cancels', async () => {
    const visited: string[] = [];
    const adapter = eventsAdapter(player, { navigate: (url) => visited.push(url) });
    const cart = { ...hostCart(), checkoutUrl: '/pay' };
    let detail: unknown;
    onDocument('cuecart-checkout', (event) => (detail = event.detail));
    await adapter.checkout!(cart);
    expect(detail).to.deep.equal({ cart });
    expect(visited).to.deep.equal(['/pay']);
    onDocument('cuecart-checkout', (event) => event.preventDefault());
    await adapter.checkout!(cart);
    expect(visited).to.have.length(1);
  });
});

describe('callbackAdapter', () => {
  it('calls the host’s functions and normalises their carts', async () => {
    const calls: unknown[] = [];
    const adapter = callbackAdapter({
      addToCart: async (line) => (calls.push(line), hostCart()),
      changeLine: (key, quantity) => (calls.push([key, quantity]), hostCart(quantity)),
    });
    expect((await adapter.addToCart(LINE, call())).itemCount).to.equal(1);
    expect((await adapter.changeLine!('k1', 2, call())).itemCount).to.equal(2);
    expect(calls).to.deep.equal([LINE, ['k1', 2]]);
    expect(adapter.getCart).to.equal(undefined);
    expect(adapter.subscribe).to.equal(undefined);
  });

  it('wraps thrown errors into CheckoutError("rejected") and keeps CheckoutErrors', async () => {
    const thrower = callbackAdapter({
      addToCart: () => {
        throw new Error('No session');
      },
      getCart: async () => {
        throw new CheckoutError('network', 'Offline');
      },
      checkout: () => {
        throw new Error('No checkout');
      },
    });
    const add = await rejectionOf<CheckoutError>(thrower.addToCart(LINE, call()));
    expect([add.reason, add.message]).to.deep.equal(['rejected', 'No session']);
    const read = await rejectionOf<CheckoutError>(thrower.getCart!(call()));
    expect(read.reason).to.equal('network');
    const checkout = await rejectionOf<CheckoutError>(
      Promise.resolve(thrower.checkout!(hostCart())),
    );
    expect(checkout.reason).to.equal('rejected');
  });

  it('rejects an answer that is not a cart', async () => {
    const adapter = callbackAdapter({ addToCart: async () => ({ ok: true }) as unknown as Cart });
    const error = await rejectionOf<CheckoutError>(adapter.addToCart(LINE, call()));
    expect(error.reason).to.equal('rejected');
  });

  it('forwards host pushes through subscribe', () => {
    let push: (cart: Cart) => void = () => {};
    const adapter = callbackAdapter({
      addToCart: async () => hostCart(),
      subscribe: (cb) => ((push = cb), () => {}),
    });
    const seen: Cart[] = [];
    adapter.subscribe!((c) => seen.push(c));
    push(hostCart(7));
    expect(seen[0]!.itemCount).to.equal(7);
  });
});
