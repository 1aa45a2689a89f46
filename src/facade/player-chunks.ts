import { needsHlsJs, sourceKind } from '../player/source-type.js';
import { CHUNK_URLS, type PreloadedChunk } from './chunk-urls.js';

/**
 * The chunks {@link prefetchPlayerChunks} requests, as the npm build imports them (the shared
 * `variants` chunk comes with its importers there).
 */
const IMPORTS: Record<Exclude<PreloadedChunk, 'variants'>, () => Promise<unknown>> = {
  shop: () => import('../define-shop.js'),
  commerce: () => import('../state/player-commerce.js'),
  cues: () => import('../state/cue-store.js'),
  events: () => import('../commerce/adapters/events.js'),
  shopify: () => import('../state/shopify-commerce.js'),
  inBand: () => import('../cues/in-band-carriers.js'),
  poller: () => import('../state/cue-list-poller.js'),
};

/**
 * Requests, without waiting, the chunks a player needs besides the shell: the shopping elements,
 * the commerce state (cart, catalogue, feed), the cue engine (store, timeline, parsers: cues can
 * come from any carrier), the checkout adapter its `adapter` attribute names, the side-car
 * cue-list reader when it has a `cues` URL, for HLS over MSE Cuecart's hls.js engine (the loader
 * requests hls.js itself), for any other source the native engine, and for any HLS source the
 * in-band carriers' parsers. The player loader calls it when a player activates, at the same
 * moment as the shell and hls.js, so none waits for another
 * (docs/decisions/0047-player-shell-and-parallel-chunks.md, 0056-commerce-state-chunk.md,
 * 0066-cue-engine-chunk.md, 0058-in-band-carriers-and-native-engine-chunks.md) — except for a
 * player whose playback the loader starts itself: then when that player has shown its first
 * frame (0068-player-chunks-after-the-first-frame.md).
 *
 * Where the build knows their files ({@link CHUNK_URLS}: the CDN loader), the chunks are only
 * fetched (`<link rel="modulepreload">`): they run when the player imports them, instead of
 * taking the main thread as they arrive (docs/decisions/0067-first-frame-before-the-player.md).
 * Failures surface later, from the imports that need the chunks.
 */
export function prefetchPlayerChunks(player: Element): void {
  const doc = player.ownerDocument;
  const src = player.getAttribute('src') ?? '';
  const chunks: PreloadedChunk[] = ['shop', 'commerce', 'cues', 'variants'];
  chunks.push(player.getAttribute('adapter') === 'shopify' ? 'shopify' : 'events');
  if (src && sourceKind(src) === 'hls') chunks.push('inBand');
  if (player.getAttribute('cues')) chunks.push('poller');
  // The engine first: the first frame waits for it (browsers open a few connections per host
  // over HTTP/1.1, and serve requests in order).
  if (src && needsHlsJs(src)) import('../player/hls-engine.js').catch(() => {});
  else if (src) import('../player/native-engine.js').catch(() => {});
  for (const chunk of chunks) preload(doc, chunk);
}

/** Fetches `chunk` without running it where its file is known, else imports it. */
function preload(doc: Document, chunk: PreloadedChunk): void {
  const path = CHUNK_URLS[chunk];
  if (!path) {
    // The npm build: the bundler's chunk names are unknown here.
    if (chunk !== 'variants') IMPORTS[chunk]().catch(() => {});
    return;
  }
  const href = new URL(path, import.meta.url).href;
  // Once per document (two players, two activations).
  const parent = doc.head ?? doc.documentElement;
  for (const link of Array.from(parent.querySelectorAll('link[rel="modulepreload"]')))
    if ((link as HTMLLinkElement).href === href) return;
  const link = doc.createElement('link');
  link.rel = 'modulepreload';
  // Below hls.js, its engine and the playlist, which the first frame waits for.
  link.fetchPriority = 'low';
  link.href = href;
  parent.append(link);
}
