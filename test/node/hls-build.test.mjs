// What `hls-build="light"` gives up, checked on the very chunks the CDN build ships rather than
// taken from hls.js's README: each build's `Hls.DefaultConfig` lists the controllers it has.
// docs/decisions/0045-hls-build-attribute.md quotes this list. Needs `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { benchBundle } from '../bench/bundle.mjs';
import { useServerAndBrowser } from './lib/browser-harness.mjs';

/** Controllers the light build lacks (hls.js config keys), and what each one is for. */
const FULL_ONLY = {
  subtitleStreamController: 'subtitle renditions (EXT-X-MEDIA TYPE=SUBTITLES)',
  subtitleTrackController: 'subtitle track selection',
  timelineController: 'in-band CEA-608/708 captions and WebVTT/IMSC1 cues',
  audioStreamController: 'alternate audio renditions (EXT-X-MEDIA TYPE=AUDIO)',
  audioTrackController: 'audio track selection',
  emeController: 'EME / DRM (Widevine, PlayReady, FairPlay)',
  cmcdController: 'CMCD (Common Media Client Data)',
  iframeController: 'I-frame playlists (EXT-X-I-FRAME-STREAM-INF, trick play)',
  interstitialsController: 'HLS interstitials (EXT-X-DATERANGE CLASS=com.apple.hls.interstitial)',
};
/** What Cuecart's cues need, present in both builds. */
const BOTH = [
  'id3TrackController',
  'abrController',
  'bufferController',
  'contentSteeringController',
];

const harness = useServerAndBrowser();

describe('hls.js chunks of dist/cdn', () => {
  it('the light build lacks exactly the documented controllers; both keep what cues need', async () => {
    const { hlsChunks } = await benchBundle();
    assert.ok(hlsChunks.full && hlsChunks.light, 'both hls.js chunks are built');
    const page = await harness.browser.newPage();
    try {
      await page.goto(new URL('/dist/cdn/cuecart.js', harness.server.url).href);
      const configs = {};
      for (const [build, path] of Object.entries(hlsChunks)) {
        configs[build] = await page.evaluate(async (url) => {
          const { default: Hls } = await import(url);
          return Object.fromEntries(
            Object.entries(Hls.DefaultConfig).map(([key, value]) => [key, Boolean(value)]),
          );
        }, `/dist/cdn/${path}`);
      }
      for (const key of Object.keys(FULL_ONLY)) {
        assert.equal(configs.full[key], true, `full build has ${key}`);
        assert.equal(configs.light[key], false, `light build lacks ${key}`);
      }
      for (const key of BOTH) {
        assert.equal(configs.full[key], true, `full build has ${key}`);
        assert.equal(configs.light[key], true, `light build has ${key}`);
      }
    } finally {
      await page.close();
    }
  });
});
