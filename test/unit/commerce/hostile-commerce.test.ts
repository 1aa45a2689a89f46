// The URL policy, prototype-free lookups and parser limits where product and cart data enter:
// feeds, a host's productList, Shopify product JSON, carts from any adapter, checkout.
import { expect } from '@open-wc/testing';
import { eventsAdapter } from '../../../src/commerce/adapters/events.js';
import { withSafeUrls } from '../../../src/commerce/cart.js';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import { createProductCatalog, productFromPayload } from '../../../src/commerce/product-catalog.js';
import { parseProduct, parseProductFeed } from '../../../src/commerce/product-feed.js';
import type { Product } from '../../../src/commerce/product.js';
import {
  productFromShopify,
  shopifyProductResolver,
} from '../../../src/commerce/shopify-products.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCart } from '../../../src/state/cart-store.js';
import { createCueStore } from '../../../src/state/cue-store.js';
import { createPlayerCommerce } from '../../../src/state/player-commerce.js';
import { HOSTILE_URLS } from '../../helpers/hostile-urls.js';

const BUILT_IN_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

const sink = () => {
  const errors: CuecartError[] = [];
  return { errors, onError: (e: CuecartError) => errors.push(e) };
};

const goodProduct = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Product ${id}`,
  price: 1000,
  ...extra,
});

const jsonFetch =
  (body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status: 200 });

describe('parseProductFeed (hostile feeds)', () => {
  it('keeps products with unsafe url and images but drops those fields, and lists each', () => {
    const feed = parseProductFeed({
      products: HOSTILE_URLS.map((bad, i) =>
        goodProduct(`p${i}`, {
          url: bad,
          image: bad,
          variants: [{ id: `v${i}`, price: 100, image: bad }],
        }),
      ),
    })!;
    expect(feed.products).to.have.length(HOSTILE_URLS.length);
    for (const product of feed.products) {
      expect(product.url).to.equal(undefined);
      expect(product.image).to.equal(undefined);
      expect(product.variants[0]!.image).to.equal(undefined);
    }
    expect(feed.problems).to.have.length(HOSTILE_URLS.length * 3);
    expect(feed.problems).to.satisfy((all: string[]) =>
      all.some((p) => /^products\[0\]: dropped the unsafe "url" of product p0/.test(p)),
    );
  });

  it('keeps http(s) and relative URLs, trimmed as the browser would', () => {
    const product = parseProduct(
      goodProduct('a', { url: '\u0000 /products/a ', image: 'https://cdn.example/a.jpg' }),
    ) as Product;
    expect(product.url).to.equal('/products/a');
    expect(product.image).to.equal('https://cdn.example/a.jpg');
  });

  it('a 20,000-level nested "options" skips that product only and throws nothing', () => {
    let nested: unknown = 'S';
    for (let i = 0; i < 20_000; i++) nested = [nested];
    const text = `{"products":[{"id":"deep","title":"Deep","price":1,"options":${'['.repeat(20_000)}"S"${']'.repeat(20_000)}},{"id":"ok","title":"Ok","price":2}]}`;
    for (const json of [
      JSON.parse(text) as unknown,
      {
        products: [
          goodProduct('deep', { variants: [{ id: 'dv', price: 1, options: [nested] }] }),
          goodProduct('ok'),
        ],
      },
    ]) {
      const feed = parseProductFeed(json)!;
      expect(feed.products.map((p) => p.id)).to.deep.equal(['ok']);
      expect(feed.problems[0]).to.match(/products\[0\].*not a string/);
    }
  });

  it('skips products over the size limits and keeps the rest', () => {
    const feed = parseProductFeed({
      products: [
        goodProduct('long-title', { title: 'x'.repeat(1_000_000) }),
        goodProduct('i'.repeat(10_000)),
        goodProduct('many', {
          variants: Array.from({ length: 200_000 }, (_, i) => ({ id: `v${i}`, price: i })),
        }),
        goodProduct('fine'),
      ],
    })!;
    expect(feed.products.map((p) => p.id)).to.deep.equal(['fine']);
    expect(feed.problems).to.have.length(3);
  });

  it('a product with id "__proto__" is an ordinary product', () => {
    const feed = parseProductFeed(
      JSON.parse('{"products":[{"id":"__proto__","title":"P","price":1}]}'),
    )!;
    expect(feed.products[0]!.id).to.equal('__proto__');
  });
});

describe('createProductCatalog (prototype-free lookups)', () => {
  it('built-in names are unknown products raising product-unknown', async () => {
    const { errors, onError } = sink();
    const catalog = createProductCatalog({ onError });
    for (const name of BUILT_IN_NAMES) expect(catalog.get(name), name).to.equal(undefined);
    expect(await catalog.resolve(BUILT_IN_NAMES)).to.deep.equal(
      BUILT_IN_NAMES.map(() => undefined),
    );
    // The player's seam reports each as product-unknown, like any other unknown id.
    const cues = createCueStore();
    const commerce = createPlayerCommerce({
      cues,
      catalog,
      eventTarget: new EventTarget(),
      onError,
      notify: () => {},
    });
    commerce.connect();
    cues.addCues(
      BUILT_IN_NAMES.map((name, i) => ({ id: `c${i}`, start: i, end: i + 1, product: name })),
    );
    await cues.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const cue of cues.$cues.get())
      expect(commerce.productFor(cue), cue.payload.product).to.equal(null);
    commerce.disconnect();
    expect(errors.map((e) => e.code)).to.deep.equal(BUILT_IN_NAMES.map(() => 'product-unknown'));
  });

  it('a feed product with id "__proto__" is stored under that key, not as a prototype', async () => {
    const { errors, onError } = sink();
    const catalog = createProductCatalog({
      onError,
      fetch: jsonFetch({
        products: [
          { id: '__proto__', title: 'Proto', price: 100 },
          { id: 'constructor', handle: 'toString', title: 'Ctor', price: 200 },
        ],
      }),
    });
    await catalog.loadFeed('/feed.json');
    expect(catalog.get('__proto__')!.title).to.equal('Proto');
    expect(catalog.get('constructor')!.title).to.equal('Ctor');
    expect(catalog.get('toString')!.title).to.equal('Ctor');
    expect(catalog.get('hasOwnProperty')).to.equal(undefined);
    const all = catalog.$products.get();
    expect(Object.getPrototypeOf(all)).to.equal(null);
    expect(Object.keys(all).sort()).to.deep.equal(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).title).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });

  it('setProducts reports unsafe URLs and unreadable entries and never throws', () => {
    const { errors, onError } = sink();
    const catalog = createProductCatalog({ onError });
    const throwing = goodProduct('t');
    Object.defineProperty(throwing, 'title', {
      get() {
        throw new Error('getter');
      },
      enumerable: true,
    });
    const evilToString = goodProduct('s', {
      options: [
        {
          toString() {
            throw new Error('toString');
          },
        },
      ],
    });
    const list = [goodProduct('a', { url: 'javascript:window.__pwned=1' }), throwing, evilToString];
    const trapped = new Proxy(list, {
      get(target, key, receiver) {
        if (key === '1') throw new Error('index getter');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(() => catalog.setProducts(trapped as never)).not.to.throw();
    expect(() => catalog.setProducts({} as never)).not.to.throw();
    expect(catalog.get('a')!.url).to.equal(undefined);
    expect(catalog.get('s')).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.deep.equal([
      'products-load-failed',
      'products-load-failed',
    ]);
    expect(errors[0]!.message).to.match(/\[0\]: dropped the unsafe "url"/);
    expect(errors[0]!.message).to.match(/\[1\]: could not be read/);
  });

  it('a payload-built product never carries an unsafe link', () => {
    const product = productFromPayload({
      product: 'x',
      title: 'X',
      price: 100,
      url: 'javascript:window.__pwned=1',
      image: 'data:image/png;base64,AA',
    });
    expect(product!.url).to.equal(undefined);
    expect(product!.image).to.equal(undefined);
  });
});

describe('productFromShopify / shopifyProductResolver (hostile store JSON)', () => {
  const json = {
    id: 1,
    handle: 'mug',
    title: 'Mug',
    url: ' javascript:window.__pwned=1',
    featured_image: 'data:image/svg+xml,<svg/>',
    images: ['vbscript:x'],
    variants: [{ id: 11, price: 1000, featured_image: { src: 'JaVaScRiPt:x' } }],
  };

  it('drops unsafe url and images and tells onProblem', () => {
    const problems: string[] = [];
    const product = productFromShopify(json, { onProblem: (p) => problems.push(p) })!;
    expect(product.url).to.equal(undefined);
    expect(product.image).to.equal(undefined);
    expect(product.variants[0]!.image).to.equal(undefined);
    expect(problems).to.have.length(4);
  });

  it('never throws on nested option values or odd ids', () => {
    let nested: unknown = 'S';
    for (let i = 0; i < 20_000; i++) nested = [nested];
    const product = productFromShopify({
      id: 2,
      title: 'Deep',
      variants: [
        { id: 21, price: 100, options: [nested, 'M'] },
        { id: { a: 1 }, price: 1 },
      ],
    });
    expect(product!.variants.map((v) => v.id)).to.deep.equal(['21']);
    expect(product!.variants[0]!.options).to.deep.equal(['M']);
  });

  it('the resolver reports dropped URLs as products-load-failed', async () => {
    const { errors, onError } = sink();
    const resolve = shopifyProductResolver({ fetch: jsonFetch(json), root: '/' });
    const [product] = await resolve(['mug'], { signal: new AbortController().signal, onError });
    expect(product!.url).to.equal(undefined);
    expect(errors).to.have.length(4);
    expect(errors[0]!.code).to.equal('products-load-failed');
    expect(errors.map((e) => e.message)).to.satisfy((all: string[]) =>
      all.some((m) => /product "mug" dropped the unsafe "url"/.test(m)),
    );
  });
});

describe('carts (URL policy)', () => {
  const hostileCart = (): Cart => ({
    lines: [
      {
        key: 'k1',
        variantId: 'v1',
        productId: 'p1',
        title: 'Mug',
        quantity: 1,
        price: 100,
        linePrice: 100,
        url: 'java\tscr\nipt:window.__pwned=1',
        image: 'javascript:window.__pwned=2',
      },
      {
        key: 'k2',
        variantId: 'v2',
        productId: 'p2',
        title: 'Cap',
        quantity: 1,
        price: 100,
        linePrice: 100,
        url: '/products/cap',
      },
    ],
    itemCount: 2,
    subtotal: 200,
    currency: 'USD',
    checkoutUrl: '\u0001JAVASCRIPT:window.__pwned=3',
  });

  it('withSafeUrls drops unsafe line links, images and checkoutUrl', () => {
    const problems: string[] = [];
    const safe = withSafeUrls(hostileCart(), (p) => problems.push(p));
    expect(safe.lines[0]).not.to.have.property('url');
    expect(safe.lines[0]).not.to.have.property('image');
    expect(safe.lines[1]!.url).to.equal('/products/cap');
    expect(safe).not.to.have.property('checkoutUrl');
    expect(problems).to.have.length(3);
    const clean = { ...hostileCart(), lines: [], checkoutUrl: '/checkout' };
    expect(withSafeUrls(clean)).to.equal(clean);
  });

  it('a raw host adapter: the store drops the URLs, reports cart-load-failed once, and checkout never navigates', async () => {
    const { errors, onError } = sink();
    const assigned: string[] = [];
    let push: (cart: Cart) => void = () => {};
    const cart = createCart({
      adapter: {
        addToCart: async () => hostileCart(),
        getCart: async () => hostileCart(),
        subscribe(onChange) {
          push = onChange;
          return () => {};
        },
      },
      currency: 'USD',
      onError,
      window: { location: { assign: (url: string) => assigned.push(url) } },
    });
    await cart.refresh();
    push(hostileCart());
    const lines = cart.$cart.get().lines;
    expect(lines[0]!.url).to.equal(undefined);
    expect(lines[0]!.image).to.equal(undefined);
    expect(cart.$cart.get().checkoutUrl).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.deep.equal([
      'cart-load-failed',
      'cart-load-failed',
      'cart-load-failed',
    ]);
    expect(await cart.checkout()).to.equal(false);
    expect(assigned).to.deep.equal([]);
    expect(errors.at(-1)!.code).to.equal('checkout-failed');
    cart.destroy();
  });

  it('the events adapter: a host cuecart-cart-update with hostile URLs, then checkout', async () => {
    const target = document.createElement('div');
    const { errors, onError } = sink();
    const navigated: string[] = [];
    const cart = createCart({
      adapter: eventsAdapter(target, { navigate: (url) => navigated.push(url) }),
      currency: 'USD',
      onError,
    });
    target.dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: hostileCart() }));
    expect(cart.$cart.get().lines[0]!.url).to.equal(undefined);
    expect(cart.$cart.get().checkoutUrl).to.equal(undefined);
    await cart.checkout();
    expect(navigated).to.deep.equal([]);
    // The adapter itself refuses an unsafe checkoutUrl handed to it directly.
    const adapter = eventsAdapter(target, { navigate: (url) => navigated.push(url) });
    expect(() => adapter.checkout!(hostileCart())).to.throw(/not available/);
    expect(navigated).to.deep.equal([]);
    adapter.checkout!({ ...hostileCart(), checkoutUrl: '/checkout' });
    expect(navigated).to.deep.equal(['/checkout']);
    expect(errors.some((e) => e.code === 'cart-load-failed')).to.equal(true);
    cart.destroy();
  });
});
