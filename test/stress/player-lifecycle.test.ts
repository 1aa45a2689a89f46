import { expect, waitUntil } from '@open-wc/testing';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import {
  FIXTURES,
  createPlayer,
  hostCartAdapter,
  playersRemovedAfterEach,
  playsPast,
  requested,
  videoOf,
} from '../helpers/player.js';
import { collectGarbage, probeResources, usedHeap, type ResourceProbe } from './resource-probe.js';

/**
 * One cycle: mounts a player with its own cart, plays it a little, removes it. Mounted with
 * `createPlayer`, which keeps no reference: whether the player can be collected is the check.
 */
async function mountPlayRemove(src: string): Promise<WeakRef<CuecartPlayer>> {
  const player = createPlayer({ src });
  player.adapter = hostCartAdapter();
  await playsPast(player, 0.1);
  player.remove();
  return new WeakRef(player);
}

/** Resolves once the player's media time has moved on by `seconds` from now. */
async function advances(player: CuecartPlayer, seconds: number) {
  const from = player.currentTime;
  await waitUntil(
    () => player.currentTime > from + seconds,
    `stuck at ${player.currentTime} (from ${from})`,
    { timeout: 15_000, interval: 50 },
  );
}

/** The sources a cycle rotates through: both HLS formats (hls.js), live, and a progressive MP4. */
const CYCLE_SOURCES = [FIXTURES.tsId3, FIXTURES.fmp4Emsg, FIXTURES.liveTs, FIXTURES.mp4];

describe('CuecartPlayer lifecycle under stress', () => {
  const mount = playersRemovedAfterEach();
  let probe: ResourceProbe | undefined;
  before(() => {
    // Hundreds of segment loads: the default buffer (250 entries) would fill and hide requests.
    performance.setResourceTimingBufferSize(100_000);
  });
  afterEach(() => {
    probe?.restore();
    probe = undefined;
  });

  it('leaves nothing running after 100 mount / play / remove cycles', async () => {
    // Warm-up: module loads, element definitions and first-use caches are not leaks.
    const warm = createPlayer({ src: FIXTURES.tsId3 });
    await playsPast(warm, 0.2);
    warm.remove();
    await collectGarbage();

    probe = probeResources();
    const baseline = {
      intervals: probe.intervals.size,
      timeouts: probe.timeouts.size,
      listeners: probe.globalListeners(),
    };
    const players: WeakRef<CuecartPlayer>[] = [];
    let heapAfter10 = 0;
    for (let cycle = 0; cycle < 100; cycle++) {
      // In a function of its own, so no local of this frame still points at the last player.
      players.push(await mountPlayRemove(CYCLE_SOURCES[cycle % CYCLE_SOURCES.length]!));
      if (cycle === 9) {
        await collectGarbage();
        heapAfter10 = usedHeap();
      }
    }
    // Teardown is synchronous apart from one microtask; give in-flight callbacks a moment, and
    // let nanostores' lazy unmount run: a store whose last listener left keeps one 1,000 ms
    // timeout (STORE_UNMOUNT_DELAY in nanostores/lifecycle) before it lets go of the stores it
    // derives from, which then wait their own 1,000 ms — so a chain of computed stores settles
    // one second per level. Bounded: timers that keep re-arming still fail below.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let waited = 0; waited < 8_000 && probe.timeouts.size > baseline.timeouts; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await collectGarbage();

    expect(probe.hlsRefs.length, 'hls.js instances created').to.equal(75);
    expect(probe.hlsInstances.size, 'hls.js instances not destroyed').to.equal(0);
    expect(probe.workers.size, 'workers still running').to.equal(0);
    expect(probe.intervals.size, 'intervals still running').to.equal(baseline.intervals);
    expect(
      probe.timeouts.size,
      `timeouts still pending:\n${probe.pendingTimeouts().join('\n')}`,
    ).to.be.at.most(baseline.timeouts);
    expect(probe.globalListeners(), 'listeners left on window/document').to.equal(
      baseline.listeners,
    );
    // Nothing keeps a removed player or its hls.js instance reachable.
    const alivePlayers = players.filter((ref) => ref.deref() !== undefined).length;
    const aliveHls = probe.hlsRefs.filter((ref) => ref.deref() !== undefined).length;
    const aliveIndexes = players.flatMap((ref, i) =>
      ref.deref() ? [i % CYCLE_SOURCES.length] : [],
    );
    expect(
      alivePlayers,
      `players still reachable (sources ${[...new Set(aliveIndexes)]})`,
    ).to.equal(0);
    expect(aliveHls, 'hls.js instances still reachable').to.equal(0);
    // And the heap does not grow with the cycles: 90 more cycles, well under 1 player's worth
    // each (a leaked player with hls.js and its buffers weighs megabytes).
    const growth = usedHeap() - heapAfter10;
    expect(growth, `heap grew by ${(growth / 1e6).toFixed(1)} MB`).to.be.lessThan(8e6);
  });

  it('keeps playing, position, cues and cart when a playing player moves in the DOM', async () => {
    probe = probeResources();
    const player = mount({ src: FIXTURES.tsId3 });
    player.adapter = hostCartAdapter();
    await playsPast(player, 1.2);
    await waitUntil(() => player.cueList.length >= 4, 'cues did not arrive', { timeout: 10_000 });
    await player.addToCart({ productId: 'ember-mug', variantId: 'ember-mug-v', quantity: 1 });
    expect(player.cartStore!.$cart.get().itemCount).to.equal(1);
    const video = videoOf(player);
    const playlistLoads = requested(/hls-ts-id3\/index\.m3u8/).length;
    const before = player.currentTime;

    const elsewhere = document.createElement('section');
    document.body.prepend(elsewhere);
    elsewhere.append(player);
    await player.updateComplete;

    expect(videoOf(player)).to.equal(video);
    expect(player.paused).to.equal(false);
    expect(player.currentTime).to.be.at.least(before);
    await advances(player, 0.5);
    expect(player.engine).to.equal('hls.js');
    expect(probe.hlsRefs.length, 'a new hls.js was created').to.equal(1);
    expect(probe.hlsInstances.size).to.equal(1);
    expect(requested(/hls-ts-id3\/index\.m3u8/).length, 'the playlist was reloaded').to.equal(
      playlistLoads,
    );
    expect(player.cueList.length).to.be.at.least(4);
    expect(player.cartStore!.$cart.get().itemCount).to.equal(1);
    player.remove();
    elsewhere.remove();
    await Promise.resolve();
    expect(probe.hlsInstances.size).to.equal(0);
  });

  it('runs eight players on one page, each with its own stream and cart', async () => {
    probe = probeResources();
    const sources = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? `/faults/eight-${i}/-/hls-ts-id3/index.m3u8`
        : `/faults/eight-${i}/-/hls-fmp4-emsg/index.m3u8`,
    );
    const players = sources.map((src) => {
      const player = mount({ src });
      player.style.width = '320px';
      player.adapter = hostCartAdapter();
      return player;
    });
    await Promise.all(players.map((player) => playsPast(player, 1, 60_000)));
    expect(probe.hlsInstances.size).to.equal(8);
    players.forEach((player, i) => {
      expect(player.src).to.equal(sources[i]);
      expect(player.error).to.equal(null);
      // Segments came from this player's own stream.
      expect(requested(new RegExp(`/faults/eight-${i}/-/.+/seg-`)).length).to.be.greaterThan(0);
    });
    // Each cart gets its own product; none sees another's.
    await Promise.all(
      players.map((player, i) =>
        player.addToCart({ productId: `product-${i}`, variantId: `variant-${i}`, quantity: 1 }),
      ),
    );
    players.forEach((player, i) => {
      const cart = player.cartStore!.$cart.get();
      expect(cart.lines.map((line) => line.productId)).to.deep.equal([`product-${i}`]);
    });
    // All eight keep playing.
    await Promise.all(players.map((player) => advances(player, 0.5)));
    // Pausing one pauses only that one.
    players[3]!.pause();
    await advances(players[4]!, 0.3);
    expect(players[3]!.paused).to.equal(true);
    expect(players.filter((player) => !player.paused)).to.have.length(7);
    for (const player of players) player.remove();
    await Promise.resolve();
    expect(probe.hlsInstances.size).to.equal(0);
  });
});
