import type {
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderStats,
  PlaylistLoaderConstructor,
  PlaylistLoaderContext,
} from 'hls.js';
import { absoluteUrl, DelegatingLoader, type LoaderClass } from './delegating-loader.js';
import type { PrefetchedPlaylist } from './playlist-prefetch.js';

/** Empty load statistics, the shape hls.js fills in (its `LoadStats`). */
export function emptyStats(): LoaderStats {
  return {
    aborted: false,
    loaded: 0,
    retry: 0,
    total: 0,
    chunkCount: 0,
    bwEstimate: 0,
    loading: { start: 0, first: 0, end: 0 },
    parsing: { start: 0, end: 0 },
    buffering: { start: 0, first: 0, end: 0 },
  };
}

/**
 * hls.js's playlist loader (`pLoader`) for one engine: the first load of the manifest answers
 * from `prefetched` (requested before hls.js had arrived, see playlist-prefetch.ts) when it
 * succeeded for that URL, and the first load of each rendition playlist (variant, audio) from
 * `prefetched.renditions` (rendition-prefetch.ts: requested as the manifest arrived, so as fresh
 * as the manifest the engine took) — the start variant's once the first segments requested from it
 * are known (segment-prefetch.ts); every other load, and those when the early request failed or
 * has not answered within the load policy's time to first byte, goes to `Base` (hls.js's own
 * loader, with its timeouts and retry policy) unchanged.
 *
 * The manifest's answer waits for `ready` too: the engine passes "the media is attached". A
 * playlist that arrives before the media source is open (the prefetch usually has) leaves hls.js's
 * stream controller started without media; attaching does not wake it, and the first segment waits
 * for its next 100 ms tick (hls.js 1.6, `BaseStreamController.onMediaAttached`). Answered after
 * the attachment, the level's arrival starts the first segment at once, as over the network.
 */
export function prefetchedPlaylistLoader(
  Base: LoaderClass,
  prefetched: PrefetchedPlaylist,
  ready: Promise<unknown> = Promise.resolve(),
): PlaylistLoaderConstructor {
  let unused = true;
  /** The rendition playlists not yet used; undefined until known. */
  let renditions: readonly PrefetchedPlaylist[] | undefined;
  void prefetched.renditions?.then((list) => (renditions = list));
  return class PrefetchedPlaylistLoader extends DelegatingLoader<PlaylistLoaderContext> {
    constructor(config: HlsConfig) {
      super(Base, config);
    }

    load(
      context: PlaylistLoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<PlaylistLoaderContext>,
    ): void {
      this.context = context;
      const inner = () => this.pass(context, config, callbacks);
      if (context.type === 'manifest') {
        if (!unused || absoluteUrl(context.url) !== prefetched.url) return inner();
        unused = false;
        return this.answer(prefetched, context, config, callbacks, inner, ready);
      }
      const list = renditions;
      const url = absoluteUrl(context.url);
      const rendition = list?.find((r) => r.url === url);
      if (!list || !rendition) return inner();
      renditions = list.filter((r) => r !== rendition);
      // The start variant's playlist waits for the segments requested from it: hls.js asks for
      // its first segment at once, and only a known prefetch is handed to it.
      this.answer(rendition, context, config, callbacks, inner, rendition.segments);
    }

    /** Answers `context` from `early`, or through `fallBack` when it failed or is too slow. */
    private answer(
      early: PrefetchedPlaylist,
      context: PlaylistLoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<PlaylistLoaderContext>,
      fallBack: () => void,
      wait?: Promise<unknown>,
    ): void {
      // A failed or hanging early request: hls.js requests it again, with its retry policy.
      this.answerFrom(
        early.result,
        config,
        fallBack,
        (response) => {
          const now = performance.now();
          const stats = emptyStats();
          stats.loading = { start: early.startedAt, first: now, end: now };
          stats.loaded = stats.total = response.text.length;
          this.stats = stats;
          callbacks.onSuccess(
            { url: response.url, data: response.text, code: response.status },
            stats,
            context,
            null,
          );
        },
        wait,
      );
    }
  };
}
