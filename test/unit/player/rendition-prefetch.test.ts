import { expect } from '@open-wc/testing';
import type {
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderResponse,
  PlaylistLoaderContext,
} from 'hls.js';
import type { PrefetchedPlaylist } from '../../../src/player/playlist-prefetch.js';
import { prefetchedPlaylistLoader } from '../../../src/player/prefetched-playlist-loader.js';
import { MAX_RENDITIONS, renditionUrls } from '../../../src/player/rendition-prefetch.js';
import { fakeBase, delivered } from '../../helpers/fake-hls-loader.js';

const BASE = 'https://cdn.example/shows/aurora/master.m3u8';
const playlist = (lines: string[], url = BASE) => ({
  url,
  status: 200,
  text: ['#EXTM3U', ...lines].join('\n'),
});
const at = (path: string) => `https://cdn.example/shows/aurora/${path}`;

describe('renditionUrls', () => {
  it('names every variant and audio rendition playlist, once each, resolved against the final URL', () => {
    const master = playlist([
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",DEFAULT=YES,URI="audio/en.m3u8"',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Muxed",DEFAULT=NO',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",URI="subs/en.m3u8"',
      '#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID="cc",NAME="CC1",INSTREAM-ID="CC1"',
      '#EXT-X-STREAM-INF:BANDWIDTH=800000,AUDIO="aac",SUBTITLES="subs"',
      'low/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=2400000,AUDIO="aac",SUBTITLES="subs"',
      'https://edge.example/high/index.m3u8?token=1',
      '#EXT-X-STREAM-INF:BANDWIDTH=800001,AUDIO="aac"',
      'low/index.m3u8',
      '#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="low/iframes.m3u8"',
    ]);
    expect(renditionUrls(master)).to.deep.equal([
      at('audio/en.m3u8'),
      at('low/index.m3u8'),
      'https://edge.example/high/index.m3u8?token=1',
    ]);
    const redirected = { ...master, url: 'https://edge.example/a/master.m3u8' };
    expect(renditionUrls(redirected)[0]).to.equal('https://edge.example/a/audio/en.m3u8');
  });

  it('names nothing for a media playlist, a script URL, or more renditions than it requests', () => {
    expect(renditionUrls(playlist(['#EXTINF:2,', 'seg-00.ts', '#EXT-X-ENDLIST']))).to.deep.equal(
      [],
    );
    const script = playlist(['#EXT-X-STREAM-INF:BANDWIDTH=1', 'javascript:alert(1)']);
    expect(renditionUrls(script)).to.deep.equal([]);
    const many = playlist(
      Array.from({ length: MAX_RENDITIONS + 1 }, (_, i) => [
        `#EXT-X-STREAM-INF:BANDWIDTH=${(i + 1) * 100000}`,
        `v${i}.m3u8`,
      ]).flat(),
    );
    expect(renditionUrls(many)).to.deep.equal([]);
    expect(renditionUrls({ url: BASE, status: 200, text: '<html>' })).to.deep.equal([]);
  });
});

describe('prefetchedPlaylistLoader, renditions', () => {
  const MASTER = new URL('/show/master.m3u8', location.href).href;
  const LOW = new URL('/show/low.m3u8', location.href).href;
  const HIGH = new URL('/show/high.m3u8', location.href).href;
  const early = (url: string, text: string | null): PrefetchedPlaylist => ({
    url,
    startedAt: performance.now() - 50,
    result: Promise.resolve(text === null ? null : { url, status: 200, text }),
  });

  async function load(
    Loader: ReturnType<typeof prefetchedPlaylistLoader>,
    type: string,
    url: string,
  ) {
    const received: unknown[] = [];
    new Loader({} as HlsConfig).load(
      { type, url, responseType: 'text', level: 0, id: null } as PlaylistLoaderContext,
      {} as LoaderConfiguration,
      {
        onSuccess: (response: LoaderResponse) => received.push(response.data),
      } as unknown as LoaderCallbacks<PlaylistLoaderContext>,
    );
    await delivered();
    return received.length ? received[0] : 'none';
  }

  it('answers the first load of each rendition playlist from its early request', async () => {
    const { FakeLoader, loads } = fakeBase();
    const master: PrefetchedPlaylist = {
      ...early(MASTER, '#EXTM3U\n'),
      renditions: Promise.resolve([early(LOW, 'low'), early(HIGH, null)]),
    };
    const Loader = prefetchedPlaylistLoader(FakeLoader, master);
    await delivered();
    expect(await load(Loader, 'manifest', MASTER)).to.equal('#EXTM3U\n');
    expect(await load(Loader, 'level', LOW)).to.equal('low');
    // A reload of it, a failed early request, an unknown playlist: hls.js's own loader.
    expect(await load(Loader, 'level', LOW)).to.equal('none');
    expect(await load(Loader, 'level', HIGH)).to.equal('none');
    expect(await load(Loader, 'audioTrack', new URL('/show/en.m3u8', location.href).href)).to.equal(
      'none',
    );
    expect(loads).to.deep.equal([
      `level ${LOW}`,
      `level ${HIGH}`,
      `audioTrack ${new URL('/show/en.m3u8', location.href).href}`,
    ]);
  });

  it('hands hls.js the start variant only once the segments requested from it are known', async () => {
    const { FakeLoader, loads } = fakeBase();
    let settle!: (segments: []) => void;
    const segments = new Promise<[]>((resolve) => (settle = resolve));
    // The start variant's playlist is in, its segment list not yet (segment-prefetch.ts).
    const low: PrefetchedPlaylist = { ...early(LOW, 'low'), segments };
    const master: PrefetchedPlaylist = {
      ...early(MASTER, '#EXTM3U\n'),
      segments,
      renditions: Promise.resolve([low, early(HIGH, 'high')]),
    };
    const Loader = prefetchedPlaylistLoader(FakeLoader, master);
    await delivered();
    const received: unknown[] = [];
    new Loader({} as HlsConfig).load(
      {
        type: 'level',
        url: LOW,
        responseType: 'text',
        level: 0,
        id: null,
      } as PlaylistLoaderContext,
      {} as LoaderConfiguration,
      {
        onSuccess: (response: LoaderResponse) => received.push(response.data),
      } as unknown as LoaderCallbacks<PlaylistLoaderContext>,
    );
    // Another variant is not held back.
    expect(await load(Loader, 'level', HIGH)).to.equal('high');
    expect(received).to.deep.equal([]);
    settle([]);
    await delivered();
    expect(received).to.deep.equal(['low']);
    expect(loads).to.deep.equal([]);
  });

  it('falls back at once, without waiting for segments, when the start variant’s request failed', async () => {
    const { FakeLoader, loads } = fakeBase();
    const never = new Promise<[]>(() => {});
    const low: PrefetchedPlaylist = { ...early(LOW, null), segments: never };
    const master: PrefetchedPlaylist = {
      ...early(MASTER, '#EXTM3U\n'),
      segments: never,
      renditions: Promise.resolve([low]),
    };
    const Loader = prefetchedPlaylistLoader(FakeLoader, master);
    await delivered();
    expect(await load(Loader, 'level', LOW)).to.equal('none');
    expect(loads).to.deep.equal([`level ${LOW}`]);
  });
});
