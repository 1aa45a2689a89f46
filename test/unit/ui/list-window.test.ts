import { expect, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import {
  ListWindowController,
  rangeInView,
  type ListGeometry,
} from '../../../src/ui/product-list/list-window.js';

const geometry = (extra: Partial<ListGeometry> = {}): ListGeometry => ({
  start: 0,
  pitch: 50,
  viewportHeight: 600,
  overscan: 10,
  minimum: 30,
  ...extra,
});

describe('rangeInView', () => {
  it('renders the entries in the viewport with the overscan on each side', () => {
    // Entry 0 at 5,000 px above the viewport: entries 100 to 112 are in it.
    expect(rangeInView(10_000, geometry({ start: -5_000 }))).to.deep.equal({ from: 90, to: 123 });
  });

  it('clamps at both ends of the list', () => {
    expect(rangeInView(10_000, geometry({ start: 0 }))).to.deep.equal({ from: 0, to: 30 });
    expect(rangeInView(200, geometry({ start: -9_800 }))).to.deep.equal({ from: 170, to: 200 });
  });

  it('renders at least the minimum, and never more entries than the list has', () => {
    const tall = geometry({ start: -5_000, pitch: 400, overscan: 1 });
    expect(rangeInView(10_000, tall)).to.deep.equal({ from: 11, to: 41 });
    expect(rangeInView(5, tall)).to.deep.equal({ from: 0, to: 5 });
    expect(rangeInView(0, tall)).to.deep.equal({ from: 0, to: 0 });
  });

  it('renders the first entries of a list below the viewport and the last of one above it', () => {
    expect(rangeInView(1_000, geometry({ start: 2_000 }))).to.deep.equal({ from: 0, to: 30 });
    expect(rangeInView(1_000, geometry({ start: -90_000 }))).to.deep.equal({
      from: 970,
      to: 1_000,
    });
  });

  it('falls back to the first entries without a usable geometry', () => {
    for (const bad of [{ pitch: 0 }, { pitch: Number.NaN }, { start: Number.POSITIVE_INFINITY }]) {
      expect(rangeInView(1_000, geometry(bad)), JSON.stringify(bad)).to.deep.equal({
        from: 0,
        to: 30,
      });
    }
  });
});

/** A windowed list of `count` entries `rowHeight` px tall, as the product list renders one. */
class WindowedList extends LitElement {
  static override properties = { rowHeight: { type: Number } };
  rowHeight = 40;
  readonly count = 1_000;
  readonly listWindow = new ListWindowController(this, {
    threshold: 100,
    overscan: 10,
    minimum: 30,
    maximum: 300,
    list: () => this.renderRoot.querySelector<HTMLElement>('ul'),
  });

  override render() {
    const { from, to } = this.listWindow.range(this.count);
    const spacer = (edge: string) => html`<li data-spacer=${edge} hidden></li>`;
    const rows = Array.from({ length: to - from }, (_, i) => from + i);
    return html`<ul style="margin: 0; padding: 0; list-style: none">
      ${spacer('before')}
      ${rows.map((i) => html`<li data-index=${i} style="block-size: ${this.rowHeight}px">${i}</li>`)}
      ${spacer('after')}
    </ul>`;
  }
}
customElements.define('test-windowed-list', WindowedList);

describe('ListWindowController', () => {
  /** Whether the list's height stands for `count` entries of the height they render at. */
  const standsFor = (list: WindowedList) => {
    const ul = list.renderRoot.querySelector('ul');
    return !!ul && Math.abs(ul.scrollHeight - list.count * list.rowHeight) < list.rowHeight;
  };

  it('measures its entries again when the host renders them at another height, unscrolled', async () => {
    const list = document.createElement('test-windowed-list') as WindowedList;
    document.body.append(list);
    try {
      await waitUntil(() => standsFor(list), 'first measurement');
      // The host renders a few more times meanwhile (cues arriving), the list unscrolled.
      for (let i = 0; i < 4; i++) {
        list.requestUpdate();
        await list.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      // The products arrived (a thumbnail, a second line): every entry is taller now.
      list.rowHeight = 110;
      await waitUntil(() => standsFor(list), 'spacers for the new height', { timeout: 2_000 });
    } finally {
      list.remove();
    }
  });
  it('measures its entries after the frame that laid them out, not inside its animation frame', async () => {
    // Reading a box inside requestAnimationFrame forces the layout the frame was about to do, in
    // the same task as the frame's paint and the re-render a move causes: one long task.
    let inAnimationFrame = false;
    let readInAnimationFrame = 0;
    let reads = 0;
    const raf = window.requestAnimationFrame;
    const rect = Element.prototype.getBoundingClientRect;
    window.requestAnimationFrame = (callback) =>
      raf.call(window, (now) => {
        inAnimationFrame = true;
        try {
          callback(now);
        } finally {
          inAnimationFrame = false;
        }
      });
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (this.matches('li[data-index]')) {
        reads++;
        if (inAnimationFrame) readInAnimationFrame++;
      }
      return rect.call(this);
    };
    const list = document.createElement('test-windowed-list') as WindowedList;
    try {
      document.body.append(list);
      await waitUntil(() => standsFor(list), 'first measurement');
      list.rowHeight = 90;
      await waitUntil(() => standsFor(list), 'measured again at the new height', {
        timeout: 2_000,
      });
      expect(reads).to.be.greaterThan(0);
      expect(readInAnimationFrame).to.equal(0);
    } finally {
      window.requestAnimationFrame = raf;
      Element.prototype.getBoundingClientRect = rect;
      list.remove();
    }
  });
});
