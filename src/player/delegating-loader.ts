import type {
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  LoaderStats,
} from 'hls.js';
import { awaitPrefetch } from './prefetch-deadline.js';

/** An hls.js loader class (the shape of `config.loader`, `config.pLoader`, `config.fLoader`). */
export type LoaderClass = new (config: HlsConfig) => Loader<LoaderContext>;

/**
 * What Cuecart's early-request loaders share (prefetched-playlist-loader.ts,
 * prefetched-segment-loader.ts): hls.js's own loader inside, which every load the early requests
 * do not answer is passed to, and the end of a pending wait for an early request when hls.js
 * aborts or destroys the load.
 */
export abstract class DelegatingLoader<T extends LoaderContext> implements Loader<T> {
  context: T | null = null;
  stats: LoaderStats;
  /** hls.js's own loader. */
  protected readonly inner: Loader<LoaderContext>;
  /** Answered, aborted or destroyed: a late early response is dropped. */
  protected done = false;
  /** Stops waiting for an early request (while {@link answerFrom} waits). */
  private stopWaiting = () => {};

  constructor(Base: LoaderClass, config: HlsConfig) {
    this.inner = new Base(config);
    this.stats = this.inner.stats;
  }

  abstract load(context: T, config: LoaderConfiguration, callbacks: LoaderCallbacks<T>): void;

  /** Passes the load to hls.js's own loader, with its timeouts and retry policy. */
  protected pass(context: T, config: LoaderConfiguration, callbacks: LoaderCallbacks<T>): void {
    this.inner.load(context, config, callbacks as unknown as LoaderCallbacks<LoaderContext>);
  }

  /**
   * Answers the current load from an early request's `result`: hands the response to `deliver`
   * once, in a later task (after `wait`, when given), or calls `fallBack` (hls.js's own request)
   * at once when the early request failed or has not answered within the load's time to first
   * byte. Nothing happens once the load was aborted or destroyed.
   */
  protected answerFrom<R>(
    result: Promise<R | null>,
    config: LoaderConfiguration,
    fallBack: () => void,
    deliver: (response: R) => void,
    wait?: Promise<unknown>,
  ): void {
    this.stopWaiting = awaitPrefetch(result, config, async (response) => {
      if (wait && response) await wait;
      if (this.done) return;
      if (!response) {
        fallBack();
        return;
      }
      // In a task of its own, as a network response comes: an early response is often in hand
      // already, and hls.js handling it (parsing a playlist, transmuxing a segment) in the task
      // that asked for it chained every step of its start into one long task. A timer, not
      // internal/time-slices.ts: this chunk imports nothing, and the few hops of a start stay
      // under the nesting depth at which timers are clamped.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.done) return;
      this.done = true;
      deliver(response);
    });
  }

  abort(): void {
    this.done = true;
    this.stopWaiting();
    this.inner.abort();
  }

  destroy(): void {
    // Not through abort(): hls.js's loader reports an abort, and hls.js answers that by
    // destroying this loader again.
    this.done = true;
    this.stopWaiting();
    this.context = null;
    this.inner.destroy();
  }

  getCacheAge(): number | null {
    return this.inner.getCacheAge?.() ?? null;
  }

  getResponseHeader(name: string): string | null {
    return this.inner.getResponseHeader?.(name) ?? null;
  }
}

/**
 * `url` as hls.js holds it (as given to `loadSource`, maybe relative to the page; or resolved
 * against its playlist), absolute; as is when it cannot be parsed.
 */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
