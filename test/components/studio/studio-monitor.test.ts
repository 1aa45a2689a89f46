import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CuecartStudio, defineStudio, type StudioProduct } from '../../../src/studio/index.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { defineCuecart } from '../../../src/define-elements.js';
import { FIXTURES } from '../../helpers/player.js';

defineCuecart();
defineStudio();

const PRODUCTS: StudioProduct[] = [{ id: 'ember-mug', title: 'Ember Mug' }];
const monitorOf = (el: CuecartStudio) =>
  el.shadowRoot!.querySelector('cuecart-player') as CuecartPlayer;

// The producer page opens the studio on the live show: its monitor must be live, not a frozen
// first frame whose "stream time" stands still while the wall clock runs away from it.
describe('CuecartStudio monitor', () => {
  it('plays the live stream on its own (muted) in live mode', async function () {
    this.timeout(40_000);
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio src=${FIXTURES.liveTs} .productList=${PRODUCTS}></cuecart-studio>`,
    );
    const monitor = monitorOf(el);
    expect(monitor.muted).to.be.true;
    await waitUntil(() => monitor.currentTime > 0, 'the monitor never started', {
      timeout: 30_000,
    });
    const first = monitor.currentTime;
    await waitUntil(() => monitor.currentTime > first + 0.5, 'the monitor does not advance', {
      timeout: 30_000,
    });
    expect(monitor.paused).to.be.false;
  });

  it('leaves a replay paused for the producer to position', async () => {
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio
        mode="replay"
        src=${FIXTURES.mp4}
        .productList=${PRODUCTS}
      ></cuecart-studio>`,
    );
    expect(monitorOf(el).autoplay).to.be.false;
  });
});
