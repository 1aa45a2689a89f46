import { expect } from '@open-wc/testing';
import {
  createProductCatalog,
  type ResolveProducts,
} from '../../../src/commerce/product-catalog.js';
import { findVariant } from '../../../src/commerce/variants.js';
import type { Product } from '../../../src/commerce/product.js';
import {
  productFromShopify,
  shopifyProductResolver,
} from '../../../src/commerce/shopify-products.js';
import type { CuecartError } from '../../../src/internal/errors.js';

const product = (id: string, price = 1000, handle?: string): Product => ({
  id,
  ...(handle ? { handle } : {}),
  title: `Product ${id}`,
  price,
  variants: [{ id: `${id}-v`, title: 'Default', price, available: true }],
});

/** A resolver that records each call and knows the given products. */
function spyResolver(known: Record<string, Product>) {
  const calls: string[][] = [];
  const resolve: ResolveProducts = async (ids) => {
    calls.push([...ids]);
    const all = Object.values(known);
    return ids
      .map((id) => all.find((p) => p.id === id || p.handle === id))
      .filter((p): p is Product => !!p);
  };
  return { calls, resolve };
}

const jsonFetch =
  (body: unknown, status = 200): typeof fetch =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('createProductCatalog', () => {
  let errors: CuecartError[];
  beforeEach(() => {
    errors = [];
  });
  const onError = (e: CuecartError) => errors.push(e);

  it('loads the SPEC feed and keys products by id and handle', async () => {
    const catalog = createProductCatalog({ onError });
    const products = await catalog.loadFeed('/cuecart/products.json');
    expect(products).to.have.length(6);
    expect(catalog.$currency.get()).to.equal('USD');
    const sneakers = catalog.get('drift-sneakers')!;
    expect(catalog.get('8003')).to.equal(sneakers);
    expect(catalog.$products.get()['drift-sneakers']).to.equal(sneakers);
    expect(sneakers.currency).to.equal('USD');
    expect(sneakers.options).to.deep.equal(['Size', 'Color']);
    expect(findVariant(sneakers, 'drift-sneakers-42-white')).to.include({
      title: '42 / White',
      available: true,
    });
    expect(findVariant(catalog.get('solstice-sunglasses')!)?.available).to.equal(false);
    expect(errors).to.have.length(0);
  });

  it('reports products-load-failed for HTTP errors, non-JSON and non-feeds', async () => {
    const missing = createProductCatalog({ onError });
    expect(await missing.loadFeed('/cuecart/nope.json')).to.equal(null);
    const garbage = createProductCatalog({ onError, fetch: jsonFetch('<html>') });
    expect(await garbage.loadFeed('/feed')).to.equal(null);
    const wrong = createProductCatalog({ onError, fetch: jsonFetch({ items: [] }) });
    expect(await wrong.loadFeed('/feed')).to.equal(null);
    expect(errors.map((e) => e.code)).to.deep.equal(Array(3).fill('products-load-failed'));
    expect(errors[0]!.message).to.match(/HTTP 404/);
    expect(errors[1]!.message).to.match(/not JSON/);
  });

  it('keeps the valid products of a feed with a broken one', async () => {
    const feed = { currency: 'EUR', products: [product('a'), { id: 'b', price: 5 }, product('c')] };
    const catalog = createProductCatalog({ onError, fetch: jsonFetch(feed) });
    const loaded = await catalog.loadFeed('/feed');
    expect(loaded!.map((p) => p.id)).to.deep.equal(['a', 'c']);
    expect(catalog.get('a')!.currency).to.equal('EUR');
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.contain('products[1]: product b has no "title"');
  });

  it('stays silent when the load is aborted', async () => {
    const catalog = createProductCatalog({ onError });
    const controller = new AbortController();
    const pending = catalog.loadFeed('/cuecart/products.json', controller.signal);
    controller.abort();
    expect(await pending).to.equal(null);
    expect(errors).to.have.length(0);
  });

  it('batches lookups made together into one resolver call and caches answers', async () => {
    const spy = spyResolver({ a: product('a'), b: product('b', 2000, 'bee') });
    const catalog = createProductCatalog({ resolveProducts: spy.resolve, onError });
    const [first, second] = await Promise.all([
      catalog.resolve(['a', 'x']),
      catalog.resolve(['bee']),
    ]);
    expect(spy.calls).to.deep.equal([['a', 'x', 'bee']]);
    expect(first.map((p) => p?.id)).to.deep.equal(['a', undefined]);
    expect(second[0]!.id).to.equal('b');
    await catalog.resolve(['a', 'x', 'b']);
    expect(spy.calls).to.have.length(1, 'known and not-found ids are cached');
  });

  it('refresh() re-fetches known products so mid-show price changes show', async () => {
    const known = { a: product('a', 1000) };
    const spy = spyResolver(known);
    const catalog = createProductCatalog({ resolveProducts: spy.resolve });
    await catalog.resolve(['a']);
    known.a = product('a', 750);
    const seen: number[] = [];
    const stop = catalog.$products.listen((all) => seen.push(all.a!.price));
    const [fresh] = await catalog.refresh(['a']);
    stop();
    expect(spy.calls).to.have.length(2);
    expect(fresh!.price).to.equal(750);
    expect(seen).to.deep.equal([750]);
  });

  it('reports a resolver failure as products-load-failed', async () => {
    const catalog = createProductCatalog({
      onError,
      resolveProducts: async () => {
        throw new Error('API down');
      },
    });
    expect(await catalog.resolve(['a'])).to.deep.equal([undefined]);
    expect(errors[0]!.code).to.equal('products-load-failed');
    expect(errors[0]!.message).to.contain('API down');
  });

  it('keeps two catalogues apart', () => {
    const one = createProductCatalog();
    const two = createProductCatalog();
    one.setProducts([product('a')]);
    expect(two.get('a')).to.equal(undefined);
  });
});

describe('shopifyProductResolver', () => {
  it('hydrates products from {root}products/{handle}.js and skips unknown handles', async () => {
    const catalog = createProductCatalog({
      resolveProducts: shopifyProductResolver({
        window: { Shopify: { currency: { active: 'USD' } } },
      }),
    });
    const [sneakers, missing] = await catalog.resolve(['drift-sneakers', 'no-such-thing']);
    expect(missing).to.equal(undefined);
    expect(sneakers).to.deep.include({
      id: '8003',
      handle: 'drift-sneakers',
      title: 'Drift Sneakers',
      price: 12900,
    });
    expect(sneakers!.compareAtPrice).to.equal(15900);
    expect(sneakers!.options).to.deep.equal(['Size', 'Color']);
    expect(sneakers!.url).to.equal('/products/drift-sneakers');
    expect(sneakers!.image).to.equal(
      `${location.protocol}//${location.host}/demo/assets/products/drift-sneakers.svg`,
    );
    const v = findVariant(sneakers!, 'drift-sneakers-42-white')!;
    expect(v.options).to.deep.equal(['42', 'White']);
    expect(v.image).to.equal('/demo/assets/products/drift-sneakers.svg');
    expect(sneakers!.variants.some((x) => !x.available)).to.equal(true);
    expect(catalog.get('drift-sneakers')).to.equal(sneakers);
  });

  it('drops Shopify’s placeholder "Title" option and converts zero-decimal prices', () => {
    const p = productFromShopify(
      {
        id: 1,
        handle: 'tea',
        title: 'Tea',
        options: [{ name: 'Title', position: 1, values: ['Default Title'] }],
        variants: [
          {
            id: 2,
            title: 'Default Title',
            option1: 'Default Title',
            price: 150000,
            compare_at_price: null,
            available: true,
          },
        ],
        images: ['//cdn.shopify.com/tea.png'],
      },
      { currency: 'JPY' },
    )!;
    expect(p.price).to.equal(1500);
    expect(p.options).to.equal(undefined);
    expect(p.image).to.equal(`${location.protocol}//cdn.shopify.com/tea.png`);
  });
});
