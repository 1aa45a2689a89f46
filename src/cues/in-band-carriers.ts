/**
 * The in-band carriers' parsers, as one lazily imported chunk (`chunks/in-band-carriers-*.js` in
 * the ES-module CDN build): ID3 from MPEG-TS and fMP4 emsg samples, `EXT-X-DATERANGE` tags and
 * Safari's native metadata cues. The cue store imports it on the first in-band batch and holds
 * batches that arrive before it in order (`carrier-queue.ts`); the player loader requests it in
 * parallel with the player shell when the source is HLS
 * (docs/decisions/0058-in-band-carriers-and-native-engine-chunks.md). A player playing MP4, or
 * only side-car and host cues, never loads it.
 * @module
 */
export { cuesFromMetadataSamples } from './id3-samples.js';
export { cueFromDateRange } from './daterange.js';
export { cuesFromNativeMetadata } from './native-metadata.js';
