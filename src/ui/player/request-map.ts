import {
  claimRequest,
  type CuecartEventDetail,
  type CuecartRequestName,
} from '../shared/ui-events.js';

/** What the player does for each request: the verbs the request map calls. */
export interface PlayerRequestTarget {
  play(): void;
  pause(): void;
  setMuted(muted: boolean): void;
  seek(time: number): void;
  goToLive(): void;
  setFullscreen(on: boolean): void;
  add(detail: CuecartEventDetail<'cuecart-request-add'>): void;
  changeLine(key: string, quantity: number): void;
  checkout(): void;
  toggleList(): void;
  closeList(): void;
}

type RequestHandlers = {
  [K in CuecartRequestName]: (target: PlayerRequestTarget, detail: CuecartEventDetail<K>) => void;
};

/**
 * Every request the player answers, in one place (after media-chrome's request map): the UI
 * inside the player, and slotted elements, raise `cuecart-request-*` events; the player claims
 * each one (`preventDefault`) and calls the matching verb. A request already claimed is left alone.
 */
export const playerRequestMap: RequestHandlers = {
  'cuecart-request-play': (player) => player.play(),
  'cuecart-request-pause': (player) => player.pause(),
  'cuecart-request-mute': (player, { muted }) => player.setMuted(muted),
  'cuecart-request-seek': (player, { time }) => {
    player.seek(time);
    player.closeList();
  },
  'cuecart-request-live': (player) => player.goToLive(),
  'cuecart-request-fullscreen': (player, { fullscreen }) => player.setFullscreen(fullscreen),
  'cuecart-request-add': (player, detail) => player.add(detail),
  'cuecart-request-change-line': (player, { key, quantity }) => player.changeLine(key, quantity),
  'cuecart-request-checkout': (player) => player.checkout(),
  'cuecart-request-toggle-list': (player) => player.toggleList(),
};

/**
 * Listens on `root` for every request in {@link playerRequestMap} and answers it through
 * `target`. Returns the function that removes the listeners.
 */
export function answerRequests(root: EventTarget, target: PlayerRequestTarget): () => void {
  const abort = new AbortController();
  for (const [type, handle] of Object.entries(playerRequestMap)) {
    root.addEventListener(
      type,
      (event) => {
        if (!claimRequest(event)) return;
        (handle as (t: PlayerRequestTarget, d: unknown) => void)(
          target,
          (event as CustomEvent).detail ?? {},
        );
      },
      { signal: abort.signal },
    );
  }
  return () => abort.abort();
}

/**
 * Enters or leaves full screen with `element`. Full screen can be refused (an iframe without
 * `allowfullscreen`); there is nothing to undo then.
 */
export async function setFullscreen(element: Element, on: boolean): Promise<void> {
  const doc = element.ownerDocument;
  try {
    if (on) await element.requestFullscreen();
    else if (doc.fullscreenElement === element) await doc.exitFullscreen();
  } catch {
    // Refused: the fullscreen state stays as the browser reports it.
  }
}
