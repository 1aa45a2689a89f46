import { waitUntil } from '@open-wc/testing';

/**
 * Records every MediaSource constructed until `restore()` (the global constructor is wrapped, as
 * hls.js and Cuecart look it up at call time).
 */
export function watchMediaSources() {
  const created: MediaSource[] = [];
  const Original = globalThis.MediaSource;
  globalThis.MediaSource = class extends Original {
    constructor() {
      super();
      created.push(this);
    }
  };
  return { created, restore: () => (globalThis.MediaSource = Original) };
}

/** Resolves once `mediaSource` has opened (its media element started loading it). */
export const opened = (mediaSource: MediaSource) =>
  waitUntil(() => mediaSource.readyState === 'open', 'the MediaSource opens', { timeout: 5_000 });

/** Resolves once `mediaSource` is closed (detached from its media element). */
export const closed = (mediaSource: MediaSource) =>
  waitUntil(() => mediaSource.readyState === 'closed', 'the MediaSource closes', {
    timeout: 5_000,
  });
