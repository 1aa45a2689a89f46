import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { systemClock, type Clock } from '../../internal/clock.js';

/** Options of {@link ImpressionController}. */
export interface ImpressionOptions {
  /** The key an impression is counted under (the cue id); `undefined` = nothing to count. */
  key: () => string | undefined;
  /** Called once per key after the host was visible enough for long enough. */
  onImpression: (key: string) => void;
  /** Share of the host that must be in view (IAB display standard: 0.5). */
  threshold?: number;
  /** How long it must stay in view, continuously, in ms (IAB: 1000). */
  dwell?: number;
  /** Timers of the dwell (tests pass a fake clock). Default: the global timers. */
  clock?: Clock;
}

/**
 * Counts viewable impressions of its host: ≥ `threshold` of it in the viewport for `dwell` ms
 * without interruption, at most once per key. Uses `IntersectionObserver`, so a host hidden with
 * `display: none`, scrolled away or covered by `[hidden]` never counts. Everything is released on
 * disconnect; the set of counted keys survives a reconnect.
 */
export class ImpressionController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private readonly options: ImpressionOptions;
  private readonly counted = new Set<string>();
  private observer: IntersectionObserver | undefined;
  private timer: unknown;
  private timerKey: string | undefined;
  private visible = false;

  constructor(host: ReactiveControllerHost & Element, options: ImpressionOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const threshold = this.options.threshold ?? 0.5;
    this.observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        // Ratios are computed in floating point; 0.4999… at exactly half visible must count.
        this.visible = entry.isIntersecting && entry.intersectionRatio >= threshold - 0.001;
        this.sync();
      },
      { threshold: [0, threshold] },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.visible = false;
    this.stopTimer();
  }

  hostUpdated(): void {
    // The key (cue) may have changed while the host stayed visible: restart the dwell for it.
    this.sync();
  }

  private sync(): void {
    const key = this.options.key();
    const wanted = this.visible && key !== undefined && !this.counted.has(key);
    if (!wanted) {
      this.stopTimer();
      return;
    }
    if (this.timer !== undefined && this.timerKey === key) return;
    this.stopTimer();
    this.timerKey = key;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.visible || this.options.key() !== key || this.counted.has(key!)) return;
      this.counted.add(key!);
      this.options.onImpression(key!);
    }, this.options.dwell ?? 1000);
  }

  private get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerKey = undefined;
  }
}
