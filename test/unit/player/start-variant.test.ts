import { expect } from '@open-wc/testing';
import Hls from 'hls.js';
import HlsLight from 'hls.js/light';
import type { HlsConfig, LoaderCallbacks, LoaderContext } from 'hls.js';
import { startVariantUrl } from '../../../src/player/start-variant.js';
import { fakeBase } from '../../helpers/fake-hls-loader.js';

const MASTER = 'https://cdn.example/shows/aurora/master.m3u8';
const at = (path: string) => `https://cdn.example/shows/aurora/${path}`;
const AVC = 'CODECS="avc1.42c01e,mp4a.40.2"';

/** A multivariant playlist of `variants` (`[attributes, uri]`), with `head` tags first. */
function master(variants: [string, string][], head: string[] = []) {
  const lines = ['#EXTM3U', '#EXT-X-INDEPENDENT-SEGMENTS', ...head];
  for (const [attributes, uri] of variants) lines.push(`#EXT-X-STREAM-INF:${attributes}`, uri);
  return { url: MASTER, status: 200, text: lines.join('\n') };
}

/**
 * Ladders where hls.js's start is followed, each with the variant it starts with. Real hls.js
 * (both builds) checks every row below: a prediction that is off fails there.
 */
const LADDERS: Record<string, { variants: [string, string][]; starts: string }> = {
  'bottom-up, the second fits the default estimate (not the first listed)': {
    variants: [
      [`BANDWIDTH=400000,${AVC},RESOLUTION=640x360`, 'low.m3u8'],
      [`BANDWIDTH=450000,${AVC},RESOLUTION=640x360`, 'mid.m3u8'],
      [`BANDWIDTH=800000,${AVC},RESOLUTION=640x360`, 'high.m3u8'],
    ],
    starts: 'mid.m3u8',
  },
  'top-down: the first listed raises the estimate to itself': {
    variants: [
      [`BANDWIDTH=2400000,${AVC},RESOLUTION=1280x720`, '720.m3u8'],
      [`BANDWIDTH=1200000,${AVC},RESOLUTION=960x540`, '540.m3u8'],
      [`BANDWIDTH=600000,${AVC},RESOLUTION=640x360`, '360.m3u8'],
    ],
    starts: '720.m3u8',
  },
  'a middle rung listed first': {
    variants: [
      [`BANDWIDTH=1200000,${AVC},RESOLUTION=960x540`, '540.m3u8'],
      [`BANDWIDTH=2400000,${AVC},RESOLUTION=1280x720`, '720.m3u8'],
      [`BANDWIDTH=1100000,${AVC},RESOLUTION=640x360`, '360.m3u8'],
    ],
    starts: '540.m3u8',
  },
  'a first listed above 5 Mbit/s: the estimate stops at 5 Mbit/s': {
    variants: [
      [`BANDWIDTH=8000000,${AVC},RESOLUTION=1920x1080`, '1080.m3u8'],
      [`BANDWIDTH=4500000,${AVC},RESOLUTION=1280x720`, '720.m3u8'],
      [`BANDWIDTH=5200000,${AVC},RESOLUTION=1280x720`, '720-high.m3u8'],
    ],
    starts: '720.m3u8',
  },
  'every variant above the estimate, codecs named: the lowest': {
    variants: [
      [`BANDWIDTH=9000000,${AVC},RESOLUTION=1920x1080`, '1080.m3u8'],
      [`BANDWIDTH=7000000,${AVC},RESOLUTION=1280x720`, '720.m3u8'],
    ],
    starts: '720.m3u8',
  },
  'every variant above the estimate, no codecs: the first listed': {
    variants: [
      ['BANDWIDTH=9000000,RESOLUTION=1920x1080', '1080.m3u8'],
      ['BANDWIDTH=7000000,RESOLUTION=1280x720', '720.m3u8'],
    ],
    starts: '1080.m3u8',
  },
  'ordered by height before bandwidth': {
    variants: [
      [`BANDWIDTH=300000,${AVC},RESOLUTION=640x360`, 'first.m3u8'],
      [`BANDWIDTH=450000,${AVC},RESOLUTION=480x270`, 'small-rich.m3u8'],
      [`BANDWIDTH=350000,${AVC},RESOLUTION=960x540`, 'large-lean.m3u8'],
    ],
    starts: 'large-lean.m3u8',
  },
  'average bandwidth orders, peak bandwidth fits': {
    variants: [
      [`BANDWIDTH=480000,AVERAGE-BANDWIDTH=200000,${AVC}`, 'a.m3u8'],
      [`BANDWIDTH=490000,AVERAGE-BANDWIDTH=100000,${AVC}`, 'b.m3u8'],
      [`BANDWIDTH=700000,AVERAGE-BANDWIDTH=150000,${AVC}`, 'c.m3u8'],
    ],
    starts: 'a.m3u8',
  },
  'no attributes but bandwidth': {
    variants: [
      ['BANDWIDTH=200000', 'a.m3u8'],
      ['BANDWIDTH=499999', 'b.m3u8'],
      ['BANDWIDTH=500001', 'c.m3u8'],
    ],
    starts: 'b.m3u8',
  },
  'one variant': {
    variants: [[`BANDWIDTH=3000000,${AVC}`, 'only.m3u8']],
    starts: 'only.m3u8',
  },
};

describe('startVariantUrl', () => {
  for (const [name, { variants, starts }] of Object.entries(LADDERS)) {
    it(`names hls.js's start variant: ${name}`, () => {
      expect(startVariantUrl(master(variants))).to.equal(at(starts));
    });
  }

  it('resolves against the final URL and keeps query strings', () => {
    const redirected = {
      ...master([[`BANDWIDTH=400000,${AVC}`, 'v/index.m3u8?token=a%20b']]),
      url: 'https://edge.example/a/master.m3u8',
    };
    expect(startVariantUrl(redirected)).to.equal('https://edge.example/a/v/index.m3u8?token=a%20b');
  });

  it('names nothing where hls.js’s start is not the plain one it follows', () => {
    const two = (a: string, b: string) =>
      master([
        [`BANDWIDTH=400000,${a}`, 'a.m3u8'],
        [`BANDWIDTH=800000,${b}`, 'b.m3u8'],
      ]);
    const cases = {
      'a media playlist': { url: MASTER, status: 200, text: '#EXTM3U\n#EXTINF:2,\ns.ts\n' },
      'not a playlist': { url: MASTER, status: 200, text: '<html>' },
      'mixed codecs': two(AVC, 'CODECS="hvc1.1.6.L93.B0,mp4a.40.2"'),
      'codecs on some only': two(AVC, 'RESOLUTION=640x360'),
      'mixed frame rates': two('FRAME-RATE=30', 'FRAME-RATE=60'),
      'resolution on some only': two('RESOLUTION=640x360', AVC),
      HDR: two(`${AVC},VIDEO-RANGE=PQ`, `${AVC},VIDEO-RANGE=PQ`),
      HDCP: two('HDCP-LEVEL=TYPE-0', 'HDCP-LEVEL=TYPE-0'),
      pathways: two('PATHWAY-ID="a"', 'PATHWAY-ID="a"'),
      'a redundant copy': master([
        [`BANDWIDTH=400000,${AVC}`, 'a.m3u8'],
        [`BANDWIDTH=400000,${AVC}`, 'backup/a.m3u8'],
      ]),
      'content steering': master(
        [[`BANDWIDTH=400000,${AVC}`, 'a.m3u8']],
        ['#EXT-X-CONTENT-STEERING:SERVER-URI="/steer.json"'],
      ),
      'a start offset': master(
        [[`BANDWIDTH=400000,${AVC}`, 'a.m3u8']],
        ['#EXT-X-START:TIME-OFFSET=10'],
      ),
      variables: master(
        [[`BANDWIDTH=400000,${AVC}`, 'a.m3u8']],
        ['#EXT-X-DEFINE:NAME="x",VALUE="1"'],
      ),
      'a malformed resolution': two('RESOLUTION=640x360', 'RESOLUTION=wide'),
      'a malformed bandwidth': master([['BANDWIDTH=4e5', 'a.m3u8']]),
      'no bandwidth': two(AVC, 'AVERAGE-BANDWIDTH=300000'),
      'a script URI': master([[`BANDWIDTH=400000,${AVC}`, 'javascript:alert(1)']]),
      'a variant without its URI': {
        url: MASTER,
        status: 200,
        text: `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000\n`,
      },
    };
    for (const [name, playlist] of Object.entries(cases))
      expect(startVariantUrl(playlist), name).to.equal(null);
  });
});

/**
 * The first variant playlist real hls.js (`HlsClass`, default settings) asks for after being
 * handed `text` as its multivariant playlist: it is given no media and never answered further.
 */
async function hlsStartVariant(HlsClass: typeof Hls, text: string): Promise<string> {
  const { FakeLoader } = fakeBase();
  class ManifestOnly extends FakeLoader {
    override load(
      context: LoaderContext,
      config: unknown,
      callbacks: LoaderCallbacks<LoaderContext>,
    ) {
      super.load(context, config, callbacks);
      if (context.type !== 'manifest') return;
      const now = performance.now();
      this.stats.loading = { start: now, first: now, end: now };
      setTimeout(() =>
        callbacks.onSuccess({ url: context.url, data: text, code: 200 }, this.stats, context, null),
      );
    }
  }
  const hls = new HlsClass({ pLoader: ManifestOnly } as unknown as Partial<HlsConfig>);
  try {
    return await new Promise<string>((resolve, reject) => {
      hls.on(HlsClass.Events.LEVEL_LOADING, (_event, data) => resolve(data.url));
      hls.on(HlsClass.Events.ERROR, (_event, data) => reject(new Error(data.details)));
      hls.loadSource(MASTER);
      // As in a player: the media is there before hls.js picks (an empty buffer to start with).
      hls.attachMedia(document.createElement('video'));
    });
  } finally {
    hls.destroy();
  }
}

describe('startVariantUrl, against real hls.js', () => {
  for (const [build, HlsClass] of [
    ['full', Hls],
    ['light', HlsLight as typeof Hls],
  ] as const) {
    it(`predicts the variant hls.js (${build} build) loads first, for every ladder`, async () => {
      for (const [name, { variants }] of Object.entries(LADDERS)) {
        const playlist = master(variants);
        expect(await hlsStartVariant(HlsClass, playlist.text), name).to.equal(
          startVariantUrl(playlist),
        );
      }
    });
  }
});
