// `import('cuecart')` in plain Node (SSR) must not throw and must not touch window/document.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the built `cuecart` entry imports in Node without a DOM', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
  // Node has no HTMLElement; Lit's SSR-safe shims must make class definitions harmless.
  const api = await import('cuecart');
  assert.equal(typeof api.CuecartPlayer, 'function');
  assert.equal(typeof api.defineCuecart, 'function');
  assert.equal(typeof api.CheckoutError, 'function');
  assert.equal(typeof globalThis.window, 'undefined');
});

test('`cuecart/define` is harmless in Node (nothing to register)', async () => {
  await assert.doesNotReject(import('cuecart/define'));
});

test('`cuecart/react` imports and server-renders in Node without a DOM', async () => {
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { CuecartPlayer, CuecartMiniCart } = await import('cuecart/react');
  const adapter = { addToCart: async () => ({ lines: [], itemCount: 0, subtotal: 0 }) };
  const html = renderToString(
    createElement('div', null, [
      createElement(CuecartPlayer, {
        key: 'p',
        id: 'show',
        src: '/show.m3u8',
        adapter,
        muted: true,
        onCueEnter: () => {},
      }),
      createElement(CuecartMiniCart, { key: 'c', htmlFor: 'show', className: 'cart' }),
    ]),
  );
  assert.match(
    html,
    /^<div><cuecart-player id="show"><\/cuecart-player><cuecart-mini-cart class="cart">/,
  );
  assert.doesNotMatch(html, /object Object|adapter=|muted=/);
  assert.equal(typeof globalThis.window, 'undefined');
});
