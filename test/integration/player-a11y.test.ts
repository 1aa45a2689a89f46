import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import { deepActiveElement } from '../../src/ui/shared/focus-trap.js';
import { expectAccessible } from '../components/axe.js';
import {
  FIXTURES,
  cardOf,
  createPlayer,
  feature,
  miniCartOf,
  shadowPart,
  videoOf,
} from '../helpers/player.js';
import { resetStore } from '../unit/commerce/local-store.js';

const FEED = '/cuecart/products.json';

const stageOf = (player: CuecartPlayer) =>
  player.shadowRoot!.querySelector<HTMLElement>('[part="stage"]')!;

/** Presses Tab until `target()` has focus; fails after `limit` presses. */
async function tabTo(target: () => Element | null, limit = 25): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await sendKeys({ press: 'Tab' });
    if (target() && deepActiveElement() === target()) return presses;
  }
  throw new Error(`Tab never reached the target; focus is on ${nameOf(deepActiveElement())}`);
}

function nameOf(el: Element | null): string {
  if (!el) return 'nothing';
  return `<${el.localName} part="${el.getAttribute('part') ?? ''}">`;
}

describe('CuecartPlayer accessibility', () => {
  let player: CuecartPlayer | undefined;
  let input: HTMLInputElement | undefined;
  beforeEach(async () => {
    await resetStore();
  });
  afterEach(() => {
    player?.remove();
    input?.remove();
    player = undefined;
    input = undefined;
  });

  it('passes axe when idle, with a product, with the drawer open, and on error', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, adapter: 'shopify' });
    await waitUntil(() => player!.cueList.length >= 4, 'cues', { timeout: 15_000 });
    await player.updateComplete;
    expect(player.activeCues).to.deep.equal([]);
    await expectAccessible(player);

    await feature(player, 14, 'Drift Sneakers');
    await expectAccessible(player);

    const miniCart = miniCartOf(player);
    shadowPart(miniCart, 'cart-button')!.click();
    await miniCart.updateComplete;
    await expectAccessible(player);
    miniCart.hide();
    await miniCart.updateComplete;

    player.src = '/test/fixtures/missing/index.m3u8';
    await waitUntil(() => player!.error !== null, 'no playback error', { timeout: 15_000 });
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('[part="error"]')).to.exist;
    await expectAccessible(player);
  });

  it('passes axe in panel layout with a product and the list', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, layout: 'panel' });
    await feature(player, 14, 'Drift Sneakers');
    await expectAccessible(player);
  });

  it('lets a keyboard-only shopper go from "product appears" to "added to cart"', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, adapter: 'shopify' });
    await feature(player, 14, 'Drift Sneakers');
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo(() => stageOf(player!));
    expect(stageOf(player).matches(':focus-visible')).to.equal(true);
    const addButton = () => shadowPart(cardOf(player!), 'add-button');
    await tabTo(addButton);
    expect(addButton()!.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(addButton()!).outlineStyle).to.not.equal('none');

    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => (await (await fetch('/cart.js')).json()).item_count === 1,
      'not added',
      { timeout: 5000 }, // three store round trips on a busy machine
    );
    await waitUntil(() => player!.cartStore!.$cart.get().itemCount === 1);
  });

  it('keeps focus in the player when the focused card goes away with its cue', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    shadowPart(cardOf(player), 'add-button')!.focus();
    // Compare booleans: chai serialising a DOM element on failure hangs the test page.
    expect(deepActiveElement() === shadowPart(cardOf(player), 'add-button')).to.equal(true);

    const video = videoOf(player);
    const seeked = new Promise((resolve) =>
      video.addEventListener('seeked', resolve, { once: true }),
    );
    player.currentTime = 6.5; // between cues
    await seeked;
    await waitUntil(() => cardOf(player!) === null, 'card still shown');
    await player.updateComplete;
    expect(
      deepActiveElement() === stageOf(player),
      `focus is on ${nameOf(deepActiveElement())}`,
    ).to.equal(true);
  });

  it('keeps focus in the player after choosing a product in the overlay list', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, layout: 'overlay' });
    await feature(player, 14, 'Drift Sneakers');
    const productsButton = player.shadowRoot!.querySelector<HTMLElement>(
      '[part="products-button"]',
    )!;
    productsButton.click();
    await player.updateComplete;
    const list = player.shadowRoot!.querySelector('cuecart-product-list')!;
    await waitUntil(
      () => list.shadowRoot?.querySelector('[part~="item-button"]'),
      'list not shown',
    );
    const mug = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item-button"]')].find(
      (b) => b.textContent!.includes('Ember Mug'),
    )!;
    mug.focus();
    mug.click();
    await waitUntil(() => cardOf(player!)?.product?.title === 'Ember Mug', 'mug not featured');
    expect(player.shadowRoot!.querySelector('cuecart-product-list')).to.equal(null);
    expect(
      deepActiveElement() === stageOf(player),
      `focus is on ${nameOf(deepActiveElement())}`,
    ).to.equal(true);
  });

  it('stops animations when the viewer prefers reduced motion', async () => {
    const drawerAnimation = async () => {
      player?.remove();
      player = createPlayer({ src: FIXTURES.mp4 });
      await player.updateComplete;
      const miniCart = miniCartOf(player);
      await miniCart.updateComplete;
      shadowPart(miniCart, 'cart-button')!.click();
      await miniCart.updateComplete;
      return getComputedStyle(shadowPart(miniCart, 'drawer')!).animationDuration;
    };
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(parseFloat(await drawerAnimation())).to.be.greaterThan(0.05);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(parseFloat(await drawerAnimation())).to.be.below(0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('traps focus in the cart drawer, closes it on Escape and returns focus', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED, adapter: 'shopify' });
    await feature(player, 14, 'Drift Sneakers');
    await player.addToCart({
      productId: cardOf(player)!.product!.id,
      variantId: '45014',
      quantity: 1,
    });
    (document.activeElement as HTMLElement | null)?.blur();
    const miniCart = miniCartOf(player);
    const cartButton = () => shadowPart(miniCart, 'cart-button');
    await tabTo(cartButton, 40);

    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => miniCart.open && shadowPart(miniCart, 'drawer') !== null,
      'drawer closed',
    );
    const drawer = shadowPart(miniCart, 'drawer')!;
    await waitUntil(
      () => drawer.contains(deepActiveElement()),
      'focus did not move into the drawer',
    );
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: i % 3 === 2 ? 'Shift+Tab' : 'Tab' });
      expect(
        drawer.contains(deepActiveElement()),
        `focus left the drawer: ${nameOf(deepActiveElement())}`,
      ).to.equal(true);
    }

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !miniCart.open, 'Escape did not close the drawer');
    await waitUntil(
      () => deepActiveElement() === cartButton(),
      `focus is on ${nameOf(deepActiveElement())}`,
    );
  });

  it('acts on shortcuts only while the stage has focus, not while typing in the page', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    input = document.createElement('input');
    document.body.prepend(input);
    await waitUntil(() => Number.isFinite(player!.duration), 'no duration', { timeout: 15_000 });
    expect(player.paused).to.equal(true);

    input.focus();
    await sendKeys({ type: ' k' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(player.paused).to.equal(true);
    expect(input.value).to.equal(' k');

    stageOf(player).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !player!.paused, 'Space did not start playback');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => player!.paused, 'Space did not pause');
    expect(input.value).to.equal(' k');
  });
});
