import { expect, fixture, html, oneEvent } from '@open-wc/testing';
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
});
