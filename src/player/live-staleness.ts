import type { EngineClock } from './engine-clock.js';

/** A live playlist with no new segment for this many target durations is stale. */
export const STALE_TARGET_DURATIONS = 1.5;
/** Staleness is checked at most this often (and at least every half target duration). */
export const MIN_CHECK_MS = 250;

/** What a live playlist reload says about freshness. */
export interface PlaylistReload {
  /** Media sequence number of the playlist's last segment. */
  endSn: number;
  /** `EXT-X-TARGETDURATION` in seconds (0 or missing keeps the previous one). */
  targetDuration?: number;
}

/**
 * Tells whether a live stream is stale: its playlist stopped growing (no new segment for
 * {@link STALE_TARGET_DURATIONS} target durations) or its reloads are failing. Reports each
 * change through `report` (`onStreamStale`). Knows nothing of hls.js: the engine feeds it
 * playlist reloads, reload failures and the live state.
 */
export class LiveStaleness {
  private live: boolean | undefined;
  private stopped = false;
  private lastGrowthAt: number;
  private lastEndSn = -1;
  private targetDuration = 2;
  private reloadFailing = false;
  private timer: unknown;
  private reported = false;

  constructor(
    private readonly clock: EngineClock,
    private readonly report: (stale: boolean) => void,
  ) {
    this.lastGrowthAt = clock.now();
  }

  /** Whether the stream was last reported stale. */
  get stale(): boolean {
    return this.reported;
  }

  /** The stream became live (checks start) or not live (never stale). */
  setLive(live: boolean): void {
    this.live = live;
    if (live) this.arm();
    else this.check();
  }

  /** A playlist (re)load succeeded: reloads work again; a new last segment means it grew. */
  playlistLoaded(reload: PlaylistReload): void {
    this.reloadFailing = false;
    this.targetDuration = reload.targetDuration || this.targetDuration;
    if (reload.endSn !== this.lastEndSn) {
      this.lastEndSn = reload.endSn;
      this.lastGrowthAt = this.clock.now();
    }
    this.check();
  }

  /** A playlist reload failed (hls.js retries it under its policy meanwhile). */
  reloadFailed(): void {
    this.reloadFailing = true;
    this.check();
  }

  /** Playback failed or the engine is gone: no more checks, never stale again. */
  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.timer);
  }

  private check(): void {
    const stale =
      this.live === true &&
      !this.stopped &&
      (this.reloadFailing ||
        this.clock.now() - this.lastGrowthAt > STALE_TARGET_DURATIONS * this.targetDuration * 1000);
    if (stale !== this.reported) {
      this.reported = stale;
      this.report(stale);
    }
  }

  private arm(): void {
    this.clock.clearTimeout(this.timer);
    if (!this.live || this.stopped) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.check();
        this.arm();
      },
      Math.max(MIN_CHECK_MS, (this.targetDuration * 1000) / 2),
    );
  }
}
