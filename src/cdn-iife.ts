/**
 * Entry of `dist/cdn/cuecart.iife.js` (classic `<script>`): registers the elements and exposes
 * the API as `window.Cuecart`. hls.js is loaded from `hls.min.js` beside this file on first need.
 * @module
 */
export * from './define.js';
