/**
 * The chunks the player loader fetches for a player but does not run until the player needs them
 * (docs/decisions/0067-first-frame-before-the-player.md): at activation, or for a player whose
 * playback the loader starts, at its first frame (0068-player-chunks-after-the-first-frame.md).
 */
export type PreloadedChunk =
  'shop' | 'commerce' | 'cues' | 'events' | 'shopify' | 'inBand' | 'poller' | 'variants';

/**
 * Where each {@link PreloadedChunk} is, relative to the loader's own module, for
 * `<link rel="modulepreload">`: fetched (and compiled) ahead, run only when the player imports
 * it. The CDN loader's build fills this map in
 * (`chunkUrls()` in rollup.config.mjs, from the files the ES-module build wrote); it is empty in
 * the npm build, where a bundler names the files and the loader imports the chunks instead.
 */
export const CHUNK_URLS: Partial<Record<PreloadedChunk, string>> = {};
