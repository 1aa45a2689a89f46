/**
 * Which hls.js build plays HLS: `full` (default) or `light`, hls.js's own smaller build without
 * subtitles and captions, alternate audio renditions, EME (DRM), CMCD, content steering,
 * interstitials and variable substitution. See docs/decisions/0045-hls-build-attribute.md.
 */
export type HlsBuild = 'full' | 'light';

/** Reads an `hls-build` attribute value: `light` selects the light build, anything else `full`. */
export function parseHlsBuild(value: unknown): HlsBuild {
  return typeof value === 'string' && value.trim().toLowerCase() === 'light' ? 'light' : 'full';
}
