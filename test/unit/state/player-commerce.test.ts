import { expect, waitUntil } from '@open-wc/testing';
import { atom } from 'nanostores';
import {
  CheckoutError,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../../../src/commerce/checkout-adapter.js';
import {
  createProductCatalog,
  type ResolveProducts,
} from '../../../src/commerce/product-catalog.js';
import type { Product } from '../../../src/commerce/product.js';
import type { CuePayload, ProductCue } from '../../../src/cues/product-cue.js';
import type { CuecartError } from '../../../src/internal/errors.js';
import { createCart } from '../../../src/state/cart-store.js';
import { initialMediaState, type MediaState } from '../../../src/state/media-store.js';
import {
  createPlayerCommerce,
  type PlayerCommerceEvents,
  type PlayerCommerceOptions,
} from '../../../src/state/player-commerce.js';
import { fakeClock } from '../../helpers/fake-clock.js';

const product = (id: string, price = 1000, extra: Partial<Product> = {}): Product => ({
  id,
  title: `Product ${id}`,
  price,
  variants: [
    { id: `${id}-s`, title: 'S', price, available: false, sku: `SKU-${id}-S` },
    { id: `${id}-m`, title: 'M', price, available: true, sku: `SKU-${id}-M` },
  ],
  ...extra,
});

let cueCount = 0;
const cue = (payload: CuePayload | string, start = cueCount): ProductCue => {
  const p = typeof payload === 'string' ? { product: payload } : payload;
  return { id: `c${++cueCount}:${p.product}`, start, payload: p, source: 'api' };
};

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

const cartOf = (...lines: [variantId: string, productId: string, quantity: number][]): Cart => ({
  lines: lines.map(([variantId, productId, quantity], i) => ({
    key: `k${i}`,
    variantId,
    productId,
    title: productId,
    quantity,
    price: 1000,
    linePrice: 1000 * quantity,
  })),
  itemCount: lines.reduce((n, [, , q]) => n + q, 0),
  subtotal: lines.reduce((n, [, , q]) => n + 1000 * q, 0),
  currency: 'USD',
});

/** An adapter whose add answers the test settles by hand. */
function manualAdapter(store: Cart = cartOf()) {
  const adds: { line: CartLineInput; resolve(c: Cart): void; reject(e: unknown): void }[] = [];
  const adapter: CheckoutAdapter = {
    addToCart: (line) =>
      new Promise<Cart>((resolve, reject) => adds.push({ line, resolve, reject })),
    getCart: async () => store,
  };
  return { adapter, adds, setStore: (cart: Cart) => (store = cart) };
}

/** A player's commerce on fake cue and media stores, recording errors and notifications. */
function setup(options: Partial<PlayerCommerceOptions> = {}) {
  const $cues = atom<readonly ProductCue[]>([]);
  const $active = atom<readonly ProductCue[]>([]);
  const media = atom<MediaState>(initialMediaState());
  const pruned: number[] = [];
  const errors: CuecartError[] = [];
  const notices: { type: keyof PlayerCommerceEvents; detail: unknown }[] = [];
  const catalog = options.catalog ?? createProductCatalog({ onError: (e) => errors.push(e) });
  const clock = fakeClock();
  const eventTarget = new EventTarget();
  const commerce = createPlayerCommerce({
    cues: { $cues, $active, prune: (time) => pruned.push(time) },
    catalog,
    media,
    eventTarget,
    clock,
    onError: (e) => errors.push(e),
    notify: (type, detail) => notices.push({ type, detail }),
    ...options,
  });
  /** Cues known and active, as the cue store would publish them. */
  const show = (...list: ProductCue[]) => {
    $cues.set([...$cues.get(), ...list.filter((c) => !$cues.get().includes(c))]);
    $active.set(list);
  };
  return {
    commerce,
    catalog,
    $cues,
    $active,
    media,
    pruned,
    errors,
    notices,
    clock,
    eventTarget,
    show,
  };
}

const noticesOf = <N extends { type: string }>(notices: N[], type: string) =>
  notices.filter((n) => n.type === type);

describe('createPlayerCommerce', () => {
  beforeEach(() => {
    cueCount = 0;
  });

  describe('its own catalogue (no catalog option: the player, whose chunk holds both)', () => {
    it('makes one that reports to onError and that productFor and catalog read', async () => {
      const $cues = atom<readonly ProductCue[]>([]);
      const $active = atom<readonly ProductCue[]>([]);
      const errors: CuecartError[] = [];
      const commerce = createPlayerCommerce({
        cues: { $cues, $active, prune: () => {} },
        eventTarget: new EventTarget(),
        feed: '/cuecart/nope.json',
        onError: (e) => errors.push(e),
        notify: () => {},
      });
      commerce.catalog.setProducts([product('own')]);
      expect(commerce.productFor(cue('own'))?.title).to.equal('Product own');
      commerce.connect();
      await waitUntil(() => errors.some((e) => e.code === 'products-load-failed'));
      commerce.disconnect();
    });
  });

  describe('currency', () => {
    it('gives the currency passed at construction to the first cart (events adapter)', async () => {
      const { commerce, notices } = setup({ currency: 'EUR' });
      commerce.connect();
      expect(commerce.$cart.get()!.currency).to.equal('EUR');
      // The events adapter's chunk arrives first (it loads by kind, on first need).
      await waitUntil(() => noticesOf(notices, 'cuecart-cart-change').length > 0);
      await flush();
      const changes = noticesOf(notices, 'cuecart-cart-change');
      expect(changes).to.have.length(1);
      expect((changes[0]!.detail as { cart: Cart }).cart.currency).to.equal('EUR');
    });

    it('follows a currency set after connecting, before the cart was confirmed', async () => {
      const { commerce, notices } = setup();
      commerce.connect();
      commerce.setCurrency('JPY');
      expect(commerce.$cart.get()!.currency).to.equal('JPY');
      await flush();
      const [change] = noticesOf(notices, 'cuecart-cart-change');
      expect((change!.detail as { cart: Cart }).cart.currency).to.equal('JPY');
    });

    it('prices cue-only products in the feed currency, else the player currency', () => {
      const { commerce, catalog } = setup({ currency: 'GBP' });
      const thin = cue({ product: 'print', title: 'Print', price: 4500 });
      expect(commerce.productFor(thin)!.currency).to.equal('GBP');
      catalog.setProducts([], 'CHF');
      expect(
        commerce.productFor(cue({ product: 'other', title: 'O', price: 1 }))!.currency,
      ).to.equal('CHF');
    });
  });

  describe('productFor', () => {
    it('returns the known product, else one built from the cue, else null', () => {
      const { commerce, catalog } = setup();
      catalog.setProducts([product('a')]);
      expect(commerce.productFor(cue('a'))!.id).to.equal('a');
      const thin = cue({ product: 'print', variant: 'a3', title: 'Print', price: 4500 });
      const built = commerce.productFor(thin)!;
      expect(built).to.deep.include({ id: 'print', title: 'Print', price: 4500 });
      expect(built.variants).to.deep.equal([
        { id: 'a3', title: 'Print', price: 4500, available: true },
      ]);
      expect(commerce.productFor(thin), 'the same object on every read').to.equal(built);
      expect(commerce.productFor(cue('ghost'))).to.equal(null);
    });
  });

  describe('$featured', () => {
    it('features the latest active cue whose product is known, with the variant it names', () => {
      const { commerce, catalog, show } = setup();
      catalog.setProducts([product('a'), product('b')]);
      const seen: (string | undefined)[] = [];
      commerce.$featured.subscribe((f) => seen.push(f?.product.id));
      const a = cue('a');
      const b = cue({ product: 'b', variant: 'SKU-b-S' });
      show(a, b);
      expect(commerce.$featured.get()).to.deep.include({ cue: b, variantId: 'b-s' });
      show(a, cue('unknown'));
      expect(commerce.$featured.get()!.product.id).to.equal('a', 'unknown products are skipped');
      show();
      expect(seen).to.deep.equal([undefined, 'b', 'a', undefined]);
    });

    it('shows a product whose data arrives while its cue is active', () => {
      const { commerce, catalog, show } = setup();
      commerce.$featured.listen(() => {});
      show(cue('late'));
      expect(commerce.$featured.get()).to.equal(undefined);
      catalog.setProducts([product('late')]);
      expect(commerce.$featured.get()!.product.id).to.equal('late');
    });
  });

  describe('$history', () => {
    it('lists every product that entered, newest first, including products resolved late', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const resolveProducts: ResolveProducts = async (ids) => {
        await gate;
        return ids.includes('late') ? [product('late')] : [];
      };
      const { commerce, catalog, show } = setup({ resolveProducts });
      catalog.setProducts([product('early')]);
      commerce.connect();
      commerce.$history.listen(() => {});
      const early = cue('early', 1);
      const late = cue('late', 2);
      show(early);
      show(early, late);
      show();
      expect(commerce.$history.get().map((i) => i.product.id)).to.deep.equal(['early']);
      release();
      await flush();
      expect(commerce.$history.get().map((i) => [i.product.id, i.cueId, i.start])).to.deep.equal([
        ['late', late.id, 2],
        ['early', early.id, 1],
      ]);
    });

    it('keeps at most 50 entries, one per cue, and forgets them when the source changes', () => {
      const { commerce, catalog, media, show } = setup();
      catalog.setProducts([product('p')]);
      commerce.connect();
      commerce.$history.listen(() => {});
      media.set({ ...media.get(), src: '/one.m3u8' });
      const first = cue('p');
      show(first);
      show();
      show(first);
      expect(commerce.$history.get()).to.have.length(1);
      for (let i = 0; i < 60; i++) show(cue('p'));
      expect(commerce.$history.get()).to.have.length(50);
      media.set({ ...media.get(), src: '/two.m3u8' });
      expect(commerce.$history.get()).to.deep.equal([]);
    });
  });

  describe('$showProducts', () => {
    it('is every cue with a known product for VOD, and the history when live', () => {
      const { commerce, catalog, media, show, $cues } = setup();
      catalog.setProducts([product('a'), product('b')]);
      commerce.connect();
      commerce.$showProducts.listen(() => {});
      $cues.set([cue('a', 1), cue('ghost', 2), cue('b', 3)]);
      expect(commerce.$showProducts.get().map((i) => i.product.id)).to.deep.equal(['a', 'b']);
      media.set({ ...media.get(), live: true });
      expect(commerce.$showProducts.get()).to.deep.equal([]);
      show($cues.get()[2]!);
      expect(commerce.$showProducts.get().map((i) => i.product.id)).to.deep.equal(['b']);
    });

    it('hands a recording the same list while its cues are entered: nothing to render again', () => {
      const { commerce, catalog, $cues, $active } = setup();
      catalog.setProducts([product('a'), product('b')]);
      commerce.connect();
      let changes = 0;
      commerce.$showProducts.listen(() => changes++);
      $cues.set([cue('a', 1), cue('b', 3)]);
      const list = commerce.$showProducts.get();
      const before = changes;
      // The show plays on: its cues are entered one after the other (the cue list stays).
      $active.set([$cues.get()[0]!]);
      $active.set([$cues.get()[1]!]);
      expect(commerce.$history.get()).to.have.length(2);
      expect(commerce.$showProducts.get()).to.equal(list);
      expect(changes).to.equal(before);
    });
  });

  describe('add state', () => {
    it('comes from the cart store: pending, added, idle after the decay on the injected clock', async () => {
      const manual = manualAdapter();
      const { commerce, catalog, clock, notices } = setup({ adapter: manual.adapter });
      catalog.setProducts([product('a')]);
      commerce.connect();
      const result = commerce.add(
        { productId: 'a', variantId: 'a-m', quantity: 1, cueId: 'c9' },
        '/v.m3u8',
      );
      expect(commerce.addStateFor('a')).to.deep.equal({ state: 'pending' });
      expect(commerce.addStateFor('b')).to.deep.equal({ state: 'idle' });
      expect(manual.adds[0]!.line).to.deep.include({
        variantId: 'a-m',
        properties: { _cuecart_video: '/v.m3u8', _cuecart_cue: 'c9' },
      });
      manual.adds[0]!.resolve(cartOf(['a-m', 'a', 1]));
      expect((await result).itemCount).to.equal(1);
      expect(commerce.addStateFor('a').state).to.equal('added');
      clock.advance(1999);
      expect(commerce.addStateFor('a').state).to.equal('added');
      clock.advance(1);
      expect(commerce.addStateFor('a').state).to.equal('idle');
      expect(noticesOf(notices, 'cuecart-add-to-cart')).to.have.length(1);
    });

    it('rejects with the CheckoutError, shows it per product, and tells of a double click once', async () => {
      const manual = manualAdapter();
      const { commerce, catalog, notices, errors } = setup({ adapter: manual.adapter });
      catalog.setProducts([product('a'), product('b')]);
      commerce.connect();
      const request = { productId: 'a', variantId: 'a-m', quantity: 1 };
      const first = commerce.add(request);
      const second = commerce.add(request);
      expect(manual.adds).to.have.length(1);
      expect(noticesOf(notices, 'cuecart-add-to-cart')).to.have.length(
        1,
        'a joined add is not news',
      );
      const other = commerce.add({ productId: 'b', variantId: 'b-m', quantity: 1 });
      const failure = new CheckoutError('quantity-limit', 'Only 1 left.');
      manual.adds[0]!.reject(failure);
      expect(await first.catch((e: unknown) => e)).to.equal(failure);
      expect(await second.catch((e: unknown) => e)).to.equal(failure);
      expect(commerce.addStateFor('a')).to.deep.equal({ state: 'error', message: 'Only 1 left.' });
      expect(commerce.addStateFor('b').state).to.equal('pending', 'each product has its own state');
      expect(errors.map((e) => e.code)).to.deep.equal(['add-to-cart-failed']);
      manual.adds[1]!.resolve(cartOf(['b-m', 'b', 1]));
      await other;
    });

    it('leaves add and checkout events to the events adapter (it dispatches them as requests)', async () => {
      const { commerce, catalog, notices, eventTarget } = setup();
      catalog.setProducts([product('a')]);
      const requests: string[] = [];
      eventTarget.addEventListener('cuecart-add-to-cart', (e) => {
        requests.push(e.type);
        (e as CustomEvent).detail.respondWith(cartOf(['a-m', 'a', 1]));
      });
      eventTarget.addEventListener('cuecart-checkout', (e) => {
        requests.push(e.type);
        e.preventDefault();
      });
      commerce.connect();
      await commerce.add({ productId: 'a', variantId: 'a-m', quantity: 1 });
      await commerce.checkout();
      expect(requests).to.deep.equal(['cuecart-add-to-cart', 'cuecart-checkout']);
      expect(noticesOf(notices, 'cuecart-add-to-cart')).to.have.length(0);
      expect(noticesOf(notices, 'cuecart-checkout')).to.have.length(0);
    });

    it('reports this player’s failures on a cart the host shares', async () => {
      const hostErrors: CuecartError[] = [];
      const shared = createCart({
        adapter: { addToCart: async () => Promise.reject(new CheckoutError('network', 'Offline')) },
        onError: (e) => hostErrors.push(e),
      });
      const { commerce, errors } = setup({ cart: shared });
      commerce.connect();
      expect(commerce.cart).to.equal(shared);
      await commerce.add({ productId: 'a', variantId: 'a-m', quantity: 1 }).catch(() => {});
      expect(errors.map((e) => e.message)).to.deep.equal(['Offline']);
      expect(hostErrors).to.have.length(1);
    });
  });

  describe('prefetch', () => {
    it('looks up the products new cues name, once, and reports product-unknown after a miss', async () => {
      const calls: string[][] = [];
      const resolveProducts: ResolveProducts = async (ids) => {
        calls.push([...ids]);
        return ids.includes('known') ? [product('known')] : [];
      };
      const { commerce, $cues, errors } = setup({ resolveProducts });
      commerce.connect();
      $cues.set([cue('known'), cue('ghost'), cue({ product: 'thin', title: 'Thin', price: 5 })]);
      $cues.set([...$cues.get(), cue('ghost')]);
      await flush();
      expect(calls).to.deep.equal([['known', 'ghost', 'thin']]);
      expect(errors.map((e) => [e.code, e.message.includes('"ghost"')])).to.deep.equal([
        ['product-unknown', true],
      ]);
    });

    it('looks only at the cues each change adds, not the whole list again', async () => {
      const catalog = createProductCatalog();
      const ids = Array.from({ length: 200 }, (_, i) => `p${i}`);
      catalog.setProducts(ids.map((id) => product(id)));
      // Counts the catalogue lookups prefetch makes (nothing else reads the catalogue here).
      let lookups = 0;
      const get = catalog.get.bind(catalog);
      catalog.get = (id) => {
        lookups++;
        return get(id);
      };
      const { commerce, $cues } = setup({ catalog });
      commerce.connect();
      // A growing show: one cue more per change, each naming a product of the feed.
      for (const id of ids) $cues.set([...$cues.get(), cue(id)]);
      await flush();
      // One look per cue (a rescan of every change would make 200 · 201 / 2 = 20,100).
      expect(lookups).to.equal(ids.length);
    });

    it('still looks up a cue inserted before the ones it has seen, and a replaced cue', async () => {
      const calls: string[][] = [];
      const resolveProducts: ResolveProducts = async (ids) => {
        calls.push([...ids]);
        return [];
      };
      const { commerce, $cues } = setup({ resolveProducts });
      commerce.connect();
      const late = cue('b', 20);
      $cues.set([late]);
      const early = cue('a', 10);
      $cues.set([early, late]);
      const replaced: ProductCue = { ...late, payload: { product: 'c' } };
      $cues.set([early, replaced]);
      await flush();
      expect(calls.flat()).to.deep.equal(['b', 'a', 'c']);
    });

    it('waits for the feed before looking up or reporting', async () => {
      const feed = { products: [product('in-feed')] };
      const catalog = createProductCatalog({
        fetch: async () => new Response(JSON.stringify(feed)),
      });
      const { commerce, $cues, errors } = setup({ catalog, feed: '/feed.json' });
      $cues.set([cue('in-feed')]);
      commerce.connect();
      await flush();
      expect(errors).to.deep.equal([]);
    });
  });

  describe('live pruning', () => {
    it('forgets cues before the live window, keeping what a viewer behind it can reach', () => {
      const { commerce, media, pruned } = setup();
      commerce.connect();
      media.set({ ...media.get(), live: true, liveWindowStart: 100, currentTime: 130 });
      media.set({ ...media.get(), liveWindowStart: 120, currentTime: 110 });
      commerce.disconnect();
      media.set({ ...media.get(), liveWindowStart: 200, currentTime: 210 });
      expect(pruned).to.deep.equal([100, 110]);
    });
  });

  describe('adapter selection', () => {
    it('reports an unknown adapter name as config-invalid and uses the events adapter', () => {
      const { commerce, errors } = setup({ adapter: 'paypal' });
      commerce.connect();
      expect(errors.map((e) => e.code)).to.deep.equal(['config-invalid']);
      expect(commerce.cart).to.not.equal(undefined);
    });

    it('swaps the adapter of its own cart, and has no cart while disconnected', () => {
      const first = manualAdapter();
      const second = manualAdapter();
      const { commerce, notices } = setup({ adapter: first.adapter });
      commerce.connect();
      const cart = commerce.cart!;
      commerce.setAdapter(second.adapter);
      expect(commerce.cart).to.equal(cart);
      expect(cart.adapter).to.equal(second.adapter);
      commerce.disconnect();
      expect(commerce.cart).to.equal(undefined);
      expect(noticesOf(notices, 'cuecart-player-ready')).to.have.length(2);
    });
  });
});
