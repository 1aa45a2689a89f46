import { safeUrl } from '../internal/url-policy.js';
import { startEarlyEngine, type StartEngine } from '../player/early-engine.js';
import { openEarlyMediaSource, releaseEarlyMediaSource } from '../player/early-media-source.js';
import { parseHlsBuild, type HlsBuild } from '../player/hls-build.js';
import type { HlsSettings } from '../player/playback-engine.js';
import { createPlayerVideo, setVideoAttributes } from '../player/player-video.js';
import { takePrefetchedPlaylist } from '../player/playlist-prefetch.js';
import { needsHlsJs } from '../player/source-type.js';

/** `HTMLMediaElement.HAVE_CURRENT_DATA`. */
const HAVE_CURRENT_DATA = 2;
/**
 * After `canplay`, how long an autoplaying video gets to present its first frame before the wait
 * ends anyway (autoplay refused: no frame is presented while the poster shows).
 */
const AUTOPLAY_GRACE_MS = 250;

/**
 * Loads what the loader's early playback needs for an hls.js build — hls.js and Cuecart's hls.js
 * engine — and resolves with the function that starts the engine, or undefined when hls.js cannot
 * play in this browser (the player then starts its own engine, with its fallbacks). Rejects when
 * either could not be loaded. One per build flavour: the ES-module loaders import chunks
 * (`load-module-engine.ts`), the classic loader adds classic scripts (`load-classic-engine.ts`).
 */
export type LoadEarlyEngine = (hlsBuild: HlsBuild) => Promise<StartEngine | undefined>;

/** A player's playback started by the loader: {@link startEarlyPlayback}. */
export interface EarlyPlayback {
  /**
   * Resolves once the video has presented its first frame (autoplay) or has one to show (no
   * autoplay), when playback cannot start, or at once when the player got defined first (it then
   * starts its own). Never rejects.
   */
  firstFrame: Promise<void>;
}

/**
 * Starts an activated player's HLS playback (over MSE) before `<cuecart-player>` is defined. The
 * player's `<video>` is created at once, off the page, with a MediaSource opening on it while
 * hls.js downloads (`player/early-media-source.ts`,
 * docs/decisions/0079-media-source-opened-before-hls-js.md). Once `loadEngine` has brought hls.js
 * and Cuecart's hls.js engine — unless the player was defined meanwhile or hls.js cannot play
 * here, which releases the MediaSource — the video is handed to `show` (the facade shows it) and
 * the engine starts on it, taking the MediaSource and the playlist the loader requested. The
 * player takes both over when it upgrades (`player/early-engine.ts`,
 * docs/decisions/0067-first-frame-before-the-player.md).
 * Returns undefined (and starts nothing) for any other source or a source the URL policy refuses.
 */
export function startEarlyPlayback(
  player: HTMLElement,
  show: (video: HTMLVideoElement) => void,
  loadEngine: LoadEarlyEngine,
): EarlyPlayback | undefined {
  const src = safeUrl(player.getAttribute('src'));
  if (!src || !needsHlsJs(src)) return undefined;
  const hlsBuild = parseHlsBuild(player.getAttribute('hls-build'));
  const ready = loadEngine(hlsBuild);
  const video = createPlayerVideo(player.ownerDocument);
  const mediaSource = openEarlyMediaSource(video);
  const release = () => mediaSource && releaseEarlyMediaSource(video, mediaSource);
  const firstFrame = ready.then(
    (start) => {
      // Defined meanwhile (the viewer pressed a key, or the wait ran out): the player starts.
      if (!start || player.matches(':defined')) return release();
      setVideoAttributes(video, {
        poster: safeUrl(player.getAttribute('poster')) ?? '',
        autoplay: player.hasAttribute('autoplay'),
        loop: player.hasAttribute('loop'),
      });
      video.muted = player.hasAttribute('muted');
      let failed!: () => void;
      const failure = new Promise<void>((resolve) => (failed = resolve));
      const early = startEarlyEngine(
        player,
        video,
        {
          src,
          hlsBuild,
          ready,
          hlsConfig: () => (player as { hlsConfig?: HlsSettings }).hlsConfig,
          startOptions: () => ({
            prefetchedPlaylist: takePrefetchedPlaylist(player, src),
            mediaSource,
          }),
          onFatalError: () => failed(),
        },
        start,
      );
      if (!early) return release();
      show(video);
      const engineFailed = early.engine.then((engine) => {
        // Only an hls.js engine takes the MediaSource (and releases it when it could not).
        if (engine?.kind !== 'hls.js') release();
        return engine ? new Promise<void>(() => {}) : undefined;
      });
      return Promise.race([firstFrameOf(video), failure, engineFailed]);
    },
    // The engine would report it; the player, defined now, will.
    () => release(),
  );
  return { firstFrame };
}

/** Resolves at `video`'s first presented frame (autoplay) or first decoded one, or its error. */
function firstFrameOf(video: HTMLVideoElement): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => resolve();
    video.addEventListener('error', done, { once: true });
    if (!video.autoplay) {
      if (video.readyState >= HAVE_CURRENT_DATA) done();
      else video.addEventListener('loadeddata', done, { once: true });
      return;
    }
    if (typeof video.requestVideoFrameCallback === 'function') {
      video.requestVideoFrameCallback(done);
      video.addEventListener('canplay', () => setTimeout(done, AUTOPLAY_GRACE_MS), {
        once: true,
      });
    } else video.addEventListener('playing', done, { once: true });
  });
}
