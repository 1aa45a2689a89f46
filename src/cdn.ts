/**
 * Entry of `dist/cdn/cuecart.js` (`<script type="module">`): the player loader and nothing else
 * until a player needs more. It shows each `<cuecart-player>`'s facade and, when a player is in
 * or near the viewport, is interacted with, or says `loading="eager"`, requests in parallel the
 * player shell (`dist/cdn/cuecart-shell.js`), hls.js for an HLS source, the shopping elements and
 * the adapter the player names. The whole API is `dist/cdn/cuecart-api.js`, also reachable from
 * here through {@link loadCuecart}.
 * @module
 */
import { startEarlyPlayback } from './facade/early-start.js';
import { loadModuleEngine } from './facade/load-module-engine.js';
import { prefetchPlayerChunks } from './facade/player-chunks.js';
import { installPlayerLoader } from './facade/player-loader.js';
import type * as CdnApi from './cdn-api.js';

/** The whole Cuecart API (`dist/cdn/cuecart-api.js`); importing it registers the elements. */
export type CuecartApi = typeof CdnApi;

/** Loads the whole API (and registers the elements), e.g. `const { callbackAdapter } = await loadCuecart()`. */
export function loadCuecart(): Promise<CuecartApi> {
  return import('./cdn-api.js');
}

if (typeof customElements !== 'undefined' && typeof document !== 'undefined') {
  installPlayerLoader(() => import('./define-player.js'), document, {
    prefetch: prefetchPlayerChunks,
    startEarly: (player, show) => startEarlyPlayback(player, show, loadModuleEngine),
  });
}
