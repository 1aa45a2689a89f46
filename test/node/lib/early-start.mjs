// Shared by the loaders' early-start tests (test/node/facade.test.mjs for the module loader,
// test/node/classic-loader.test.mjs for the classic one): what a page records about a player
// whose playback its loader starts before `<cuecart-player>` is defined, and the takeover checks.
import assert from 'node:assert/strict';

/**
 * A page script for the player `#p`: records its video as soon as it exists (and whether the
 * player was defined then), the start of the rendering step that presented the video's first
 * frame (rVFC's `now`, shared by every callback of that step), when the player got registered,
 * the first cue it entered, and every MediaSource the page creates (and when).
 */
export const WATCH_EARLY_PLAYER = `<script>
  window.mediaSources = [];
  window.MediaSource = class extends MediaSource {
    constructor() {
      super();
      mediaSources.push({ source: this, at: performance.now() });
    }
  };
  const player = document.getElementById('p');
  const find = () => {
    const video = player.shadowRoot?.querySelector('video');
    if (!video) return requestAnimationFrame(find);
    window.early = { video, defined: !!customElements.get('cuecart-player') };
    video.requestVideoFrameCallback((now) => (window.firstFrameAt = now));
  };
  find();
  customElements.whenDefined('cuecart-player').then(() => (window.definedAt = performance.now()));
  player.addEventListener('cuecart-cue-enter', (e) => (window.entered ??= e.detail.cue.id));
</script>`;

/**
 * Waits until `#p` has played 1.5 s and checks that the player took the loader's playback over:
 * the video was created before the player was defined and is the one video in its stage, the
 * facade is gone, hls.js plays, and the first frame came before the registration; and that
 * hls.js buffers into the one MediaSource the loader opened before hls.js had arrived
 * (docs/decisions/0079-media-source-opened-before-hls-js.md). Resolves with when that first
 * frame was presented.
 */
export async function assertTakenOver(page) {
  await page.waitForFunction(() => document.getElementById('p').currentTime > 1.5, null, {
    timeout: 30_000,
  });
  const state = await page.evaluate(() => {
    const p = document.getElementById('p');
    const videos = p.shadowRoot.querySelectorAll('video');
    return {
      createdBeforeDefined: window.early && !window.early.defined,
      sameVideo: videos.length === 1 && videos[0] === window.early.video,
      inStage: videos[0].parentElement?.getAttribute('part') === 'stage',
      facadeGone: !p.shadowRoot.querySelector('[part=facade]'),
      engine: p.engine,
      frameBeforeDefined: window.firstFrameAt < window.definedAt,
      oneMediaSource: window.mediaSources.length,
      buffersIntoIt: window.mediaSources[0]?.source.sourceBuffers.length > 0,
      openedBeforeHlsJs:
        window.mediaSources[0]?.at <
        performance
          .getEntriesByType('resource')
          .find((entry) => /\/hls[^/]*\.js$|\/chunks\/hls/.test(entry.name))?.responseEnd,
    };
  });
  assert.deepEqual(state, {
    createdBeforeDefined: true,
    sameVideo: true,
    inStage: true,
    facadeGone: true,
    engine: 'hls.js',
    frameBeforeDefined: true,
    oneMediaSource: 1,
    buffersIntoIt: true,
    openedBeforeHlsJs: true,
  });
  return page.evaluate(() => window.firstFrameAt);
}

/** Checks that `#p` entered a cue (the ID3 cue at 1 s, parsed before the player existed). */
export async function assertCueEntered(page) {
  const entered = await page.waitForFunction(() => window.entered, null, { timeout: 10_000 });
  assert.ok(await entered.jsonValue());
}
