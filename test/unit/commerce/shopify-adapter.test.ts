import { expect } from '@open-wc/testing';
import {
  shopifyAdapter,
  type ShopifyAdapterOptions,
} from '../../../src/commerce/adapters/shopify.js';
import { cartFromShopify, retryAfterMs } from '../../../src/commerce/adapters/shopify-http.js';
import { CheckoutError } from '../../../src/commerce/checkout-adapter.js';
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
  shopifyAdapter({ sections: false, retryDelayMs: 20, ...options });
const line = (variantId: string, quantity = 1, properties?: Record<string, string>) => ({
  variantId,
  productId: '0',
  quantity,
  ...(properties ? { properties } : {}),
});

describe('shopifyAdapter', () => {
  beforeEach(resetStore);

  it('adds through cart/add.js and maps the Shopify cart', async () => {
    const props = { gift_wrap: 'yes' };
    const cart = await adapter().addToCart(line(VARIANTS.mug12, 2, props), call());
    expect(cart.itemCount).to.equal(2);
    expect(cart.subtotal).to.equal(4800);
    expect(cart.currency).to.equal('USD');
    expect(cart.checkoutUrl).to.equal('/checkout');
    const [first] = cart.lines;
    expect(first).to.include({
      variantId: VARIANTS.mug12,
      productId: '8002',
      title: 'Ember Mug',
      variantTitle: '12 oz',
      quantity: 2,
      price: 2400,
      linePrice: 4800,
      image: '/demo/assets/products/ember-mug.svg',
    });
    expect(first!.key).to.match(/^45003:/);
    expect(first!.properties).to.deep.equal(props);
  });

  it('keeps one line per variant and records the show once, as a cart attribute', async () => {
    const shop = adapter();
    const fromCue = (cue: string) =>
      line(VARIANTS.mug12, 1, { _cuecart_video: 'spring-show', _cuecart_cue: cue });
    await shop.addToCart(fromCue('cue-1'), call());
    const cart = await shop.addToCart(fromCue('cue-7'), call());
    expect(cart.lines).to.have.length(1);
    expect(cart.lines[0]!.quantity).to.equal(2);
    expect(cart.lines[0]!.properties).to.equal(undefined);
    await shop.getCart!(call());
    expect((await storeCart()).attributes).to.deep.equal({ _cuecart_video: 'spring-show' });
    expect((await storeState()).requests['POST cart/update.js']).to.equal(1, 'once per show');
  });

  it('puts the show on the line only when asked to (attribution: line-properties)', async () => {
    const shop = adapter({ attribution: 'line-properties' });
    const props = { _cuecart_video: 'spring-show', _cuecart_cue: 'cue-1', engraving: 'JS' };
    const cart = await shop.addToCart(line(VARIANTS.mug12, 1, props), call());
    expect(cart.lines[0]!.properties).to.deep.equal({
      _cuecart_video: 'spring-show',
      engraving: 'JS',
    });
    expect((await storeCart()).attributes).to.deep.equal({});
  });

  it('changes and removes lines through cart/change.js, reads cart.js', async () => {
    const shop = adapter();
    const added = await shop.addToCart(line(VARIANTS.headphonesBlack), call());
    const key = added.lines[0]!.key;
    expect((await shop.changeLine!(key, 3, call())).itemCount).to.equal(3);
    expect((await shop.getCart!(call())).lines[0]!.quantity).to.equal(3);
    expect((await shop.changeLine!(key, 0, call())).lines).to.have.length(0);
  });

  it('retries a 429 and then succeeds', async () => {
    await injectFaults({
      route: 'POST cart/add.js',
      kind: 'error-before',
      status: 429,
      json: { status: 429, message: 'Too Many Requests', description: 'Too many requests.' },
      retryAfter: 0,
      times: 2,
    });
    const cart = await adapter().addToCart(line(VARIANTS.mug12), call());
    expect(cart.itemCount).to.equal(1);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(3);
  });

  it('waits at least Retry-After seconds before retrying', async () => {
    await configureStore({ rateLimit: { remaining429: 1, retryAfter: 0.3 } });
    const started = performance.now();
    await adapter().getCart!(call());
    expect(performance.now() - started).to.be.at.least(290);
  });

  it('gives up with rate-limited after the bounded attempts', async () => {
    await injectFaults({
      route: 'POST cart/add.js',
      kind: 'error-before',
      status: 429,
      json: { status: 429, message: 'Too Many Requests', description: 'Too many requests.' },
      retryAfter: 0,
      times: 50,
    });
    const error = await rejectionOf<CheckoutError>(
      adapter({ retries: 2 }).addToCart(line(VARIANTS.mug12), call()),
    );
    expect(error).to.be.instanceOf(CheckoutError);
    expect(error.reason).to.equal('rate-limited');
    expect(error.message).to.equal('The store is busy right now. Please try again in a moment.');
    const { requests } = await storeState();
    expect(requests['POST cart/add.js']).to.equal(3);
    expect(requests['GET cart.js']).to.equal(1, 'a 429 is never applied: no re-read');
  });

  it('fails with rate-limited when the cart cannot be read first, and sends no add', async () => {
    await configureStore({ rateLimit: { remaining429: 50, retryAfter: 0 } });
    const error = await rejectionOf<CheckoutError>(
      adapter({ retries: 1 }).addToCart(line(VARIANTS.mug12), call()),
    );
    expect(error.reason).to.equal('rate-limited');
    expect((await storeState()).requests['POST cart/add.js']).to.equal(undefined);
  });

  it('fails at once with rate-limited when Retry-After is longer than it will wait', async () => {
    await injectFaults({
      route: 'POST cart/add.js',
      kind: 'error-before',
      status: 429,
      json: { status: 429, message: 'Too Many Requests', description: 'Too many requests.' },
      retryAfter: 120,
      times: 5,
    });
    const error = await rejectionOf<CheckoutError>(
      adapter({ maxRetryDelayMs: 1000 }).addToCart(line(VARIANTS.mug12), call()),
    );
    expect(error.reason).to.equal('rate-limited');
    expect((await storeState()).requests['POST cart/add.js']).to.equal(1);
  });

  it('retries a 409 caused by another write to the same cart', async () => {
    await configureStore({ latencyMs: 200 });
    await fetch('/cart.js');
    const elsewhere = fetch('/cart/add.js', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: Number(VARIANTS.speakerSlate), quantity: 1 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 40));
    const cart = await adapter({ retryDelayMs: 100 }).addToCart(line(VARIANTS.mug12), call());
    expect((await elsewhere).status).to.equal(200);
    expect(cart.lines.map((l) => l.variantId).sort()).to.deep.equal([
      VARIANTS.mug12,
      VARIANTS.speakerSlate,
    ]);
    expect((await storeState()).requests['POST cart/add.js']).to.be.at.least(3);
  });

  it('maps 422 "sold out" to out-of-stock with Shopify’s description', async () => {
    const error = await rejectionOf<CheckoutError>(
      adapter().addToCart(line(VARIANTS.sunglasses), call()),
    );
    expect(error.reason).to.equal('out-of-stock');
    expect(error.message).to.equal(
      "The product 'Solstice Sunglasses - Tortoise' is already sold out.",
    );
  });

  it('maps 422 "You can only add N" to quantity-limit', async () => {
    const error = await rejectionOf<CheckoutError>(
      adapter().addToCart(line(VARIANTS.tote, 5), call()),
    );
    expect(error.reason).to.equal('quantity-limit');
    expect(error.message).to.equal('You can only add 3 Canvas Tote to the cart.');
  });

  it('maps an unknown variant (404) to rejected, in Cuecart’s words', async () => {
    const error = await rejectionOf<CheckoutError>(adapter().addToCart(line('999'), call()));
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.equal('This product is no longer available.');
  });

  it('maps a fetch failure to network (closed port and injected fetch)', async () => {
    const closed = await rejectionOf<CheckoutError>(
      adapter({ root: 'http://127.0.0.1:9/' }).getCart!(call()),
    );
    expect(closed.reason).to.equal('network');
    const failing = adapter({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const injected = await rejectionOf<CheckoutError>(
      failing.addToCart(line(VARIANTS.mug12), call()),
    );
    expect(injected.reason).to.equal('network');
    expect(injected.message).to.match(/reach the store/);
  });

  it('maps a slow read to timeout', async () => {
    await configureStore({ readLatencyMs: 600 });
    const error = await rejectionOf<CheckoutError>(adapter({ timeoutMs: 100 }).getCart!(call()));
    expect(error.reason).to.equal('timeout');
    expect(error.message).to.equal('The store took too long to answer. Please try again.');
  });

  it('rejects with the caller’s AbortError, not a CheckoutError, when aborted', async () => {
    await configureStore({ latencyMs: 300 });
    const controller = new AbortController();
    const pending = adapter().addToCart(line(VARIANTS.mug12), { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await rejectionOf<DOMException>(pending);
    expect(error.name).to.equal('AbortError');
  });

  it('serialises concurrent writes: none lost, none duplicated, no 409', async () => {
    await configureStore({ latencyMs: 60 });
    const shop = adapter();
    const ids = [VARIANTS.mug12, VARIANTS.mug16, VARIANTS.headphonesBlack, VARIANTS.speakerSlate];
    await Promise.all(ids.map((id) => shop.addToCart(line(id), call())));
    const cart = await shop.getCart!(call());
    expect(cart.lines.map((l) => l.variantId).sort()).to.deep.equal([...ids].sort());
    expect(cart.itemCount).to.equal(4);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(4);
  });

  it('checks out by navigating to {root}checkout', async () => {
    const visited: string[] = [];
    const win = {
      Shopify: { routes: { root: '/' } },
      location: { assign: (u: string) => visited.push(u) },
    };
    await adapter({ window: win }).checkout!(await adapter().getCart!(call()));
    expect(visited).to.deep.equal(['/checkout']);
  });

  it('reads the root lazily from Shopify.routes.root', async () => {
    const win: { Shopify: { routes: { root: string } } } = { Shopify: { routes: { root: '/fr' } } };
    const seen: string[] = [];
    const shop = adapter({
      window: win,
      fetch: (input) => {
        seen.push(String(input));
        return fetch('/cart.js');
      },
    });
    win.Shopify.routes.root = '/de/';
    await shop.getCart!(call());
    expect(seen).to.deep.equal(['/de/cart.js']);
  });
});

describe('cartFromShopify', () => {
  it('converts AJAX hundredths to true minor units for zero-decimal currencies', () => {
    const cart = cartFromShopify(
      {
        currency: 'JPY',
        item_count: 2,
        total_price: 300000,
        items: [
          {
            key: '1:a',
            variant_id: 1,
            product_id: 2,
            product_title: 'Tea',
            variant_title: 'Default Title',
            quantity: 2,
            price: 150000,
            final_line_price: 300000,
            image: '//cdn.example/tea.png',
            properties: { _cuecart_cue: 'x', empty: null },
          },
        ],
      },
      { root: '/' },
    );
    expect(cart.subtotal).to.equal(3000);
    expect(cart.lines[0]).to.include({ price: 1500, linePrice: 3000, title: 'Tea' });
    expect(cart.lines[0]!.variantTitle).to.equal(undefined);
    expect(cart.lines[0]!.image).to.equal(`${location.protocol}//cdn.example/tea.png`);
    expect(cart.lines[0]!.properties).to.deep.equal({ _cuecart_cue: 'x' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('2')).to.equal(2000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now())).to.be.within(
      3000,
      5000,
    );
    expect(retryAfterMs(null)).to.equal(null);
  });
});
