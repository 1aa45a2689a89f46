import { isEager, isMarkedNear } from './near-viewport.js';

/** `HTMLMediaElement.HAVE_CURRENT_DATA`: the current frame is decoded (a first frame shows). */
const HAVE_CURRENT_DATA = 2;

/** A `<cuecart-player>` once upgraded (only what this module reads). */
type UpgradedPlayer = Element & { updateComplete?: Promise<unknown> };

/** Options of {@link afterFirstFrames}. */
export interface FirstFramesOptions {
  /** Resolves at the latest after this many milliseconds (default 2,500). */
  capMs?: number;
}

/**
 * Resolves once the players that are starting in `doc` have shown their first frame, so that
 * work which is not needed for that frame (the shopping elements' registration and first
 * renders, docs/decisions/0063-shopping-ui-after-the-first-frame.md) does not compete with
 * hls.js for the main thread while the first segment is loaded, transmuxed and appended.
 *
 * A player counts as starting when it has a `src` and is eager or was found near the viewport
 * ({@link isMarkedNear}: a lazy player far away loads nothing; no position is measured here). It is done when its `<video>` has a current frame, fails
 * (`error`), or reports a playback `cuecart-error` (a `media-…` code). Resolves at once when no
 * player is starting, as soon as the viewer presses a key or a pointer anywhere in the document
 * (they may be reaching for the product list), and at the latest after `capMs` — a slow network
 * must not hold the shop back for long. Never rejects.
 */
export function afterFirstFrames(doc: Document, options: FirstFramesOptions = {}): Promise<void> {
  const view = doc.defaultView;
  if (!view) return Promise.resolve();
  const starting = Array.from(doc.querySelectorAll<UpgradedPlayer>('cuecart-player')).filter(
    (player) => player.hasAttribute('src') && (isEager(player) || isMarkedNear(player)),
  );
  if (starting.length === 0) return Promise.resolve();
  const stop = new AbortController();
  const { signal } = stop;
  return new Promise<void>((resolve) => {
    const done = () => {
      stop.abort();
      resolve();
    };
    const timer = view.setTimeout(done, options.capMs ?? 2_500);
    signal.addEventListener('abort', () => view.clearTimeout(timer), { once: true });
    for (const type of ['pointerdown', 'keydown'])
      doc.addEventListener(type, done, { capture: true, once: true, signal });
    void Promise.all(starting.map((player) => firstFrameOf(player, signal))).then(done);
  });
}

/** Resolves when `player`'s video has a frame, fails, or the player reports an error. */
async function firstFrameOf(player: UpgradedPlayer, signal: AbortSignal): Promise<void> {
  await player.updateComplete;
  const video = player.shadowRoot?.querySelector('video');
  if (!video || signal.aborted || video.readyState >= HAVE_CURRENT_DATA || video.error) return;
  await new Promise<void>((resolve) => {
    const options = { once: true, signal } as const;
    signal.addEventListener('abort', () => resolve(), { once: true });
    for (const type of ['loadeddata', 'error'])
      video.addEventListener(type, () => resolve(), options);
    // Only a playback failure ends the wait (a product lookup error does not).
    player.addEventListener(
      'cuecart-error',
      (event) => {
        const code = (event as CustomEvent<{ code?: unknown }>).detail?.code;
        if (typeof code === 'string' && code.startsWith('media-')) resolve();
      },
      { signal },
    );
  });
}
