import { repeat, type EngineClock } from './engine-clock.js';

/** The parts of a media element that stall recovery reads (and the playhead it moves). */
export interface PlayheadMedia {
  /** The playhead (s); set to jump a hole. */
  currentTime: number;
  /** A seek is in progress (the playhead is moving on its own). */
  readonly seeking: boolean;
  /** Paused by the viewer: not a stall. */
  readonly paused: boolean;
  /** Played to the end: not a stall. */
  readonly ended: boolean;
  /** `HTMLMediaElement.readyState`; below `HAVE_FUTURE_DATA` playback waits for data. */
  readonly readyState: number;
  /** Buffered ranges (only their starts are read). */
  readonly buffered: { readonly length: number; start(index: number): number };
}

/** `HTMLMediaElement.HAVE_FUTURE_DATA`: below it, playback is waiting for data. */
const HAVE_FUTURE_DATA = 3;

/** How often the playhead is checked against the holes of skipped segments. */
export const HOLE_CHECK_MS = 250;
/** The playhead counts as in a hole from this many seconds before it (it stops just short). */
const HOLE_LEAD_S = 0.25;
/** Buffered media starting at most this many seconds after a hole's end is where to land. */
const HOLE_REACH_S = 1;
/** Landing this far into the buffered range, past its first (possibly partial) frame. */
const LANDING_S = 0.05;

/**
 * Jumps the playhead over the holes that skipped segments leave, once it stands in one and media
 * after it is buffered. hls.js's gap controller does this mid-stream, but not for a hole at the
 * very start (its start-gap jump is capped at 2 s), so Cuecart does it for every hole it made.
 * Checks every {@link HOLE_CHECK_MS} while a hole lies ahead of the playhead.
 */
export class SkippedSegmentHoles {
  private readonly holes: Array<{ start: number; end: number }> = [];
  private stopTimer: (() => void) | undefined;

  constructor(
    private readonly media: PlayheadMedia,
    private readonly clock: EngineClock,
  ) {}

  /** A segment from `start` to `end` (media time, s) was skipped. */
  add(start: number, end: number): void {
    this.holes.push({ start, end });
    this.stopTimer ??= repeat(this.clock, HOLE_CHECK_MS, () => this.check());
  }

  /** Forgets every hole and stops checking. */
  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.holes.length = 0;
  }

  private check(): void {
    const { media, holes } = this;
    if (media.seeking) return;
    const time = media.currentTime;
    for (let i = holes.length - 1; i >= 0; i--) {
      if (time >= holes[i]!.end) holes.splice(i, 1);
    }
    const hole = holes.find((h) => time >= h.start - HOLE_LEAD_S && time < h.end);
    if (hole) {
      const { buffered } = media;
      for (let i = 0; i < buffered.length; i++) {
        const start = buffered.start(i);
        if (start > time && start <= hole.end + HOLE_REACH_S) {
          media.currentTime = start + LANDING_S;
          break;
        }
      }
    }
    if (!holes.length) this.stop();
  }
}

/** How often {@link StallWatch} looks at the playhead. */
export const STALL_CHECK_MS = 1_000;

/** Options of {@link StallWatch}. */
export interface StallWatchOptions {
  /** How long playback may stand still, wanting data (`stallLimitMs`). */
  limitMs: number;
  /** A stale live stream is reconnecting, not stalled: the watch waits meanwhile. */
  isReconnecting(): boolean;
  /** Playback stood still for `limitMs`; called on every check until stopped. */
  onStall(stall: { currentTime: number; stalledMs: number }): void;
}

/**
 * Notices playback that has stood still for `limitMs` while it wants to play (not paused, not
 * ended, not seeking, waiting for data): the backstop for whatever the load policy does not catch
 * (a loader that stops asking), so the viewer never waits forever.
 */
export class StallWatch {
  private stopTimer: (() => void) | undefined;
  private stalledAt = -1;
  private stalledSince = 0;

  constructor(
    private readonly media: PlayheadMedia,
    private readonly clock: EngineClock,
    private readonly options: StallWatchOptions,
  ) {}

  /** Starts watching (once media is buffered); a no-op while already watching. */
  start(): void {
    this.stopTimer ??= repeat(this.clock, STALL_CHECK_MS, () => this.check());
  }

  /** Stops watching. */
  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  private check(): void {
    const { media } = this;
    const wanting =
      !media.paused &&
      !media.ended &&
      !media.seeking &&
      media.readyState < HAVE_FUTURE_DATA &&
      !this.options.isReconnecting();
    const now = this.clock.now();
    if (!wanting || media.currentTime !== this.stalledAt) {
      this.stalledAt = wanting ? media.currentTime : -1;
      this.stalledSince = now;
      return;
    }
    if (now - this.stalledSince >= this.options.limitMs) {
      this.options.onStall({
        currentTime: media.currentTime,
        stalledMs: Math.round(now - this.stalledSince),
      });
    }
  }
}
