import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import { expectAccessible } from '../components/axe.js';
import { createPlayer, FIXTURES, shadowPart, videoOf } from '../helpers/player.js';

/** 640×360 (16:9) and 180×320 (9:16) fixtures (test/fixtures/generate.mjs). */
const STREAMS = {
  landscape: { src: FIXTURES.mp4, ratio: 640 / 360 },
  portrait: { src: '/test/fixtures/mp4/portrait.mp4', ratio: 180 / 320 },
} as const;

/** The screens issue 11 names: a phone, a portrait tablet and a laptop, each held upright. */
const SCREENS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 800 },
} as const;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rect = (el: Element): Rect => el.getBoundingClientRect();

/**
 * The picture as painted: the `<video>`'s box fitted to the stream's intrinsic ratio under its
 * computed `object-fit` (letterboxed or pillarboxed by `contain`), clipped by the stage.
 */
function renderedPicture(video: HTMLVideoElement): Rect {
  const box = video.getBoundingClientRect();
  const ratio = video.videoWidth / video.videoHeight;
  expect(getComputedStyle(video).objectFit).to.equal('contain');
  const width = Math.min(box.width, box.height * ratio);
  const height = Math.min(box.height, box.width / ratio);
  const left = box.left + (box.width - width) / 2;
  const top = box.top + (box.height - height) / 2;
  return { left, top, right: left + width, bottom: top + height };
}

/** The middle 50 % × 50 % of `r`: where the host and the product shown usually are. */
function centreOf(r: Rect): Rect {
  const w = (r.right - r.left) / 4;
  const h = (r.bottom - r.top) / 4;
  return { left: r.left + w, top: r.top + h, right: r.right - w, bottom: r.bottom - h };
}

const intersects = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (inner: Rect, outer: Rect, slack = 0.5) =>
  inner.left >= outer.left - slack &&
  inner.top >= outer.top - slack &&
  inner.right <= outer.right + slack &&
  inner.bottom <= outer.bottom + slack;

const show = (r: Rect) =>
  `${Math.round(r.left)},${Math.round(r.top)}→${Math.round(r.right)},${Math.round(r.bottom)}`;

/**
 * A player as wide as the screen playing `src`, with a product whose card carries two option
 * selects (the tallest compact card a feed usually gives) featured from the start.
 */
async function playerOnScreen(src: string, screenWidth: number, aspectRatio?: string) {
  const player = createPlayer();
  player.style.width = `${screenWidth}px`;
  if (aspectRatio) player.style.setProperty('--cuecart-aspect-ratio', aspectRatio);
  player.style.maxInlineSize = 'none';
  player.productList = [
    {
      id: 'runner',
      title: 'Drift Runner Knit Sneakers',
      price: 12900,
      compareAtPrice: 15900,
      currency: 'USD',
      variants: [
        {
          id: 'r-42-w',
          title: '42 / White',
          price: 12900,
          available: true,
          options: ['42', 'White'],
        },
        {
          id: 'r-43-b',
          title: '43 / Black',
          price: 12900,
          available: true,
          options: ['43', 'Black'],
        },
      ],
    },
  ];
  player.productList = [
    {
      id: 'headphones',
      title: 'Aurora Over-Ear Wireless Headphones',
      price: 19900,
      currency: 'USD',
      variants: [{ id: 'h-1', title: 'Black', price: 19900, available: true }],
    },
  ];
  player.cueList = [
    { start: 0, end: 3, product: 'runner' },
    { start: 3, end: 4, product: 'headphones' },
  ];
  player.src = src;
  await player.updateComplete;
  const video = videoOf(player);
  await waitUntil(() => video.videoWidth > 0 && player.hasAttribute('stream-shape'), 'no shape', {
    timeout: 15_000,
  });
  await waitUntil(() => player.shadowRoot!.querySelector('cuecart-product-card'), 'no card', {
    timeout: 10_000,
  });
  const card = player.shadowRoot!.querySelector('cuecart-product-card')!;
  await card.updateComplete;
  await player.updateComplete;
  // Two frames: the resize observer's layout decision, then its render.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return { player, card, video };
}

/** The product list's titles are whole (wrapped, not cut) and get most of the list's width. */
function expectReadableTitles(player: CuecartPlayer) {
  const list = player.shadowRoot!.querySelector('cuecart-product-list')!;
  const titles = list.shadowRoot!.querySelectorAll<HTMLElement>('[part="item-title"]');
  expect(titles.length).to.equal(2);
  for (const title of titles) {
    const name = title.textContent!.trim();
    expect(title.scrollWidth, `${name} overflows`).to.be.at.most(title.clientWidth + 1);
    expect(title.scrollHeight, `${name} is clipped`).to.be.at.most(title.clientHeight + 1);
    expect(title.getBoundingClientRect().width, `${name} is squeezed`).to.be.at.least(
      list.getBoundingClientRect().width * 0.5,
    );
  }
}

const layoutOf = (player: CuecartPlayer) => {
  const panel = shadowPart(player, 'panel');
  if (panel) return panel.classList.contains('stacked') ? 'stacked' : 'panel';
  return shadowPart(player, 'overlay') ? 'overlay' : 'none';
};

describe('CuecartPlayer layout keeps the picture whole and its centre clear', () => {
  let player: CuecartPlayer | undefined;
  afterEach(async () => {
    player?.remove();
    player = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  for (const [screenName, screen] of Object.entries(SCREENS)) {
    for (const [shape, stream] of Object.entries(STREAMS)) {
      it(`${shape} stream on a ${screen.width}×${screen.height} ${screenName}`, async () => {
        await setViewport(screen);
        const shown = await playerOnScreen(stream.src, screen.width);
        player = shown.player;
        const { card, video } = shown;
        const stage = rect(shadowPart(player, 'stage')!);
        const picture = renderedPicture(video);
        const centre = centreOf(picture);
        const cardBox = rect(card);
        const where = `${layoutOf(player)}: stage ${show(stage)}, picture ${show(picture)}, card ${show(cardBox)}`;

        // Nothing cropped: the whole picture, at the stream's own ratio, lies in the stage,
        // which fits the screen's width and height.
        expect(player.getAttribute('stream-shape')).to.equal(shape);
        expect((picture.right - picture.left) / (picture.bottom - picture.top)).to.be.closeTo(
          stream.ratio,
          0.02,
        );
        expect(inside(picture, stage), where).to.be.true;
        expect(stage.right - stage.left).to.be.at.most(screen.width + 0.5);
        expect(stage.bottom - stage.top).to.be.at.most(screen.height + 0.5);

        // The card is usable: on screen horizontally, tall enough to hold its button.
        expect(cardBox.left, where).to.be.at.least(-0.5);
        expect(cardBox.right, where).to.be.at.most(screen.width + 0.5);
        expect(cardBox.bottom - cardBox.top).to.be.greaterThan(40);
        expect(shadowPart(card, 'add-button')).to.not.equal(null);

        if (shape === 'portrait' && screenName === 'phone') {
          // The vertical live-shopping look: the card over the picture, in its lower part.
          expect(layoutOf(player)).to.equal('overlay');
          expect(inside(cardBox, picture), where).to.be.true;
          expect(cardBox.top, where).to.be.greaterThan((picture.top + picture.bottom) / 2);
        } else {
          expect(intersects(cardBox, centre), `card covers the centre ${show(centre)}; ${where}`).to
            .be.false;
        }
        if (shape === 'landscape' && screenName !== 'desktop') {
          // Too short a picture for a card over it: card and list go below it.
          expect(layoutOf(player), where).to.equal('stacked');
          const list = rect(player.shadowRoot!.querySelector('cuecart-product-list')!);
          // Under the card on a phone, beside it on a tablet; never over the picture.
          expect(cardBox.top, where).to.be.at.least(stage.bottom - 0.5);
          expect(list.top).to.be.at.least(stage.bottom - 0.5);
          const clear = list.top >= cardBox.bottom - 0.5 || list.left >= cardBox.right - 0.5;
          expect(clear, `list ${show(list)}; ${where}`).to.be.true;
          expect(list.right).to.be.at.most(screen.width + 0.5);
        }
        if (screenName === 'desktop') expect(layoutOf(player), where).to.equal('panel');
        if (layoutOf(player) !== 'overlay') expectReadableTitles(player);
      });
    }
  }

  it('passes axe in the stacked layout of a portrait tablet', async () => {
    await setViewport(SCREENS.tablet);
    player = (await playerOnScreen(STREAMS.landscape.src, SCREENS.tablet.width)).player;
    expect(layoutOf(player)).to.equal('stacked');
    await expectAccessible(player);
  });

  for (const screen of [
    { width: 1024, height: 768 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows "Add to cart" in the side panel without scrolling it at ${screen.width}×${screen.height}`, async () => {
      await setViewport(screen);
      player = (await playerOnScreen(STREAMS.landscape.src, screen.width)).player;
      player.layout = 'panel';
      await player.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(layoutOf(player)).to.equal('panel');
      const card = player.shadowRoot!.querySelector('cuecart-product-card')!;
      await card.updateComplete;
      const button = rect(shadowPart(card, 'add-button')!);
      const box = rect(player);
      const where = `button ${show(button)}, player ${show(box)}`;
      expect(button.bottom - button.top, where).to.be.greaterThan(30);
      expect(inside(button, box), where).to.be.true;
      expect(shadowPart(player, 'panel')!.scrollTop).to.equal(0);
    });
  }

  it('puts the card over a landscape picture tall enough to keep it clear of the centre', async () => {
    // A 16:9 picture on an 880 px player forced to a 1:1 box is letterboxed 495 px tall in an
    // 880 px stage: the card fits under the picture's centre, so no need to stack.
    await setViewport({ width: 1000, height: 1000 });
    const shown = await playerOnScreen(STREAMS.landscape.src, 880, '1');
    player = shown.player;
    await waitUntil(() => layoutOf(player!) === 'overlay', `layout ${layoutOf(player!)}`);
    const picture = renderedPicture(shown.video);
    const card = rect(player.shadowRoot!.querySelector('cuecart-product-card')!);
    expect(intersects(card, centreOf(picture))).to.be.false;
  });
});
