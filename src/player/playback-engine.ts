import type { EarlyMediaSource } from './early-media-source.js';
import type { PrefetchedPlaylist } from './playlist-prefetch.js';
import type { HlsConfig } from 'hls.js';
import type { CuecartError } from '../internal/errors.js';
import type { DateRangeInput } from '../cues/daterange.js';
import type { MetadataSample } from '../cues/id3-samples.js';
import type { ProgramDateTimeUpdate } from '../cues/program-date-time.js';

/** What an engine reports to its player. */
export interface EngineCallbacks {
  /** Playback cannot continue (bad source, unrecoverable error). */
  onFatalError(error: CuecartError): void;
  /** Whether the stream is live; called when known and when it changes. */
  onLiveChange(live: boolean): void;
  /** ID3 samples parsed from the stream (MPEG-TS PES or fMP4 emsg). */
  onMetadataSamples(samples: MetadataSample[], carrier: 'id3' | 'emsg'): void;
  /** The current set of EXT-X-DATERANGE tags after a playlist (re)load. */
  onDateRanges(dateRanges: DateRangeInput[]): void;
  /** An in-band metadata text track of native HLS playback (Safari). */
  onMetadataTrack(track: TextTrack): void;
  /**
   * Live only: the playlist stopped growing (no new segment for 1.5 target durations) or its
   * reloads are failing (true), or it is fresh again (false). Engines that cannot tell never call it.
   */
  onStreamStale?(stale: boolean): void;
  /** A segment that could not be loaded under the retry policy was stepped over. */
  onSegmentSkipped?(segment: SkippedSegment): void;
  /**
   * The playlist's `EXT-X-PROGRAM-DATE-TIME` segments after each (re)load, and whether it is
   * live: maps wall-clock cues to media time and drives live cue-list refreshes.
   */
  onProgramDateTime?(update: ProgramDateTimeUpdate): void;
}

/** A media segment the engine stepped over (docs/resilience.md). */
export interface SkippedSegment {
  /** The segment's URL. */
  url: string;
  /** Media time where the skipped segment starts, in seconds. */
  start: number;
  /** Its duration in seconds (the length of the jump). */
  duration: number;
}

/**
 * hls.js settings a host may set over Cuecart's own (the player's `hlsConfig`): any of hls.js's
 * `HlsConfig`, e.g. a `fragLoadPolicy` tuned to a CDN. See docs/resilience.md.
 */
export type HlsSettings = Partial<HlsConfig>;

/** How an engine starts: tuning shared by every engine kind. */
export interface EngineStartOptions {
  /** hls.js settings applied over Cuecart's own (the player's `hlsConfig`); hls.js engine only. */
  hlsConfig?: HlsSettings;
  /** Media time to start at (a retry resumes where playback stopped); live streams ignore it. */
  startPosition?: number;
  /** The source's playlist requested ahead of hls.js (hls.js engine only; playlist-prefetch.ts). */
  prefetchedPlaylist?: PrefetchedPlaylist;
  /**
   * A MediaSource the player loader opened on the video while hls.js downloaded
   * (early-media-source.ts): the hls.js engine attaches hls.js to it, or releases it when it is
   * no longer the video's source; hls.js engine only (the loader releases one no engine took).
   */
  mediaSource?: EarlyMediaSource;
}

/** A playback engine attached to one `<video>`; the player owns its lifecycle. */
export interface PlaybackEngine {
  /** Which engine plays the source. */
  readonly kind: 'hls.js' | 'native-hls' | 'progressive';
  /** Media time of the live edge to seek to, or null when not live. */
  liveEdge(): number | null;
  /**
   * Media time where the live playlist's window starts (the oldest segment still listed), or
   * null when not live. Unlike `video.seekable`, it excludes the back buffer.
   */
  liveWindowStart(): number | null;
  /** Stops loading, detaches from the video and removes every listener. */
  destroy(): void;
}
