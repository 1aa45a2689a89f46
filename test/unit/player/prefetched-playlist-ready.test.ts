import { expect } from '@open-wc/testing';
import type {
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderResponse,
  PlaylistLoaderContext,
} from 'hls.js';
import type { PrefetchedPlaylist } from '../../../src/player/playlist-prefetch.js';
import { prefetchedPlaylistLoader } from '../../../src/player/prefetched-playlist-loader.js';
import { delivered, fakeBase } from '../../helpers/fake-hls-loader.js';

const URL_A = new URL('/show/index.m3u8', location.href).href;
const TEXT = '#EXTM3U\n#EXT-X-ENDLIST\n';

/** A prefetch that has already answered. */
function answered(): PrefetchedPlaylist {
  return {
    url: URL_A,
    startedAt: performance.now() - 100,
    result: Promise.resolve({ url: URL_A, status: 200, text: TEXT }),
  };
}

const manifest = { type: 'manifest', url: URL_A, responseType: 'text', level: null, id: null };

/** Starts loading the manifest through `loader`; collects what onSuccess receives. */
function load(loader: Loader<PlaylistLoaderContext>) {
  const successes: LoaderResponse[] = [];
  let other = 0;
  loader.load(
    manifest as PlaylistLoaderContext,
    {} as LoaderConfiguration,
    {
      onSuccess: (response: LoaderResponse) => successes.push(response),
      onError: () => other++,
      onTimeout: () => other++,
    } as unknown as LoaderCallbacks<PlaylistLoaderContext>,
  );
  return { successes, other: () => other };
}

const settle = delivered;

/** A loader over an answered prefetch whose `ready` resolves when `attached()` is called. */
function waitingLoader() {
  const { FakeLoader, loads } = fakeBase();
  let attached: () => void = () => {};
  const ready = new Promise<void>((resolve) => (attached = resolve));
  const loader = new (prefetchedPlaylistLoader(FakeLoader, answered(), ready))({} as HlsConfig);
  return { loader, attached, loads };
}

describe('prefetchedPlaylistLoader waits for ready', () => {
  it('answers only once ready resolves, and once', async () => {
    const { loader, attached, loads } = waitingLoader();
    const { successes, other } = load(loader);
    // The prefetch has answered, but the media is not attached yet.
    await settle();
    await settle();
    expect(successes).to.have.length(0);

    attached();
    await settle();
    expect(successes).to.deep.equal([{ url: URL_A, data: TEXT, code: 200 }]);
    await settle();
    expect(successes).to.have.length(1);
    expect(other()).to.equal(0);
    expect(loads).to.deep.equal([]);
  });

  it('with ready already resolved, answers in a later task, as over the network', async () => {
    const { FakeLoader } = fakeBase();
    const loader = new (prefetchedPlaylistLoader(FakeLoader, answered(), Promise.resolve()))(
      {} as HlsConfig,
    );
    const { successes } = load(loader);
    // hls.js expects loaders to answer asynchronously; in a task of its own, its handling of the
    // answer is not chained to whatever asked (one long task at start-up).
    expect(successes).to.have.length(0);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(successes).to.have.length(0);
    await settle();
    expect(successes).to.have.length(1);
  });

  it('says nothing when destroyed before ready resolves', async () => {
    const { loader, attached, loads } = waitingLoader();
    const { successes, other } = load(loader);
    await settle();
    loader.destroy();
    attached();
    await settle();
    expect(successes).to.have.length(0);
    expect(other()).to.equal(0);
    expect(loads).to.deep.equal([]);
  });
});
