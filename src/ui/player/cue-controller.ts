import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CuecartError } from '../../internal/errors.js';
import type { ProductCue } from '../../cues/product-cue.js';
import { createVideoFrameClock, type VideoFrameClock } from '../../player/frame-clock.js';
import type { EngineCallbacks } from '../../player/playback-engine.js';
import { createCueStore, type CueStore } from '../../state/cue-store.js';
import type { NativeMetadataCue } from '../../cues/native-metadata.js';

/** What the cue controller reports to its player. */
export interface CueControllerOptions {
  onEnter(cue: ProductCue, mediaTime: number): void;
  onExit(cue: ProductCue, mediaTime: number): void;
  onError(error: CuecartError): void;
}

/**
 * Connects one player's `<video>` and playback engine to its cue store: engine metadata in,
 * presented frames as the clock, the `cues` side-car URL, live-window pruning.
 */
export class CueController implements ReactiveController {
  /** The player's cues. */
  readonly store: CueStore;
  private video?: HTMLVideoElement;
  private clock?: VideoFrameClock;
  private sideCarUrl = '';
  private sideCarAbort?: AbortController;
  private trackAbort = new AbortController();
  private connected = false;

  /** Engine callbacks that feed timed metadata into the store. */
  readonly engineMetadata: Pick<
    EngineCallbacks,
    'onMetadataSamples' | 'onDateRanges' | 'onMetadataTrack' | 'onProgramDateTime'
  > = {
    onMetadataSamples: (samples, carrier) => this.store.addMetadataSamples(samples, carrier),
    onDateRanges: (ranges) => this.store.addDateRanges(ranges),
    onMetadataTrack: (track) => this.watchTrack(track),
    onProgramDateTime: (update) => this.store.setProgramDateTime(update),
  };

  constructor(host: ReactiveControllerHost, options: CueControllerOptions) {
    this.store = createCueStore({
      onEnter: options.onEnter,
      onExit: options.onExit,
      onError: options.onError,
    });
    host.addController(this);
  }

  /** Binds the player's `<video>` (called once it is rendered). */
  attach(video: HTMLVideoElement): void {
    this.video = video;
    if (this.connected) this.startClock();
  }

  /** The source changed: forget its cues (side-car cues are reloaded for the new source). */
  sourceChanged(): void {
    this.trackAbort.abort();
    this.trackAbort = new AbortController();
    this.store.clear();
    if (this.sideCarUrl) this.loadSideCar(this.sideCarUrl);
  }

  /** Sets the side-car cue list URL ('' for none). */
  setSideCar(url: string): void {
    if (url === this.sideCarUrl) return;
    this.sideCarUrl = url;
    this.sideCarAbort?.abort();
    this.sideCarAbort = undefined;
    // Only the old list's cues go: stream cues and host-given cues stay.
    this.store.removeSources(['json', 'webvtt']);
    if (url && this.connected) this.loadSideCar(url);
  }

  /** The live window moved: forget cues that ended before it. */
  liveWindowStart(time: number): void {
    this.store.prune(time);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.video) this.startClock();
    if (this.sideCarUrl && !this.sideCarAbort) this.loadSideCar(this.sideCarUrl);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.store.detachClock();
    this.clock?.dispose();
    this.clock = undefined;
    this.sideCarAbort?.abort();
    this.sideCarAbort = undefined;
    this.trackAbort.abort();
    this.trackAbort = new AbortController();
  }

  private startClock() {
    if (!this.video || this.clock) return;
    this.clock = createVideoFrameClock(this.video);
    this.store.attachClock(this.clock);
  }

  private loadSideCar(url: string) {
    this.sideCarAbort?.abort();
    const abort = new AbortController();
    this.sideCarAbort = abort;
    void this.store.loadSideCar(url, abort.signal);
  }

  private watchTrack(track: TextTrack) {
    const read = () => {
      if (track.cues)
        this.store.addNativeCues(track.cues as unknown as ArrayLike<NativeMetadataCue>);
    };
    track.addEventListener('cuechange', read, { signal: this.trackAbort.signal });
    read();
  }
}
