/**
 * `cuecart/define`: the one side-effect entry of the npm package. Importing it installs the
 * player loader: every `<cuecart-player>` shows a facade (poster, title, play button) at its final
 * size, and the elements themselves — separate chunks for your bundler, imported here
 * dynamically: the player shell, and in parallel the shopping elements and the adapter — are
 * registered as soon as a player is in or near the viewport, is interacted with, or says
 * `loading="eager"` (docs/decisions/0046-lazy-player-facade.md, 0047). Wait for them with
 * `customElements.whenDefined('cuecart-player')`, or call `defineCuecart()` from `cuecart` to
 * register them synchronously. Loading it twice (or next to the CDN build) is harmless; in Node
 * it does nothing.
 * @module
 */
import { startEarlyPlayback } from './facade/early-start.js';
import { loadModuleEngine } from './facade/load-module-engine.js';
import { prefetchPlayerChunks } from './facade/player-chunks.js';
import { installPlayerLoader } from './facade/player-loader.js';

if (typeof customElements !== 'undefined' && typeof document !== 'undefined') {
  installPlayerLoader(() => import('./define-player.js'), document, {
    prefetch: prefetchPlayerChunks,
    startEarly: (player, show) => startEarlyPlayback(player, show, loadModuleEngine),
  });
}

export * from './index.js';
