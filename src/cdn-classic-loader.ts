/**
 * Entry of `dist/cdn/cuecart-loader.iife.js` (classic `<script>`): the classic counterpart of the
 * player loader `dist/cdn/cuecart.js`, for pages and themes that cannot serve ES-module chunks
 * (a Shopify theme's flat assets folder). It shows each `<cuecart-player>`'s facade and, when a
 * player is in or near the viewport, is interacted with, or says `loading="eager"`, adds from
 * **the same directory as itself**: for an HLS source over MSE, hls.js (its ES module
 * `hls.esm.js` / `hls.light.esm.js`, or its classic script where that fails) and Cuecart's hls.js engine `cuecart-hls-engine.iife.js` at once, plays the
 * stream in the facade, and adds the whole player `cuecart.iife.js` after the first frame (which
 * takes that playback over); for any other source, the whole player at once. `window.CuecartLoader.load()` resolves with the
 * whole API (`window.Cuecart`) for hosts that need it.
 * @module
 */
import { startEarlyPlayback } from './facade/early-start.js';
import { classicEngineLoader } from './facade/load-classic-engine.js';
import { classicPlayerLoader, type ClassicPlayerApi } from './facade/load-classic-player.js';
import { installPlayerLoader } from './facade/player-loader.js';

/**
 * This script's directory, read while it runs (`document.currentScript` is only set then); the
 * page's base URL when that is unknown.
 */
const base =
  typeof document === 'undefined'
    ? ''
    : document.currentScript instanceof HTMLScriptElement
      ? new URL('.', document.currentScript.src).href
      : document.baseURI;

const loadPlayer = base ? classicPlayerLoader(base) : undefined;

/**
 * Loads the whole classic player (once; later calls share the request) and resolves with its API,
 * the same object as `window.Cuecart`. Importing it registers the elements.
 */
export function load(): Promise<ClassicPlayerApi> {
  if (!loadPlayer) return Promise.reject(new Error('Cuecart needs a browser document.'));
  return loadPlayer();
}

// The whole classic player registers every element as it runs; `definePlayer` is then a no-op
// that keeps the loader's contract. A player with an HLS source over MSE starts playing before
// it: hls.js and Cuecart's hls.js engine come from beside the loader, and the whole player after
// the first frame (docs/decisions/0070-the-classic-loader-plays-before-the-player.md).
if (loadPlayer && typeof customElements !== 'undefined') {
  const loadEngine = classicEngineLoader(base);
  installPlayerLoader(
    () => loadPlayer().then((api) => ({ definePlayer: () => api.defineCuecart() })),
    document,
    { startEarly: (player, show) => startEarlyPlayback(player, show, loadEngine) },
  );
}
