import type HlsType from 'hls.js';

/** The hls.js constructor. */
export type HlsConstructor = typeof HlsType;

/**
 * Loads hls.js on first need. The dynamic import keeps hls.js out of the core chunk: bundlers
 * split it, and MP4 sources never request it. The classic-script build swaps this module for
 * `load-hls-classic.ts`.
 */
export async function loadHls(): Promise<HlsConstructor> {
  const { default: Hls } = await import('hls.js');
  return Hls;
}
