import type { Loader, LoaderCallbacks, LoaderContext } from 'hls.js';
import { emptyStats } from '../../src/player/prefetched-playlist-loader.js';

/**
 * hls.js's own loader, faked: records what it was asked to load (`type url`). Like hls.js's
 * `XhrLoader`, `abort()` reports `onAbort` to the load's callbacks, and `destroy()` drops them
 * first (hls.js answers an abort by destroying the loader).
 */
export function fakeBase() {
  const loads: string[] = [];
  class FakeLoader implements Loader<LoaderContext> {
    context: LoaderContext | null = null;
    stats = emptyStats();
    callbacks: LoaderCallbacks<LoaderContext> | null = null;
    load(context: LoaderContext, _config: unknown, callbacks: LoaderCallbacks<LoaderContext>) {
      this.context = context;
      this.callbacks = callbacks;
      loads.push(`${context.type ?? ''} ${context.url}`);
    }
    abort() {
      if (this.context) this.callbacks?.onAbort?.(this.stats, this.context, null);
    }
    destroy() {
      this.callbacks = null;
    }
    getCacheAge() {
      return null;
    }
    getResponseHeader() {
      return null;
    }
  }
  return { FakeLoader, loads };
}

const taskTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Waits until an early response the loaders hold is in hls.js's callbacks: they hand it over in
 * a task of its own (src/player/delegating-loader.ts), scheduled once its promise has settled —
 * after a task the caller schedules now, so two task turns.
 */
export async function delivered(): Promise<void> {
  await taskTurn();
  await taskTurn();
}
