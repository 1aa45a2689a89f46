/**
 * Entry of `dist/cdn/cuecart-api.js`: registers every element at once and exports the whole API
 * (the ES-module CDN counterpart of `cuecart` + `defineCuecart()`). `dist/cdn/cuecart.js` loads
 * it when a player needs it; import it yourself for the API (`import { callbackAdapter } from
 * '.../dist/cdn/cuecart-api.js'`).
 * @module
 */
import { defineCuecart } from './define-elements.js';

if (typeof customElements !== 'undefined') defineCuecart();

export * from './index.js';
