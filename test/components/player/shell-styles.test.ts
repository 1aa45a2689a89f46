// What the player shell ships by itself must be enough for the first frame: a player whose
// shopping chunk has not arrived yet (no shopping element registered on this page) still has its
// reserved box, its theme and its controls. The tokens only the shopping elements read arrive with
// their chunk and must still apply to them (docs/decisions/0061-shop-only-styles-and-strings-leave-the-shell.md).
import { expect, fixture, html } from '@open-wc/testing';
import type { Product } from '../../../src/commerce/product.js';
import { CuecartControls } from '../../../src/ui/controls/cuecart-controls.js';
import { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';

const tee: Product = {
  id: 'tee',
  title: 'Organic Tee',
  price: 2500,
  variants: [{ id: 'tee-m', title: 'M', price: 2500, available: true }],
};

const soldOutTee: Product = {
  ...tee,
  id: 'sold-out-tee',
  variants: [{ id: 'tee-s', title: 'S', price: 2500, available: false }],
};

defineOnce(CuecartPlayer.tagName, CuecartPlayer);
defineOnce(CuecartControls.tagName, CuecartControls);

const part = (root: Element, name: string) =>
  root.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function playerOfWidth(width: number, theme?: 'dark'): Promise<CuecartPlayer> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style="inline-size: ${width}px">
      <cuecart-player theme=${theme ?? 'light'}></cuecart-player>
    </div>`,
  );
  const player = wrapper.querySelector('cuecart-player')!;
  await player.updateComplete;
  return player;
}

describe('CuecartPlayer before the shopping chunk arrives', () => {
  it('is accessible with only the shell registered', async () => {
    expect(customElements.get('cuecart-product-card'), 'shop not registered').to.equal(undefined);
    const player = await playerOfWidth(640);
    await expectAccessible(player);
  });

  it('reserves a 16:9 box and shows the black stage and the control bar', async () => {
    const player = await playerOfWidth(640);
    const stage = part(player, 'stage').getBoundingClientRect();
    expect(stage.width).to.equal(640);
    expect(stage.height).to.equal(360);
    expect(player.getBoundingClientRect().height, 'the player is the stage').to.equal(360);
    expect(getComputedStyle(part(player, 'stage')).backgroundColor).to.equal('rgb(0, 0, 0)');
    const controls = part(player, 'controls');
    await (controls as CuecartControls).updateComplete;
    const bar = controls.getBoundingClientRect();
    expect(bar.bottom, 'controls at the bottom of the stage').to.equal(stage.bottom);
    expect(bar.width).to.equal(640);
    const play = part(controls, 'play-button').getBoundingClientRect();
    expect(play.width).to.be.at.least(44);
    expect(play.height).to.be.at.least(44);
  });

  it('applies the core theme tokens to its own box, light and dark', async () => {
    const light = getComputedStyle(await playerOfWidth(320));
    expect(light.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(light.color).to.equal('rgb(22, 24, 29)');
    expect(light.colorScheme).to.equal('light');
    const dark = getComputedStyle(await playerOfWidth(320, 'dark'));
    expect(dark.backgroundColor).to.equal('rgb(23, 25, 30)');
    expect(dark.color).to.equal('rgb(242, 243, 245)');
    expect(dark.colorScheme).to.equal('dark');
  });

  it('follows the public --cuecart-surface and --cuecart-text knobs', async () => {
    const player = await playerOfWidth(320);
    player.style.setProperty('--cuecart-surface', 'rgb(1, 2, 3)');
    player.style.setProperty('--cuecart-text', 'rgb(4, 5, 6)');
    expect(getComputedStyle(player).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(player).color).to.equal('rgb(4, 5, 6)');
  });
});

describe('design tokens of the shopping elements (their chunk)', () => {
  before(async () => {
    const { defineShopElements } = await import('../../../src/define-shop.js');
    defineShopElements();
  });

  async function card(product: Product, style = '', theme = 'light'): Promise<HTMLElement> {
    const element = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<cuecart-product-card
        style=${style}
        theme=${theme}
        .product=${product}
      ></cuecart-product-card>`,
    );
    await element.updateComplete;
    return element;
  }

  it('colour the add button from the core tokens, light and dark', async () => {
    const light = part(await card(tee), 'add-button');
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(45, 79, 214)');
    expect(getComputedStyle(light).color).to.equal('rgb(255, 255, 255)');
    const dark = part(await card(tee, '', 'dark'), 'add-button');
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(142, 171, 255)');
  });

  it('read the shopping-only tokens (muted text, second surface, font, radius)', async () => {
    const soldOut = part(await card(soldOutTee), 'add-button');
    expect(getComputedStyle(soldOut).backgroundColor, 'surface-2').to.equal('rgb(243, 244, 246)');
    expect(getComputedStyle(soldOut).color, 'text-muted').to.equal('rgb(90, 96, 108)');
    const restyled = await card(
      soldOutTee,
      '--cuecart-surface-2: rgb(7, 8, 9); --cuecart-text-muted: rgb(10, 11, 12);' +
        ' --cuecart-font: monospace; --cuecart-radius: 4px',
    );
    const button = part(restyled, 'add-button');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(button).color).to.equal('rgb(10, 11, 12)');
    expect(getComputedStyle(restyled).fontFamily).to.equal('monospace');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('3px');
  });

  it('inside a player, follow the knobs the page sets on the player', async () => {
    const player = await playerOfWidth(320);
    player.style.setProperty('--cuecart-accent', 'rgb(13, 14, 15)');
    const inner = document.createElement('cuecart-product-card') as HTMLElement & {
      product?: Product;
      updateComplete: Promise<unknown>;
    };
    inner.product = tee;
    // In the player's shadow tree, where the player renders its cards.
    part(player, 'stage').append(inner);
    await inner.updateComplete;
    expect(getComputedStyle(part(inner, 'add-button')).backgroundColor).to.equal('rgb(13, 14, 15)');
    inner.remove();
  });
});

describe('CuecartPlayer messages with the shopping chunk', () => {
  before(async () => {
    const { defineShopElements } = await import('../../../src/define-shop.js');
    defineShopElements();
  });

  const cartLabel = async (player: CuecartPlayer) => {
    await player.updateComplete;
    const cart = part(player, 'mini-cart') as HTMLElement & { updateComplete: Promise<unknown> };
    await cart.updateComplete;
    return part(cart, 'cart-button').getAttribute('aria-label');
  };

  it("gives the shopping elements the page's overrides and their own English defaults", async () => {
    const player = await playerOfWidth(640);
    expect(await cartLabel(player)).to.equal('Cart, 0 items');
    player.messages = { cartCountOther: 'Korb, {count} Artikel', playerLabel: 'Video' };
    expect(await cartLabel(player)).to.equal('Korb, 0 Artikel');
    expect(part(player, 'stage').getAttribute('aria-label')).to.equal('Video');
  });
});
