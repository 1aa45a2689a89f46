/**
 * Entry of `dist/cdn/cuecart.js` (`<script type="module">`): registers the elements and exports
 * the whole API. hls.js stays in its own chunk, fetched only when an HLS source needs MSE.
 * @module
 */
export * from './define.js';
