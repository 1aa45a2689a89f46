import { expect, waitUntil } from '@open-wc/testing';
import type { CuecartProductList } from '../../src/ui/product-list/product-list.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import { FIXTURES, playersRemovedAfterEach, shadowPart } from '../helpers/player.js';

const FEED = '/cuecart/products.json';
const N = 1_000;

/** A recording of 1,000 cues, one product every 2 s (as benchmark 6's large shows). */
const cues = Array.from({ length: N }, (_, i) => ({
  start: i * 2,
  product: i % 2 ? 'canvas-tote' : 'ember-mug',
}));

const listOf = (player: CuecartPlayer) =>
  player.shadowRoot!.querySelector<CuecartProductList>('cuecart-product-list');
const entriesOf = (list: CuecartProductList) => [
  ...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-cue-id]'),
];

/** Whether `box` (a scroller's visible box, or the viewport) shows entries and no blank spacer. */
function covered(list: CuecartProductList, box: { top: number; bottom: number }): boolean {
  const ul = list.shadowRoot!.querySelector('ul')!.getBoundingClientRect();
  const top = Math.max(box.top, ul.top);
  const bottom = Math.min(box.bottom, ul.bottom);
  if (bottom <= top) return true;
  const rows = entriesOf(list).map((li) => li.getBoundingClientRect());
  return rows.length > 0 && rows[0]!.top <= top + 1 && rows.at(-1)!.bottom >= bottom - 1;
}

/** Adds the show's first `count` cues; resolves when all are in. */
async function addShow(player: CuecartPlayer, count = N): Promise<void> {
  await player.updateComplete;
  player.addCues(cues.slice(0, count));
  await waitUntil(() => player.cueList.length === count, 'cues', { timeout: 15_000 });
}

const ulOf = (list: CuecartProductList) => list.shadowRoot!.querySelector('ul')!;

/**
 * Whether the windowed list's height stands for its entries as rendered (its spacers sized with
 * the pitch the rendered entries measure), within two entries.
 */
function measured(list: CuecartProductList): boolean {
  const rows = entriesOf(list).map((li) => li.getBoundingClientRect());
  if (rows.length < 2) return false;
  const pitch = (rows.at(-1)!.top - rows[0]!.top) / (rows.length - 1);
  return Math.abs(ulOf(list).scrollHeight - N * pitch) <= 2 * pitch;
}

/** The player's list once it shows entries. */
async function shownList(player: CuecartPlayer): Promise<CuecartProductList> {
  await waitUntil(() => (listOf(player) ? entriesOf(listOf(player)!).length : 0) > 0, 'list', {
    timeout: 15_000,
  });
  return listOf(player)!;
}

describe('CuecartPlayer with a long product list (1,000 cues)', () => {
  const createPlayer = playersRemovedAfterEach();
  afterEach(() => window.scrollTo(0, 0));

  /** A player in `layout` showing the first `count` cues, and its list once it shows entries. */
  async function showIn(layout: 'panel' | 'stacked', count = N) {
    const player = createPlayer({ src: FIXTURES.mp4, products: FEED, layout });
    await addShow(player, count);
    return { player, list: await shownList(player) };
  }

  it('renders a window of the list in the side panel and follows its scrolling', async () => {
    const { player, list } = await showIn('panel');
    expect(entriesOf(list).length).to.be.within(10, 60);
    // Beside the video the panel scrolls; the list is not capped in a box of its own there.
    const ul = ulOf(list);
    expect(ul.scrollHeight).to.be.at.most(ul.clientHeight + 1);
    const panel = shadowPart(player, 'panel')!;
    panel.scrollTop = panel.scrollHeight / 2;
    await waitUntil(() => covered(list, panel.getBoundingClientRect()), 'blank panel');
    const shown = entriesOf(list).map((li) => Number(li.dataset.index));
    expect(Math.min(...shown)).to.be.above(300);
    expect(shown.length).to.be.within(10, 80);
  });

  it('caps a long list stacked below the video in a box of its own, and follows its scrolling', async () => {
    const { player, list } = await showIn('stacked');
    expect(entriesOf(list).length).to.be.within(10, 60);
    // Not a page as tall as 1,000 entries: the list scrolls in at most 70 % of the viewport.
    const ul = ulOf(list);
    await waitUntil(() => ul.scrollHeight > ul.clientHeight, 'list box');
    // Once the products are in, the list measures its entries again without being scrolled:
    // scrolled to 80 % of its height, it then shows the entries 80 % down.
    await waitUntil(() => measured(list), 'list height for its entries');
    expect(ul.getBoundingClientRect().height).to.be.at.most(window.innerHeight * 0.7 + 1);
    expect(player.getBoundingClientRect().height).to.be.below(window.innerHeight * 2);
    ul.scrollTop = ul.scrollHeight * 0.8;
    await waitUntil(() => covered(list, ul.getBoundingClientRect()), 'blank list');
    expect(Math.min(...entriesOf(list).map((li) => Number(li.dataset.index)))).to.be.above(600);
  });

  it('leaves a short stacked list in the page flow', async () => {
    const { list } = await showIn('stacked', 100);
    expect(entriesOf(list)).to.have.length(100);
    const ul = ulOf(list);
    expect(ul.scrollHeight).to.be.at.most(ul.clientHeight + 1);
  });

  it('renders a window of the list in the overlay sheet and follows its scrolling', async () => {
    const player = createPlayer({ src: FIXTURES.mp4, products: FEED, layout: 'overlay' });
    await addShow(player);
    // In overlay the list is in the sheet, opened by the products button.
    await waitUntil(() => shadowPart(player, 'products-button'), 'products button');
    shadowPart<HTMLButtonElement>(player, 'products-button')!.click();
    const list = await shownList(player);
    expect(entriesOf(list).length).to.be.within(10, 60);
    const sheet = shadowPart(player, 'sheet')!;
    sheet.scrollTop = sheet.scrollHeight;
    await waitUntil(() => entriesOf(list).at(-1)?.dataset.index === String(N - 1), 'list end');
    expect(covered(list, sheet.getBoundingClientRect())).to.equal(true);
  });
});
