// The local store's own pages, reached from the demo: the theme cart icon links to `/cart`, the
// player's checkout goes to `/checkout`. Both must show the shopper's cart (by its cookie).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useDemoServer } from './lib/browser-harness.mjs';

const harness = useDemoServer();

/** A shopper keeping the store's `cart` cookie, as a browser would. */
function shopper() {
  let cookie = '';
  return async (path, init = {}) => {
    const response = await fetch(new URL(path, harness.server.url), {
      ...init,
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
}

describe('demo store pages', () => {
  it('the cart icon link (/cart) shows the cart and leads to checkout', async () => {
    const get = shopper();
    const feed = JSON.parse((await get('/cuecart/products.json')).body);
    const mug = feed.products.find((p) => p.handle === 'ember-mug');
    const add = await get('/cart/add.js', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: Number(mug.variants[0].id), quantity: 2 }),
    });
    assert.equal(add.status, 200);

    const cart = await get('/cart');
    assert.equal(cart.status, 200);
    assert.match(cart.type, /^text\/html/);
    assert.match(cart.body, /<h1>Your cart<\/h1>/);
    assert.match(cart.body, /Ember Mug[^<]*<\/td><td>2<\/td>/);
    assert.match(cart.body, /href="\/checkout"/);

    const checkout = await get('/checkout');
    assert.match(checkout.body, /Ember Mug[^<]*<\/td><td>2<\/td>/);
    assert.match(checkout.body, /href="\/"/);
  });

  it('an empty cart page says so and offers no checkout', async () => {
    const cart = await shopper()('/cart');
    assert.equal(cart.status, 200);
    assert.match(cart.body, /Your cart is empty/);
    assert.doesNotMatch(cart.body, /href="\/checkout"/);
  });

  it('the cart-icon-bubble section holds no link: the theme puts it inside its own cart link', async () => {
    const sections = await shopper()('/cart?sections=cart-icon-bubble');
    assert.equal(sections.status, 200);
    const html = JSON.parse(sections.body)['cart-icon-bubble'];
    assert.match(
      html,
      /^<div id="shopify-section-cart-icon-bubble"[^>]*>Cart \(<span class="cart-count-bubble">0<\/span>\)<\/div>$/,
    );
    assert.doesNotMatch(html, /<a[\s>]/);
  });
});
