import { expect, waitUntil } from '@open-wc/testing';
import type { CuecartErrorDetail } from '../../src/internal/errors.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import {
  cardOf,
  hostCartAdapter,
  nextError,
  playersRemovedAfterEach,
  playsPast,
  shadowPart,
} from '../helpers/player.js';

/**
 * A URL of the fault-injecting server (demo/server/media-faults.mjs) with a fresh session, so
 * request counts start at zero for each test.
 */
function faulty(rules: string, path: string): string {
  const session = Math.random().toString(36).slice(2, 10);
  return `/faults/${session}/${rules}/${path}`;
}

/** Every `cuecart-error` the player dispatches from now on. */
function collectErrors(player: CuecartPlayer): CuecartErrorDetail[] {
  const errors: CuecartErrorDetail[] = [];
  player.addEventListener('cuecart-error', (e) => errors.push(e.detail));
  return errors;
}

/** Adds a line through the player and resolves with the player's cart count afterwards. */
async function addOne(player: CuecartPlayer, productId: string): Promise<number> {
  const cart = await player.addToCart({ productId, variantId: `${productId}-v`, quantity: 1 });
  expect(cart, 'add to cart failed').to.not.equal(null);
  return player.cartStore!.$cart.get().itemCount;
}

const retryButton = (player: CuecartPlayer) =>
  shadowPart<HTMLButtonElement>(player, 'retry-button');
const statusText = (player: CuecartPlayer) =>
  shadowPart(player, 'stream-status')?.textContent?.trim() ?? '';

/** Short timeouts so a hung request costs the suite one second, not Cuecart's default eight. */
const FAST_TIMEOUTS = {
  fragLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 1_000,
      maxLoadTimeMs: 5_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 3, retryDelayMs: 100, maxRetryDelayMs: 400 },
    },
  },
};

describe('CuecartPlayer on a flaky CDN (real hls.js, faults from the local server)', () => {
  const mount = playersRemovedAfterEach();

  it('plays a VOD playlist that answers 500, 500 and then 200', async () => {
    const player = mount({ src: faulty('index.m3u8=s500.s500', 'hls-plain-ts/index.m3u8') });
    const errors = collectErrors(player);
    await playsPast(player, 0.5);
    expect(errors).to.deep.equal([]);
    expect(player.error).to.equal(null);
  });

  it('skips a segment that stays missing (404) and keeps playing, with cues and cart', async () => {
    // seg-00 is 0–2 s: the 404 is met at once and the jump lands 2 s in.
    const player = mount({ src: faulty('seg-00.ts=s404+', 'hls-ts-id3/index.m3u8') });
    player.adapter = hostCartAdapter();
    const errors = collectErrors(player);
    await playsPast(player, 3);
    expect(player.error).to.equal(null);
    const skipped = errors.filter((e) => e.code === 'media-segment-skipped');
    expect(skipped).to.have.length(1);
    expect(skipped[0]!.message).to.match(/skipped/);
    // The ID3 cue at 7 s still features its product; the cart still works.
    await waitUntil(() => cardOf(player)?.product?.id === 'ember-mug', 'no card at 7 s', {
      timeout: 10_000,
    });
    expect(await addOne(player, 'ember-mug')).to.equal(1);
  });

  it('skips a segment that never answers within the configured timeout', async () => {
    const player = mount();
    player.hlsConfig = FAST_TIMEOUTS;
    const errors = collectErrors(player);
    player.src = faulty('seg-01.ts=hang+', 'hls-plain-ts/index.m3u8');
    const started = performance.now();
    await playsPast(player, 4.5);
    // Two timeouts of 1 s (the first try and one retry), then the jump; the playhead reaches the
    // hole at 2 s anyway. Generous bound: no minutes-long spinner.
    expect(performance.now() - started).to.be.lessThan(12_000);
    expect(errors.map((e) => e.code)).to.deep.equal(['media-segment-skipped']);
  });

  it('reports a missing last segment as media-load-failed with a retry that resumes', async () => {
    // The last segment cannot be jumped (nothing after it). It 404s for the first try and the
    // three retries, then the CDN heals.
    const player = mount();
    player.hlsConfig = FAST_TIMEOUTS;
    const error = nextError(player);
    player.src = faulty('seg-11.ts=s404.s404.s404.s404', 'hls-plain-ts/index.m3u8');
    await playsPast(player, 0.2);
    player.currentTime = 21;
    const detail = await error;
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.match(/404/);
    await player.updateComplete;
    const button = retryButton(player);
    expect(button, 'no retry button').to.exist;
    expect(button!.textContent!.trim()).to.equal('Try again');
    button!.click();
    await waitUntil(() => player.error === null, 'retry did not clear the error');
    await playsPast(player, 22.5);
    expect(player.currentTime).to.be.greaterThan(20);
  });

  it('gives up with media-load-failed after a run of missing segments', async () => {
    const missing = ['01', '02', '03', '04'].map((n) => `seg-${n}.ts=s404+`);
    const player = mount();
    player.hlsConfig = FAST_TIMEOUTS;
    const errors = collectErrors(player);
    player.src = faulty(missing.join(';'), 'hls-plain-ts/index.m3u8');
    await player.play();
    const started = performance.now();
    await waitUntil(() => player.error !== null, 'no fatal error', { timeout: 20_000 });
    // Bounded: the policy's worst case plus a margin (stallLimitMs: 6 s with these timeouts).
    expect(performance.now() - started).to.be.lessThan(15_000);
    expect(player.error!.code).to.equal('media-load-failed');
    expect(errors.filter((e) => e.code === 'media-segment-skipped')).to.not.be.empty;
    await player.updateComplete;
    // "Try again" starts over from where playback stopped (and, the CDN still broken, says so).
    const again = nextError(player);
    retryButton(player)!.click();
    await waitUntil(() => player.error === null, 'retry did not clear the error');
    expect((await again).code).to.be.oneOf(['media-segment-skipped', 'media-load-failed']);
  });

  it('steps over a truncated segment and keeps playing', async () => {
    const player = mount({ src: faulty('seg-01.m4s=trunc+', 'hls-fmp4-emsg/index.m3u8') });
    await playsPast(player, 4.5);
    expect(player.error).to.equal(null);
  });

  it('reports segments that never decode as media-decode-failed with a retry', async () => {
    const player = mount({ src: faulty('*.m4s=trunc+', 'hls-fmp4-emsg/index.m3u8') });
    player.adapter = hostCartAdapter();
    const error = nextError(player);
    await player.play();
    let detail = await error;
    while (detail.code === 'product-unknown') detail = await nextError(player);
    expect(detail.code).to.equal('media-decode-failed');
    await player.updateComplete;
    const shown = shadowPart(player, 'error');
    expect(shown?.getAttribute('role')).to.equal('alert');
    expect(shown?.textContent).to.contain('could not be decoded');
    expect(retryButton(player)).to.exist;
    // The shopping UI outlives the video.
    expect(await addOne(player, 'aurora-headphones')).to.equal(1);
  });

  it('offers a retry for a progressive MP4 that failed to load', async () => {
    // The first GET and the status probe answer 404; the CDN then heals.
    const player = mount();
    const error = nextError(player);
    player.src = faulty('show.mp4=s404.s404', 'mp4/show.mp4');
    const detail = await error;
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.match(/404/);
    await player.updateComplete;
    retryButton(player)!.click();
    await playsPast(player, 0.5);
    expect(player.engine).to.equal('progressive');
    expect(player.error).to.equal(null);
  });

  it('rides out live playlist errors', async () => {
    const player = mount({ src: faulty('index.m3u8=ok.ok.s500.s500.s503', 'live/ts/index.m3u8') });
    const errors = collectErrors(player);
    await playsPast(player, 0.5);
    const at = player.currentTime;
    await waitUntil(() => player.currentTime > at + 4, 'live playback stopped', {
      timeout: 15_000,
    });
    expect(errors.filter((e) => e.code.startsWith('media-'))).to.deep.equal([]);
    expect(player.live).to.equal(true);
  });

  it('says "Reconnecting…" while a live playlist stops updating, and the cart keeps working', async () => {
    const player = mount({ src: faulty('index.m3u8=freeze@1', 'live/ts/index.m3u8') });
    player.adapter = hostCartAdapter();
    await playsPast(player, 0.5);
    await waitUntil(() => statusText(player) === 'Reconnecting…', 'no reconnecting status', {
      timeout: 15_000,
    });
    expect(shadowPart(player, 'stream-status')!.getAttribute('role')).to.equal('status');
    expect(player.error).to.equal(null);
    expect(await addOne(player, 'aurora-headphones')).to.equal(1);
  });

  it('says "The show has ended" when a live stream ends (EXT-X-ENDLIST)', async () => {
    const player = mount({ src: faulty('index.m3u8=end@1', 'live/ts/index.m3u8') });
    const errors = collectErrors(player);
    await playsPast(player, 0.5);
    await waitUntil(() => statusText(player) === 'The show has ended', 'no ended status', {
      timeout: 20_000,
    });
    expect(player.live).to.equal(false);
    expect(errors.filter((e) => e.code.startsWith('media-'))).to.deep.equal([]);
  });
});
