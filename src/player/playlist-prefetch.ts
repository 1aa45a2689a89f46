/**
 * The first playlist of an HLS source, requested before hls.js has arrived: the player loader
 * (and the media controller, for players registered without it) starts it as soon as the source
 * is known, in parallel with the hls.js chunk, and Cuecart's hls.js engine hands it to hls.js
 * instead of requesting it again (`prefetched-playlist-loader.ts`). The waterfall it removes:
 * loader → hls.js chunk → playlist (docs/decisions/0064-playlist-requested-with-hls-js.md).
 *
 * The prefetch is kept on the player element itself (no module state: two players never share
 * one), taken once, and only used while fresh; hls.js requests the playlist itself whenever the
 * prefetch is missing, stale, failed or for another URL.
 * @module
 */
import { httpUrlIn } from '../internal/url-policy.js';
import type { PrefetchedSegment } from './segment-prefetch.js';

/** A playlist request started ahead of hls.js. */
export interface PrefetchedPlaylist {
  /** Absolute URL requested. */
  readonly url: string;
  /** `performance.now()` when the request started. */
  readonly startedAt: number;
  /** The response (final URL after redirects, status, text), or null when it failed. */
  readonly result: Promise<PlaylistResponse | null>;
  /**
   * The segments hls.js will load first, requested once this playlist arrived — set by
   * `prefetchFirstSegment` (segment-prefetch.ts), which the player loader calls; empty when the
   * first segment is not certain. On a multivariant playlist, requested from the variant hls.js
   * will pick; that variant's rendition holds the same promise (the engine hands hls.js its
   * playlist once the list is known).
   */
  segments?: Promise<readonly PrefetchedSegment[]>;
  /**
   * A multivariant playlist's rendition playlists, requested once it arrived — set by
   * `prefetchRenditions` (rendition-prefetch.ts), which the player loader calls; empty for a
   * media playlist.
   */
  renditions?: Promise<readonly PrefetchedPlaylist[]>;
}

/** What hls.js needs of a playlist response. */
export interface PlaylistResponse {
  /** The final URL (after redirects): the base of the playlist's relative URLs. */
  readonly url: string;
  /** HTTP status (2xx). */
  readonly status: number;
  /** The playlist's text. */
  readonly text: string;
}

/** Where an element keeps its prefetched playlist (shared by every copy of Cuecart). */
const PREFETCHED = Symbol.for('cuecart.prefetchedPlaylist');

/** A prefetch older than this is not used (a live playlist moves on every target duration). */
export const PREFETCH_MAX_AGE_MS = 4_000;

type Holder = Element & { [PREFETCHED]?: PrefetchedPlaylist };

/** The absolute http(s) URL of `src` in `element`'s document, or null. */
const absoluteUrl = (element: Element, src: string): string | null =>
  httpUrlIn(src, element.ownerDocument.baseURI);

/**
 * Starts requesting `src` (an HLS playlist) for `element` unless a fresh request for it is
 * already under way. Requested like hls.js's own playlist requests: a CORS GET that sends
 * cookies to the page's own origin only. Failures are not reported here: hls.js then requests
 * the playlist itself and reports what it finds.
 */
export function prefetchPlaylist(element: Element, src: string): void {
  const view = element.ownerDocument.defaultView;
  const url = absoluteUrl(element, src);
  if (!view || typeof view.fetch !== 'function' || !url) return;
  const holder = element as Holder;
  const now = view.performance.now();
  const current = holder[PREFETCHED];
  if (current && current.url === url && now - current.startedAt < PREFETCH_MAX_AGE_MS) return;
  holder[PREFETCHED] = requestPlaylist(view, url);
}

/**
 * Requests `url` (absolute) now, as hls.js requests: a CORS GET that sends cookies to the page's
 * own origin only; `read` turns a 2xx response into what is kept. Resolves null when the request
 * fails or answers with another status. Shared by every early request (playlists here, segments in
 * segment-prefetch.ts).
 */
export function requestEarly<T>(
  view: Window,
  url: string,
  read: (response: Response) => Promise<T>,
): { url: string; startedAt: number; result: Promise<T | null> } {
  const startedAt = view.performance.now();
  const result = view
    .fetch(url, { credentials: 'same-origin' })
    .then((response) => (response.ok ? read(response) : null))
    .catch(() => null);
  return { url, startedAt, result };
}

/** Requests the playlist at `url` (absolute) now ({@link requestEarly}). */
export function requestPlaylist(view: Window, url: string): PrefetchedPlaylist {
  return requestEarly(view, url, async (response) => ({
    url: response.url || url,
    status: response.status,
    text: await response.text(),
  }));
}

/** `element`'s prefetched playlist, left in place (the engine takes it later), if any. */
export function prefetchedPlaylistOf(element: Element): PrefetchedPlaylist | undefined {
  return (element as Holder)[PREFETCHED];
}

/**
 * Takes (removes) `element`'s prefetched playlist when it is for `src` and started less than
 * {@link PREFETCH_MAX_AGE_MS} ago; a retry after it was taken requests afresh.
 */
export function takePrefetchedPlaylist(
  element: Element,
  src: string,
): PrefetchedPlaylist | undefined {
  const holder = element as Holder;
  const prefetched = holder[PREFETCHED];
  if (!prefetched) return undefined;
  delete holder[PREFETCHED];
  const view = element.ownerDocument.defaultView;
  const fresh = view && view.performance.now() - prefetched.startedAt < PREFETCH_MAX_AGE_MS;
  return fresh && prefetched.url === absoluteUrl(element, src) ? prefetched : undefined;
}
