import type { MediaState } from '../../state/media-store.js';
import { dispatchCuecartEvent } from '../shared/ui-events.js';

/** What keyboard shortcuts can do to a player. */
export interface ShortcutActions {
  togglePlay(): void;
  seekBy(seconds: number): void;
  toggleMute(): void;
  toggleFullscreen(): void;
}

/** Seconds an arrow key seeks. */
export const SEEK_STEP = 5;

/**
 * Media shortcuts (Space/K play-pause, ←/→ seek, M mute, F full screen), applied only to keys
 * pressed while the player's stage has focus and never when a control, form field, link or the
 * cart dialog is the origin, so the host page and the shopping UI keep their own keys.
 * Returns whether the key was handled (its default is then prevented).
 */
export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions): boolean {
  const origin = event.composedPath()[0];
  if (
    event.defaultPrevented ||
    event.altKey ||
    event.ctrlKey ||
    event.metaKey ||
    (origin instanceof Element &&
      origin.closest('input, select, textarea, button, a, [role="dialog"], [contenteditable]'))
  ) {
    return false;
  }
  switch (event.key) {
    case ' ':
    case 'k':
    case 'K':
      actions.togglePlay();
      break;
    case 'ArrowLeft':
      actions.seekBy(-SEEK_STEP);
      break;
    case 'ArrowRight':
      actions.seekBy(SEEK_STEP);
      break;
    case 'm':
    case 'M':
      actions.toggleMute();
      break;
    case 'f':
    case 'F':
      actions.toggleFullscreen();
      break;
    default:
      return false;
  }
  event.preventDefault();
  return true;
}

/**
 * Turns a media shortcut pressed on the stage into the request a control would raise
 * (`cuecart-request-play`, `-seek`, `-mute`, `-fullscreen`), dispatched from the stage so the
 * player's request map answers keys and buttons the same way.
 */
export function requestShortcut(event: KeyboardEvent, media: MediaState): boolean {
  const stage = event.currentTarget;
  if (!stage) return false;
  return handleShortcut(event, {
    togglePlay: () =>
      dispatchCuecartEvent(
        stage,
        media.paused ? 'cuecart-request-play' : 'cuecart-request-pause',
        {},
      ),
    seekBy: (delta) =>
      dispatchCuecartEvent(stage, 'cuecart-request-seek', { time: media.currentTime + delta }),
    toggleMute: () => dispatchCuecartEvent(stage, 'cuecart-request-mute', { muted: !media.muted }),
    toggleFullscreen: () =>
      dispatchCuecartEvent(stage, 'cuecart-request-fullscreen', { fullscreen: !media.fullscreen }),
  });
}
