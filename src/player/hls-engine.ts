import type Hls from 'hls.js';
import type { ErrorData, FragParsingMetadataData, LevelUpdatedData } from 'hls.js';
import { CuecartError } from '../internal/errors.js';
import type { DateRangeInput } from '../cues/daterange.js';
import type { EngineCallbacks, PlaybackEngine } from './playback-engine.js';
import type { HlsConstructor } from './load-hls.js';

/** Retry schedule for fatal network errors after hls.js's own retries gave up. */
const NETWORK_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** Tuning of {@link createHlsEngine}; the defaults suit production. */
export interface HlsEngineOptions {
  /** Waits before each extra load attempt after a fatal network error (default 1 s, 2 s, 4 s). */
  networkRetryDelaysMs?: readonly number[];
}
/** Media errors are recovered this many times before playback is declared broken. */
const MAX_MEDIA_RECOVERIES = 2;

/** hls.js error details that mean the source itself is bad: retrying will not help. */
const BAD_SOURCE_DETAILS = new Set([
  'manifestLoadError',
  'manifestLoadTimeOut',
  'manifestParsingError',
  'levelEmptyError',
]);
const UNSUPPORTED_DETAILS = new Set([
  'manifestIncompatibleCodecsError',
  'bufferIncompatibleCodecsError',
]);

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
  const retryDelays = options.networkRetryDelaysMs ?? NETWORK_RETRY_DELAYS_MS;
  const hls: Hls = new Hls({
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
  });
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let networkRetries = 0;
  let mediaRecoveries = 0;
  let live: boolean | undefined;
  let failed = false;

  const fail = (error: CuecartError) => {
    if (failed) return;
    failed = true;
    hls.stopLoad();
    callbacks.onFatalError(error);
  };

  hls.on(Events.FRAG_PARSING_METADATA, (_event, data: FragParsingMetadataData) => {
    if (!data.samples.length) return;
    // MPEG-TS and emsg samples share one schema in hls.js; an EXT-X-MAP means fMP4 (emsg).
    const carrier = data.frag.initSegment ? 'emsg' : 'id3';
    callbacks.onMetadataSamples(data.samples, carrier);
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

  const onLevelDetails = (_event: unknown, data: LevelUpdatedData) => {
    const { details } = data;
    if (live !== details.live) {
      live = details.live;
      callbacks.onLiveChange(details.live);
    }
    programDateTime(details);
    const ranges = Object.values(details.dateRanges ?? {}) as unknown as DateRangeInput[];
    callbacks.onDateRanges(ranges);
  };
  hls.on(Events.LEVEL_UPDATED, onLevelDetails);

  hls.on(Events.FRAG_LOADED, () => {
    networkRetries = 0;
  });
  hls.on(Events.FRAG_BUFFERED, () => {
    mediaRecoveries = 0;
  });

  hls.on(Events.ERROR, (_event, data: ErrorData) => {
    if (!data.fatal || failed) return;
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
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      const delay = retryDelays[networkRetries];
      if (BAD_SOURCE_DETAILS.has(data.details) || delay === undefined) {
        const status = data.response?.code;
        const what =
          data.details === 'manifestParsingError'
            ? 'is not a valid HLS playlist'
            : 'could not be loaded';
        fail(
          new CuecartError(
            'media-load-failed',
            `The video ${what}${status ? ` (HTTP ${status})` : ''}.`,
            { cause: data.error },
          ),
        );
        return;
      }
      networkRetries += 1;
      const timer = setTimeout(() => {
        timers.delete(timer);
        hls.startLoad();
      }, delay);
      timers.add(timer);
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < MAX_MEDIA_RECOVERIES) {
      // Second attempt also swaps the audio codec: a known fix for mislabelled AAC/HE-AAC.
      if (mediaRecoveries === 1) hls.swapAudioCodec();
      mediaRecoveries += 1;
      hls.recoverMediaError();
    } else {
      fail(
        new CuecartError(
          'media-decode-failed',
          'The video stopped because it could not be decoded.',
          {
            cause: data.error,
          },
        ),
      );
    }
  });

  hls.loadSource(src);
  hls.attachMedia(video);

  return {
    kind: 'hls.js',
    liveEdge: () => (live ? hls.liveSyncPosition : null),
    liveWindowStart: () => (live ? (hls.latestLevelDetails?.fragmentStart ?? null) : null),
    destroy() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      hls.destroy();
    },
  };
}
