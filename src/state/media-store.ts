import { map, type MapStore } from 'nanostores';
import type { CuecartErrorDetail } from '../internal/errors.js';

/** Media state of one player, as the controls and the host see it. */
export interface MediaState {
  /** The source being played, or '' when none. */
  src: string;
  paused: boolean;
  muted: boolean;
  /** Media time in seconds. */
  currentTime: number;
  /** Seconds; `Infinity` for live native playback, `NaN` before metadata. */
  duration: number;
  /** Start and end of the seekable range (the DVR window when live). */
  seekableStart: number;
  seekableEnd: number;
  live: boolean;
  /** Live only: media time where the playlist window starts (older cues can be forgotten). */
  liveWindowStart: number | null;
  /** Live and playing within a few seconds of the live edge. */
  atLiveEdge: boolean;
  waiting: boolean;
  ended: boolean;
  fullscreen: boolean;
  /**
   * Live only: the playlist stopped advancing or cannot be reloaded; the player keeps trying
   * (docs/resilience.md) and says "Reconnecting…".
   */
  reconnecting: boolean;
  /** A live stream ended (EXT-X-ENDLIST) and playback reached its end: "The show has ended". */
  showEnded: boolean;
  /** The fatal playback error, shown inside the player. */
  error: CuecartErrorDetail | null;
}

/** The state of a player that has no source yet. */
export function initialMediaState(): MediaState {
  return {
    src: '',
    paused: true,
    muted: false,
    currentTime: 0,
    duration: NaN,
    seekableStart: 0,
    seekableEnd: 0,
    live: false,
    liveWindowStart: null,
    atLiveEdge: false,
    waiting: false,
    ended: false,
    fullscreen: false,
    reconnecting: false,
    showEnded: false,
    error: null,
  };
}

/** Creates the media store of one player (never shared between players). */
export function createMediaStore(): MapStore<MediaState> {
  return map(initialMediaState());
}
