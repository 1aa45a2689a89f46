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
