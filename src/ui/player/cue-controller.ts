import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { atom } from 'nanostores';
import { CuecartError } from '../../internal/errors.js';
import type { ProductCue } from '../../cues/product-cue.js';
import type { createVideoFrameClock, VideoFrameClock } from '../../player/frame-clock.js';
import type { EngineCallbacks } from '../../player/playback-engine.js';
import type { createCueStore, CueStore } from '../../state/cue-store.js';
import type { NativeMetadataCue } from '../../cues/native-metadata.js';

/** What the cue engine's chunk gives the controller. */
export interface CueEngine {
  createCueStore: typeof createCueStore;
  createVideoFrameClock: typeof createVideoFrameClock;
}

/**
 * Imports the cue engine's chunk — the cue store, timeline, scheduler, the JSON and payload
 * parsers and the video frame clock that drives them (one file: `rollup.config.mjs` names them
 * one chunk) — once: the module map shares one download, so the player loader's early request
 * (`prefetchPlayerChunks`) and this import are one (docs/decisions/0066-cue-engine-chunk.md).
 */
export async function loadCueStore(): Promise<CueEngine> {
  const [{ createCueStore }, { createVideoFrameClock }] = await Promise.all([
    import('../../state/cue-store.js'),
    import('../../player/frame-clock.js'),
  ]);
  return { createCueStore, createVideoFrameClock };
}

/** What the cue controller reports to its player. */
export interface CueControllerOptions {
  onEnter(cue: ProductCue, mediaTime: number): void;
  onExit(cue: ProductCue, mediaTime: number): void;
  onError(error: CuecartError): void;
}

/**
 * Connects one player's `<video>` and playback engine to its cue store: engine metadata in,
 * presented frames as the clock, the `cues` side-car URL, live-window pruning.
 *
 * The store's code is a chunk of its own, requested when the controller is constructed (the
 * loader has usually requested it already, with the shell). Until it arrives, everything given
 * to the store — engine metadata batches, program date-time updates, host cues, side-car and
 * source changes, prunes — waits in one queue, in call order, and is applied when it arrives,
 * right after the store has attached the frame clock (so a cue whose start has passed enters
 * at once, as a late addition does). {@link $cues} and {@link $active} mirror the store's (empty
 * until then). A chunk that fails to load is reported once as `cues-load-failed`; the waiting
 * work is dropped and playback goes on without cues.
 */
export class CueController implements ReactiveController {
  /** The player's cue store, once its chunk has arrived. */
  store?: CueStore;
  private engine?: CueEngine;
  /** Every known cue, in timeline order: the store's, or empty before it arrives. */
  readonly $cues = atom<readonly ProductCue[]>([]);
  /** The cues active on the presented frame: the store's, or empty before it arrives. */
  readonly $active = atom<readonly ProductCue[]>([]);
  private video?: HTMLVideoElement;
  private clock?: VideoFrameClock;
  private sideCarUrl = '';
  private sideCarAbort?: AbortController;
  private trackAbort = new AbortController();
  private connected = false;
  private failed = false;
  private waiting: Array<(store: CueStore) => void> = [];
  private readonly loaded: Promise<CueStore | undefined>;

  /** Engine callbacks that feed timed metadata into the store (queued until it arrives). */
  readonly engineMetadata: Pick<
    EngineCallbacks,
    'onMetadataSamples' | 'onDateRanges' | 'onMetadataTrack' | 'onProgramDateTime'
  > = {
    onMetadataSamples: (samples, carrier) =>
      this.use((store) => store.addMetadataSamples(samples, carrier)),
    onDateRanges: (ranges) => this.use((store) => store.addDateRanges(ranges)),
    onMetadataTrack: (track) => this.watchTrack(track),
    onProgramDateTime: (update) => this.use((store) => store.setProgramDateTime(update)),
  };

  constructor(
    host: ReactiveControllerHost,
    options: CueControllerOptions,
    load: typeof loadCueStore = loadCueStore,
  ) {
    host.addController(this);
    this.loaded = load().then(
      (engine) => this.create(engine, options),
      (cause: unknown) => {
        this.failed = true;
        this.waiting = [];
        options.onError(
          new CuecartError(
            'cues-load-failed',
            'The product cues could not be read: a part of the player could not be loaded.',
            { cause },
          ),
        );
        return undefined;
      },
    );
  }

  /** Resolves with the store once its chunk has arrived, or undefined when it failed to load. */
  ready(): Promise<CueStore | undefined> {
    return this.loaded;
  }

  /**
   * Runs `work` with the store: now when it exists, else as soon as its chunk arrives, after
   * the work given before it. Dropped when the chunk failed to load.
   */
  use(work: (store: CueStore) => void): void {
    if (this.store) work(this.store);
    else if (!this.failed) this.waiting.push(work);
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
    this.use((store) => store.clear());
    if (this.sideCarUrl) this.loadSideCar(this.sideCarUrl);
  }

  /** Sets the side-car cue list URL ('' for none). */
  setSideCar(url: string): void {
    if (url === this.sideCarUrl) return;
    this.sideCarUrl = url;
    this.sideCarAbort?.abort();
    this.sideCarAbort = undefined;
    // Only the old list's cues go: stream cues and host-given cues stay.
    this.use((store) => store.removeSources(['json', 'webvtt']));
    if (url && this.connected) this.loadSideCar(url);
  }

  /** The live window moved: forget cues that ended before it. */
  liveWindowStart(time: number): void {
    this.use((store) => store.prune(time));
  }

  /** Drops cues that ended before `time` (what the commerce state's live pruning calls). */
  prune(time: number): void {
    this.liveWindowStart(time);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.video) this.startClock();
    if (this.sideCarUrl && !this.sideCarAbort) this.loadSideCar(this.sideCarUrl);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.store?.detachClock();
    this.clock?.dispose();
    this.clock = undefined;
    this.sideCarAbort?.abort();
    this.sideCarAbort = undefined;
    this.trackAbort.abort();
    this.trackAbort = new AbortController();
  }

  private create(engine: CueEngine, options: CueControllerOptions): CueStore {
    const store = engine.createCueStore({
      onEnter: options.onEnter,
      onExit: options.onExit,
      onError: options.onError,
    });
    this.engine = engine;
    this.store = store;
    store.$cues.subscribe((cues) => this.$cues.set(cues));
    store.$active.subscribe((active) => this.$active.set(active));
    // The clock first (it arrives with the store): work that adds cues then enters those whose
    // start has passed on the next presented frame.
    if (this.connected) this.startClock();
    for (const run of this.waiting.splice(0)) run(store);
    return store;
  }

  private startClock() {
    const { video, engine, store } = this;
    if (!video || !engine || !store || this.clock) return;
    this.clock = engine.createVideoFrameClock(video);
    store.attachClock(this.clock);
  }

  private loadSideCar(url: string) {
    this.sideCarAbort?.abort();
    const abort = new AbortController();
    this.sideCarAbort = abort;
    this.use((store) => void store.loadSideCar(url, abort.signal));
  }

  private watchTrack(track: TextTrack) {
    const read = () => {
      // A track's cue list is live: what it holds now is this batch.
      if (!track.cues) return;
      const batch = Array.from(track.cues as unknown as ArrayLike<NativeMetadataCue>);
      this.use((store) => store.addNativeCues(batch));
    };
    track.addEventListener('cuechange', read, { signal: this.trackAbort.signal });
    read();
  }
}
