import type {
  FragmentLoaderConstructor,
  FragmentLoaderContext,
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
} from 'hls.js';
import { absoluteUrl, DelegatingLoader, type LoaderClass } from './delegating-loader.js';
import type { PrefetchedSegment } from './segment-prefetch.js';

/**
 * hls.js's fragment loader (`fLoader`) for one engine: a load of a segment (or initialization
 * section) that `segments` requested before hls.js arrived (segment-prefetch.ts) answers from
 * that request, once; every other load — other URLs, byte ranges, and those when the early
 * request failed or has not answered within the load policy's time to first byte — goes to `Base`
 * (hls.js's own loader, with its timeouts and retry policy) unchanged.
 *
 * `segments` settles with the prefetched playlist; hls.js asks for a segment only once it has a
 * playlist, so a load that comes while `segments` is still pending means hls.js got its playlist
 * from its own request (the early one failed or hung): nothing prefetched will be used. The
 * prefetched bytes are let go once used, and all of them as soon as hls.js loads a main media
 * segment that is not one of them (it started elsewhere: they will not be asked for). Loads for
 * alternate audio and subtitles pass through and change nothing.
 */
export function prefetchedSegmentLoader(
  Base: LoaderClass,
  segments: Promise<readonly PrefetchedSegment[]>,
): FragmentLoaderConstructor {
  /** The segments not yet used; undefined until `segments` settles, null once none can be. */
  let unused: readonly PrefetchedSegment[] | null | undefined;
  void segments.then((list) => {
    if (unused === undefined) unused = list.length ? list : null;
  });
  return class PrefetchedSegmentLoader extends DelegatingLoader<FragmentLoaderContext> {
    constructor(config: HlsConfig) {
      // hls.js keeps the stats object as the fragment's: it is filled in, never replaced.
      super(Base, config);
    }

    load(
      context: FragmentLoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<FragmentLoaderContext>,
    ): void {
      this.context = context;
      const list = unused;
      const inner = () => this.pass(context, config, callbacks);
      // Alternate audio and subtitles: never prefetched, and no sign of where the main one starts.
      if (context.frag.type !== 'main') return inner();
      const url = absoluteUrl(context.url);
      const match = list?.find((segment) => segment.url === url);
      if (!list || !match || context.rangeStart || context.rangeEnd || context.resetIV) {
        // A media segment elsewhere, or any load before the list: hls.js goes its own way.
        if (!list || context.frag.sn !== 'initSegment') unused = null;
        inner();
        return;
      }
      const rest = list.filter((segment) => segment !== match);
      unused = rest.length ? rest : null;
      this.answer(match, context, config, callbacks, inner);
    }

    private answer(
      segment: PrefetchedSegment,
      context: FragmentLoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<FragmentLoaderContext>,
      fallBack: () => void,
    ): void {
      // A failed or too slow early request: hls.js requests it, with its policy.
      this.answerFrom(segment.result, config, fallBack, (response) => {
        const { stats } = this;
        stats.loading.start = segment.startedAt;
        stats.loading.first = response.firstByteAt;
        stats.loading.end = response.loadedAt;
        stats.loaded = stats.total = response.data.byteLength;
        stats.bwEstimate =
          (stats.total * 8000) / Math.max(1, stats.loading.end - stats.loading.first);
        // As hls.js's own loader does: the bytes go through onProgress (the stream controller
        // feeds its transmuxer from there), then onSuccess.
        callbacks.onProgress?.(stats, context, response.data, null);
        callbacks.onSuccess(
          { url: response.url, data: response.data, code: response.status },
          stats,
          context,
          null,
        );
      });
    }
  };
}
