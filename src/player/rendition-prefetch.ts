/**
 * The rendition playlists of a multivariant playlist, requested before hls.js has arrived. A
 * bare hls.js page loads the multivariant playlist, then the variant (and audio) playlist it
 * picks, then a segment; the player loader already requests the first in parallel with hls.js
 * (playlist-prefetch.ts). Once it is in, this requests every rendition playlist hls.js may load
 * first — each variant's and each audio rendition's — in parallel, while hls.js is still
 * downloading; Cuecart's hls.js engine answers hls.js's first load of each from these requests
 * (`prefetched-playlist-loader.ts`). Which variant hls.js picks depends on its bandwidth estimate,
 * so all are requested: playlists are small text files, and a show rarely has more than a handful
 * (more than {@link MAX_RENDITIONS}: none are requested). Subtitle and I-frame playlists are not
 * loaded at start and are left alone (docs/decisions/0075-rendition-playlists-with-hls-js.md).
 * @module
 */
import { httpUrlIn } from '../internal/url-policy.js';
import { attributeValue } from './playlist-attributes.js';
import {
  prefetchedPlaylistOf,
  requestPlaylist,
  type PlaylistResponse,
  type PrefetchedPlaylist,
} from './playlist-prefetch.js';
import { hlsConfigChangesStart } from './segment-prefetch.js';

/** More rendition playlists than this: none are requested (the waste would outgrow the gain). */
export const MAX_RENDITIONS = 8;

/**
 * The URLs of the rendition playlists hls.js may load first after `playlist` — every variant
 * (`#EXT-X-STREAM-INF`'s URI) and every audio rendition with a URI (`#EXT-X-MEDIA:TYPE=AUDIO`),
 * without repeats — or an empty list for a media playlist, a URI that is not http(s), or more than
 * {@link MAX_RENDITIONS}. Pure; never throws.
 */
export function renditionUrls(playlist: PlaylistResponse): string[] {
  const lines = playlist.text.split(/\r?\n/).map((line) => line.trim());
  if (lines[0] !== '#EXTM3U') return [];
  const uris: string[] = [];
  let variant = false;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-STREAM-INF:')) variant = true;
    else if (line.startsWith('#EXT-X-MEDIA:')) {
      const attributes = line.slice(13);
      const uri = attributeValue(attributes, 'URI');
      if (attributeValue(attributes, 'TYPE') === 'AUDIO' && uri !== null) uris.push(uri);
    } else if (variant && line && !line.startsWith('#')) {
      uris.push(line);
      variant = false;
    }
  }
  const urls = [...new Set(uris.map((uri) => httpUrlIn(uri, playlist.url)))];
  if (urls.length > MAX_RENDITIONS || urls.some((url) => url === null)) return [];
  return urls as string[];
}

/**
 * Once `element`'s prefetched playlist (playlist-prefetch.ts) has arrived and if it is a
 * multivariant playlist, requests its rendition playlists ({@link renditionUrls}) in parallel and
 * keeps them with it (`renditions`) for the engine. Does nothing when the element has no
 * prefetched playlist, its renditions are already under way, or the page's `hlsConfig` changes
 * how hls.js requests. Failures are not reported here: hls.js then requests those playlists itself.
 */
export function prefetchRenditions(element: Element): void {
  const prefetched = prefetchedPlaylistOf(element);
  const view = element.ownerDocument.defaultView;
  if (!prefetched || prefetched.renditions || !view || hlsConfigChangesStart(element)) return;
  prefetched.renditions = prefetched.result.then((playlist): PrefetchedPlaylist[] =>
    playlist ? renditionUrls(playlist).map((url) => requestPlaylist(view, url)) : [],
  );
}
