// The product list stays legible where shoppers look hardest: the active row's "Jump to" pill
// stands out from the row's highlight (WCAG 1.4.11, ≥ 3:1) and its text meets AA (≥ 4.5:1), in
// both themes; variant selects keep room for their chevron.
import { expect, fixture, html } from '@open-wc/testing';
import {
  CuecartProductList,
  type ProductListItem,
} from '../../../src/ui/product-list/product-list.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';
import { listProduct } from './list-product.js';

defineOnce(CuecartProductList.tagName, CuecartProductList);

const product = listProduct;

const items: ProductListItem[] = [
  { product: product('lamp', 'Desk Lamp'), cueId: 'c1', start: 12 },
  {
    product: product('frames', 'Round Frames', {
      variants: [
        { id: 'f-t', title: 'Tortoise', price: 2500, available: false },
        { id: 'f-b', title: '40 / White', price: 2500, available: true },
      ],
    }),
    cueId: 'c2',
    start: 95,
  },
];

/** sRGB channels of a computed `rgb()`/`rgba()` colour (opaque colours only). */
function rgb(color: string): [number, number, number] {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
  expect(m, color).to.not.equal(null);
  expect(m![4] === undefined || Number(m![4]) === 1, `${color} is opaque`).to.be.true;
  return [Number(m![1]), Number(m![2]), Number(m![3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('CuecartProductList legibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the active row's "Jump to" pill stands out and reads at AA (${theme})`, async () => {
      const el = await fixture<CuecartProductList>(
        html`<cuecart-product-list
          .items=${items}
          active-cue-id="c2"
          theme=${theme}
        ></cuecart-product-list>`,
      );
      const row = el.shadowRoot!.querySelector<HTMLElement>('[part~="item-active"]')!;
      const pill = row.querySelector<HTMLElement>('[part="time"]')!;
      const rowBg = getComputedStyle(row).backgroundColor;
      const pillStyle = getComputedStyle(pill);
      const where = `pill ${pillStyle.color} on ${pillStyle.backgroundColor}, row ${rowBg}`;
      expect(contrast(pillStyle.backgroundColor, rowBg), where).to.be.at.least(3);
      expect(contrast(pillStyle.color, pillStyle.backgroundColor), where).to.be.at.least(4.5);
      await expectAccessible(el, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    });
  }

  it('keeps a variant select’s text clear of its chevron', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${items} mode="live"></cuecart-product-list>`,
    );
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="select"]')!;
    const style = getComputedStyle(select);
    // Chromium keeps the chevron's width clear itself; the padding is the gap beyond it.
    expect(parseFloat(style.paddingInlineEnd)).to.be.at.least(12);
    expect(style.textOverflow).to.equal('ellipsis');
  });
});
