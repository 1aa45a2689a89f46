/**
 * The first segment of a show, requested before hls.js has arrived. The player loader requests
 * an HLS source's playlist in parallel with hls.js (playlist-prefetch.ts); once that playlist is
 * in, and when it says for certain which segment hls.js will load first, this requests that
 * segment (and its initialization section) too, while hls.js is still downloading. Cuecart's
 * hls.js engine hands hls.js the bytes when it asks for that URL
 * (`prefetched-segment-loader.ts`). The hop it removes: hls.js arrives → segment request →
 * segment (docs/decisions/0074-first-segment-requested-with-hls-js.md).
 *
 * Only where the first segment is certain: a media playlist without a start offset
 * (`#EXT-X-START`), byte ranges, gaps or low-latency parts; a replay (`#EXT-X-ENDLIST`) starts at
 * its first segment, a live playlist where hls.js's defaults start it (three target durations, or
 * the server's hold-back, before the edge) unless that position is within a second of a segment
 * boundary. For a multivariant playlist, the same in the playlist of the variant hls.js will
 * pick, where start-variant.ts can predict it (requested by rendition-prefetch.ts;
 * docs/decisions/0078-start-variant-predicted-not-chosen.md). Not when the page's `hlsConfig`
 * changes where hls.js starts or how it loads. Anything else requests nothing more.
 * @module
 */
import { httpUrlIn } from '../internal/url-policy.js';
import { attributeValue } from './playlist-attributes.js';
import { FIRST_LOAD_SETTINGS, START_VARIANT_SETTINGS } from './early-request-settings.js';
import { prefetchedPlaylistOf, requestEarly, type PlaylistResponse } from './playlist-prefetch.js';
import { startVariantUrl } from './start-variant.js';

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

/**
 * Tags under which hls.js's first load is not one whole segment from the playlist's start or its
 * live start: a multivariant playlist, a start offset, byte ranges, gaps, low-latency parts,
 * delta updates.
 */
const UNCERTAIN =
  /^#EXT-X-(STREAM-INF|START|BYTERANGE|GAP|PART|PART-INF|PRELOAD-HINT|SKIP|RENDITION-REPORT)\b/m;

/**
 * How much later than the playlist's arrival hls.js may pick a live start segment, in seconds:
 * hls.js measures the live edge from the moment it is handed the playlist, so the position it
 * starts at moves on by this much at most; a segment boundary within it makes the start uncertain.
 */
const LIVE_START_MARGIN_S = 1;

/** hls.js's default `liveSyncDurationCount`: a live start this many target durations back. */
const LIVE_SYNC_DURATION_COUNT = 3;

/** One segment of a media playlist: its URI, duration and initialization section. */
interface Segment {
  readonly uri: string;
  readonly duration: number;
  readonly map: string | null;
}

/**
 * Where hls.js (1.x, default settings) starts a live playlist: `LIVE_SYNC_DURATION_COUNT` target
 * durations — or the server's `HOLD-BACK` — before the edge, `age` seconds after it got the
 * playlist, kept between the playlist's start and one target duration before the edge. Returns
 * the index of the segment holding that position (a position on a boundary belongs to the later
 * segment, as in hls.js's `findFragmentByPTS` with no tolerance, which its first load uses).
 */
function liveStartIndex(
  segments: readonly Segment[],
  targetDuration: number,
  holdBack: number,
  age: number,
): number {
  // Summed in order, as hls.js sums the fragments' starts: the same floating-point values.
  const starts: number[] = [];
  let edge = 0;
  for (const segment of segments) {
    starts.push(edge);
    edge += segment.duration;
  }
  const latency = holdBack > 0 ? holdBack : LIVE_SYNC_DURATION_COUNT * targetDuration;
  const position = Math.min(Math.max(0, edge + age - latency), edge - targetDuration);
  let index = 0;
  while (index + 1 < segments.length && starts[index + 1]! <= position) index++;
  return index;
}

/**
 * The URLs hls.js will request first to play `playlist` — the initialization section
 * (`#EXT-X-MAP`) of its first segment when it has one, then that segment — or an empty list when
 * that is not certain (see the module comment). The first segment is the playlist's first for a
 * complete presentation (`#EXT-X-ENDLIST`), the one holding hls.js's live start position for a
 * live playlist, unless a segment boundary lies within {@link LIVE_START_MARGIN_S} of it.
 * `playlist.url` is the base of relative URIs. Pure; never throws.
 */
export function firstSegmentUrls(playlist: PlaylistResponse): string[] {
  const { text } = playlist;
  if (!text.startsWith('#EXTM3U') || UNCERTAIN.test(text)) return [];
  const segments: Segment[] = [];
  let map: string | null = null;
  let duration: number | null = null;
  let targetDuration = 0;
  let holdBack = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const [tag, value = ''] = line.startsWith('#') ? splitTag(line) : ['', ''];
    if (tag === '#EXT-X-MAP') {
      if (attributeValue(value, 'BYTERANGE') !== null) return [];
      map = attributeValue(value, 'URI');
      if (map === null) return [];
    } else if (tag === '#EXTINF') duration = parseFloat(value);
    else if (tag === '#EXT-X-TARGETDURATION') targetDuration = parseFloat(value);
    else if (tag === '#EXT-X-SERVER-CONTROL')
      holdBack = parseFloat(attributeValue(value, 'HOLD-BACK') ?? '0');
    else if (line && !line.startsWith('#')) {
      if (duration === null || !(duration >= 0)) return [];
      segments.push({ uri: line, duration, map });
      duration = null;
    }
  }
  if (!segments.length) return [];
  let index = 0;
  if (!/^#EXT-X-ENDLIST\b/m.test(text)) {
    if (!(targetDuration > 0) || !(holdBack >= 0)) return [];
    index = liveStartIndex(segments, targetDuration, holdBack, 0);
    if (index !== liveStartIndex(segments, targetDuration, holdBack, LIVE_START_MARGIN_S))
      return [];
  }
  const first = segments[index]!;
  const urls = [...(first.map === null ? [] : [first.map]), first.uri].map((uri) =>
    httpUrlIn(uri, playlist.url),
  );
  return urls.every((url) => url !== null) ? (urls as string[]) : [];
}

/** A tag line split into its name and its value (after the first `:`). */
function splitTag(line: string): [string, string] {
  const colon = line.indexOf(':');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1)];
}

/**
 * Whether `element`'s `hlsConfig` (the page's hls.js settings, set before the loader activates
 * the player) holds any of `keys`.
 */
function hlsConfigSetsAny(element: Element, keys: readonly string[]): boolean {
  const config = (element as { hlsConfig?: object }).hlsConfig;
  return !!config && keys.some((key) => key in config);
}

/**
 * Whether `element`'s `hlsConfig` holds a setting that moves where hls.js starts or changes how
 * it requests.
 */
export function hlsConfigChangesStart(element: Element): boolean {
  return hlsConfigSetsAny(element, FIRST_LOAD_SETTINGS);
}

/** Requests the segment at `url` now, as hls.js would ({@link requestEarly}). */
function requestSegment(view: Window, url: string): PrefetchedSegment {
  return requestEarly(view, url, async (response) => {
    const firstByteAt = view.performance.now();
    const data = await response.arrayBuffer();
    return {
      url: response.url || url,
      status: response.status,
      data,
      firstByteAt,
      loadedAt: view.performance.now(),
    };
  });
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
  if (!prefetched || prefetched.segments || !view || hlsConfigChangesStart(element)) return;
  const request = (playlist: PlaylistResponse | null) =>
    playlist ? firstSegmentUrls(playlist).map((url) => requestSegment(view, url)) : [];
  const segments = prefetched.result.then(async (playlist) => {
    // start-variant.ts follows hls.js's defaults only: not when the page moves its pick.
    const followed = !hlsConfigSetsAny(element, START_VARIANT_SETTINGS);
    const variant = playlist && followed && startVariantUrl(playlist);
    if (!variant) return request(playlist);
    // A multivariant playlist: the start variant's playlist, requested with the others
    // (rendition-prefetch.ts), names the segment. Marked, so that hls.js is handed that playlist
    // only once these segments are known (prefetched-playlist-loader.ts).
    const rendition = (await prefetched.renditions)?.find((early) => early.url === variant);
    if (!rendition) return [];
    rendition.segments = segments;
    return request(await rendition.result);
  });
  prefetched.segments = segments;
}
