import { parsePlaylist, type MediaPlaylist } from '../cues/media-playlist.js';
import type { DateAnchor } from '../cues/program-date-time.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { CuecartError } from '../internal/errors.js';
import { safeUrl } from '../internal/url-policy.js';

/**
 * How far Safari's `getStartDate()` may be from the true program date-time of media time 0:
 * WebKit rounds it to whole seconds (`round(currentDate - currentTime)` in
 * `MediaPlayerPrivateAVFoundationObjC::getStartDate`), so half a second, plus 1 ms for the
 * millisecond rounding of older versions.
 */
export const START_DATE_ROUNDING_MS = 501;
/** Longest playlist read (characters); a media playlist of a 4-hour DVR window is far smaller. */
export const MAX_PLAYLIST_CHARS = 4_000_000;
/** A playlist request still running after this long is abandoned. */
export const PLAYLIST_TIMEOUT_MS = 10_000;

/** Options of {@link fetchMediaPlaylist}. */
export interface PlaylistFetchOptions {
  /** Stops the request (the engine's signal). */
  signal: AbortSignal;
  /** Injected for tests; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
  /** Timer of the request timeout; injected by tests. */
  clock?: Clock;
}

/**
 * Fetches the media playlist a native HLS `<video>` plays, to read its segments' exact program
 * date-times: `src` itself, or the first variant of a multivariant playlist (variants of one
 * stream carry the same dates). At most two requests, each bounded in time and size; anything
 * unexpected (not http(s), an HTTP error, not a playlist, too large) gives `undefined`.
 */
export async function fetchMediaPlaylist(
  src: string,
  options: PlaylistFetchOptions,
): Promise<MediaPlaylist | undefined> {
  const first = await fetchPlaylist(src, options);
  if (!first || first.playlist instanceof CuecartError) return undefined;
  if (first.playlist.kind === 'media') return first.playlist;
  const variant = first.playlist.variants[0];
  if (variant === undefined) return undefined;
  const second = await fetchPlaylist(resolve(variant, first.url), options);
  return second && !(second.playlist instanceof CuecartError) && second.playlist.kind === 'media'
    ? second.playlist
    : undefined;
}

/**
 * The exact program date-time anchors of a native playback, from its media playlist and
 * Safari's rounded start date: the one segment whose date lies within
 * {@link START_DATE_ROUNDING_MS} of `startDate` is taken as media time 0, and every dated
 * segment from it on is placed by the playlist's durations after it. `undefined` when no segment
 * or more than one matches (Safari's timeline does not start at a segment the playlist lists).
 */
export function anchorsFromPlaylist(
  playlist: MediaPlaylist,
  startDate: number,
): DateAnchor[] | undefined {
  const matches = playlist.segments.filter(
    (s) => s.date !== undefined && Math.abs(s.date - startDate) <= START_DATE_ROUNDING_MS,
  );
  if (matches.length !== 1) return undefined;
  const zero = matches[0]!;
  const anchors: DateAnchor[] = [];
  for (const segment of playlist.segments) {
    if (segment.start < zero.start || segment.date === undefined) continue;
    anchors.push({
      mediaTime: segment.start - zero.start,
      date: segment.date,
      duration: segment.duration,
    });
  }
  return anchors;
}

async function fetchPlaylist(
  url: string,
  options: PlaylistFetchOptions,
): Promise<{ playlist: ReturnType<typeof parsePlaylist>; url: string } | undefined> {
  const safe = safeUrl(url);
  if (safe === undefined || options.signal.aborted) return undefined;
  const clock = options.clock ?? systemClock;
  const abort = new AbortController();
  const stop = () => abort.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  const timer = clock.setTimeout(stop, PLAYLIST_TIMEOUT_MS);
  try {
    const doFetch = options.fetch ?? globalThis.fetch;
    const response = await doFetch(safe, { signal: abort.signal });
    if (!response.ok) return undefined;
    const length = Number(response.headers.get('Content-Length'));
    if (length > MAX_PLAYLIST_CHARS) return undefined;
    const text = await response.text();
    if (text.length > MAX_PLAYLIST_CHARS) return undefined;
    return { playlist: parsePlaylist(text), url: response.url || safe };
  } catch {
    return undefined;
  } finally {
    clock.clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

/** A variant URI resolved against its multivariant playlist's URL (and the page, if relative). */
function resolve(uri: string, base: string): string {
  try {
    return new URL(uri, new URL(base, globalThis.location?.href)).href;
  } catch {
    return '';
  }
}
