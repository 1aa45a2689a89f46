import type Hls from 'hls.js';
import type {
  ErrorData,
  Fragment,
  FragParsingMetadataData,
  HlsConfig,
  LevelLoadedData,
  LevelUpdatedData,
} from 'hls.js';
import type { CuecartError } from '../internal/errors.js';
import type { DateRangeInput } from '../cues/daterange.js';
import { systemEngineClock, type EngineClock } from './engine-clock.js';
import {
  isAttached,
  releaseEarlyMediaSource,
  type EarlyMediaSource,
} from './early-media-source.js';
import { REQUEST_SETTINGS } from './early-request-settings.js';
import { cuecartHlsConfig, stallLimitMs } from './hls-config.js';
import { LiveStaleness } from './live-staleness.js';
import type { EngineCallbacks, EngineStartOptions, PlaybackEngine } from './playback-engine.js';
import type { HlsConstructor } from './load-hls.js';
import type { PrefetchedPlaylist } from './playlist-prefetch.js';
import { prefetchedPlaylistLoader } from './prefetched-playlist-loader.js';
import { prefetchedSegmentLoader } from './prefetched-segment-loader.js';
import { SkippedSegmentHoles, StallWatch } from './stall-recovery.js';

export { HLS_LOAD_POLICIES, cuecartHlsConfig, stallLimitMs } from './hls-config.js';

/** Tuning of {@link createHlsEngine}. */
export interface HlsEngineOptions {
  /** hls.js settings applied over {@link cuecartHlsConfig} (e.g. shorter timeouts). */
  config?: Partial<HlsConfig>;
  /** Media time to start at; -1 (default) starts at the beginning, or at the live edge. */
  startPosition?: number;
  /** Timers and time of the engine's watchdogs; injected by tests. */
  clock?: EngineClock;
  /**
   * The source's playlist, requested before hls.js arrived (playlist-prefetch.ts): hls.js takes
   * it — and the first segment requested with it (segment-prefetch.ts), unless `config` has its
   * own fragment loader — instead of requesting it again, unless `config` brings its own loader
   * or request setup.
   */
  prefetchedPlaylist?: PrefetchedPlaylist;
  /**
   * A MediaSource already attached to `video`, opened while hls.js downloaded
   * (early-media-source.ts): hls.js takes it instead of creating its own, unless it is no longer
   * the video's source (it is then released).
   */
  mediaSource?: EarlyMediaSource;
}

/** Media errors are recovered this many times within {@link RECOVERY_WINDOW_MS}, then fail. */
const MAX_MEDIA_RECOVERIES = 2;
/**
 * Window over which media recoveries count. hls.js reports a segment as buffered even when the
 * append that follows a recovery fails again, so "a segment buffered" cannot reset the count (a
 * stream of broken segments would recover forever); time does.
 */
const RECOVERY_WINDOW_MS = 60_000;
/**
 * Segments skipped in a row before the source counts as broken: one missing segment is a CDN
 * hiccup worth stepping over, a run of them is a dead source worth telling the viewer about.
 */
const MAX_CONSECUTIVE_SKIPS = 3;

/** hls.js error details that mean the source itself is bad: retrying will not help. */
const BAD_PLAYLIST_DETAILS = new Set(['manifestParsingError', 'levelEmptyError']);
const UNSUPPORTED_DETAILS = new Set([
  'manifestIncompatibleCodecsError',
  'bufferIncompatibleCodecsError',
]);
const SEGMENT_LOAD_DETAILS = new Set(['fragLoadError', 'fragLoadTimeOut']);

/** The fields of an hls.js fragment that skipping touches (`tagList` is not in its typings). */
type SkippableFragment = Fragment & { tagList?: string[][] };

/**
 * What {@link createHlsEngine} takes from its caller instead of importing it: hls.js (lazily
 * loaded) and Cuecart's error class, so that the engine's chunk imports nothing — not the player
 * shell, which a player the loader plays gets only after its first frame
 * (docs/decisions/0069-the-first-frame-without-the-shell.md).
 */
export interface HlsEngineDependencies {
  /** The hls.js constructor (full or light build). */
  Hls: HlsConstructor;
  /** The error class the engine reports fatal errors with. */
  CuecartError: typeof CuecartError;
}

/**
 * Starts {@link createHlsEngine} with a player's start options — its `hlsConfig`, the position a
 * retry resumes at, the playlist requested ahead of hls.js. The one mapping the engine pickers
 * use: `create-engine.ts` (the player, the module loader) and the classic loader
 * (`facade/load-classic-engine.ts`, through the engine's classic script).
 */
export function startHlsEngine(
  dependencies: HlsEngineDependencies,
  video: HTMLVideoElement,
  src: string,
  callbacks: EngineCallbacks,
  options: EngineStartOptions,
): PlaybackEngine {
  return createHlsEngine(dependencies, video, src, callbacks, {
    config: options.hlsConfig,
    startPosition: options.startPosition,
    prefetchedPlaylist: options.prefetchedPlaylist,
    mediaSource: options.mediaSource,
  });
}

/**
 * Plays HLS through hls.js (Media Source Extensions). The only module that touches an hls.js
 * instance; hls.js itself arrives through the injected constructor (lazily loaded). Live
 * staleness and stall recovery live in their own modules (live-staleness.ts,
 * stall-recovery.ts); this one turns hls.js events into them and into engine callbacks.
 */
export function createHlsEngine(
  { Hls, CuecartError }: HlsEngineDependencies,
  video: HTMLVideoElement,
  src: string,
  callbacks: EngineCallbacks,
  options: HlsEngineOptions = {},
): PlaybackEngine {
  const { Events } = Hls;
  const clock = options.clock ?? systemEngineClock;
  const config = cuecartHlsConfig(options.config);
  const prefetched = options.prefetchedPlaylist;
  const usePrefetched =
    prefetched && !REQUEST_SETTINGS.some((key) => options.config?.[key] !== undefined);
  let mediaAttached!: () => void;
  const attached = new Promise<void>((resolve) => (mediaAttached = resolve));
  const hls: Hls = new Hls({
    ...config,
    ...(usePrefetched
      ? { pLoader: prefetchedPlaylistLoader(Hls.DefaultConfig.loader, prefetched, attached) }
      : {}),
    ...(usePrefetched && prefetched.segments && !options.config?.fLoader
      ? { fLoader: prefetchedSegmentLoader(Hls.DefaultConfig.loader, prefetched.segments) }
      : {}),
    ...(options.startPosition !== undefined ? { startPosition: options.startPosition } : {}),
  });
  const abort = new AbortController();
  let recoveries: number[] = [];
  let consecutiveSkips = 0;
  let live: boolean | undefined;
  let failed = false;
  let destroyed = false;

  const staleness = new LiveStaleness(clock, (stale) => callbacks.onStreamStale?.(stale));
  const holes = new SkippedSegmentHoles(video, clock);
  const stallWatch = new StallWatch(video, clock, {
    limitMs: stallLimitMs(config),
    isReconnecting: () => staleness.stale,
    onStall: (cause) =>
      fail(new CuecartError('media-load-failed', 'The video stopped loading.', { cause })),
  });

  const stopWatchdogs = () => {
    staleness.stop();
    holes.stop();
    stallWatch.stop();
  };

  const fail = (error: CuecartError) => {
    if (failed || destroyed) return;
    failed = true;
    stopWatchdogs();
    hls.stopLoad();
    callbacks.onFatalError(error);
  };

  hls.on(Events.FRAG_PARSING_METADATA, (_event, data: FragParsingMetadataData) => {
    if (!data.samples.length) return;
    // MPEG-TS and emsg samples share one schema in hls.js; an EXT-X-MAP means fMP4 (emsg).
    const carrier = data.frag.initSegment ? 'emsg' : 'id3';
    callbacks.onMetadataSamples(data.samples, carrier);
  });

  hls.on(Events.LEVEL_LOADED, (_event, data: LevelLoadedData) => {
    const { details } = data;
    staleness.playlistLoaded({ endSn: details.endSN, targetDuration: details.targetduration });
  });

  // Wall-clock cues follow the fragments' media times: estimated from the playlist on load, then
  // corrected from PTS when each fragment is parsed (across a discontinuity that can move them by
  // seconds), which happens before it plays.
  const programDateTime = (details: LevelUpdatedData['details']) =>
    callbacks.onProgramDateTime?.({
      live: details.live,
      anchors: details.fragments.flatMap((frag) =>
        frag.programDateTime == null
          ? []
          : [{ mediaTime: frag.start, date: frag.programDateTime, duration: frag.duration }],
      ),
    });
  hls.on(Events.LEVEL_PTS_UPDATED, (_event, data) => programDateTime(data.details));

  hls.on(Events.LEVEL_UPDATED, (_event, data: LevelUpdatedData) => {
    const { details } = data;
    if (live !== details.live) {
      live = details.live;
      callbacks.onLiveChange(details.live);
      staleness.setLive(details.live);
    }
    programDateTime(details);
    const ranges = Object.values(details.dateRanges ?? {}) as unknown as DateRangeInput[];
    callbacks.onDateRanges(ranges);
  });

  hls.on(Events.FRAG_LOADED, () => {
    consecutiveSkips = 0;
  });
  hls.on(Events.FRAG_BUFFERED, () => {
    if (!failed && !destroyed) stallWatch.start();
  });

  /**
   * Steps over a segment hls.js gave up on: it is marked as an EXT-X-GAP segment, which hls.js
   * does not request again, and the playhead jumps its hole when it gets there.
   * Returns false when skipping cannot help (the last segment of a VOD, a run of failures).
   */
  const skipSegment = (frag: SkippableFragment): boolean => {
    const details = hls.levels[frag.level]?.details;
    if (typeof frag.sn !== 'number' || !details || !frag.tagList) return false;
    if (!details.live && frag.sn >= details.endSN) return false;
    if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) return false;
    consecutiveSkips += 1;
    frag.gap = true;
    if (!frag.tagList.some((tag) => tag[0] === 'GAP')) frag.tagList.push(['GAP']);
    holes.add(frag.start, frag.start + frag.duration);
    callbacks.onSegmentSkipped?.({ url: frag.url, start: frag.start, duration: frag.duration });
    // hls.js counts segment errors per rendition and never forgets them after giving up, so the
    // next segment would get no retries at all: each segment gets the whole policy.
    for (const level of hls.levels) level.fragmentError = 0;
    // Nothing buffered yet (the first segment failed): hls.js would pick the same segment again,
    // so loading restarts after the hole.
    hls.startLoad(video.buffered.length === 0 ? frag.start + frag.duration : -1);
    return true;
  };

  const loadFailed = (data: ErrorData) => {
    const status = data.response?.code;
    const what = BAD_PLAYLIST_DETAILS.has(data.details)
      ? 'is not a valid HLS playlist'
      : 'could not be loaded';
    fail(
      new CuecartError(
        'media-load-failed',
        `The video ${what}${status ? ` (HTTP ${status})` : ''}.`,
        { cause: data.error },
      ),
    );
  };

  const decodeFailed = (cause: unknown) =>
    fail(
      new CuecartError(
        'media-decode-failed',
        'The video stopped because it could not be decoded.',
        {
          cause,
        },
      ),
    );

  const recoverMedia = (cause: unknown) => {
    const now = clock.now();
    recoveries = recoveries.filter((time) => now - time < RECOVERY_WINDOW_MS);
    if (recoveries.length >= MAX_MEDIA_RECOVERIES) {
      decodeFailed(cause);
      return;
    }
    // Second attempt also swaps the audio codec: a known fix for mislabelled AAC/HE-AAC.
    if (recoveries.length === 1) hls.swapAudioCodec();
    recoveries.push(now);
    hls.recoverMediaError();
  };

  hls.on(Events.ERROR, (_event, data: ErrorData) => {
    if (failed || destroyed) return;
    if (!data.fatal) {
      if (data.details === 'levelLoadError' || data.details === 'levelLoadTimeOut') {
        staleness.reloadFailed();
      }
      return;
    }
    if (UNSUPPORTED_DETAILS.has(data.details)) {
      fail(
        new CuecartError(
          'media-unsupported',
          'This video’s format cannot be played in this browser.',
          {
            cause: data.error,
          },
        ),
      );
    } else if (SEGMENT_LOAD_DETAILS.has(data.details) && data.frag) {
      // hls.js has run the whole segment policy (HLS_LOAD_POLICIES.fragLoadPolicy).
      if (!skipSegment(data.frag as SkippableFragment)) loadFailed(data);
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      // Playlist failures: hls.js has already retried by HLS_LOAD_POLICIES.
      loadFailed(data);
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      recoverMedia(data.error);
    } else {
      decodeFailed(data.error);
    }
  });

  // A segment that transmuxes but does not decode (truncated, corrupt) stops the media element
  // with MEDIA_ERR_DECODE and no hls.js error: without this the player would sit paused, silent.
  video.addEventListener(
    'error',
    () => {
      const error = video.error;
      if (!error || failed || destroyed) return;
      if (error.code === MediaError.MEDIA_ERR_DECODE) recoverMedia(error);
      else if (error.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED)
        fail(
          new CuecartError(
            'media-unsupported',
            'This video’s format cannot be played in this browser.',
            { cause: error },
          ),
        );
    },
    { signal: abort.signal },
  );

  hls.on(Events.MEDIA_ATTACHED, () => mediaAttached());
  hls.loadSource(src);
  const early = options.mediaSource;
  if (early && isAttached(video, early)) {
    // hls.js's own API for a MediaSource it did not create: without SourceBuffers it waits for
    // `sourceopen`, or goes on at once when the MediaSource has opened already.
    hls.attachMedia({ media: video, mediaSource: early.mediaSource });
  } else {
    if (early) releaseEarlyMediaSource(video, early);
    hls.attachMedia(video);
  }

  return {
    kind: 'hls.js',
    liveEdge: () => (live ? hls.liveSyncPosition : null),
    liveWindowStart: () => (live ? (hls.latestLevelDetails?.fragmentStart ?? null) : null),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopWatchdogs();
      abort.abort();
      hls.destroy();
    },
  };
}
