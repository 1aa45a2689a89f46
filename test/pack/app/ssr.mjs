// Server rendering in the packed-package app: importing `cuecart/react` and rendering the player
// to a string must work in plain Node (no DOM). Run with the app directory as cwd.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { CuecartPlayer } from 'cuecart/react';
import { callbackAdapter } from 'cuecart';

if (typeof globalThis.window !== 'undefined' || typeof globalThis.document !== 'undefined') {
  throw new Error('this check must run without a DOM');
}
const adapter = callbackAdapter({
  addToCart: async () => ({ lines: [], itemCount: 0, subtotal: 0, currency: 'USD' }),
});
const html = renderToString(
  createElement(CuecartPlayer, {
    id: 'show',
    src: '/show.m3u8',
    adapter,
    muted: true,
    onCueEnter: () => {},
  }),
);
if (
  !html.startsWith('<cuecart-player') ||
  !html.includes('id="show"') ||
  /object Object|oncueenter|adapter=/i.test(html)
) {
  throw new Error(`unexpected server HTML: ${html}`);
}
if (typeof globalThis.window !== 'undefined') throw new Error('cuecart/react created a window');
console.log(html);
