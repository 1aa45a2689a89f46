import { hasMediaSource, sourceKind } from '../player/source-type.js';
import { preloadAdapter } from '../state/adapter-modules.js';

/**
 * Requests, without waiting, the chunks a player needs besides the shell: the shopping elements,
 * the commerce state (cart, catalogue, feed), the cue engine (store, timeline, parsers: cues can
 * come from any carrier), the checkout adapter its `adapter` attribute names,
 * the side-car cue-list reader when it has a `cues` URL, for HLS over MSE Cuecart's hls.js engine
 * (the loader requests hls.js itself), for any other source the native engine, and for any HLS
 * source the in-band carriers' parsers. The player loader calls it when a player activates, at
 * the same moment as the shell and hls.js, so none waits for another
 * (docs/decisions/0047-player-shell-and-parallel-chunks.md, 0056-commerce-state-chunk.md,
 * 0066-cue-engine-chunk.md,
 * 0058-in-band-carriers-and-native-engine-chunks.md). Failures surface later, from the imports
 * that need the chunks.
 */
export function prefetchPlayerChunks(player: Element): void {
  import('../define-shop.js').catch(() => {});
  import('../state/player-commerce.js').catch(() => {});
  import('../state/cue-store.js').catch(() => {});
  preloadAdapter(player.getAttribute('adapter'));
  const src = player.getAttribute('src') ?? '';
  if (src && sourceKind(src) === 'hls' && hasMediaSource())
    import('../player/hls-engine.js').catch(() => {});
  else if (src) import('../player/native-engine.js').catch(() => {});
  if (src && sourceKind(src) === 'hls') import('../cues/in-band-carriers.js').catch(() => {});
  if (player.getAttribute('cues')) import('../state/cue-list-poller.js').catch(() => {});
}
