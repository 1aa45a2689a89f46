/**
 * What a player with `adapter="shopify"` loads: the AJAX Cart API adapter (with the theme
 * refresh) and the `/products/{handle}.js` resolver, one chunk
 * (docs/decisions/0048-adapters-load-by-kind.md).
 * @module
 */
export { shopifyAdapter } from '../commerce/adapters/shopify.js';
export { shopifyProductResolver } from '../commerce/shopify-products.js';
