import type { Loader, LoaderContext } from 'hls.js';
import { emptyStats } from '../../src/player/prefetched-playlist-loader.js';

/** hls.js's own loader, faked: records what it was asked to load (`type url`). */
export function fakeBase() {
  const loads: string[] = [];
  class FakeLoader implements Loader<LoaderContext> {
    context: LoaderContext | null = null;
    stats = emptyStats();
    load(context: LoaderContext) {
      loads.push(`${context.type ?? ''} ${context.url}`);
    }
    abort() {}
    destroy() {}
    getCacheAge() {
      return null;
    }
    getResponseHeader() {
      return null;
    }
  }
  return { FakeLoader, loads };
}
