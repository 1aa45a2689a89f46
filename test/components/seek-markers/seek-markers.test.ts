import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CuecartSeekMarkers, type SeekMarker } from '../../../src/ui/seek-markers/seek-markers.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartSeekMarkers.tagName, CuecartSeekMarkers);

const markers: SeekMarker[] = [
  { time: 150, label: 'Mug', cueId: 'c2' },
  { time: 30, label: 'Desk Lamp', cueId: 'c1' },
];

const buttons = (el: CuecartSeekMarkers) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="marker"]'),
];

describe('CuecartSeekMarkers', () => {
  it('passes an axe accessibility check', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers
        style="inline-size: 600px; block-size: 8px"
        .markers=${markers}
        duration="300"
      ></cuecart-seek-markers>
    `);
    await expectAccessible(el);
  });

  it('places a named, focusable button per marker in time order', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers
        style="inline-size: 600px; block-size: 8px"
        .markers=${markers}
        duration="300"
        active-cue-id="c2"
      ></cuecart-seek-markers>
    `);
    const [first, second] = buttons(el);
    expect(first.getAttribute('aria-label')).to.equal('Desk Lamp at 0:30');
    expect(second.getAttribute('aria-label')).to.equal('Mug at 2:30');
    expect(second.getAttribute('part')).to.equal('marker marker-active');
    const host = el.getBoundingClientRect();
    const centre = (b: HTMLElement) => {
      const r = b.getBoundingClientRect();
      return r.left + r.width / 2 - host.left;
    };
    expect(Math.round(centre(first))).to.equal(60);
    expect(Math.round(centre(second))).to.equal(300);
    expect(first.getBoundingClientRect().height).to.be.at.least(44);
    second.focus();
    expect(el.shadowRoot!.activeElement).to.equal(second);
  });

  it('asks to seek to the marker time', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers .markers=${markers} duration="300"></cuecart-seek-markers>
    `);
    setTimeout(() => buttons(el)[0].click());
    const event = await oneEvent(el, 'cuecart-request-seek');
    expect(event.detail).to.deep.equal({ time: 30, cueId: 'c1' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('renders nothing without a finite duration (live)', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers .markers=${markers} .duration=${Infinity}></cuecart-seek-markers>
    `);
    expect(buttons(el)).to.have.length(0);
    await expectAccessible(el);
  });

  it('mirrors positions right-to-left', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div dir="rtl">
        <cuecart-seek-markers
          style="inline-size: 600px; block-size: 8px"
          .markers=${markers}
          duration="300"
        ></cuecart-seek-markers>
      </div>
    `);
    const el = wrapper.querySelector('cuecart-seek-markers')!;
    const host = el.getBoundingClientRect();
    const r = buttons(el)[0].getBoundingClientRect();
    expect(Math.round(host.right - (r.left + r.width / 2))).to.equal(60);
  });

  it('takes message overrides', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers
        .markers=${markers}
        duration="300"
        messages='{"markerLabel": "{time} – {product}"}'
      ></cuecart-seek-markers>
    `);
    expect(buttons(el)[0].getAttribute('aria-label')).to.equal('0:30 – Desk Lamp');
  });

  it('merges thousands of markers into at most one button per few pixels', async () => {
    const many: SeekMarker[] = Array.from({ length: 10_000 }, (_, i) => ({
      time: i * 0.03,
      label: `Product ${i}`,
      cueId: `c${i}`,
    }));
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers
        style="inline-size: 600px; block-size: 8px"
        .markers=${many}
        duration="300"
        active-cue-id="c5003"
      ></cuecart-seek-markers>
    `);
    // The width is measured (ResizeObserver) after the first render, which assumed 1000 px.
    // 4 px apart at most: 600 px / 4 px = 150 buttons for 10,000 markers.
    await waitUntil(() => buttons(el).length <= 150, 'not regrouped for 600 px');
    const all = buttons(el);
    expect(all.length).to.be.at.least(100);
    expect(all[0]!.getAttribute('aria-label')).to.equal(
      'Product 0, Product 1, Product 2, … at 0:00',
    );
    const active = all.filter((b) => b.getAttribute('aria-current') === 'true');
    expect(active).to.have.length(1);
    expect(active[0]!.getAttribute('part')).to.equal('marker marker-active');
    const activeFirst = Number(active[0]!.dataset.cueId!.slice(1));
    expect(activeFirst)
      .to.be.at.most(5003)
      .and.above(5003 - 67);
    // A merged button seeks to its earliest marker.
    setTimeout(() => active[0]!.click());
    const event = await oneEvent(el, 'cuecart-request-seek');
    expect(event.detail.time).to.equal(activeFirst * 0.03);
    // Narrower track, fewer buttons; the same markers again (a new array) change nothing.
    el.style.inlineSize = '200px';
    await waitUntil(() => buttons(el).length <= 50, 'not regrouped for 200 px');
    const narrow = buttons(el).length;
    el.markers = many.map((m) => ({ ...m }));
    await el.updateComplete;
    expect(buttons(el)).to.have.length(narrow);
    await expectAccessible(el);
  });

  it('keeps markers at the same time in one button and separate ones apart', async () => {
    const el = await fixture<CuecartSeekMarkers>(html`
      <cuecart-seek-markers
        style="inline-size: 600px; block-size: 8px"
        .markers=${[
          { time: 30, label: 'Desk Lamp', cueId: 'a' },
          { time: 30, label: 'Desk Lamp', cueId: 'b' },
          { time: 30.1, label: 'Mug', cueId: 'c' },
          { time: 33, label: 'Hat', cueId: 'd' },
        ]}
        duration="300"
      ></cuecart-seek-markers>
    `);
    await waitUntil(() => buttons(el).length === 2, 'not merged');
    expect(buttons(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Desk Lamp, Mug at 0:30',
      'Hat at 0:33',
    ]);
  });
});
