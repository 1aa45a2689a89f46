import { expect } from '@open-wc/testing';
import { FIXTURES, createPlayer, playsPast, requested } from '../helpers/player.js';

// Its own file: each test file runs in a fresh page, so nothing else has loaded hls.js yet.
describe('CuecartPlayer with an MP4 source', () => {
  it('never requests the hls.js chunk', async () => {
    const player = createPlayer({ src: FIXTURES.mp4 });
    await playsPast(player, 0.5);
    expect(requested(/hls\.js|hls\.mjs|hls[-.][A-Za-z0-9_-]*\.js/)).to.deep.equal([]);
    player.remove();
  });
});
