import type { CueTimeline } from './cue-timeline.js';
import type { ProductCue } from './product-cue.js';

/**
 * The media clock a {@link CueScheduler} follows. `createVideoFrameClock()` in
 * `src/player/frame-clock.ts` implements it for a `<video>`; tests use a fake.
 */
export interface FrameClock {
  /** Media time (seconds) of the frame currently presented. */
  now(): number;
  /** Calls `cb` with the media time of each presented frame. Returns the unsubscribe function. */
  onFrame(cb: (mediaTime: number) => void): () => void;
  /** Calls `cb` with the new media time after a seek. Returns the unsubscribe function. */
  onSeek(cb: (mediaTime: number) => void): () => void;
  /**
   * Optional: asks for one `onFrame` callback soon even when no new frame will be presented
   * (paused video), so cues added while paused still show.
   */
  requestFrame?(): void;
}

/** What a {@link CueScheduler} calls on transitions. */
export interface CueSchedulerCallbacks {
  /** A cue became active. */
  enter?(cue: ProductCue, mediaTime: number): void;
  /** A cue stopped being active. */
  exit?(cue: ProductCue, mediaTime: number): void;
}

/**
 * Follows a {@link FrameClock} and reports each cue of a {@link CueTimeline} entering and leaving
 * the active set, exactly once per transition: exits before enters, each group in timeline order
 * (start, then id). A cue becomes active on the first presented frame whose media time is at or
 * after its start, never when it is parsed. Seeks recompute the active set (only real changes are
 * reported); cues added later are picked up on the next frame.
 */
export class CueScheduler {
  private activeCues: ProductCue[] = [];
  private readonly cleanups: Array<() => void> = [];
  private destroyed = false;
  private running = false;
  private pendingTime: number | undefined;
  /** Where the active set was last computed and cannot change (same timeline version). */
  private stable: { version: number; from: number; until: number } | undefined;

  constructor(
    private readonly timeline: CueTimeline,
    private readonly clock: FrameClock,
    private readonly callbacks: CueSchedulerCallbacks,
  ) {
    this.cleanups.push(
      clock.onFrame((time) => this.update(time)),
      clock.onSeek((time) => this.update(time)),
      // Not applied synchronously: the cue shows on the next presented frame.
      timeline.subscribe(() => this.clock.requestFrame?.()),
    );
  }

  /** The currently active cues, in timeline order. */
  get active(): readonly ProductCue[] {
    return this.activeCues;
  }

  /**
   * Recomputes the active set at `mediaTime` (default: the clock's time) and reports the
   * differences. The clock's callbacks call this; call it yourself to force a refresh.
   */
  update(mediaTime: number = this.clock.now()): void {
    if (this.destroyed || Number.isNaN(mediaTime)) return;
    // A callback that triggers another update must not interleave its events with ours.
    if (this.running) {
      this.pendingTime = mediaTime;
      return;
    }
    this.running = true;
    try {
      let time: number | undefined = mediaTime;
      while (time !== undefined && !this.destroyed) {
        this.pendingTime = undefined;
        this.apply(time);
        time = this.pendingTime;
      }
    } finally {
      this.running = false;
      this.pendingTime = undefined;
    }
  }

  private apply(mediaTime: number): void {
    // Called for every presented frame: skip the work while nothing can have changed.
    const stable = this.stable;
    const version = this.timeline.version;
    if (stable?.version === version && mediaTime >= stable.from && mediaTime < stable.until) return;
    // The version read before the callbacks run: a callback that edits the timeline makes the
    // next frame recompute.
    this.stable = { version, ...this.timeline.stableRange(mediaTime) };
    const next = this.timeline.activeAt(mediaTime);
    const nextIds = new Set(next.map((cue) => cue.id));
    const previousIds = new Set(this.activeCues.map((cue) => cue.id));
    const exited = this.activeCues.filter((cue) => !nextIds.has(cue.id));
    const entered = next.filter((cue) => !previousIds.has(cue.id));
    this.activeCues = next;
    for (const cue of exited) {
      if (this.destroyed) return;
      this.callbacks.exit?.(cue, mediaTime);
    }
    for (const cue of entered) {
      if (this.destroyed) return;
      this.callbacks.enter?.(cue, mediaTime);
    }
  }

  /** Stops following the clock and the timeline. Reports no exits; safe to call twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stable = undefined;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.activeCues = [];
  }
}
