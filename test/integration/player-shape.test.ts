import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CuecartErrorDetail } from '../../src/internal/errors.js';
import type { CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import { createPlayer, FIXTURES, shadowPart, videoOf } from '../helpers/player.js';

const PORTRAIT = '/test/fixtures/mp4/portrait.mp4';

const rect = (el: Element) => el.getBoundingClientRect();
const stageOf = (player: CuecartPlayer) => shadowPart(player, 'stage')!;

/** A player `width` px wide, playing `src` with a product featured from 0.1 s. */
async function shapedPlayer(src: string, width: number, attributes: Record<string, string> = {}) {
  const player = createPlayer({ ...attributes });
  player.style.width = `${width}px`;
  player.productList = [
    {
      id: 'tote',
      title: 'Canvas Tote',
      price: 3500,
      currency: 'USD',
      variants: [{ id: 'tote-1', title: 'Natural', price: 3500, available: true }],
    },
  ];
  player.cueList = [{ start: 0, end: 30, product: 'tote' }];
  player.src = src;
  await player.updateComplete;
  return player;
}

async function metadata(player: CuecartPlayer) {
  const video = videoOf(player);
  await waitUntil(() => video.videoWidth > 0 && player.hasAttribute('stream-shape'), 'no shape', {
    timeout: 15_000,
  });
  await player.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

async function featured(player: CuecartPlayer) {
  await waitUntil(
    () => player.shadowRoot!.querySelector('cuecart-product-card'),
    'no product card',
    { timeout: 10_000 },
  );
  const card = player.shadowRoot!.querySelector('cuecart-product-card')!;
  await card.updateComplete;
  return card;
}

describe('CuecartPlayer takes the stream’s shape', () => {
  let player: CuecartPlayer | undefined;
  // A phone's screen: 100svh caps a tall picture, as on a real 390×844 phone.
  beforeEach(() => setViewport({ width: 1300, height: 844 }));
  afterEach(async () => {
    player?.remove();
    player = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the whole 16:9 picture on a 390 px phone, with the card below it', async () => {
    player = await shapedPlayer(FIXTURES.mp4, 390);
    await metadata(player);
    const stage = rect(stageOf(player));
    expect(stage.width).to.equal(390);
    expect(stage.height).to.be.closeTo(390 * (360 / 640), 1.5);
    const video = videoOf(player);
    expect(getComputedStyle(video).objectFit).to.equal('contain');
    expect(player.getAttribute('stream-shape')).to.equal('landscape');

    const card = await featured(player);
    // The card is usable and leaves the picture alone: it starts below the stage.
    expect(rect(card).top).to.be.at.least(stage.bottom - 0.5);
    expect(rect(card).height).to.be.greaterThan(40);
    expect(shadowPart(card, 'add-button')).to.not.equal(null);
    expect(shadowPart(player, 'products-button')).to.equal(null);
    expect(player.shadowRoot!.querySelector('cuecart-product-list')).to.not.equal(null);
  });

  it('gives a vertical stream the tall look on a phone, the card over its lower part', async () => {
    player = await shapedPlayer(PORTRAIT, 390);
    await metadata(player);
    const stage = rect(stageOf(player));
    expect(stage.height).to.be.closeTo(390 * (320 / 180), 1.5);
    expect(player.getAttribute('stream-shape')).to.equal('portrait');
    const card = rect(await featured(player));
    // Over the video (the live-shopping look) but below the picture's centre.
    expect(card.bottom).to.be.at.most(stage.bottom);
    expect(card.top).to.be.greaterThan(stage.top + stage.height / 2);
  });

  it('reserves the aspect-ratio attribute before metadata: no layout shift', async () => {
    player = createPlayer({ 'aspect-ratio': '9/16' });
    player.style.width = '360px';
    await player.updateComplete;
    const before = rect(stageOf(player)).height;
    expect(before).to.be.closeTo(640, 1);
    player.src = PORTRAIT;
    await metadata(player);
    expect(rect(stageOf(player)).height).to.be.closeTo(before, 1.5);
    // Removing the attribute is harmless (the stream's ratio stays).
    player.removeAttribute('aspect-ratio');
    await player.updateComplete;
    expect(rect(stageOf(player)).height).to.be.closeTo(before, 1.5);
  });

  it('reserves 16:9 without the attribute, then follows the stream', async () => {
    player = createPlayer();
    player.style.width = '400px';
    await player.updateComplete;
    expect(rect(stageOf(player)).height).to.be.closeTo(225, 1);
    player.src = PORTRAIT;
    await metadata(player);
    expect(rect(stageOf(player)).height).to.be.closeTo(400 * (320 / 180), 1.5);
  });

  it('reports a bad aspect-ratio attribute and keeps 16:9', async () => {
    const errors: CuecartErrorDetail[] = [];
    document.addEventListener(
      'cuecart-error',
      (e) => errors.push((e as CustomEvent<CuecartErrorDetail>).detail),
      { once: true },
    );
    player = createPlayer({ 'aspect-ratio': 'wide; display:none' });
    player.style.width = '400px';
    await player.updateComplete;
    expect(rect(stageOf(player)).height).to.be.closeTo(225, 1);
    expect(errors[0]?.code).to.equal('config-invalid');
  });

  it('keeps the panel beside a 16:9 picture at 1280 px and never crops it', async () => {
    player = await shapedPlayer(FIXTURES.mp4, 1280);
    await metadata(player);
    const stage = rect(stageOf(player));
    const panel = rect(shadowPart(player, 'panel')!);
    expect(panel.left).to.be.at.least(stage.right - 0.5);
    expect(stage.height).to.be.closeTo(stage.width * (360 / 640), 1.5);
    expect(getComputedStyle(videoOf(player)).objectFit).to.equal('contain');
  });

  it('crops only when the page asks with --cuecart-object-fit: cover', async () => {
    player = await shapedPlayer(FIXTURES.mp4, 390);
    player.style.setProperty('--cuecart-object-fit', 'cover');
    player.style.setProperty('--cuecart-aspect-ratio', '9 / 16');
    await metadata(player);
    expect(getComputedStyle(videoOf(player)).objectFit).to.equal('cover');
    expect(rect(stageOf(player)).height).to.be.closeTo(390 * (16 / 9), 1.5);
  });
});
