/**
 * How far outside the viewport a lazy player starts loading: one viewport height above and
 * below (an IntersectionObserver `rootMargin`). Loading the player and hls.js takes a few hundred
 * milliseconds on a fast line; a viewer scrolling at reading speed covers a viewport in seconds.
 */
export const LAZY_ROOT_MARGIN = '100% 0px';

/** Whether a player's `loading` attribute asks to load at once (`eager`); the default is lazy. */
export function isEager(element: Element): boolean {
  return element.getAttribute('loading')?.trim().toLowerCase() === 'eager';
}

/**
 * Whether `element` is rendered within {@link LAZY_ROOT_MARGIN} of the viewport right now. A
 * synchronous check (one layout) so that a player in view starts without waiting a frame for
 * an IntersectionObserver; an element without a box (`display: none`, detached) is not near.
 */
export function isNearViewport(element: Element): boolean {
  if (!element.isConnected || element.getClientRects().length === 0) return false;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const { top, bottom, left, right } = element.getBoundingClientRect();
  const margin = view.innerHeight;
  return (
    bottom >= -margin && top <= view.innerHeight + margin && right >= 0 && left <= view.innerWidth
  );
}

/**
 * Calls `onNear` once `element` comes within {@link LAZY_ROOT_MARGIN} of the viewport (at once
 * when it already is), unless `signal` aborts first.
 */
export function whenNearViewport(element: Element, signal: AbortSignal, onNear: () => void): void {
  if (signal.aborted) return;
  if (isNearViewport(element)) {
    onNear();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      onNear();
    },
    { rootMargin: LAZY_ROOT_MARGIN },
  );
  observer.observe(element);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
