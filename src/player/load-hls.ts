import type HlsType from 'hls.js';
import type { HlsBuild } from './hls-build.js';

export { parseHlsBuild, type HlsBuild } from './hls-build.js';

/** The hls.js constructor. */
export type HlsConstructor = typeof HlsType;

/**
 * Loads hls.js on first need. The dynamic imports keep hls.js out of the core chunk: bundlers
 * split each build into its own chunk, and MP4 sources request neither. The module map makes
 * repeated calls share one download, so callers may start it early ({@link preloadHls}) and
 * await it later. The classic-script build swaps this module for `load-hls-classic.ts`.
 */
export async function loadHls(build: HlsBuild = 'full'): Promise<HlsConstructor> {
  const { default: Hls } =
    build === 'light' ? await import('hls.js/light') : await import('hls.js');
  return Hls;
}

/**
 * Starts downloading hls.js without waiting for it (a failure is reported later, by the
 * {@link loadHls} call that needs it). Called as soon as an HLS source is known, before the
 * player renders, so the chunk arrives in parallel with the rest of the player.
 */
export function preloadHls(build: HlsBuild = 'full'): void {
  loadHls(build).catch(() => {});
}
