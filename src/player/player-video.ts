/**
 * The player's `<video>` element, created in one place for the player and for the player loader
 * (which creates it in the facade to start playback before the player is defined,
 * docs/decisions/0067-first-frame-before-the-player.md): both get the very same element.
 * @module
 */

/** The attributes of the player's `<video>` that follow the player's own. */
export interface VideoAttributes {
  /** Poster URL (already checked by the URL policy), or '' for none. */
  poster: string;
  /** Whether it autoplays. */
  autoplay: boolean;
  /** Whether a VOD loops. */
  loop: boolean;
}

const VIDEO_ATTRIBUTES = {
  part: 'video',
  playsinline: '',
  crossorigin: 'anonymous',
  preload: 'metadata',
};

/**
 * A new `<video part="video" playsinline crossorigin="anonymous" preload="metadata">`: inline on
 * phones, CORS so that hls.js may read its segments and a cross-origin poster does not taint it.
 */
export function createPlayerVideo(doc: Document): HTMLVideoElement {
  const video = doc.createElement('video');
  for (const [name, value] of Object.entries(VIDEO_ATTRIBUTES)) video.setAttribute(name, value);
  return video;
}

/** Sets `video`'s poster, autoplay and loop attributes (only what changed). */
export function setVideoAttributes(video: HTMLVideoElement, attributes: VideoAttributes): void {
  const { poster, autoplay, loop } = attributes;
  if (!poster) video.removeAttribute('poster');
  else if (video.getAttribute('poster') !== poster) video.setAttribute('poster', poster);
  video.toggleAttribute('autoplay', autoplay);
  video.toggleAttribute('loop', loop);
}
