import { waitUntil } from '@open-wc/testing';
import { defineCuecart } from '../../src/define-elements.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import type { CuecartErrorDetail } from '../../src/internal/errors.js';

/** Fixture URLs served by the test runner from test/fixtures. */
export const FIXTURES = {
  tsId3: '/test/fixtures/hls-ts-id3/index.m3u8',
  fmp4Emsg: '/test/fixtures/hls-fmp4-emsg/index.m3u8',
  plainTs: '/test/fixtures/hls-plain-ts/index.m3u8',
  daterange: '/test/fixtures/hls-daterange/index.m3u8',
  badId3: '/test/fixtures/hls-ts-bad-id3/index.m3u8',
  mp4: '/test/fixtures/mp4/show.mp4',
  garbage: '/test/fixtures/bad/garbage.m3u8',
  liveTs: '/live/ts/index.m3u8',
  liveFmp4: '/live/fmp4/index.m3u8',
  cuesJson: '/test/fixtures/cues/show.json',
  cuesVtt: '/test/fixtures/cues/show.vtt',
} as const;

/** Creates a muted, autoplaying player in the document; the caller removes it. */
export function createPlayer(attributes: Record<string, string | boolean> = {}): CuecartPlayer {
  defineCuecart();
  const player = document.createElement('cuecart-player');
  player.muted = true;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) player.setAttribute(name, '');
    else if (value !== false) player.setAttribute(name, value);
  }
  player.style.width = '640px';
  document.body.append(player);
  return player;
}

/** The player's shadow `<video>`. */
export function videoOf(player: CuecartPlayer): HTMLVideoElement {
  const video = player.shadowRoot?.querySelector('video');
  if (!video) throw new Error('player has not rendered its <video>');
  return video;
}

/** Resolves once the player's media time has advanced past `seconds`. */
export async function playsPast(player: CuecartPlayer, seconds: number, timeout = 20_000) {
  await player.updateComplete;
  await player.play();
  await waitUntil(
    () => player.currentTime > seconds,
    `playback did not pass ${seconds}s (at ${player.currentTime}, error: ${player.error?.message})`,
    { timeout, interval: 50 },
  );
}

/** Resolves with the next `cuecart-error` detail the player dispatches. */
export function nextError(player: CuecartPlayer): Promise<CuecartErrorDetail> {
  return new Promise((resolve) =>
    player.addEventListener('cuecart-error', (e) => resolve(e.detail), { once: true }),
  );
}

/** Resource URLs the page has requested so far that match `pattern`. */
export function requested(pattern: RegExp): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(name));
}
