/**
 * Entry of `dist/cdn/cuecart.iife.js` (classic `<script>`): registers the elements at once and
 * exposes the whole API as `window.Cuecart`, synchronously. A classic script cannot split, so
 * this build is the whole player; a lazy player (`loading="lazy"`, the default) still makes no
 * media or hls.js request until it approaches the viewport. hls.js is imported from `hls.esm.js`
 * (or `hls.light.esm.js`) beside this file on first need, or loaded from its classic script
 * `hls.min.js` (`hls.light.min.js`) where that module cannot be imported (decision 0071).
 * @module
 */
import { defineCuecart } from './define-elements.js';

if (typeof customElements !== 'undefined') defineCuecart();

export * from './index.js';
