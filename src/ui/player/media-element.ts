import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Product } from '../../commerce/product.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { CueStore } from '../../state/cue-store.js';
import { CuecartError, type CuecartErrorDetail } from '../../internal/errors.js';
import { copyEntries } from '../../internal/plain-data.js';
import { safeUrl } from '../../internal/url-policy.js';
import type { HlsSettings } from '../../player/playback-engine.js';
import { parseHlsBuild, type HlsBuild } from '../../player/hls-build.js';
import { takeEarlyEngine } from '../../player/early-engine.js';
import { createPlayerVideo, setVideoAttributes } from '../../player/player-video.js';
import { StoresController } from '../controllers/store-controller.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';
import { CueController, loadCueStore } from './cue-controller.js';
import { MediaController } from './media-controller.js';

/** Problems kept while disconnected, at most (the first ones say what went wrong). */
const MAX_UNREPORTED = 20;

/**
 * The media layer of `<cuecart-player>` (after mux-video under mux-player): a `<video>` with its
 * playback engine and its product cues, and the public API for both. The shopping layer —
 * products, cart, layout — is the player itself. Not registered as an element of its own.
 */
export abstract class CuecartMediaElement extends LitElement {
  /** Imports the cue engine's chunk (a subclass may wrap it, e.g. to hold it back in tests). */
  protected static loadCues: typeof loadCueStore = loadCueStore;

  /**
   * Engine, cues and side-car list of this element. The cue store is a chunk of its own
   * (docs/decisions/0066-cue-engine-chunk.md): what reaches it earlier waits, in order.
   */
  protected readonly cueController = new CueController(
    this,
    {
      onEnter: (cue, time) => this.cueChanged('cuecart-cue-enter', cue, time),
      onExit: (cue, time) => this.cueChanged('cuecart-cue-exit', cue, time),
      onError: (error) => this.reportError(error),
    },
    (this.constructor as typeof CuecartMediaElement).loadCues,
  );
  /** Playback: the engine for `src`, mirrored into the media store. */
  protected readonly media = new MediaController(this, {
    onError: (error) => this.reportError(error),
    metadata: this.cueController.engineMetadata,
    hlsConfig: () => this.hlsConfig,
    eager: () => String(this.loading).trim().toLowerCase() === 'eager',
  });

  private readonly unreported: CuecartError[] = [];
  private videoNode?: HTMLVideoElement;
  private readonly checkedUrls = new Map<string, unknown>();

  constructor() {
    super();
    new StoresController(this, [this.media.store, this.cueController.$cues]);
  }

  /** HLS playlist (`.m3u8`) or progressive MP4/WebM URL. */
  @property({ reflect: true }) src = '';
  /** Poster image URL. */
  @property({ reflect: true }) poster = '';
  /** Start playing as soon as possible (browsers may require `muted`). */
  @property({ type: Boolean, reflect: true }) autoplay = false;
  /**
   * Whether the sound is off: set it to mute or unmute; it follows the viewer's own mute button
   * and `M` shortcut, as `<video>.muted` does.
   */
  @property({ type: Boolean, reflect: true }) muted = false;
  /** Loop a VOD source. */
  @property({ type: Boolean, reflect: true }) loop = false;
  /**
   * `lazy` (default): no media or hls.js request until the player is near the viewport or
   * `play()` is called; `eager`: load at once (docs/decisions/0046-lazy-player-facade.md).
   */
  @property() loading: 'eager' | 'lazy' = 'lazy';
  /** hls.js build for HLS: `full` (default) or `light` (docs/decisions/0045-hls-build-attribute.md). */
  @property({ attribute: 'hls-build', converter: { fromAttribute: parseHlsBuild } })
  hlsBuild: HlsBuild = 'full';
  /** hls.js settings over Cuecart's retry policy (docs/resilience.md); read when a source starts. */
  hlsConfig?: HlsSettings;
  /** URL of a side-car cue list: JSON (`{"cues": [...]}`) or WebVTT metadata. */
  @property({ reflect: true }) cues = '';
  /** Whether the stream is live (read-only, reflected for styling). */
  @property({ type: Boolean, reflect: true, attribute: 'live' }) protected liveState = false;

  /**
   * Every product cue known so far, in timeline order (start, then id). Before the cue engine's
   * chunk has arrived (`await player.updateComplete`) it is empty: cues given until then, by the
   * host or the stream, are added, in order, when it arrives.
   */
  get cueList(): readonly ProductCue[] {
    return this.cueController.$cues.get();
  }
  /** Replaces the host-given cues: ProductCues or JSON cue-list entries (`{start, product, ...}`). */
  set cueList(entries: readonly unknown[] | undefined) {
    this.cueController.use((store) => store.removeSources(['api']));
    // Frameworks set `undefined` when a prop is removed: nothing to add then.
    if (entries !== undefined && entries !== null) this.addCues(entries);
  }

  /** The cues active on the presented frame (none before the cue engine's chunk arrives). */
  get activeCues(): readonly ProductCue[] {
    return this.cueController.$active.get();
  }

  /** Current media time in seconds; setting it seeks. */
  get currentTime(): number {
    return this.media.store.get().currentTime;
  }
  set currentTime(time: number) {
    this.media.seek(time);
  }

  /** Duration in seconds (`NaN` before metadata, `Infinity` when live). */
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

  /** The per-player media store (nanostores), for advanced hosts. */
  get mediaStore() {
    return this.media.store;
  }

  /**
   * The per-player cue store (nanostores), for advanced hosts. It is in the cue engine's chunk:
   * undefined until that has arrived (`await player.updateComplete`), or when it failed to load.
   */
  get cueStore(): CueStore | undefined {
    return this.cueController.store;
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

  /**
   * Adds cues: ProductCues or JSON cue-list entries (`{start, end?, product, ...}`). Entries that
   * cannot be read are reported (`config-invalid`) and skipped; invalid cues as `cue-invalid`.
   */
  addCues(entries: readonly unknown[]): void {
    const list = this.hostEntries('cueList', entries);
    if (list.length)
      this.cueController.use((store) => this.guard('cueList', () => store.addCues(list)));
  }

  /**
   * Also waits for the cue engine's chunk (and the render that follows it): from then on
   * `cueList`, `activeCues` and `cueStore` are the real ones. A failed chunk does not hold it up
   * (it is reported as `cues-load-failed`).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.cueController.store || !(await this.cueController.ready())) return done;
    return super.getUpdateComplete();
  }

  /**
   * The element's `<video>`, to render: the one the player loader started playback in before
   * this element was defined (its engine is taken over with it,
   * docs/decisions/0067-first-frame-before-the-player.md), else a new one.
   */
  protected get videoElement(): HTMLVideoElement {
    if (!this.videoNode) {
      const early = takeEarlyEngine(this);
      this.videoNode = early?.video ?? createPlayerVideo(this.ownerDocument);
      if (early) this.media.adopt(early);
    }
    return this.videoNode;
  }

  /** Keeps the video's poster, autoplay and loop attributes (only what changed is written). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    setVideoAttributes(this.videoElement, {
      poster: this.configUrl('poster', this.poster),
      autoplay: this.autoplay,
      loop: this.loop,
    });
  }

  /** Binds the rendered `<video>` to the engine and the cue clock (once, after first render). */
  protected attachVideo(video: HTMLVideoElement): void {
    video.muted = this.muted;
    this.cueController.attach(video);
    this.media.attach(video);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('hlsBuild')) {
      // Untrusted like `cues` and `products`: only an http(s) or relative URL reaches the video.
      this.media.setSource(this.configUrl('src', this.src), parseHlsBuild(this.hlsBuild));
      if (changed.get('src') !== undefined) this.cueController.sourceChanged();
    }
    if (changed.has('cues')) this.cueController.setSideCar(this.configUrl('cues', this.cues));
    if (changed.has('muted')) this.media.setMuted(this.muted);
    if (changed.has('autoplay') && this.autoplay && this.src) void this.media.autoplay();
    const { live } = this.media.store.get();
    if (live !== this.liveState) this.liveState = live;
  }

  /** Stops following the media store's mute state (set while connected). */
  private unfollowMuted?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // The viewer (un)muted through the controls or a shortcut: the property follows the video.
    this.unfollowMuted ??= this.media.store.listen((state, old) => {
      if (state.muted !== old?.muted && state.muted !== this.muted) this.muted = state.muted;
    });
    // Problems found while the element was not in the page (attributes parsed before it was
    // inserted) are told once the page can hear them.
    for (const error of this.unreported.splice(0)) this.reportError(error);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollowMuted?.();
    this.unfollowMuted = undefined;
  }

  /** Reports a failure as `cuecart-error` (held until connected). */
  protected reportError(error: CuecartError): void {
    if (!this.isConnected) {
      if (this.unreported.length < MAX_UNREPORTED) this.unreported.push(error);
      return;
    }
    dispatchCuecartEvent(this, 'cuecart-error', error.toDetail());
  }

  /** Reports invalid configuration as `config-invalid`, naming the attribute or property. */
  protected reportConfig(name: string, problems: readonly string[]): void {
    if (!problems.length) return;
    const list = problems.slice(0, 5).join('; ') + (problems.length > 5 ? '; …' : '');
    this.reportError(new CuecartError('config-invalid', `Ignored invalid ${name}: ${list}.`));
  }

  /** A URL attribute's value when the URL policy allows it, else '' (reported). */
  protected configUrl(name: string, value: unknown): string {
    if (value === '' || value === undefined || value === null) return '';
    const url = safeUrl(value) ?? '';
    // Read again on every update; reported once per value.
    if (!url && this.checkedUrls.get(name) !== value) {
      this.reportConfig(name, ['only http(s) and relative URLs are loaded']);
    }
    this.checkedUrls.set(name, value);
    return url;
  }

  /** A host-given list as plain data, unreadable entries reported and left out. */
  protected hostEntries(name: string, value: unknown): unknown[] {
    const { entries, problems } = copyEntries(value);
    this.reportConfig(name, problems);
    return entries;
  }

  /** Runs `work` on host-given data; whatever it throws is reported, never thrown to the host. */
  protected guard(name: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.reportConfig(name, [error instanceof Error ? error.message : 'unreadable value']);
    }
  }

  /** The product a cue features, for the cue events (the shopping layer knows products). */
  protected abstract productFor(cue: ProductCue): Product | null;

  /** A cue entered or left the presented frame: tells the page. */
  protected cueChanged(
    type: 'cuecart-cue-enter' | 'cuecart-cue-exit',
    cue: ProductCue,
    time: number,
  ): void {
    dispatchCuecartEvent(this, type, { cue, time, product: this.productFor(cue) });
  }
}
