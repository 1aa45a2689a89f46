import type { FrameClock } from '../../src/cues/cue-scheduler.js';

/**
 * A {@link FrameClock} driven by hand: `frame(t)` presents a frame at media time `t`, `seek(t)`
 * seeks. It counts `requestFrame` calls and delivers nothing for them.
 */
export class FakeFrameClock implements FrameClock {
  /** Media time of the last frame or seek. */
  time = 0;
  /** How many times the scheduler asked for a frame. */
  frameRequests = 0;
  private readonly frames = new Set<(t: number) => void>();
  private readonly seeks = new Set<(t: number) => void>();

  now(): number {
    return this.time;
  }
  onFrame(cb: (t: number) => void): () => void {
    this.frames.add(cb);
    return () => this.frames.delete(cb);
  }
  onSeek(cb: (t: number) => void): () => void {
    this.seeks.add(cb);
    return () => this.seeks.delete(cb);
  }
  requestFrame(): void {
    this.frameRequests++;
  }
  /** Presents a frame at `t`. */
  frame(t: number): void {
    this.time = t;
    for (const cb of this.frames) cb(t);
  }
  /** Seeks to `t`. */
  seek(t: number): void {
    this.time = t;
    for (const cb of this.seeks) cb(t);
  }
  /** Frame and seek subscribers still attached. */
  get listenerCount(): number {
    return this.frames.size + this.seeks.size;
  }
}
