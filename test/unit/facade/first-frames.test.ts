import { expect } from '@open-wc/testing';
import { afterFirstFrames } from '../../../src/facade/first-frames.js';
import { FIXTURES, playersRemovedAfterEach, videoOf } from '../../helpers/player.js';

/** Whether `promise` has settled after the tasks queued so far have run. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return settled;
}

/** A playlist the fault server never answers. */
const HANGING = `/faults/first-frames-${Math.random().toString(36).slice(2)}/index.m3u8=hang+/hls-plain-ts/index.m3u8`;

describe('afterFirstFrames', () => {
  const mount = playersRemovedAfterEach();

  it('resolves at once when no player is starting', async () => {
    expect(await settledSoon(afterFirstFrames(document))).to.equal(true);
    // No source; and a lazy player far below the fold loads nothing.
    mount({});
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    try {
      mount({ src: FIXTURES.tsId3 });
      expect(await settledSoon(afterFirstFrames(document))).to.equal(true);
    } finally {
      spacer.remove();
    }
  });

  it('waits for a starting player’s first frame', async () => {
    const player = mount({ src: FIXTURES.tsId3, loading: 'eager' });
    await player.updateComplete;
    await afterFirstFrames(document, { capMs: 60_000 });
    expect(videoOf(player).readyState).to.be.at.least(HTMLMediaElement.HAVE_CURRENT_DATA);
  });

  it('does not wait for a player whose stream never answers: a key press or the cap ends it', async () => {
    mount({ src: HANGING, loading: 'eager' });
    const waiting = afterFirstFrames(document, { capMs: 60_000 });
    expect(await settledSoon(waiting)).to.equal(false);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(await settledSoon(waiting)).to.equal(true);

    const capped = afterFirstFrames(document, { capMs: 200 });
    expect(await settledSoon(capped)).to.equal(false);
    await capped;
  });

  it('stops waiting when the stream fails', async () => {
    const player = mount({ src: '/test/fixtures/missing/index.m3u8', loading: 'eager' });
    await player.updateComplete;
    await afterFirstFrames(document, { capMs: 60_000 });
    expect(player.error?.code).to.be.a('string');
  });
});
