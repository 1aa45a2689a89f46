import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { CuecartError, CuecartErrorDetail } from '../../internal/errors.js';
import { StoreController } from '../controllers/store-controller.js';
import { MediaController } from './media-controller.js';
import { CueController } from './cue-controller.js';
import type { ProductCue } from '../../cues/product-cue.js';
import { playerStyles } from './cuecart-player.styles.js';

const SEEK_STEP = 5;

/**
 * The shoppable video player. Plays HLS (hls.js, lazily loaded; native HLS only without MSE) or
 * a progressive file, and shows errors inside itself instead of breaking the page.
 *
 * @summary Shoppable video player.
 * @csspart stage - The focusable box around the video and overlays.
 * @csspart video - The `<video>` element.
 * @csspart error - The error message shown when playback fails.
 * @csspart controls - The control bar element (its own parts are exported as `controls-*`).
 * @cssproperty --cuecart-aspect-ratio - Reserved aspect ratio (default 16 / 9).
 * @cssproperty --cuecart-video-bg - Background behind the video.
 * @cssproperty --cuecart-object-fit - How the video fills the box (default contain).
 * @fires cuecart-error - Detail `{ code, message, cause }`; see docs/errors.md.
 */
export class CuecartPlayer extends LitElement {
  static override styles = playerStyles;
  /** The tag this class is registered under by `cuecart/define`. */
  static readonly tagName = 'cuecart-player';

  private readonly cueController = new CueController(this, {
    onEnter: (cue, time) => this.emit('cuecart-cue-enter', { cue, time }),
    onExit: (cue, time) => this.emit('cuecart-cue-exit', { cue, time }),
    onError: (error) => this.reportError(error),
  });
  private readonly media = new MediaController(this, {
    onError: (error) => this.reportError(error),
    metadata: this.cueController.engineMetadata,
  });
  private readonly mediaState = new StoreController(this, this.media.store);

  @query('video') private video!: HTMLVideoElement;

  /** HLS playlist (`.m3u8`) or progressive MP4/WebM URL. */
  @property({ reflect: true }) src = '';
  /** Poster image URL. */
  @property({ reflect: true }) poster = '';
  /** Start playing as soon as possible (browsers may require `muted`). */
  @property({ type: Boolean, reflect: true }) autoplay = false;
  /** Start muted. */
  @property({ type: Boolean, reflect: true }) muted = false;
  /** Loop a VOD source. */
  @property({ type: Boolean, reflect: true }) loop = false;
  /** URL of a side-car cue list: JSON (`{"cues": [...]}`) or WebVTT metadata. */
  @property({ reflect: true }) cues = '';
  /** Whether the stream is live (read-only, reflected for styling). */
  @property({ type: Boolean, reflect: true, attribute: 'live' }) protected liveState = false;

  /** Current media time in seconds; setting it seeks. */
  get currentTime(): number {
    return this.media.store.get().currentTime;
  }
  set currentTime(time: number) {
    this.media.seek(time);
  }

  /** Duration in seconds (`NaN` before metadata; live streams report their window). */
  get duration(): number {
    return this.media.store.get().duration;
  }

  /** Whether playback is paused. */
  get paused(): boolean {
    return this.media.store.get().paused;
  }

  /** Whether the source is a live stream. */
  get live(): boolean {
    return this.media.store.get().live;
  }

  /** The engine playing the current source: `hls.js`, `native-hls`, `progressive`, or null. */
  get engine(): string | null {
    return this.media.engineKind;
  }

  /** The fatal playback error currently shown, if any. */
  get error(): CuecartErrorDetail | null {
    return this.media.store.get().error;
  }

  /** Every product cue known so far, in timeline order (start, then id). */
  get cueList(): readonly ProductCue[] {
    return this.cueController.store.$cues.get();
  }
  /** Replaces the host-given cues: ProductCues or JSON cue-list entries (`{start, product, ...}`). */
  set cueList(entries: readonly unknown[]) {
    const store = this.cueController.store;
    for (const cue of store.$cues.get()) if (cue.source === 'api') store.timeline.remove(cue.id);
    store.addCues(entries);
  }

  /** The cues active on the presented frame. */
  get activeCues(): readonly ProductCue[] {
    return this.cueController.store.$active.get();
  }

  /** Adds cues: ProductCues or JSON cue-list entries (`{start, end?, product, ...}`). */
  addCues(entries: readonly unknown[]): void {
    this.cueController.store.addCues(entries);
  }

  /** The per-player cue store (nanostores), for advanced hosts. */
  get cueStore() {
    return this.cueController.store;
  }

  /** The per-player media store (nanostores), for advanced hosts. */
  get mediaStore() {
    return this.media.store;
  }

  /** Starts playback. Resolves even when the browser's autoplay policy refuses. */
  play(): Promise<void> {
    return this.media.play();
  }

  /** Pauses playback. */
  pause(): void {
    this.media.pause();
  }

  /** Jumps to the live edge of a live stream. */
  seekToLive(): void {
    this.media.goToLive();
  }

  protected override firstUpdated(): void {
    this.video.muted = this.muted;
    this.cueController.attach(this.video);
    this.media.attach(this.video);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      this.media.setSource(this.src);
      if (changed.get('src') !== undefined) this.cueController.sourceChanged();
    }
    if (changed.has('cues')) this.cueController.setSideCar(this.cues);
    if (changed.has('muted')) this.media.setMuted(this.muted);
    if (changed.has('autoplay') && this.autoplay && this.src) void this.media.play();
    const { live, liveWindowStart, currentTime } = this.mediaState.value;
    if (live !== this.liveState) this.liveState = live;
    // A viewer behind the window (paused, time-shifted) keeps the cues they can still reach.
    if (live && liveWindowStart != null) {
      this.cueController.liveWindowStart(Math.min(liveWindowStart, currentTime));
    }
  }

  private emit<K extends keyof CuecartPlayerEventMap>(type: K, detail: CuecartPlayerEventMap[K]['detail']) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private reportError(error: CuecartError) {
    this.emit('cuecart-error', error.toDetail());
  }

  private onKeydown(event: KeyboardEvent) {
    const origin = event.composedPath()[0];
    if (
      event.defaultPrevented ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      (origin instanceof HTMLElement && origin.closest('input, select, textarea, button, a, [role="dialog"]'))
    ) {
      return;
    }
    const state = this.mediaState.value;
    const handled = (() => {
      switch (event.key) {
        case ' ':
        case 'k':
          void (state.paused ? this.play() : this.pause());
          return true;
        case 'ArrowLeft':
          this.media.seek(state.currentTime - SEEK_STEP);
          return true;
        case 'ArrowRight':
          this.media.seek(state.currentTime + SEEK_STEP);
          return true;
        case 'm':
          this.media.setMuted(!state.muted);
          return true;
        case 'f':
          void this.toggleFullscreen(!state.fullscreen);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  }

  private async toggleFullscreen(on: boolean) {
    try {
      if (on) await this.requestFullscreen();
      else if (this.ownerDocument.fullscreenElement === this) await this.ownerDocument.exitFullscreen();
    } catch {
      // Full screen can be refused (iframe without allowfullscreen); nothing to undo.
    }
  }

  override render() {
    const state = this.mediaState.value;
    return html`
      <div
        class="stage"
        part="stage"
        tabindex="0"
        role="region"
        aria-label="Video player"
        @keydown=${this.onKeydown}
        @cuecart-request-play=${() => this.play()}
        @cuecart-request-pause=${() => this.pause()}
        @cuecart-request-mute=${(e: CustomEvent<{ muted: boolean }>) => this.media.setMuted(e.detail.muted)}
        @cuecart-request-seek=${(e: CustomEvent<{ time: number }>) => this.media.seek(e.detail.time)}
        @cuecart-request-live=${() => this.media.goToLive()}
        @cuecart-request-fullscreen=${(e: CustomEvent<{ fullscreen: boolean }>) =>
          this.toggleFullscreen(e.detail.fullscreen)}
      >
        <video
          part="video"
          playsinline
          crossorigin="anonymous"
          preload="metadata"
          poster=${this.poster || nothing}
          ?autoplay=${this.autoplay}
          ?loop=${this.loop}
        ></video>
        ${state.waiting && !state.error ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
        ${state.error
          ? html`<div class="error" part="error" role="alert"><p>${state.error.message}</p></div>`
          : html`<cuecart-controls
              part="controls"
              exportparts="bar: controls-bar, button: controls-button, seek: controls-seek, time: controls-time"
              .paused=${state.paused}
              .muted=${state.muted}
              .currentTime=${state.currentTime}
              .duration=${state.duration}
              .seekableStart=${state.seekableStart}
              .live=${state.live}
              .atLiveEdge=${state.atLiveEdge}
              .fullscreen=${state.fullscreen}
              .fullscreenEnabled=${this.ownerDocument.fullscreenEnabled}
            ></cuecart-controls>`}
      </div>
    `;
  }
}

/** Detail of `cuecart-cue-enter` / `cuecart-cue-exit`. */
export interface CueEventDetail {
  /** The cue that entered or left. */
  cue: ProductCue;
  /** Media time of the presented frame at which it happened (NaN when playback was torn down). */
  time: number;
}

/** Every event `<cuecart-player>` dispatches, by type. */
export interface CuecartPlayerEventMap {
  'cuecart-cue-enter': CustomEvent<CueEventDetail>;
  'cuecart-cue-exit': CustomEvent<CueEventDetail>;
  'cuecart-error': CustomEvent<CuecartErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-player': CuecartPlayer;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CuecartPlayerEventMap {}
}
