/**
 * The first segment of a replay, requested before hls.js has arrived. The player loader requests
 * an HLS source's playlist in parallel with hls.js (playlist-prefetch.ts); once that playlist is
 * in, and when it says for certain which segment hls.js will load first, this requests that
 * segment (and its initialization section) too, while hls.js is still downloading. Cuecart's
 * hls.js engine hands hls.js the bytes when it asks for that URL
 * (`prefetched-segment-loader.ts`). The hop it removes: hls.js arrives → segment request →
 * segment (docs/decisions/0074-first-segment-requested-with-hls-js.md).
 *
 * Only where the first segment is certain: a media playlist (not a multivariant one, whose
 * variant hls.js picks by its bandwidth estimate) of a complete presentation (`#EXT-X-ENDLIST`:
 * a live playlist starts near its edge, at a position hls.js computes) that does not ask to start
 * elsewhere (`#EXT-X-START`), whose first segment and initialization section are whole files
 * (no byte ranges) and not gaps. Anything else requests nothing more.
 * @module
 */
import { prefetchedPlaylistOf, type PlaylistResponse } from './playlist-prefetch.js';

/** A segment (or initialization section) request started ahead of hls.js. */
export interface PrefetchedSegment {
  /** Absolute URL requested. */
  readonly url: string;
  /** `performance.now()` when the request started. */
  readonly startedAt: number;
  /** The response, or null when the request failed (hls.js then requests it itself). */
  readonly result: Promise<SegmentResponse | null>;
}

/** What hls.js needs of a segment response. */
export interface SegmentResponse {
  /** The final URL (after redirects). */
  readonly url: string;
  /** HTTP status (2xx). */
  readonly status: number;
  /** The segment's bytes. */
  readonly data: ArrayBuffer;
  /** `performance.now()` when the response headers arrived. */
  readonly firstByteAt: number;
  /** `performance.now()` when the last byte arrived. */
  readonly loadedAt: number;
}

/** The tag value after `#NAME:` on `line`, or null when `line` is another tag. */
function tagValue(line: string, name: string): string | null {
  return line.startsWith(`#${name}:`) ? line.slice(name.length + 2) : null;
}

/** The absolute http(s) URL of `uri` against `base`, or null. */
function resolve(uri: string, base: string): string | null {
  try {
    const url = new URL(uri, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The URLs hls.js will request first to play `playlist` from its start — the first segment's
 * initialization section (`#EXT-X-MAP`) when it has one, then the first segment — or an empty
 * list when that is not certain (see the module comment). `playlist.url` is the base of relative
 * URIs. Pure; never throws.
 */
export function firstSegmentUrls(playlist: PlaylistResponse): string[] {
  const lines = playlist.text.split(/\r?\n/).map((line) => line.trim());
  if (lines[0] !== '#EXTM3U' || !lines.includes('#EXT-X-ENDLIST')) return [];
  let map: string | null = null;
  let inSegment = false;
  for (const line of lines) {
    if (!line) continue;
    if (line.startsWith('#EXT-X-STREAM-INF') || line.startsWith('#EXT-X-START')) return [];
    if (line.startsWith('#EXT-X-BYTERANGE') || line.startsWith('#EXT-X-GAP')) return [];
    const mapValue = tagValue(line, 'EXT-X-MAP');
    if (mapValue !== null) {
      const uri = /(?:^|,)URI="([^"]*)"/.exec(mapValue);
      if (!uri || /(?:^|,)BYTERANGE=/.test(mapValue)) return [];
      map = uri[1]!;
    } else if (tagValue(line, 'EXTINF') !== null) inSegment = true;
    else if (!line.startsWith('#')) {
      if (!inSegment) return [];
      const urls = [...(map === null ? [] : [map]), line].map((uri) => resolve(uri, playlist.url));
      return urls.every((url) => url !== null) ? (urls as string[]) : [];
    }
  }
  return [];
}

/** Requests `url` as hls.js would (a CORS GET sending cookies to the page's origin only). */
function requestSegment(view: Window, url: string): PrefetchedSegment {
  const startedAt = view.performance.now();
  const result = view
    .fetch(url, { credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) return null;
      const firstByteAt = view.performance.now();
      const data = await response.arrayBuffer();
      const status = response.status;
      return {
        url: response.url || url,
        status,
        data,
        firstByteAt,
        loadedAt: view.performance.now(),
      };
    })
    .catch(() => null);
  return { url, startedAt, result };
}

/**
 * Once `element`'s prefetched playlist (playlist-prefetch.ts) has arrived, requests the segments
 * hls.js will load first ({@link firstSegmentUrls}), in parallel, and keeps them with that
 * playlist (`segments`) for the engine to take. Does nothing when the element has no prefetched
 * playlist or its segments are already under way. Failures are not reported here: hls.js then
 * requests those segments itself and reports what it finds.
 */
export function prefetchFirstSegment(element: Element): void {
  const prefetched = prefetchedPlaylistOf(element);
  const view = element.ownerDocument.defaultView;
  if (!prefetched || prefetched.segments || !view) return;
  prefetched.segments = prefetched.result.then((playlist) =>
    playlist ? firstSegmentUrls(playlist).map((url) => requestSegment(view, url)) : [],
  );
}
