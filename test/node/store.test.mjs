// Contract tests for the local Shopify-contract store (demo/server/store.mjs).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createStore } from '../../demo/server/store.mjs';
import { variantIdBySku } from '../../demo/server/catalog.mjs';

const HEADPHONES_BLACK = 45001;
const MUG_12 = 45003;
const SUNGLASSES = 45005;
const TOTE = 45007;

let server;
let origin;

before(async () => {
  const store = createStore({ root: '/' });
  server = createServer(async (req, res) => {
    if (!(await store.handle(req, res))) {
      res.writeHead(404);
      res.end('not the store');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

/** A shopper: keeps the `cart` cookie like a browser would. */
function shopper() {
  let cookie = '';
  return async (path, { method = 'GET', json, form, headers = {} } = {}) => {
    const init = { method, headers: { ...headers, ...(cookie ? { cookie } : {}) } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] = 'application/json';
    } else if (form !== undefined) {
      init.body = new URLSearchParams(form).toString();
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(`${origin}${path}`, init);
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body };
  };
}

const control = (name, json) =>
  shopper()(`/__store/${name}`, { method: json ? 'POST' : 'GET', json });

describe('local store: cart contract', () => {
  beforeEach(() => control('reset', {}));

  it('creates a cart per cookie and starts it empty', async () => {
    const a = shopper();
    const first = await a('/cart.js');
    assert.equal(first.status, 200);
    assert.match(first.headers.get('set-cookie'), /^cart=[\w-]+; Path=\//);
    assert.deepEqual(
      { items: first.body.items, item_count: first.body.item_count, currency: first.body.currency },
      { items: [], item_count: 0, currency: 'USD' },
    );
    const again = await a('/cart.js');
    assert.equal(again.headers.get('set-cookie'), null);
    assert.equal(again.body.token, first.body.token);
  });

  it('adds with JSON items, merges same variant + properties into one line', async () => {
    const s = shopper();
    const props = { _cuecart_video: 'demo', _cuecart_cue: 'c1' };
    const added = await s('/cart/add.js', {
      method: 'POST',
      json: { items: [{ id: HEADPHONES_BLACK, quantity: 1, properties: props }] },
    });
    assert.equal(added.status, 200);
    assert.equal(added.body.items[0].variant_id, HEADPHONES_BLACK);
    assert.deepEqual(added.body.items[0].properties, props);
    await s('/cart/add.js', {
      method: 'POST',
      json: { items: [{ id: HEADPHONES_BLACK, quantity: 2, properties: props }] },
    });
    const cart = (await s('/cart.js')).body;
    assert.equal(cart.items.length, 1);
    assert.equal(cart.items[0].quantity, 3);
    assert.equal(cart.item_count, 3);
    assert.equal(cart.total_price, 3 * 19900);
    assert.match(cart.items[0].key, /^45001:[0-9a-f]{32}$/);
    assert.equal(cart.items[0].product_title, 'Aurora Headphones');
    assert.equal(cart.items[0].variant_title, 'Black');
  });

  it('adds with a single id and with a form-encoded body', async () => {
    const s = shopper();
    const single = await s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } });
    assert.equal(single.body.variant_id, MUG_12, 'single-id adds answer with the line item itself');
    const form = await s('/cart/add.js', {
      method: 'POST',
      form: { id: String(TOTE), quantity: '1', 'properties[_cuecart_cue]': 'x' },
    });
    assert.equal(form.status, 200);
    assert.deepEqual(form.body.properties, { _cuecart_cue: 'x' });
    assert.equal((await s('/cart.js')).body.item_count, 2);
  });

  it('changes a line by key, by variant id and by 1-based line; update.js and clear.js', async () => {
    const s = shopper();
    await s('/cart/add.js', {
      method: 'POST',
      json: {
        items: [
          { id: HEADPHONES_BLACK, quantity: 1 },
          { id: MUG_12, quantity: 1 },
        ],
      },
    });
    let cart = (await s('/cart.js')).body;
    const mugKey = cart.items.find((i) => i.variant_id === MUG_12).key;
    cart = (await s('/cart/change.js', { method: 'POST', json: { id: mugKey, quantity: 4 } })).body;
    assert.equal(cart.items.find((i) => i.key === mugKey).quantity, 4);
    cart = (
      await s('/cart/change.js', {
        method: 'POST',
        json: { id: String(HEADPHONES_BLACK), quantity: 2 },
      })
    ).body;
    assert.equal(cart.item_count, 6);
    cart = (await s('/cart/change.js', { method: 'POST', json: { line: 1, quantity: 0 } })).body;
    assert.equal(cart.items.length, 1);
    cart = (
      await s('/cart/update.js', { method: 'POST', json: { updates: { [cart.items[0].key]: 1 } } })
    ).body;
    assert.equal(cart.item_count, 1);
    cart = (await s('/cart/clear.js', { method: 'POST', json: {} })).body;
    assert.equal(cart.item_count, 0);
    const bad = await s('/cart/change.js', { method: 'POST', json: { id: '1:nope', quantity: 1 } });
    assert.equal(bad.status, 400);
  });

  it('answers 422 "already sold out" for sold-out variants', async () => {
    const res = await shopper()('/cart/add.js', {
      method: 'POST',
      json: { items: [{ id: SUNGLASSES, quantity: 1 }] },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body, {
      status: 422,
      message: 'Cart Error',
      description: "The product 'Solstice Sunglasses - Tortoise' is already sold out.",
    });
  });

  it('answers 422 "You can only add N" past the inventory, then "All N are in your cart"', async () => {
    const s = shopper();
    const tooMany = await s('/cart/add.js', { method: 'POST', json: { id: TOTE, quantity: 5 } });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.description, 'You can only add 3 Canvas Tote to the cart.');
    await s('/cart/add.js', { method: 'POST', json: { id: TOTE, quantity: 3 } });
    const more = await s('/cart/add.js', { method: 'POST', json: { id: TOTE, quantity: 1 } });
    assert.equal(more.status, 422);
    assert.equal(more.body.description, 'All 3 Canvas Tote are in your cart.');
  });

  it('answers 404 for an unknown variant', async () => {
    const res = await shopper()('/cart/add.js', { method: 'POST', json: { id: 999, quantity: 1 } });
    assert.equal(res.status, 404);
    assert.equal(res.body.description, 'Cannot find variant');
  });

  it('answers 409 to a write that arrives while another write to the same cart runs', async () => {
    await control('config', { latencyMs: 150 });
    const s = shopper();
    await s('/cart.js');
    const [first, second] = await Promise.all([
      s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } }),
      new Promise((r) => setTimeout(r, 30)).then(() =>
        s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } }),
      ),
    ]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 409);
    // Another shopper's cart is not blocked.
    const other = await shopper()('/cart/add.js', {
      method: 'POST',
      json: { id: MUG_12, quantity: 1 },
    });
    assert.equal(other.status, 200);
  });

  it('answers 429 with Retry-After while switched on, then recovers', async () => {
    await control('config', { rateLimit: { remaining429: 2, retryAfter: 3 } });
    const s = shopper();
    const a = await s('/cart.js');
    const b = await s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } });
    assert.equal(a.status, 429);
    assert.equal(b.status, 429);
    assert.equal(a.headers.get('retry-after'), '3');
    assert.equal((await s('/cart.js')).status, 200);
    const state = (await control('state')).body;
    assert.equal(state.requests['GET cart.js'], 2);
  });

  it('returns sections with writes and on ?sections=', async () => {
    const s = shopper();
    const added = await s('/cart/add.js', {
      method: 'POST',
      json: {
        items: [{ id: MUG_12, quantity: 2 }],
        sections: 'cart-icon-bubble,cart-drawer',
        sections_url: '/',
      },
    });
    assert.match(
      added.body.sections['cart-icon-bubble'],
      /id="shopify-section-cart-icon-bubble"[\s\S]*>2</,
    );
    assert.match(added.body.sections['cart-drawer'], /Ember Mug - 12 oz/);
    const rendered = (await s('/?sections=cart-notification-button,main-cart-items,nope')).body;
    assert.match(rendered['cart-notification-button'], /View cart \(2\)/);
    assert.match(rendered['main-cart-items'], /Ember Mug/);
    assert.equal(rendered.nope, null);
  });

  it('uses configured inventory and resets everything', async () => {
    await control('config', { inventory: { [MUG_12]: 0 } });
    const s = shopper();
    assert.equal(
      (await s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } })).status,
      422,
    );
    await control('reset', {});
    assert.equal(
      (await s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } })).status,
      200,
    );
    await control('reset', {});
    assert.equal(
      (await s('/cart.js')).body.item_count,
      0,
      'reset empties carts, the cookie keeps working',
    );
  });
});

describe('local store: fault injection', () => {
  beforeEach(() => control('reset', {}));
  const add = (s) => s('/cart/add.js', { method: 'POST', json: { id: MUG_12, quantity: 1 } });
  const fault = (f) => control('faults', { faults: [{ route: 'POST cart/add.js', ...f }] });

  it('error-before answers without applying, with Retry-After, once', async () => {
    await fault({ kind: 'error-before', status: 503, text: 'Service Unavailable', retryAfter: 2 });
    const s = shopper();
    const failed = await add(s);
    assert.equal(failed.status, 503);
    assert.equal(failed.headers.get('retry-after'), '2');
    assert.equal((await s('/cart.js')).body.item_count, 0);
    assert.equal((await add(s)).status, 200, 'the fault is used up');
    assert.equal((await s('/cart.js')).body.item_count, 1);
  });

  it('error-after applies the add, then answers the given status and JSON', async () => {
    const json = { status: 500, message: 'Internal Server Error' };
    await fault({ kind: 'error-after', status: 500, json });
    const s = shopper();
    const failed = await add(s);
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.body, json);
    assert.equal((await s('/cart.js')).body.item_count, 1);
  });

  it('malformed-after applies the add, then answers 200 with cut-off JSON', async () => {
    await fault({ kind: 'malformed-after' });
    const s = shopper();
    const answer = await add(s);
    assert.equal(answer.status, 200);
    assert.equal(typeof answer.body, 'string');
    assert.throws(() => JSON.parse(answer.body));
    assert.equal((await s('/cart.js')).body.item_count, 1);
  });

  it('slow-after applies at once and answers late; drop-after closes the connection', async () => {
    await fault({ kind: 'slow-after', delayMs: 300 });
    const s = shopper();
    await s('/cart.js'); // the cart cookie first: the late answer would bring it too late
    const late = add(s);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await s('/cart.js')).body.item_count, 1, 'applied before the answer');
    assert.equal((await late).status, 200);
    await fault({ kind: 'drop-after' });
    await assert.rejects(add(s));
    assert.equal((await s('/cart.js')).body.item_count, 2);
  });

  it('refuses an unknown fault kind with 400', async () => {
    const answer = await control('faults', { faults: [{ route: 'POST cart/add.js', kind: 'x' }] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.description, /Unknown fault kind/);
  });
});

describe('local store: catalogue', () => {
  it('serves Shopify product JSON with options, variants and protocol-relative images', async () => {
    const { status, body } = await shopper()('/products/drift-sneakers.js');
    assert.equal(status, 200);
    assert.deepEqual(
      body.options.map((o) => o.name),
      ['Size', 'Color'],
    );
    assert.equal(body.variants.length, 10);
    const v = body.variants.find((x) => x.sku === 'drift-sneakers-42-white');
    assert.equal(v.id, variantIdBySku.get('drift-sneakers-42-white'));
    assert.deepEqual([v.option1, v.option2, v.available], ['42', 'White', true]);
    assert.ok(
      body.variants.some((x) => !x.available),
      'some combinations are unavailable',
    );
    assert.match(
      body.featured_image,
      /^\/\/127\.0\.0\.1:\d+\/demo\/assets\/products\/drift-sneakers\.svg$/,
    );
    assert.equal((await shopper()('/products/nope.js')).status, 404);
    assert.equal((await shopper()('/products/solstice-sunglasses.js')).body.available, false);
  });

  it('serves the Cuecart feed and a checkout page', async () => {
    const feed = (await shopper()('/cuecart/products.json')).body;
    assert.equal(feed.currency, 'USD');
    assert.deepEqual(
      feed.products.map((p) => p.handle),
      [
        'aurora-headphones',
        'ember-mug',
        'drift-sneakers',
        'solstice-sunglasses',
        'canvas-tote',
        'nimbus-speaker',
      ],
    );
    assert.ok(
      feed.products.every(
        (p) => typeof p.id === 'string' && p.variants.every((v) => typeof v.id === 'string'),
      ),
    );
    const page = await shopper()('/checkout');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Checkout<\/h1>/);
  });

  it('leaves other paths to the next handler', async () => {
    assert.equal((await shopper()('/demo/index.html')).body, 'not the store');
  });
});
