import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  CuecartProductList,
  type ProductListItem,
} from '../../../src/ui/product-list/product-list.js';
import { deepActiveElement } from '../../../src/ui/shared/focus-trap.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';
import { listProduct } from './list-product.js';

defineOnce(CuecartProductList.tagName, CuecartProductList);

/** A recording with `n` cues, one product every 2 s (as benchmark 6's large shows). */
const show = (n: number): ProductListItem[] =>
  Array.from({ length: n }, (_, i) => ({
    product: listProduct(`p${i}`, `Product ${i}`),
    cueId: `c${i}`,
    start: i * 2,
  }));

/** The list in a 400 px scroller, as in the player's panel. */
async function scrolled(items: ProductListItem[], mode: 'vod' | 'live' = 'vod') {
  const scroller = await fixture<HTMLDivElement>(html`
    <div style="height: 400px; width: 360px; overflow: auto">
      <cuecart-product-list .items=${items} .mode=${mode}></cuecart-product-list>
    </div>
  `);
  const list = scroller.querySelector('cuecart-product-list')!;
  await list.updateComplete;
  return { scroller, list };
}

const entries = (list: CuecartProductList) => [
  ...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-cue-id]'),
];
const spacers = (list: CuecartProductList) => [
  ...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-spacer]'),
];

/** Whether the scroller's visible box is covered by rendered entries (no blank spacer shows). */
function covered(scroller: HTMLElement, list: CuecartProductList): boolean {
  const view = scroller.getBoundingClientRect();
  const listBox = list.shadowRoot!.querySelector('ul')!.getBoundingClientRect();
  const top = Math.max(view.top, listBox.top);
  const bottom = Math.min(view.bottom, listBox.bottom);
  const rows = entries(list).map((li) => li.getBoundingClientRect());
  return rows.length > 0 && rows[0]!.top <= top + 1 && rows[rows.length - 1]!.bottom >= bottom - 1;
}

const settled = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('CuecartProductList windowing (long lists)', () => {
  it('renders a list of up to 100 entries whole, and windows a longer one', async () => {
    const { list } = await scrolled(show(100));
    expect(entries(list)).to.have.length(100);
    expect(spacers(list)).to.have.length(0);
    expect(entries(list)[0]!.hasAttribute('aria-setsize')).to.equal(false);

    list.items = show(101);
    await list.updateComplete;
    await settled();
    expect(entries(list).length).to.be.within(10, 60);
    expect(spacers(list)).to.have.length(2);
  });

  it('renders a few entries of 10,000, with their place in the whole list and its full height', async () => {
    const { scroller, list } = await scrolled(show(10_000));
    await settled();
    const rows = entries(list);
    expect(rows.length).to.be.within(10, 60);
    rows.forEach((li, i) => {
      expect(li.getAttribute('aria-posinset')).to.equal(String(i + 1));
      expect(li.getAttribute('aria-setsize')).to.equal('10000');
    });
    expect(list.shadowRoot!.querySelector('[part="count"]')!.textContent).to.equal('10000');
    // The spacers stand for the rest: the list is as tall as 10,000 entries.
    const pitch = rows[1]!.getBoundingClientRect().top - rows[0]!.getBoundingClientRect().top;
    expect(scroller.scrollHeight / (10_000 * pitch)).to.be.within(0.98, 1.02);
    expect(covered(scroller, list)).to.equal(true);
    await expectAccessible(list);
  });

  it('follows the scroll position: the entries in view are always rendered', async () => {
    const { scroller, list } = await scrolled(show(10_000));
    await settled();
    for (const fraction of [0.5, 0.5004, 0.9, 0.1, 1, 0]) {
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
      await waitUntil(() => covered(scroller, list), `blank list at ${fraction}`);
      expect(entries(list).length, String(fraction)).to.be.within(10, 80);
    }
    // At the very end: the last entry is rendered and in view.
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => entries(list).at(-1)?.dataset.cueId === 'c9999');
  });

  it('marks the active entry once it is rendered', async () => {
    const { scroller, list } = await scrolled(show(10_000));
    list.activeCueId = 'c5000';
    await list.updateComplete;
    expect(list.shadowRoot!.querySelectorAll('[aria-current]')).to.have.length(0);
    const row = entries(list)[1]!;
    const pitch = row.getBoundingClientRect().top - entries(list)[0]!.getBoundingClientRect().top;
    scroller.scrollTop = 5000 * pitch;
    await waitUntil(() => list.shadowRoot!.querySelector('[aria-current="true"]'));
    const current = list.shadowRoot!.querySelectorAll<HTMLElement>('[aria-current="true"]');
    expect(current).to.have.length(1);
    expect(current[0]!.dataset.cueId).to.equal('c5000');
    expect(current[0]!.getAttribute('part')).to.equal('item item-active');
  });

  it('lets Tab walk on past the rendered entries, and Shift+Tab back', async () => {
    const { list } = await scrolled(show(10_000));
    await settled();
    const last = entries(list).at(-1)!;
    const index = Number(last.dataset.index);
    last.querySelector('button')!.focus();
    for (let step = 1; step <= 15; step++) {
      await sendKeys({ press: 'Tab' });
      await list.updateComplete;
      const focused = deepActiveElement()?.closest('li');
      expect(focused?.dataset.index, `Tab ${step}`).to.equal(String(index + step));
    }
    for (let step = 14; step >= 0; step--) {
      await sendKeys({ press: 'Shift+Tab' });
      await list.updateComplete;
      const focused = deepActiveElement()?.closest('li');
      expect(focused?.dataset.index, `Shift+Tab to ${index + step}`).to.equal(String(index + step));
    }
  });

  it('keeps the focused entry rendered while scrolling, or focus in the list when it is far', async () => {
    const { scroller, list } = await scrolled(show(10_000));
    await settled();
    const button = entries(list)[3]!.querySelector('button')!;
    button.focus();
    const pitch =
      entries(list)[1]!.getBoundingClientRect().top - entries(list)[0]!.getBoundingClientRect().top;
    scroller.scrollTop = 100 * pitch;
    await waitUntil(() => covered(scroller, list));
    await settled();
    expect(button.isConnected).to.equal(true);
    expect(deepActiveElement()).to.equal(button);

    scroller.scrollTop = 5000 * pitch;
    await waitUntil(() => covered(scroller, list));
    await settled();
    // Not the page's body: the list itself, which a screen reader announces with its size.
    const ul = list.shadowRoot!.querySelector('ul')!;
    expect(deepActiveElement()).to.equal(ul);
    expect(entries(list).length).to.be.within(10, 80);
  });

  it('follows the scroll position again after being moved in the page', async () => {
    const { scroller, list } = await scrolled(show(10_000));
    await settled();
    const other = document.createElement('div');
    other.style.cssText = 'height: 400px; width: 360px; overflow: auto';
    scroller.after(other);
    other.append(list);
    await list.updateComplete;
    other.scrollTop = 0.7 * (other.scrollHeight - other.clientHeight);
    await waitUntil(() => covered(other, list), 'blank list after the move');
    other.remove();
  });

  it('windows a long live list too (newest first, add buttons)', async () => {
    const { scroller, list } = await scrolled(show(1_000), 'live');
    await settled();
    expect(entries(list)[0]!.dataset.cueId).to.equal('c999');
    expect(entries(list).length).to.be.within(10, 60);
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => entries(list).at(-1)?.dataset.cueId === 'c0');
    expect(entries(list).at(-1)!.querySelector('button.buy')).to.not.equal(null);
    await expectAccessible(list);
  });
});
