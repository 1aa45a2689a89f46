/**
 * The chunks the player loader fetches as soon as a player activates but does not run until the
 * player needs them (docs/decisions/0067-first-frame-before-the-player.md).
 */
export type PreloadedChunk =
  'shop' | 'commerce' | 'cues' | 'events' | 'shopify' | 'inBand' | 'poller' | 'variants';

/**
 * Where each {@link PreloadedChunk} is, relative to the loader's own module, for
 * `<link rel="modulepreload">`: fetched (and compiled) in parallel with hls.js, run only when
 * the player imports it — after the first frame. The CDN loader's build fills this map in
 * (`chunkUrls()` in rollup.config.mjs, from the files the ES-module build wrote); it is empty in
 * the npm build, where a bundler names the files and the loader imports the chunks instead.
 */
export const CHUNK_URLS: Partial<Record<PreloadedChunk, string>> = {};
