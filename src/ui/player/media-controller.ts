import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapStore } from 'nanostores';
import { CuecartError } from '../../internal/errors.js';
import { createEngine, prepareEngine } from '../../player/create-engine.js';
import { needsHlsJs } from '../../player/source-type.js';
import type { EarlyEngine } from '../../player/early-engine.js';
import { prefetchPlaylist, takePrefetchedPlaylist } from '../../player/playlist-prefetch.js';
import type { HlsBuild } from '../../player/hls-build.js';
import { isEager, isMarkedNear, markNear, whenNearViewport } from '../../facade/near-viewport.js';
import type { EngineCallbacks, HlsSettings, PlaybackEngine } from '../../player/playback-engine.js';
import { createMediaStore, initialMediaState, type MediaState } from '../../state/media-store.js';

/** Seconds behind the live edge that still count as "live". */
const LIVE_EDGE_TOLERANCE = 3;

const VIDEO_EVENTS = [
  'play',
  'pause',
  'playing',
  'waiting',
  'seeking',
  'seeked',
  'timeupdate',
  'durationchange',
  'loadedmetadata',
  'progress',
  'volumechange',
  'ended',
  'emptied',
] as const;

/** What the media controller needs from the player besides the `<video>`. */
export interface MediaControllerOptions {
  /** Receives fatal playback errors (the player shows them and dispatches `cuecart-error`). */
  onError(error: CuecartError): void;
  /** Timed metadata from the engine, for the cue engine. */
  metadata: Pick<EngineCallbacks, 'onMetadataSamples' | 'onDateRanges' | 'onMetadataTrack'>;
  /** hls.js settings the host gave (the player's `hlsConfig`), read when an engine starts. */
  hlsConfig?: () => HlsSettings | undefined;
  /** Whether the player loads at once (`loading="eager"`); default: the host's attribute. */
  eager?: () => boolean;
}

/** Dispatched (bubbling, composed) by the error message's "Try again" button; the player retries. */
export const REQUEST_RETRY_EVENT = 'cuecart-request-retry';

/**
 * Owns one player's playback: starts the right engine for `src`, mirrors the `<video>` into the
 * media store, retries on request after a fatal error, and tears everything down on disconnect
 * or source change. A disconnect followed by a connect in the same task (the host moving the
 * player in the DOM) keeps playback as it was.
 */
export class MediaController implements ReactiveController {
  /** Per-player media state. */
  readonly store: MapStore<MediaState> = createMediaStore();
  private video?: HTMLVideoElement;
  private engine: PlaybackEngine | null = null;
  /** An engine the player loader started on this player's `<video>`, until it is taken over. */
  private early?: EarlyEngine;
  private src = '';
  private hlsBuild: HlsBuild = 'full';
  private loadAbort?: AbortController;
  private listenAbort?: AbortController;
  private connected = false;
  /** Whether the current source has been live (so its end is "the show has ended"). */
  private wasLive = false;
  private stale = false;
  /**
   * Whether the viewer (or the host) asked to play. Attaching a source runs the media element's
   * load algorithm, which resets `paused` and rejects pending play() calls, so a play() made
   * before the engine is attached is replayed once it is.
   */
  private playIntent = false;
  /**
   * Whether the lazy-loading gate is open: the player is (or was) near the viewport, loads
   * eagerly, or the viewer asked to play. Until then no media or hls.js request is made
   * (`loading="lazy"`, the default; see docs/decisions/0046-lazy-player-facade.md).
   */
  private nearViewport = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MediaControllerOptions,
  ) {
    host.addController(this);
  }

  /** The engine currently playing, for tests and diagnostics. */
  get engineKind(): PlaybackEngine['kind'] | null {
    return this.engine?.kind ?? null;
  }

  /**
   * Takes over an engine the player loader started before the player was defined (on the video
   * {@link attach} will bind): the first start plays on with it when it plays the same source,
   * build and `hlsConfig`, and replaces it otherwise.
   */
  adopt(early: EarlyEngine): void {
    this.early = early;
  }

  /** Binds the player's `<video>` (called once it is rendered). */
  attach(video: HTMLVideoElement): void {
    this.video = video;
    if (this.connected) this.listen();
    if (this.connected && this.src) this.start();
  }

  /**
   * Switches to a new source ('' unloads) or hls.js build. Safe to call before the video is
   * rendered: what the engine will need (the hls.js chunk) starts downloading at once.
   */
  setSource(src: string, hlsBuild: HlsBuild = 'full'): void {
    const same = src === this.src && hlsBuild === this.hlsBuild;
    if (same && (this.engine || this.loadAbort)) return;
    this.src = src;
    this.hlsBuild = hlsBuild;
    // An engine already started (for this source, as `start` checks) has its chunks and playlist.
    if (this.connected && this.mayLoad() && !this.early) this.prepare(src, hlsBuild);
    this.stop();
    this.store.set({ ...initialMediaState(), src, muted: this.store.get().muted });
    if (this.video && this.connected && src) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    if (!this.video) return;
    this.listen();
    if (this.src && !this.engine && !this.loadAbort) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    // Moving an element disconnects and reconnects it within one task; tearing down here would
    // restart the stream from scratch. The media element itself keeps playing across a move
    // (HTML: it pauses on removal only if still disconnected after a stable state).
    queueMicrotask(() => {
      if (this.connected) return;
      this.stop();
      this.early?.destroy();
      this.early = undefined;
      this.listenAbort?.abort();
      this.listenAbort = undefined;
    });
  }

  /**
   * Starts the current source again after a fatal error (the "Try again" button): a VOD resumes
   * where it stopped, a live stream at its live edge.
   */
  retry(): void {
    const { src, live, currentTime, muted } = this.store.get();
    if (!src) return;
    const resumeAt = !live && currentTime > 0 ? currentTime : undefined;
    this.stop();
    this.store.set({ ...initialMediaState(), src, muted });
    if (this.video && this.connected) this.start(resumeAt);
  }

  /**
   * Autoplay (the `autoplay` attribute): plays once the media may load — at once for a player in
   * or near the viewport, when a lazy one approaches it. Unlike {@link play}, it does not load a
   * far-away lazy player.
   */
  autoplay(): Promise<void> {
    if (this.nearViewport || this.isEager()) return this.play();
    this.playIntent = true;
    return Promise.resolve();
  }

  /**
   * Plays; a rejected autoplay is not an error (the shopper presses play). A call is a request to
   * watch: a lazy player far from the viewport loads now.
   */
  async play(): Promise<void> {
    this.playIntent = true;
    if (!this.nearViewport) {
      this.nearViewport = true;
      markNear(this.host);
      if (this.video && this.connected && this.src) {
        this.stop();
        this.start();
      }
    }
    if (!this.video || !this.engine) return;
    if (this.store.get().ended) this.video.currentTime = 0;
    try {
      await this.video.play();
    } catch {
      // Autoplay policies reject play() without a gesture; the paused state already shows it.
    }
  }

  /** Pauses playback. */
  pause(): void {
    this.playIntent = false;
    this.video?.pause();
  }

  /** Seeks to a media time, clamped to the seekable range. */
  seek(time: number): void {
    if (!this.video || !Number.isFinite(time)) return;
    const { seekableStart, seekableEnd } = this.store.get();
    const end = seekableEnd > seekableStart ? seekableEnd : time;
    this.video.currentTime = Math.min(Math.max(time, seekableStart), end);
  }

  /** Jumps to the live edge of a live stream. */
  goToLive(): void {
    const edge = this.engine?.liveEdge();
    if (edge != null && this.video) {
      this.video.currentTime = edge;
      void this.play();
    }
  }

  /** Mutes or unmutes. */
  setMuted(muted: boolean): void {
    if (this.video) this.video.muted = muted;
    this.store.setKey('muted', muted);
  }

  /**
   * Starts downloading what playing `src` will need — the hls.js chunk and, for HLS over MSE,
   * the playlist itself (unless the player loader already requested it) — without waiting.
   */
  private prepare(src: string, hlsBuild: HlsBuild): void {
    prepareEngine(src, { hlsBuild });
    if (src && needsHlsJs(src)) prefetchPlaylist(this.host, src);
  }

  private isEager(): boolean {
    return this.options.eager ? this.options.eager() : isEager(this.host);
  }

  /**
   * Whether media may be requested now: near the viewport, eager (`loading`, read at call
   * time), or marked near by the player loader.
   */
  private mayLoad(): boolean {
    if (!this.nearViewport && (this.isEager() || isMarkedNear(this.host))) this.nearViewport = true;
    return this.nearViewport;
  }

  private start(startPosition?: number): void {
    const video = this.video;
    if (!video) return;
    const abort = new AbortController();
    this.loadAbort = abort;
    this.wasLive = false;
    this.stale = false;
    if (!this.mayLoad()) {
      // Lazy: wait until the player approaches the viewport (or play() is called).
      whenNearViewport(this.host, abort.signal, () => {
        if (this.loadAbort !== abort) return;
        this.nearViewport = true;
        this.loadAbort = undefined;
        this.start(startPosition);
      });
      return;
    }
    const callbacks: EngineCallbacks = {
      ...this.options.metadata,
      onFatalError: (error) => {
        if (abort.signal.aborted) return;
        this.store.setKey('error', error.toDetail());
        this.options.onError(error);
      },
      onLiveChange: (live) => {
        if (abort.signal.aborted) return;
        if (live) this.wasLive = true;
        this.store.setKey('live', live);
        this.sync();
      },
      onStreamStale: (stale) => {
        if (abort.signal.aborted) return;
        this.stale = stale;
        this.sync();
      },
      onSegmentSkipped: (segment) => {
        if (abort.signal.aborted) return;
        this.options.onError(
          new CuecartError(
            'media-segment-skipped',
            `A part of the video could not be loaded; ${segment.duration.toFixed(1)} s from ${segment.start.toFixed(1)} s were skipped.`,
            { cause: segment },
          ),
        );
      },
    };
    const hlsConfig = this.options.hlsConfig?.();
    const early = this.early;
    this.early = undefined;
    let engine: Promise<PlaybackEngine | null>;
    // Only a first start has one (a retry, which resumes at a position, never does).
    if (early?.matches(this.src, this.hlsBuild, hlsConfig)) {
      // The loader's engine on this very video: its reports so far arrive now, in order.
      early.connect(callbacks);
      engine = early.engine;
    } else {
      early?.destroy();
      const options = {
        hlsConfig,
        startPosition,
        hlsBuild: this.hlsBuild,
        prefetchedPlaylist: takePrefetchedPlaylist(this.host, this.src),
      };
      engine = createEngine(video, this.src, callbacks, abort.signal, options);
    }
    engine.then(
      (engine) => {
        if (abort.signal.aborted) {
          engine?.destroy();
          return;
        }
        this.engine = engine;
        if (engine && this.playIntent) void this.play();
      },
      (cause: unknown) => {
        if (abort.signal.aborted) return;
        callbacks.onFatalError(
          new CuecartError('media-load-failed', 'The video could not be started.', { cause }),
        );
      },
    );
  }

  private stop(): void {
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.engine?.destroy();
    this.engine = null;
  }

  private listen(): void {
    const video = this.video;
    if (!video || this.listenAbort) return;
    this.listenAbort = new AbortController();
    const { signal } = this.listenAbort;
    for (const type of VIDEO_EVENTS)
      video.addEventListener(type, () => this.sync(type), { signal });
    this.host.addEventListener(REQUEST_RETRY_EVENT, () => this.retry(), { signal });
    const doc = this.host.ownerDocument;
    doc.addEventListener(
      'fullscreenchange',
      () => this.store.setKey('fullscreen', doc.fullscreenElement === this.host),
      { signal },
    );
    this.sync();
  }

  private sync(type?: string): void {
    const video = this.video;
    if (!video) return;
    const state = this.store.get();
    const seekable = video.seekable;
    const hasSeekable = seekable.length > 0;
    const seekableStart = hasSeekable ? seekable.start(0) : 0;
    const seekableEnd = hasSeekable ? seekable.end(seekable.length - 1) : 0;
    const edge = state.live ? (this.engine?.liveEdge() ?? seekableEnd) : null;
    const waiting =
      type === 'waiting' ? true : type === 'playing' || type === 'pause' ? false : state.waiting;
    this.store.set({
      ...state,
      paused: video.paused,
      muted: video.muted,
      currentTime: video.currentTime,
      duration: video.duration,
      seekableStart,
      seekableEnd,
      liveWindowStart: state.live ? (this.engine?.liveWindowStart() ?? null) : null,
      waiting,
      ended: video.ended,
      reconnecting: state.live && this.stale && !state.error,
      showEnded: this.wasLive && !state.live && video.ended,
      atLiveEdge:
        state.live &&
        !video.paused &&
        edge != null &&
        video.currentTime >= edge - LIVE_EDGE_TOLERANCE,
    });
  }
}
