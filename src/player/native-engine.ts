import type { Clock } from '../internal/clock.js';
import { CuecartError } from '../internal/errors.js';
import { fetchMediaPlaylist } from './fetch-media-playlist.js';
import { watchNativeProgramDateTime } from './native-program-date-time.js';
import type { EngineCallbacks, PlaybackEngine } from './playback-engine.js';

/** Tuning of {@link createNativeEngine}. */
export interface NativeEngineOptions {
  /** Media time to seek to once metadata is known (a retry resumes in place); VOD only. */
  startPosition?: number;
  /** Timers of the live program date-time re-read; injected by tests. */
  clock?: Clock;
  /** Loads the playlist whose dates refine the start date; injected by tests (global `fetch`). */
  fetch?: typeof fetch;
}

/**
 * Plays a source with the `<video>` element itself: progressive MP4/WebM, or HLS where Media
 * Source Extensions are missing (iOS Safari), reading in-band metadata text tracks and the
 * program date-time (`getStartDate()`, see native-program-date-time.ts) there.
 */
export function createNativeEngine(
  video: HTMLVideoElement,
  src: string,
  kind: 'native-hls' | 'progressive',
  callbacks: EngineCallbacks,
  options: NativeEngineOptions = {},
): PlaybackEngine {
  const { startPosition } = options;
  const controller = new AbortController();
  const { signal } = controller;
  let failed = false;

  const onError = async () => {
    const mediaError = video.error;
    if (failed || !mediaError || signal.aborted) return;
    failed = true;
    callbacks.onFatalError(await classifyMediaError(mediaError, src, signal));
  };
  video.addEventListener('error', onError, { signal });

  const watchTrack = (track: TextTrack) => {
    if (track.kind !== 'metadata') return;
    // Safari delivers ID3 cues only to tracks that are not disabled.
    if (track.mode === 'disabled') track.mode = 'hidden';
    callbacks.onMetadataTrack(track);
  };
  if (kind === 'native-hls') {
    for (const track of Array.from(video.textTracks)) watchTrack(track);
    video.textTracks.addEventListener('addtrack', (e) => e.track && watchTrack(e.track), {
      signal,
    });
    // No fragment events here: Safari's start date, refined by the playlist's own dates, is the
    // program date-time mapping (native-program-date-time.ts).
    const onProgramDateTime = callbacks.onProgramDateTime?.bind(callbacks);
    if (onProgramDateTime) {
      const { clock } = options;
      watchNativeProgramDateTime(video, onProgramDateTime, {
        signal,
        clock,
        loadPlaylist: () => fetchMediaPlaylist(src, { signal, clock, fetch: options.fetch }),
      });
    }
  }
  const onDuration = () => callbacks.onLiveChange(video.duration === Infinity);
  video.addEventListener('durationchange', onDuration, { signal });

  if (startPosition !== undefined && startPosition > 0) {
    video.addEventListener(
      'loadedmetadata',
      () => {
        if (video.duration !== Infinity) video.currentTime = startPosition;
      },
      { signal, once: true },
    );
  }

  video.src = src;
  video.load();

  return {
    kind,
    liveEdge() {
      if (video.duration !== Infinity || video.seekable.length === 0) return null;
      return video.seekable.end(video.seekable.length - 1);
    },
    liveWindowStart() {
      if (video.duration !== Infinity || video.seekable.length === 0) return null;
      return video.seekable.start(0);
    },
    destroy() {
      controller.abort();
      video.removeAttribute('src');
      video.load();
    },
  };
}

/**
 * A media element reports a 404 and an unplayable file with the same code, so the URL is probed
 * to tell the shopper which one happened.
 */
async function classifyMediaError(
  error: MediaError,
  src: string,
  signal: AbortSignal,
): Promise<CuecartError> {
  if (error.code === MediaError.MEDIA_ERR_DECODE) {
    return new CuecartError(
      'media-decode-failed',
      'The video stopped because it could not be decoded.',
      {
        cause: error,
      },
    );
  }
  if (error.code === MediaError.MEDIA_ERR_NETWORK) {
    return new CuecartError('media-load-failed', 'The video could not be loaded (network error).', {
      cause: error,
    });
  }
  let status: number | undefined;
  try {
    const response = await fetch(src, { method: 'HEAD', signal });
    status = response.ok ? undefined : response.status;
  } catch {
    status = 0;
  }
  if (status === undefined) {
    return new CuecartError(
      'media-unsupported',
      'This video’s format cannot be played in this browser.',
      {
        cause: error,
      },
    );
  }
  return new CuecartError(
    'media-load-failed',
    `The video could not be loaded${status ? ` (HTTP ${status})` : ''}.`,
    { cause: error },
  );
}
