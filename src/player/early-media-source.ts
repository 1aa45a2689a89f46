/**
 * A MediaSource opened on the player's `<video>` while hls.js is still downloading, and handed to
 * hls.js when it starts (`attachMedia({ media, mediaSource })`, hls.js's API for a MediaSource it
 * did not create). A MediaSource takes ~20–35 ms to open in Chromium (the media pipeline starts on
 * other threads); a page that creates it only once hls.js has run waits that long on top of
 * hls.js, a page that creates it early does not. See
 * docs/decisions/0079-media-source-opened-before-hls-js.md.
 *
 * Plain DOM: it imports neither hls.js nor Lit, so the player loader carries it.
 * @module
 */

/** A MediaSource attached to a `<video>` through an object URL, not yet handed to hls.js. */
export interface EarlyMediaSource {
  /** The MediaSource: `closed` until the media element has opened it, then `open`. */
  readonly mediaSource: MediaSource;
  /** Its object URL, the video's `src` while it is attached. */
  readonly url: string;
}

/**
 * Opens a MediaSource on `video` for hls.js, or returns undefined where hls.js would not use a
 * plain `MediaSource`: without Media Source Extensions, and where `ManagedMediaSource` exists
 * (Safari), which hls.js prefers and attaches its own way (through a `<source>` element). The
 * video must have no source of its own.
 */
export function openEarlyMediaSource(video: HTMLVideoElement): EarlyMediaSource | undefined {
  const g = globalThis as { ManagedMediaSource?: unknown; MediaSource?: typeof MediaSource };
  if (typeof g.ManagedMediaSource === 'function' || typeof g.MediaSource !== 'function') {
    return undefined;
  }
  if (video.hasAttribute('src') || video.querySelector('source')) return undefined;
  try {
    const mediaSource = new g.MediaSource();
    const url = URL.createObjectURL(mediaSource);
    video.src = url;
    return { mediaSource, url };
  } catch {
    return undefined;
  }
}

/**
 * Whether `early` is still `video`'s source (not replaced by another meanwhile), and so may be
 * handed to hls.js — open already, or opening.
 */
export function isAttached(video: HTMLVideoElement, early: EarlyMediaSource): boolean {
  return video.getAttribute('src') === early.url;
}

/**
 * Detaches a MediaSource that hls.js will not take: revokes its object URL and, when it is still
 * `video`'s source, empties the video (which closes it).
 */
export function releaseEarlyMediaSource(video: HTMLVideoElement, early: EarlyMediaSource): void {
  URL.revokeObjectURL(early.url);
  if (!isAttached(video, early)) return;
  video.removeAttribute('src');
  video.load();
}
