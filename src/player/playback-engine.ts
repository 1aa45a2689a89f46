import type { CuecartError } from '../internal/errors.js';

/** One timed-metadata sample as hls.js reports it: raw ID3 bytes at a media time (seconds). */
export interface MetadataSample {
  pts: number;
  dts?: number;
  duration?: number;
  type?: string;
  data: Uint8Array;
}

/** An EXT-X-DATERANGE as hls.js exposes it in level details (structural: hls.js not imported). */
export interface DateRangeLike {
  id: string;
  class?: string;
  startDate: Date;
  startTime: number;
  duration: number | null;
  endDate?: Date | null;
  endOnNext: boolean;
  attr: Record<string, unknown>;
}

/** What an engine reports to its player. */
export interface EngineCallbacks {
  /** Playback cannot continue (bad source, unrecoverable error). */
  onFatalError(error: CuecartError): void;
  /** Whether the stream is live; called when known and when it changes. */
  onLiveChange(live: boolean): void;
  /** ID3 samples parsed from the stream (MPEG-TS PES or fMP4 emsg). */
  onMetadataSamples(samples: MetadataSample[], carrier: 'id3' | 'emsg'): void;
  /** The current set of EXT-X-DATERANGE tags after a playlist (re)load. */
  onDateRanges(dateRanges: DateRangeLike[]): void;
  /** An in-band metadata text track of native HLS playback (Safari). */
  onMetadataTrack(track: TextTrack): void;
}

/** A playback engine attached to one `<video>`; the player owns its lifecycle. */
export interface PlaybackEngine {
  /** Which engine plays the source. */
  readonly kind: 'hls.js' | 'native-hls' | 'progressive';
  /** Media time of the live edge to seek to, or null when not live. */
  liveEdge(): number | null;
  /** Stops loading, detaches from the video and removes every listener. */
  destroy(): void;
}
