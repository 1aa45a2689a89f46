import { CuecartError } from '../internal/errors.js';
import { loadHls, preloadHls, type HlsBuild } from './load-hls.js';
import type { EngineCallbacks, EngineStartOptions, PlaybackEngine } from './playback-engine.js';
import { hasMediaSource, needsHlsJs, progressiveMimeType, sourceKind } from './source-type.js';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The hls.js build for HLS over MSE (default `full`). */
  hlsBuild?: HlsBuild;
}

/**
 * Starts downloading what {@link createEngine} will need for `src` without waiting: hls.js and
 * Cuecart's hls.js engine for HLS over MSE, the native engine otherwise, and for any HLS source
 * the in-band carriers' parsers its cues will need (the cue store imports them on the first
 * in-band batch). Call it as soon as the source is known, before the `<video>` exists.
 */
export function prepareEngine(src: string, options: EngineOptions = {}): void {
  if (!src) return;
  if (needsHlsJs(src)) {
    preloadHls(options.hlsBuild);
    loadHlsEngine().catch(() => {});
  } else loadNativeEngine().catch(() => {});
  if (sourceKind(src) === 'hls') import('../cues/in-band-carriers.js').catch(() => {});
}

/**
 * The hls.js engine module (Cuecart's side of hls.js: config, metadata, retries, stall and
 * staleness watches), in its own chunk beside hls.js: MP4 pages and Safari never load it.
 */
function loadHlsEngine() {
  return import('./hls-engine.js');
}

/**
 * The native engine module (the `<video>` element itself, Safari's metadata tracks and program
 * date-time), in its own chunk: pages that play HLS through hls.js never load it.
 */
function loadNativeEngine() {
  return import('./native-engine.js');
}

/**
 * Loads the native engine's chunk; reports `media-load-failed` and resolves undefined when it
 * cannot be loaded (or `signal` aborted meanwhile).
 */
async function nativeEngineModule(callbacks: EngineCallbacks, signal: AbortSignal) {
  try {
    const module = await loadNativeEngine();
    return signal.aborted ? undefined : module;
  } catch (cause) {
    if (!signal.aborted) {
      callbacks.onFatalError(
        new CuecartError('media-load-failed', 'The video player could not be loaded.', { cause }),
      );
    }
    return undefined;
  }
}

/**
 * Picks and starts the engine for a source: hls.js whenever MSE exists (even where the browser
 * claims native HLS: Chromium answers "maybe" but exposes no timed metadata), native HLS only
 * without MSE, the `<video>` element for progressive files. Resolves to null when the source
 * cannot play here (after reporting `media-unsupported`) or when `signal` aborted first.
 */
export async function createEngine(
  video: HTMLVideoElement,
  src: string,
  callbacks: EngineCallbacks,
  signal: AbortSignal,
  options: EngineStartOptions & EngineOptions = {},
): Promise<PlaybackEngine | null> {
  if (sourceKind(src) === 'progressive') {
    const mime = progressiveMimeType(src);
    if (mime && video.canPlayType(mime) === '') {
      callbacks.onFatalError(
        new CuecartError('media-unsupported', `This browser cannot play ${mime} video.`),
      );
      return null;
    }
    const native = await nativeEngineModule(callbacks, signal);
    return native
      ? native.createNativeEngine(video, src, 'progressive', callbacks, {
          startPosition: options.startPosition,
        })
      : null;
  }
  if (hasMediaSource()) {
    let Hls;
    let startHlsEngine;
    try {
      [Hls, { startHlsEngine }] = await Promise.all([loadHls(options.hlsBuild), loadHlsEngine()]);
    } catch (cause) {
      if (signal.aborted) return null;
      callbacks.onFatalError(
        new CuecartError('media-load-failed', 'The streaming library could not be loaded.', {
          cause,
        }),
      );
      return null;
    }
    if (signal.aborted) return null;
    if (Hls.isSupported())
      return startHlsEngine({ Hls, CuecartError }, video, src, callbacks, options);
  }
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') {
    const native = await nativeEngineModule(callbacks, signal);
    return native
      ? native.createNativeEngine(video, src, 'native-hls', callbacks, {
          startPosition: options.startPosition,
        })
      : null;
  }
  callbacks.onFatalError(
    new CuecartError('media-unsupported', 'This browser cannot play HLS streams.'),
  );
  return null;
}
