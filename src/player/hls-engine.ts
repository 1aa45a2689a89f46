import type Hls from 'hls.js';
import type {
  ErrorData,
  Fragment,
  FragParsingMetadataData,
  HlsConfig,
  LevelLoadedData,
  LevelUpdatedData,
  RetryConfig,
} from 'hls.js';
import { CuecartError } from '../internal/errors.js';
import type { DateRangeInput } from '../cues/daterange.js';
import type { EngineCallbacks, PlaybackEngine } from './playback-engine.js';
import type { HlsConstructor } from './load-hls.js';

/**
 * How Cuecart loads HLS over a flaky CDN: the ONE retry policy, carried out by hls.js itself
 * (Cuecart never wraps its own retries around hls.js's; see docs/resilience.md).
 *
 * - First playlist (the manifest): 4 retries after a 5xx, a network error or a timeout, 0.5, 1,
 *   2, 4 s apart — a VOD playlist answering 500, 500, 200 plays. A 4xx fails at once.
 * - Playlist reloads (live): 6 retries, 1, 2, 4, 8, 8, 8 s apart (about 31 s) while the player
 *   shows "Reconnecting…"; every successful reload starts the count again.
 * - Segments: 3 retries after an HTTP error (404 included: a CDN edge can lag its origin) or a
 *   network error, 0.5, 1, 2 s apart; no first byte within 8 s is a timeout, retried once. A
 *   segment that still fails is skipped: after 3.5 s when missing, 16 s when it never answers.
 */
export const HLS_LOAD_POLICIES = {
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 20_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 4, retryDelayMs: 500, maxRetryDelayMs: 4_000 },
    },
  },
  playlistLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 20_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 1_000, maxRetryDelayMs: 4_000 },
      errorRetry: { maxNumRetry: 6, retryDelayMs: 1_000, maxRetryDelayMs: 8_000 },
    },
  },
  fragLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 8_000,
      maxLoadTimeMs: 60_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4_000 },
    },
  },
} satisfies Partial<HlsConfig>;

/**
 * The hls.js configuration Cuecart plays with: {@link HLS_LOAD_POLICIES} plus the settings the
 * cue engine and strict-CSP pages need. `overrides` (the player's `hlsConfig`) are applied last;
 * a load policy given there replaces Cuecart's for that kind of load.
 */
export function cuecartHlsConfig(overrides: Partial<HlsConfig> = {}): Partial<HlsConfig> {
  return {
    // hls.js's own metadata TextTrack loses cues in Chromium (its <track> is emptied when it
    // finishes loading); Cuecart reads the raw events instead. See docs/decisions.
    enableID3MetadataCues: false,
    enableEmsgMetadataCues: false,
    enableDateRangeMetadataCues: false,
    // Live: duration Infinity and `seekable` = the playlist window (setLiveSeekableRange), as
    // native HLS reports it, so the live window start prunes old cues.
    liveDurationInfinity: true,
    // hls.js keeps every played segment by default; a multi-hour show would grow without bound.
    backBufferLength: 90,
    // hls.js builds its worker from a Blob URL string, which a Trusted Types page blocks
    // (`new Worker` takes a TrustedScriptURL) and reports; the ES-module build of hls.js has no
    // worker anyway. Transmuxing stays on the main thread in both builds (docs/security.md).
    enableWorker: false,
    ...HLS_LOAD_POLICIES,
    ...overrides,
  };
}

/** Tuning of {@link createHlsEngine}. */
export interface HlsEngineOptions {
  /** hls.js settings applied over {@link cuecartHlsConfig} (e.g. shorter timeouts). */
  config?: Partial<HlsConfig>;
  /** Media time to start at; -1 (default) starts at the beginning, or at the live edge. */
  startPosition?: number;
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
/** A live playlist with no new segment for this many target durations is stale. */
const STALE_TARGET_DURATIONS = 1.5;

/** Slack added to the segment policy's worst case before a stall counts as a failure. */
const STALL_MARGIN_MS = 4_000;

/**
 * How long playback may stand still, wanting data, before Cuecart gives up with
 * `media-load-failed`: the segment policy's worst case (every timeout, every backoff wait) plus
 * a margin — 20 s with Cuecart’s defaults (2 × 8 s of timeouts + 4 s). It catches whatever the policy does not (a loader
 * that stops asking), so the viewer never waits forever.
 */
export function stallLimitMs(config: Partial<HlsConfig>): number {
  const policy = (config.fragLoadPolicy ?? HLS_LOAD_POLICIES.fragLoadPolicy).default;
  const timeouts = (1 + (policy.timeoutRetry?.maxNumRetry ?? 0)) * policy.maxTimeToFirstByteMs;
  let backoff = 0;
  const retry: RetryConfig | null = policy.errorRetry;
  for (let i = 0; retry && i < retry.maxNumRetry; i++) {
    const delay =
      retry.backoff === 'linear' ? retry.retryDelayMs * (i + 1) : retry.retryDelayMs * 2 ** i;
    backoff += Math.min(delay, retry.maxRetryDelayMs);
  }
  const worst = Number.isFinite(timeouts) ? Math.max(timeouts, backoff) : backoff;
  return worst + STALL_MARGIN_MS;
}

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
 * Plays HLS through hls.js (Media Source Extensions). The only module that touches an hls.js
 * instance; hls.js itself arrives through the injected constructor (lazily loaded).
 */
export function createHlsEngine(
  Hls: HlsConstructor,
  video: HTMLVideoElement,
  src: string,
  callbacks: EngineCallbacks,
  options: HlsEngineOptions = {},
): PlaybackEngine {
  const { Events } = Hls;
  const config = cuecartHlsConfig(options.config);
  const hls: Hls = new Hls({
    ...config,
    ...(options.startPosition !== undefined ? { startPosition: options.startPosition } : {}),
  });
  const stallLimit = stallLimitMs(config);
  const abort = new AbortController();
  let recoveries: number[] = [];
  let consecutiveSkips = 0;
  let live: boolean | undefined;
  let failed = false;
  let destroyed = false;
  // Live freshness: when the playlist last grew, and whether reloads are failing right now.
  let lastGrowthAt = performance.now();
  let lastEndSn = -1;
  let targetDuration = 2;
  let reloadFailing = false;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let reportedStale = false;
  // Skipped segments the playhead has not passed yet, and the timer that steps over them.
  const holes: Array<{ start: number; end: number }> = [];
  let holeTimer: ReturnType<typeof setInterval> | undefined;
  // Stall watch: where and since when playback stands still while it wants to play.
  let stallTimer: ReturnType<typeof setInterval> | undefined;
  let stalledAt = -1;
  let stalledSince = 0;

  const stopTimers = () => {
    clearTimeout(staleTimer);
    clearInterval(holeTimer);
    clearInterval(stallTimer);
    holeTimer = stallTimer = undefined;
    holes.length = 0;
  };

  const fail = (error: CuecartError) => {
    if (failed || destroyed) return;
    failed = true;
    stopTimers();
    hls.stopLoad();
    callbacks.onFatalError(error);
  };

  const reportStale = () => {
    const stale =
      live === true &&
      !failed &&
      (reloadFailing ||
        performance.now() - lastGrowthAt > STALE_TARGET_DURATIONS * targetDuration * 1000);
    if (stale !== reportedStale) {
      reportedStale = stale;
      callbacks.onStreamStale?.(stale);
    }
  };
  const armStaleCheck = () => {
    clearTimeout(staleTimer);
    if (!live || destroyed || failed) return;
    staleTimer = setTimeout(
      () => {
        reportStale();
        armStaleCheck();
      },
      Math.max(250, (targetDuration * 1000) / 2),
    );
  };

  hls.on(Events.FRAG_PARSING_METADATA, (_event, data: FragParsingMetadataData) => {
    if (!data.samples.length) return;
    // MPEG-TS and emsg samples share one schema in hls.js; an EXT-X-MAP means fMP4 (emsg).
    const carrier = data.frag.initSegment ? 'emsg' : 'id3';
    callbacks.onMetadataSamples(data.samples, carrier);
  });

  hls.on(Events.LEVEL_LOADED, (_event, data: LevelLoadedData) => {
    reloadFailing = false;
    const { details } = data;
    targetDuration = details.targetduration || targetDuration;
    if (details.endSN !== lastEndSn) {
      lastEndSn = details.endSN;
      lastGrowthAt = performance.now();
    }
    reportStale();
  });

  hls.on(Events.LEVEL_UPDATED, (_event, data: LevelUpdatedData) => {
    const { details } = data;
    if (live !== details.live) {
      live = details.live;
      callbacks.onLiveChange(details.live);
      if (live) armStaleCheck();
      else reportStale();
    }
    callbacks.onProgramDateTime?.({
      live: details.live,
      anchors: details.fragments.flatMap((frag) =>
        frag.programDateTime == null
          ? []
          : [{ mediaTime: frag.start, date: frag.programDateTime, duration: frag.duration }],
      ),
    });
    const ranges = Object.values(details.dateRanges ?? {}) as unknown as DateRangeInput[];
    callbacks.onDateRanges(ranges);
  });

  hls.on(Events.FRAG_LOADED, () => {
    consecutiveSkips = 0;
  });
  hls.on(Events.FRAG_BUFFERED, () => {
    stallTimer ??= setInterval(watchStall, 1_000);
  });

  /**
   * Jumps the playhead over a skipped segment once it stands in the hole and media after it is
   * buffered. hls.js's gap controller does this mid-stream, but not for a hole at the very start
   * (its start-gap jump is capped at 2 s), so Cuecart does it for every hole it made.
   */
  const jumpHoles = () => {
    if (video.seeking) return;
    const time = video.currentTime;
    for (let i = holes.length - 1; i >= 0; i--) {
      if (time >= holes[i]!.end) holes.splice(i, 1);
    }
    const hole = holes.find((h) => time >= h.start - 0.25 && time < h.end);
    if (hole) {
      const { buffered } = video;
      for (let i = 0; i < buffered.length; i++) {
        const start = buffered.start(i);
        if (start > time && start <= hole.end + 1) {
          video.currentTime = start + 0.05;
          break;
        }
      }
    }
    if (!holes.length) {
      clearInterval(holeTimer);
      holeTimer = undefined;
    }
  };

  /**
   * Fails playback that has stood still for {@link stallLimitMs} while it wants to play. A live
   * stream whose playlist is stale is reconnecting, not failing, and keeps waiting.
   */
  const watchStall = () => {
    const wanting =
      !video.paused &&
      !video.ended &&
      !video.seeking &&
      video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA &&
      !reportedStale;
    const now = performance.now();
    if (!wanting || video.currentTime !== stalledAt) {
      stalledAt = wanting ? video.currentTime : -1;
      stalledSince = now;
      return;
    }
    if (now - stalledSince >= stallLimit) {
      fail(
        new CuecartError('media-load-failed', 'The video stopped loading.', {
          cause: { currentTime: video.currentTime, stalledMs: Math.round(now - stalledSince) },
        }),
      );
    }
  };

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
    holes.push({ start: frag.start, end: frag.start + frag.duration });
    holeTimer ??= setInterval(jumpHoles, 250);
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
    const now = performance.now();
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
        reloadFailing = true;
        reportStale();
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

  hls.loadSource(src);
  hls.attachMedia(video);

  return {
    kind: 'hls.js',
    liveEdge: () => (live ? hls.liveSyncPosition : null),
    liveWindowStart: () => (live ? (hls.latestLevelDetails?.fragmentStart ?? null) : null),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopTimers();
      abort.abort();
      hls.destroy();
    },
  };
}
