import { expect, waitUntil } from '@open-wc/testing';
import {
  FIXTURES,
  nextError,
  playsPast,
  videoOf,
  playersRemovedAfterEach,
} from '../helpers/player.js';

describe('CuecartPlayer playback (real hls.js, local fixtures)', () => {
  const mount = playersRemovedAfterEach();

  it('plays MPEG-TS HLS through hls.js', async () => {
    const player = mount({ src: FIXTURES.tsId3 });
    await playsPast(player, 1);
    expect(player.engine).to.equal('hls.js');
    expect(player.live).to.equal(false);
    expect(player.duration).to.be.closeTo(24, 0.5);
  });

  it('plays fMP4 (CMAF) HLS through hls.js', async () => {
    const player = mount({ src: FIXTURES.fmp4Emsg });
    await playsPast(player, 1);
    expect(player.engine).to.equal('hls.js');
  });

  it('plays a progressive MP4 natively', async () => {
    const player = mount({ src: FIXTURES.mp4 });
    await playsPast(player, 1);
    expect(player.engine).to.equal('progressive');
  });

  it('plays the simulated live stream from the live edge and shows LIVE', async () => {
    const player = mount({ src: FIXTURES.liveTs });
    await playsPast(player, 0.5);
    await waitUntil(() => player.live, 'stream never reported live');
    const video = videoOf(player);
    const start = video.seekable.start(0);
    // hls.js starts a few target durations behind the edge, never at the window's start.
    expect(player.currentTime - start).to.be.greaterThan(3);
    expect(player.hasAttribute('live')).to.equal(true);
    const controls = player.shadowRoot!.querySelector('cuecart-controls')!;
    await controls.updateComplete;
    expect(controls.shadowRoot!.querySelector('[part~="live-button"]')).to.exist;
    expect(controls.shadowRoot!.querySelector('input[type="range"]')).to.not.exist;
  });

  it('switches cleanly when src changes (HLS → MP4 → HLS)', async () => {
    const player = mount({ src: FIXTURES.plainTs });
    await playsPast(player, 0.5);
    player.src = FIXTURES.mp4;
    await waitUntil(() => player.engine === 'progressive', 'engine did not switch to progressive');
    await playsPast(player, 0.5);
    player.src = FIXTURES.fmp4Emsg;
    await waitUntil(() => player.engine === 'hls.js', 'engine did not switch back to hls.js');
    await playsPast(player, 0.5);
    expect(player.error).to.equal(null);
  });

  it('destroys hls.js on disconnect and plays again when reconnected', async () => {
    const player = mount({ src: FIXTURES.tsId3 });
    await playsPast(player, 0.5);
    const video = videoOf(player);
    player.remove();
    // Teardown waits one microtask, so a move (remove + append in one task) keeps playing.
    await Promise.resolve();
    expect(player.engine).to.equal(null);
    // hls.js detaches MSE on destroy: the media element no longer has a source.
    await waitUntil(() => !video.currentSrc || video.readyState === 0, 'video still attached');
    document.body.append(player);
    await playsPast(player, 0.5);
    expect(player.engine).to.equal('hls.js');
  });

  it('reports a 404 playlist as media-load-failed inside the player', async () => {
    const player = mount();
    const error = nextError(player);
    player.src = '/test/fixtures/missing/index.m3u8';
    const detail = await error;
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.match(/404/);
    await player.updateComplete;
    const shown = player.shadowRoot!.querySelector('[part="error"]');
    expect(shown?.getAttribute('role')).to.equal('alert');
    expect(shown?.textContent).to.contain(detail.message);
  });

  it('reports a garbage playlist as media-load-failed', async () => {
    const player = mount();
    const error = nextError(player);
    player.src = FIXTURES.garbage;
    const detail = await error;
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.match(/not a valid HLS playlist/);
  });

  it('reports a 404 MP4 as media-load-failed with the HTTP status', async () => {
    const player = mount();
    const error = nextError(player);
    player.src = '/test/fixtures/missing.mp4';
    const detail = await error;
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.match(/404/);
  });

  it('reports an unplayable type as media-unsupported', async () => {
    const player = mount();
    const error = nextError(player);
    player.src = '/test/fixtures/show.avi';
    expect((await error).code).to.equal('media-unsupported');
  });

  it('recovers after an error when src changes', async () => {
    const player = mount();
    const error = nextError(player);
    player.src = FIXTURES.garbage;
    await error;
    player.src = FIXTURES.mp4;
    await playsPast(player, 0.5);
    expect(player.error).to.equal(null);
    expect(player.shadowRoot!.querySelector('[part="error"]')).to.not.exist;
  });
});
