import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ImpressionController } from '../../../src/ui/product-card/impression-controller.js';
import { fakeClock, type FakeClock } from '../../helpers/fake-clock.js';

/** A 200 × 100 box counting impressions per `key`, its dwell on a fake clock. */
class ImpressionBox extends LitElement {
  static override properties = { key: {} };
  key: string | undefined = 'cue-a';
  clock: FakeClock = fakeClock();
  counted: string[] = [];
  /** Called on every IntersectionObserver answer (the test awaits it instead of sleeping). */
  observed = 0;
  readonly impressions = new ImpressionController(this, {
    key: () => this.key,
    onImpression: (key) => this.counted.push(key),
    clock: {
      setTimeout: (cb, ms) => this.clock.setTimeout(cb, ms),
      clearTimeout: (h) => this.clock.clearTimeout(h),
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    new IntersectionObserver(() => this.observed++, { threshold: [0, 0.5] }).observe(this);
  }

  override render() {
    return html`<div style="inline-size: 200px; block-size: 100px"></div>`;
  }
}
customElements.define('impression-box', ImpressionBox);

/** Waits for the browser's next intersection answer for `box`. */
async function nextIntersection(box: ImpressionBox) {
  const seen = box.observed;
  await waitUntil(() => box.observed > seen, 'no intersection answer');
}

describe('ImpressionController', () => {
  it('counts once per key after the dwell at ≥ 50 % visibility', async () => {
    const box = await fixture<ImpressionBox>(html`<impression-box></impression-box>`);
    await waitUntil(() => box.observed > 0);
    box.clock.advance(999);
    expect(box.counted).to.deep.equal([]);
    box.clock.advance(1);
    expect(box.counted).to.deep.equal(['cue-a']);

    box.key = 'cue-b';
    await box.updateComplete;
    box.clock.advance(1000);
    expect(box.counted).to.deep.equal(['cue-a', 'cue-b']);

    box.key = 'cue-a';
    await box.updateComplete;
    box.clock.advance(5000);
    expect(box.counted, 'an already counted key does not count again').to.have.length(2);
  });

  it('restarts the dwell when the key changes before it ends', async () => {
    const box = await fixture<ImpressionBox>(html`<impression-box></impression-box>`);
    await waitUntil(() => box.observed > 0);
    box.clock.advance(600);
    box.key = 'cue-b';
    await box.updateComplete;
    box.clock.advance(600);
    expect(box.counted).to.deep.equal([]);
    box.clock.advance(400);
    expect(box.counted).to.deep.equal(['cue-b']);
  });

  it('does not count while less than half visible, and stops on disconnect', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="position: fixed; inset-block-start: calc(100vh - 40px); inset-inline-start: 0">
        <impression-box></impression-box>
      </div>
    `);
    const box = wrapper.querySelector<ImpressionBox>('impression-box')!;
    await waitUntil(() => box.observed > 0);
    box.clock.advance(5000);
    expect(box.counted).to.deep.equal([]);

    wrapper.style.insetBlockStart = '0';
    await nextIntersection(box);
    box.clock.advance(500);
    box.remove();
    expect(box.clock.pending, 'the dwell timer is cleared on disconnect').to.equal(0);
    box.clock.advance(5000);
    expect(box.counted).to.deep.equal([]);
  });
});
