/**
 * Entry of `dist/cdn/cuecart.js` (`<script type="module">`): the player loader and nothing else
 * until a player needs more. It shows each `<cuecart-player>`'s facade and loads the elements
 * (and, for an HLS source, hls.js in parallel) when a player is in or near the viewport, is
 * interacted with, or says `loading="eager"`. The whole API is `dist/cdn/cuecart-api.js`, also
 * reachable from here through {@link loadCuecart}.
 * @module
 */
import { installPlayerLoader } from './facade/player-loader.js';
import type * as CdnApi from './cdn-api.js';

/** The whole Cuecart API (`dist/cdn/cuecart-api.js`); importing it registers the elements. */
export type CuecartApi = typeof CdnApi;

/** Loads the whole API (and registers the elements), e.g. `const { callbackAdapter } = await loadCuecart()`. */
export function loadCuecart(): Promise<CuecartApi> {
  return import('./cdn-api.js');
}

if (typeof customElements !== 'undefined' && typeof document !== 'undefined') {
  installPlayerLoader(loadCuecart);
}
