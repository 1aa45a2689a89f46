/**
 * Entry of `dist/cdn/cuecart-api.js`: registers every element at once and exports the whole API
 * (the ES-module CDN counterpart of `cuecart` + `defineCuecart()`). Import it for the API
 * (`import { callbackAdapter } from '.../dist/cdn/cuecart-api.js'`, or `await loadCuecart()` from
 * `dist/cdn/cuecart.js`). The player loader does not need it: it imports the player shell
 * (`dist/cdn/cuecart-shell.js`, `define-player.ts`) and the chunks beside it
 * (docs/decisions/0047-player-shell-and-parallel-chunks.md).
 * @module
 */
import { defineCuecart } from './define-elements.js';

if (typeof customElements !== 'undefined') defineCuecart();

export * from './index.js';
