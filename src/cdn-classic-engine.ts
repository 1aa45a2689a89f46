/**
 * Entry of `dist/cdn/cuecart-hls-engine.iife.js` (classic `<script>`, internal): Cuecart's hls.js
 * engine for the classic loader, which loads it beside hls.js to start a player's playback
 * before the whole classic player `cuecart.iife.js` has arrived
 * (docs/decisions/0070-the-classic-loader-plays-before-the-player.md). It defines
 * `window.CuecartHlsEngine` and imports nothing: hls.js and the error class come from its caller.
 * Not an API: its shape may change with any release; themes upload it with the other assets.
 * @module
 */
export { startHlsEngine } from './player/hls-engine.js';
