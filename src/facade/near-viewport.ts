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

/** Where an element records that it came near the viewport (shared by every copy of Cuecart). */
const NEAR = Symbol.for('cuecart.nearViewport');

/**
 * Records that `element` came near the viewport (or was asked to play): the player loader marks
 * each player it activates, so the real player, once registered, starts loading without
 * measuring its position again.
 */
export function markNear(element: Element): void {
  (element as Element & { [NEAR]?: boolean })[NEAR] = true;
}

/** Whether `element` was marked by {@link markNear}. */
export function isMarkedNear(element: Element): boolean {
  return (element as Element & { [NEAR]?: boolean })[NEAR] === true;
}

/**
 * Calls `onNear` once `element` comes within {@link LAZY_ROOT_MARGIN} of the viewport, unless
 * `signal` aborts first: at once when it is marked near ({@link markNear}, the loader's
 * activation), else from an IntersectionObserver's first report (the next rendering step). It
 * never measures the element synchronously: right after the player's first render that would
 * force a style and layout pass of its new shadow DOM in the middle of start-up
 * (docs/decisions/0065-no-forced-layout-at-start-up.md).
 */
export function whenNearViewport(element: Element, signal: AbortSignal, onNear: () => void): void {
  if (signal.aborted) return;
  if (isMarkedNear(element)) {
    onNear();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      markNear(element);
      onNear();
    },
    { rootMargin: LAZY_ROOT_MARGIN },
  );
  observer.observe(element);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
