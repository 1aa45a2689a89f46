import type { MediaPlaylist, MultivariantPlaylist } from '../cues/media-playlist.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { CuecartError } from '../internal/errors.js';
import { safeUrl } from '../internal/url-policy.js';

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
 * unexpected (not http(s), an HTTP error, not a playlist, too large, the parser's chunk not
 * loading) gives `undefined`. The playlist parser is imported here, in parallel with the first
 * request: only native HLS playback needs it, after its start date is known.
 */
export async function fetchMediaPlaylist(
  src: string,
  options: PlaylistFetchOptions,
): Promise<MediaPlaylist | undefined> {
  const parser = import('../cues/media-playlist.js').then(
    (module) => module.parsePlaylist,
    () => undefined,
  );
  const first = await fetchPlaylist(src, options, parser);
  if (!first || first.playlist instanceof CuecartError) return undefined;
  if (first.playlist.kind === 'media') return first.playlist;
  const variant = first.playlist.variants[0];
  if (variant === undefined) return undefined;
  const second = await fetchPlaylist(resolve(variant, first.url), options, parser);
  return second && !(second.playlist instanceof CuecartError) && second.playlist.kind === 'media'
    ? second.playlist
    : undefined;
}

/** The playlist parser (`parsePlaylist`), or undefined when its module could not be loaded. */
type PlaylistParser = Promise<
  ((text: string) => MediaPlaylist | MultivariantPlaylist | CuecartError) | undefined
>;

async function fetchPlaylist(
  url: string,
  options: PlaylistFetchOptions,
  parser: PlaylistParser,
): Promise<
  { playlist: MediaPlaylist | MultivariantPlaylist | CuecartError; url: string } | undefined
> {
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
    const parsePlaylist = await parser;
    if (!parsePlaylist) return undefined;
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
