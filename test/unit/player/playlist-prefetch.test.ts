import { expect } from '@open-wc/testing';
import type {
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderResponse,
  PlaylistLoaderContext,
} from 'hls.js';
import {
  prefetchPlaylist,
  takePrefetchedPlaylist,
  type PlaylistResponse,
  type PrefetchedPlaylist,
} from '../../../src/player/playlist-prefetch.js';
import { prefetchedPlaylistLoader } from '../../../src/player/prefetched-playlist-loader.js';
import { fakeBase, delivered } from '../../helpers/fake-hls-loader.js';
import { FIXTURES, playersRemovedAfterEach, playsPast, requested } from '../../helpers/player.js';

const URL_A = new URL('/show/index.m3u8', location.href).href;

function prefetched(response: PlaylistResponse | null, url = URL_A): PrefetchedPlaylist {
  return { url, startedAt: performance.now() - 100, result: Promise.resolve(response) };
}

function context(type: string, url = URL_A): PlaylistLoaderContext {
  return { type, url, responseType: 'text', level: null, id: null } as PlaylistLoaderContext;
}

/** Loads `ctx` through `loader` and resolves with what its callbacks received (or 'none'). */
async function loadThrough(
  loader: Loader<PlaylistLoaderContext>,
  ctx: PlaylistLoaderContext,
): Promise<LoaderResponse | 'none'> {
  let received: LoaderResponse | 'none' = 'none';
  const callbacks = {
    onSuccess: (response: LoaderResponse) => (received = response),
    onError: () => {},
    onTimeout: () => {},
  } as unknown as LoaderCallbacks<PlaylistLoaderContext>;
  loader.load(ctx, {} as LoaderConfiguration, callbacks);
  await delivered();
  return received;
}

describe('prefetchedPlaylistLoader', () => {
  const text = '#EXTM3U\n#EXT-X-ENDLIST\n';
  const ok = { url: `${URL_A}?redirected`, status: 200, text };

  it('answers the first manifest load from the prefetch, and only that one', async () => {
    const { FakeLoader, loads } = fakeBase();
    const Loader = prefetchedPlaylistLoader(FakeLoader, prefetched(ok));
    const first = new Loader({} as HlsConfig);
    // hls.js holds the source as the page gave it: relative to the page.
    const response = await loadThrough(first, context('manifest', '/show/index.m3u8'));
    expect(response).to.deep.equal({ url: ok.url, data: text, code: 200 });
    expect(first.stats.loaded).to.equal(text.length);
    expect(first.stats.loading.end).to.be.at.least(first.stats.loading.start);
    expect(loads).to.deep.equal([]);
    // A reload of the manifest, and level playlists, go to hls.js's loader.
    await loadThrough(new Loader({} as HlsConfig), context('manifest'));
    await loadThrough(new Loader({} as HlsConfig), context('level'));
    expect(loads).to.deep.equal([`manifest ${URL_A}`, `level ${URL_A}`]);
  });

  it('lets hls.js request the playlist when the prefetch failed or was for another URL', async () => {
    const failed = fakeBase();
    const FromFailed = prefetchedPlaylistLoader(failed.FakeLoader, prefetched(null));
    expect(await loadThrough(new FromFailed({} as HlsConfig), context('manifest'))).to.equal(
      'none',
    );
    expect(failed.loads).to.deep.equal([`manifest ${URL_A}`]);

    const other = fakeBase();
    const FromOther = prefetchedPlaylistLoader(
      other.FakeLoader,
      prefetched(ok, new URL('/other.m3u8', location.href).href),
    );
    expect(await loadThrough(new FromOther({} as HlsConfig), context('manifest'))).to.equal('none');
    expect(other.loads).to.deep.equal([`manifest ${URL_A}`]);
  });

  it('lets hls.js request the playlist when the prefetch has not answered within the time to first byte', async () => {
    const { FakeLoader, loads } = fakeBase();
    const hanging: PrefetchedPlaylist = {
      url: URL_A,
      startedAt: performance.now(),
      result: new Promise(() => {}),
    };
    const loader = new (prefetchedPlaylistLoader(FakeLoader, hanging))({} as HlsConfig);
    loader.load(
      context('manifest'),
      { loadPolicy: { maxTimeToFirstByteMs: 30 } } as LoaderConfiguration,
      {} as LoaderCallbacks<PlaylistLoaderContext>,
    );
    expect(loads).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(loads).to.deep.equal([`manifest ${URL_A}`]);
  });

  it('says nothing once aborted or destroyed before the prefetch answered', async () => {
    const { FakeLoader, loads } = fakeBase();
    let answer: (response: PlaylistResponse) => void = () => {};
    const pending: PrefetchedPlaylist = {
      url: URL_A,
      startedAt: performance.now(),
      result: new Promise((resolve) => (answer = resolve)),
    };
    const loader = new (prefetchedPlaylistLoader(FakeLoader, pending))({} as HlsConfig);
    let calls = 0;
    loader.load(
      context('manifest'),
      {} as LoaderConfiguration,
      {
        onSuccess: () => calls++,
        onError: () => calls++,
        onTimeout: () => calls++,
      } as unknown as LoaderCallbacks<PlaylistLoaderContext>,
    );
    loader.destroy();
    answer(ok);
    await delivered();
    expect(calls).to.equal(0);
    expect(loads).to.deep.equal([]);
  });
});

describe('prefetchPlaylist / takePrefetchedPlaylist', () => {
  const mount = playersRemovedAfterEach();

  it('keeps one request per element, taken once, only for the same URL', async () => {
    const element = document.createElement('div');
    prefetchPlaylist(element, FIXTURES.tsId3);
    prefetchPlaylist(element, FIXTURES.tsId3);
    expect(takePrefetchedPlaylist(element, FIXTURES.plainTs)).to.equal(undefined);
    // Taking (even for another URL) removes it: a later start requests afresh.
    expect(takePrefetchedPlaylist(element, FIXTURES.tsId3)).to.equal(undefined);
    prefetchPlaylist(element, FIXTURES.tsId3);
    const taken = takePrefetchedPlaylist(element, FIXTURES.tsId3);
    expect(taken?.url).to.equal(new URL(FIXTURES.tsId3, location.href).href);
    const response = await taken!.result;
    expect(response?.status).to.equal(200);
    expect(response?.text.startsWith('#EXTM3U')).to.equal(true);
    expect(takePrefetchedPlaylist(element, FIXTURES.tsId3)).to.equal(undefined);
    // Only http(s) sources are requested.
    prefetchPlaylist(element, 'javascript:alert(1)');
    expect(takePrefetchedPlaylist(element, 'javascript:alert(1)')).to.equal(undefined);
  });

  it('resolves null for a playlist that does not load (hls.js then reports it)', async () => {
    const element = document.createElement('div');
    prefetchPlaylist(element, '/test/fixtures/missing/index.m3u8');
    const taken = takePrefetchedPlaylist(element, '/test/fixtures/missing/index.m3u8');
    expect(await taken!.result).to.equal(null);
  });

  it('a player requests its playlist once: the early request is the one hls.js plays', async () => {
    const src = `/faults/prefetch-${Math.random().toString(36).slice(2)}/-/hls-ts-id3/index.m3u8`;
    const player = mount({ src, loading: 'eager' });
    await playsPast(player, 0.3);
    expect(
      requested(new RegExp(`${src.split('/-/')[0]}/-/hls-ts-id3/index\\.m3u8`)),
    ).to.have.length(1);
  });

  it('is not used when the host’s hlsConfig sets up requests itself', async () => {
    const src = `/faults/prefetch-${Math.random().toString(36).slice(2)}/-/hls-ts-id3/index.m3u8`;
    const headers: string[] = [];
    const player = mount({ loading: 'eager' });
    player.hlsConfig = {
      xhrSetup: (xhr: XMLHttpRequest, url: string) => {
        headers.push(url);
        xhr.open('GET', url, true);
        xhr.setRequestHeader('x-token', 'secret');
      },
    };
    player.src = src;
    await playsPast(player, 0.3);
    expect(headers.some((url) => url.endsWith('/index.m3u8'))).to.equal(true);
  });
});
