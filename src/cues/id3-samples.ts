import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { payloadsFromId3 } from './id3.js';
import { cueId, type ProductCue } from './product-cue.js';

/**
 * A timed-metadata sample as hls.js reports it in `FRAG_PARSING_METADATA` (structurally typed so
 * this module needs no hls.js import). `pts` is already media time in seconds.
 */
export interface MetadataSample {
  /** Presentation time of the sample, media time in seconds. */
  pts: number;
  /** Decode time; unused. */
  dts?: number;
  /** Event duration in seconds (`Infinity` for ID3 from MPEG-TS, emsg duration for fMP4). */
  duration?: number;
  /** hls.js metadata schema, e.g. `https://aomedia.org/emsg/ID3`. */
  type?: string;
  /** The raw ID3 tag(s). */
  data: Uint8Array;
}

/**
 * Turns hls.js metadata samples into product cues. Start = sample PTS; an emsg's finite duration
 * becomes the cue's end. `source` is `emsg` when the caller knows the stream is fMP4, else `id3`.
 * Ids are stable (source + start in ms + product + variant), so the same sample seen again after a
 * playlist reload, a re-parsed fragment or a quality switch yields the same cue id. Bad samples
 * and payloads are reported once each to `onError`; the rest are kept.
 */
export function cuesFromMetadataSamples(
  samples: readonly MetadataSample[],
  onError: ErrorSink,
  source: 'id3' | 'emsg' = 'id3',
): ProductCue[] {
  const cues: ProductCue[] = [];
  for (const sample of samples) {
    if (!sample || !(sample.data instanceof Uint8Array)) {
      onError(new CuecartError('cue-invalid', 'Timed-metadata sample has no data.'));
      continue;
    }
    const start = sample.pts;
    if (typeof start !== 'number' || !Number.isFinite(start)) {
      onError(new CuecartError('cue-invalid', 'Timed-metadata sample has no presentation time.'));
      continue;
    }
    for (const payload of payloadsFromId3(sample.data, onError)) {
      const cue: ProductCue = { id: cueId(source, start, payload), start, payload, source };
      const duration = sample.duration;
      if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) {
        cue.end = start + duration;
      }
      cues.push(cue);
    }
  }
  return cues;
}
