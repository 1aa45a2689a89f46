import { expect, waitUntil } from '@open-wc/testing';
import type { Product } from '../../src/commerce/product.js';
import type { ProductImpressionDetail, ProductClickDetail } from '../../src/ui/shared/ui-events.js';
import type { CuecartProductList } from '../../src/ui/product-list/product-list.js';
import type { CuecartSeekMarkers } from '../../src/ui/seek-markers/seek-markers.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import {
  FIXTURES,
  cardOf,
  createPlayer,
  feature,
  playsPast,
  seekTo,
  shadowPart,
  shadowParts,
  videoOf,
} from '../helpers/player.js';
import { resetStore } from '../unit/commerce/local-store.js';

const FEED = '/cuecart/products.json';

const listOf = (player: CuecartPlayer) =>
  player.shadowRoot!.querySelector<CuecartProductList>('cuecart-product-list');
const markersOf = (player: CuecartPlayer) =>
  player.shadowRoot!.querySelector<CuecartSeekMarkers>('cuecart-seek-markers');

const layoutOf = (player: CuecartPlayer) => {
  const root = player.shadowRoot!;
  const panel = root.querySelector('[part="panel"]');
  if (panel) return panel.classList.contains('stacked') ? 'stacked' : 'panel';
  return root.querySelector('[part="overlay"]') ? 'overlay' : 'none';
};

describe('CuecartPlayer shopping UI', () => {
  let player: CuecartPlayer | undefined;
  let wrapper: HTMLElement | undefined;
  beforeEach(async () => {
    await resetStore();
  });
  afterEach(() => {
    player?.remove();
    wrapper?.remove();
    player = undefined;
    wrapper = undefined;
  });

  it('puts the card below a landscape picture when narrow and in a side panel when wide', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    player.style.width = '700px';
    await feature(player, 14, 'Drift Sneakers');
    // A 16:9 picture 394 px tall: a card over it would cover its centre (issue 11), so the
    // compact card and the list go below it.
    await waitUntil(() => layoutOf(player!) === 'stacked', `layout ${layoutOf(player!)}`);
    expect(cardOf(player)!.layout).to.equal('overlay');

    // A phone-wide player: still below the picture, never over it.
    player.style.width = '480px';
    await player.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(layoutOf(player)).to.equal('stacked');

    // Wider than the test page (800 px): let the player overflow it.
    player.style.maxInlineSize = 'none';
    player.style.width = '1000px';
    await waitUntil(() => layoutOf(player!) === 'panel', `layout ${layoutOf(player!)}`);
    expect(cardOf(player)!.layout).to.equal('panel');
    const panel = player.shadowRoot!.querySelector('[part="panel"]')!.getBoundingClientRect();
    const stage = player.shadowRoot!.querySelector('[part="stage"]')!.getBoundingClientRect();
    expect(panel.left).to.be.at.least(stage.right - 1);

    player.style.width = '480px';
    player.layout = 'panel';
    await player.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(layoutOf(player)).to.equal('panel');
  });

  it('lists every product of a replay and seeks to a chosen one', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, layout: 'panel' });
    await waitUntil(() => player!.cueList.length >= 4, 'cues', { timeout: 15_000 });
    await waitUntil(() => shadowParts(listOf(player!), 'item').length === 4, 'list items');
    const titles = shadowParts(listOf(player), 'item-title').map((el) => el.textContent!.trim());
    // A replay reads in show order: the earliest moment first (issue 11).
    expect(titles).to.deep.equal([
      'Aurora Headphones',
      'Ember Mug',
      'Drift Sneakers',
      'Solstice Sunglasses',
    ]);

    const video = videoOf(player);
    const seeked = new Promise((resolve) =>
      video.addEventListener('seeked', resolve, { once: true }),
    );
    const mug = shadowParts(listOf(player), 'item-button').find((b) =>
      b.textContent!.includes('Ember Mug'),
    )!;
    mug.click();
    await seeked;
    expect(player.currentTime).to.be.closeTo(7, 0.1);
    await waitUntil(() => cardOf(player!)?.product?.title === 'Ember Mug', 'mug not featured');
  });

  it('marks each cue on the seek bar of a replay', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    await waitUntil(() => player!.cueList.length >= 4, 'cues', { timeout: 15_000 });
    await waitUntil(() => shadowParts(markersOf(player!), 'marker').length === 4, 'markers');
    const labels = shadowParts(markersOf(player), 'marker').map((m) =>
      m.getAttribute('aria-label'),
    );
    expect(labels[0]).to.contain('Aurora Headphones');
    expect(labels[2]).to.contain('Drift Sneakers');
  });

  it('shows no seek markers in a live stream', async function () {
    this.timeout(30_000);
    player = createPlayer({ src: FIXTURES.liveTs, products: FEED });
    await playsPast(player, 0.5);
    await waitUntil(() => player!.live && player!.cueList.length > 0, 'no live cues', {
      timeout: 20_000,
    });
    await player.updateComplete;
    expect(shadowParts(markersOf(player), 'marker')).to.have.length(0);
  });

  it('announces the featured product politely', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    const region = [...player.shadowRoot!.querySelectorAll('[aria-live="polite"]')].find((el) =>
      el.textContent!.includes('Now featuring'),
    );
    expect(region, 'live region').to.exist;
    expect(region!.textContent).to.contain('Now featuring Drift Sneakers');
  });

  it('takes UI strings from the messages attribute', async () => {
    player = createPlayer({
      src: FIXTURES.tsId3,
      products: FEED,
      messages: JSON.stringify({ addToCart: 'Buy now' }),
    });
    await feature(player, 14, 'Drift Sneakers');
    expect(shadowPart(cardOf(player), 'add-button')!.textContent!.trim()).to.equal('Buy now');
  });

  it('formats money in the given currency and locale (JPY has no minor units)', async () => {
    const matcha: Product = {
      id: 'matcha',
      title: 'Matcha Set',
      price: 1200,
      variants: [{ id: 'matcha-1', title: 'Default', price: 1200, available: true }],
    };
    player = createPlayer({ src: FIXTURES.mp4, currency: 'JPY', locale: 'ja-JP', layout: 'panel' });
    player.productList = [matcha];
    player.addCues([{ start: 0, end: 30, product: 'matcha' }]);
    await feature(player, 1, 'Matcha Set', 1);
    const expected = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(
      1200,
    );
    expect(shadowPart(cardOf(player), 'price-current')!.textContent!.trim()).to.equal(expected);
    expect(shadowPart(listOf(player), 'item-price')!.textContent!.trim()).to.equal(expected);
  });

  it('renders right to left without errors', async () => {
    wrapper = document.createElement('div');
    wrapper.dir = 'rtl';
    document.body.append(wrapper);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
      wrapper.append(player);
      player.addEventListener('cuecart-error', (e) => errors.push(e.detail.code));
      await feature(player, 14, 'Drift Sneakers');
      await waitUntil(() => shadowParts(markersOf(player!), 'marker').length === 4, 'markers');
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    const stage = player.shadowRoot!.querySelector('[part="stage"]')!;
    expect(getComputedStyle(stage).direction).to.equal('rtl');
    // The first cue's marker sits near the right end of the track.
    const track = shadowPart(markersOf(player), 'track')!.getBoundingClientRect();
    const first = shadowParts(markersOf(player), 'marker')[0]!.getBoundingClientRect();
    expect(first.left).to.be.greaterThan(track.left + track.width / 2);
  });

  it('gives a host card in slot="card" the product instead of the default card', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    const custom = document.createElement('div') as HTMLDivElement & { product?: Product };
    custom.slot = 'card';
    custom.textContent = 'My card';
    player.append(custom);
    await feature(player, 14, 'Drift Sneakers');
    await waitUntil(
      () => custom.product?.title === 'Drift Sneakers',
      'slotted card got no product',
    );
    expect(custom.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(shadowPart(cardOf(player), 'base')?.getClientRects().length ?? 0).to.equal(0);

    await seekTo(player, 2);
    await waitUntil(() => custom.product?.title === 'Aurora Headphones', 'product not updated');
  });
});

describe('CuecartPlayer impressions and product clicks', () => {
  let player: CuecartPlayer | undefined;
  afterEach(() => {
    player?.remove();
    player = undefined;
  });

  it('fires cuecart-product-impression once per cue after a second in view', async function () {
    this.timeout(20_000);
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    const impressions: ProductImpressionDetail[] = [];
    const impressionAt: number[] = [];
    player.addEventListener('cuecart-product-impression', (e) => {
      impressions.push(e.detail);
      impressionAt.push(performance.now());
    });
    // When the card took the product (measured by event, not after the helper returns: under
    // load the helper's polling can return well after the card showed it).
    let shownAt = NaN;
    player.addEventListener('cuecart-product-change', (e) => {
      if (e.detail.product?.title === 'Drift Sneakers' && Number.isNaN(shownAt)) {
        shownAt = performance.now();
      }
    });
    await feature(player, 14, 'Drift Sneakers');
    await waitUntil(() => impressions.length === 1, 'no impression', { timeout: 3000 });
    expect(impressionAt[0]! - shownAt).to.be.at.least(900);
    expect(impressions[0]!.product.title).to.equal('Drift Sneakers');
    expect(impressions[0]!.cueId).to.equal(player.activeCues[0]!.id);

    // Same cue again: no second impression.
    await seekTo(player, 15);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(impressions).to.have.length(1);

    await seekTo(player, 2);
    await waitUntil(() => impressions.length === 2, 'no impression for the next cue', {
      timeout: 3000,
    });
    expect(impressions[1]!.product.title).to.equal('Aurora Headphones');
  });

  it('fires cuecart-product-click from the title and the image', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, layout: 'panel' });
    const clicks: ProductClickDetail[] = [];
    player.addEventListener('cuecart-product-click', (e) => {
      clicks.push(e.detail);
      e.preventDefault(); // stay on the test page
    });
    await feature(player, 14, 'Drift Sneakers');
    shadowPart(cardOf(player), 'title-link')!.click();
    shadowPart(cardOf(player), 'image')!.click();
    expect(clicks.map((c) => c.product.title)).to.deep.equal(['Drift Sneakers', 'Drift Sneakers']);
    expect(clicks[0]!.cueId).to.equal(player.activeCues[0]!.id);
    expect(location.pathname).to.not.contain('/products/');
  });
});
