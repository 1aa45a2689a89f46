import { waitUntil } from '@open-wc/testing';
import { callbackAdapter } from '../../src/commerce/adapters/callback.js';
import type { Cart, CartLineInput, CheckoutAdapter } from '../../src/commerce/checkout-adapter.js';
import { defineCuecart } from '../../src/define-elements.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import type { CuecartErrorDetail } from '../../src/internal/errors.js';
import type { CuecartMiniCart } from '../../src/ui/mini-cart/mini-cart.js';
import type { CuecartProductCard } from '../../src/ui/product-card/product-card.js';

/** Fixture URLs served by the test runner from test/fixtures. */
export const FIXTURES = {
  tsId3: '/test/fixtures/hls-ts-id3/index.m3u8',
  fmp4Emsg: '/test/fixtures/hls-fmp4-emsg/index.m3u8',
  plainTs: '/test/fixtures/hls-plain-ts/index.m3u8',
  daterange: '/test/fixtures/hls-daterange/index.m3u8',
  multivariant: '/test/fixtures/hls-multivariant/index.m3u8',
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

/**
 * For a `describe` whose tests mount players: registers an `afterEach` that removes every player
 * mounted through the returned function (same arguments as {@link createPlayer}) during the
 * test, also when it failed. Not for players whose collection a test checks: the list holds
 * them until the test ends.
 */
export function playersRemovedAfterEach(): typeof createPlayer {
  const mounted = new Set<CuecartPlayer>();
  afterEach(() => {
    for (const player of mounted) player.remove();
    mounted.clear();
  });
  return (attributes) => {
    const player = createPlayer(attributes);
    mounted.add(player);
    return player;
  };
}

/**
 * A host's USD cart holding `lines` at 10.00 each, keyed `line-0`, `line-1`…; `title` names a
 * line (default: its product id).
 */
export function cartOfLines(
  lines: readonly CartLineInput[],
  title: (line: CartLineInput) => string = (line) => line.productId,
): Cart {
  return {
    currency: 'USD',
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: lines.reduce((n, l) => n + l.quantity * 1000, 0),
    lines: lines.map((line, i) => ({
      key: `line-${i}`,
      variantId: line.variantId,
      productId: line.productId,
      title: title(line),
      quantity: line.quantity,
      price: 1000,
      linePrice: 1000 * line.quantity,
    })),
  };
}

/**
 * A host cart of its own behind a {@link callbackAdapter}: every add appends a line (no
 * merging; see {@link cartOfLines}), so a test can tell its cart works and sees only its lines.
 */
export function hostCartAdapter(): CheckoutAdapter {
  let lines: CartLineInput[] = [];
  return callbackAdapter({
    addToCart(line) {
      lines = [...lines, line];
      return cartOfLines(lines);
    },
    getCart: () => cartOfLines(lines),
  });
}

/**
 * Polls `predicate` until it holds, or rejects with `message` after `timeout` ms. Unlike
 * open-wc's `waitUntil`, it leaves no timer behind when it settles: a pending timeout closing
 * over a player would keep a removed player reachable (and fake a leak in the stress tests).
 */
export function waitFor(
  predicate: () => boolean,
  message: string,
  { timeout = 15_000, interval = 30 } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (predicate()) resolve();
      else if (performance.now() - started > timeout) reject(new Error(message));
      else setTimeout(poll, interval);
    };
    poll();
  });
}

/** The player's shadow `<video>`. */
export function videoOf(player: CuecartPlayer): HTMLVideoElement {
  const video = player.shadowRoot?.querySelector('video');
  if (!video) throw new Error('player has not rendered its <video>');
  return video;
}

/** Plays `player` and resolves once its media time has advanced past `seconds`. */
export async function playsPast(player: CuecartPlayer, seconds: number, timeout = 20_000) {
  await player.updateComplete;
  await player.play();
  await waitFor(
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

/** The first element of `el`'s shadow root with `part` containing `name`, or null. */
export function shadowPart<T extends HTMLElement = HTMLElement>(
  el: Element | null | undefined,
  name: string,
): T | null {
  return el?.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

/** Every element of `el`'s shadow root with `part` containing `name`. */
export function shadowParts<T extends HTMLElement = HTMLElement>(
  el: Element | null | undefined,
  name: string,
): T[] {
  return [...(el?.shadowRoot?.querySelectorAll<T>(`[part~="${name}"]`) ?? [])];
}

/** The player's featured product card, if one is shown. */
export function cardOf(player: CuecartPlayer): CuecartProductCard | null {
  return player.shadowRoot!.querySelector<CuecartProductCard>('cuecart-product-card');
}

/** The mini cart inside the player. */
export function miniCartOf(player: CuecartPlayer): CuecartMiniCart {
  return player.shadowRoot!.querySelector<CuecartMiniCart>('cuecart-mini-cart')!;
}

/** Seeks once the duration is known and resolves on `seeked`. */
export async function seekTo(player: CuecartPlayer, time: number): Promise<void> {
  await waitUntil(() => Number.isFinite(player.duration) && player.duration > 0, 'no duration', {
    timeout: 15_000,
  });
  const video = videoOf(player);
  const seeked = new Promise((resolve) =>
    video.addEventListener('seeked', resolve, { once: true }),
  );
  player.currentTime = time;
  await seeked;
}

/**
 * Waits for `cues` cues, seeks to `time`, and resolves once the card features `title` with its
 * add button rendered and the player has read its cart (so a test's own store writes come after).
 */
export async function feature(
  player: CuecartPlayer,
  time: number,
  title: string,
  cues = 4,
): Promise<void> {
  await waitUntil(() => player.cueList.length >= cues, `only ${player.cueList.length} cues`, {
    timeout: 15_000,
  });
  await seekTo(player, time);
  await waitUntil(
    () =>
      cardOf(player)?.product?.title === title && shadowPart(cardOf(player), 'add-button') !== null,
    `card shows ${cardOf(player)?.product?.title ?? 'nothing'}, expected ${title}`,
    { timeout: 10_000 },
  );
  await cardOf(player)!.updateComplete;
  await waitUntil(() => player.cartStore?.$status.get().state === 'idle');
}
