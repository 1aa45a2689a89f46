import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Product } from '../../../src/commerce/product.js';
import { CuecartProductCard } from '../../../src/ui/product-card/product-card.js';
import type {
  ProductImpressionDetail,
  RequestAddDetail,
} from '../../../src/ui/shared/ui-events.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartProductCard.tagName, CuecartProductCard);

// A local image: the URL policy drops data: URLs, so a data: pixel would render the placeholder.
const pixel = '/demo/assets/products/canvas-tote.svg';

const tee: Product = {
  id: 'tee',
  title: 'Organic Tee',
  url: '#tee',
  image: pixel,
  price: 2500,
  compareAtPrice: 3500,
  currency: 'USD',
  options: ['Size', 'Color'],
  variants: [
    {
      id: 's-red',
      title: 'S / Red',
      price: 2500,
      compareAtPrice: 3500,
      available: false,
      options: ['S', 'Red'],
    },
    {
      id: 's-blue',
      title: 'S / Blue',
      price: 2500,
      compareAtPrice: 3500,
      available: true,
      options: ['S', 'Blue'],
    },
    { id: 'm-red', title: 'M / Red', price: 2700, available: true, options: ['M', 'Red'] },
    { id: 'm-blue', title: 'M / Blue', price: 2700, available: true, options: ['M', 'Blue'] },
    { id: 'l-red', title: 'L / Red', price: 2700, available: false, options: ['L', 'Red'] },
    { id: 'l-blue', title: 'L / Blue', price: 2700, available: false, options: ['L', 'Blue'] },
  ],
};

const mug: Product = {
  id: 'mug',
  title: 'Stoneware Mug',
  price: 1500,
  currency: 'JPY',
  variants: [{ id: 'mug-1', title: 'Default', price: 1500, available: true }],
};

const q = <T extends Element = HTMLElement>(el: CuecartProductCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const qa = <T extends Element = HTMLElement>(el: CuecartProductCard, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const radio = (el: CuecartProductCard, name: string, value: string) =>
  q<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`);
const addButton = (el: CuecartProductCard) => q<HTMLButtonElement>(el, '[part~="add-button"]');

describe('CuecartProductCard', () => {
  it('passes an axe accessibility check', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} cue-id="c1"></cuecart-product-card>`,
    );
    await expectAccessible(el);
    el.layout = 'overlay';
    el.compact = true;
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('shows the compare-at price struck through with a hidden "Sale price" text', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} locale="en-US"></cuecart-product-card>`,
    );
    expect(q(el, '[part="price-current"]').textContent).to.equal('$25.00');
    expect(q(el, 's[part="price-compare"]').textContent).to.equal('$35.00');
    expect(q(el, '[part="price"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Sale price $25.00 Regular price $35.00',
    );
  });

  it('preselects the first available variant and disables unavailable combinations', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee}></cuecart-product-card>`,
    );
    expect(radio(el, 'option-0', 'S').checked).to.equal(true);
    expect(radio(el, 'option-1', 'Blue').checked).to.equal(true);
    // No L is in stock; S only comes in Blue.
    expect(radio(el, 'option-0', 'L').disabled).to.equal(true);
    expect(radio(el, 'option-0', 'L').getAttribute('aria-label')).to.equal('L (sold out)');
    expect(radio(el, 'option-1', 'Red').disabled).to.equal(true);

    radio(el, 'option-0', 'M').click();
    await el.updateComplete;
    expect(radio(el, 'option-1', 'Red').disabled).to.equal(false);
    expect(radio(el, 'option-1', 'Blue').checked, 'keeps a still-available value').to.equal(true);
    expect(q(el, '[part="price-current"]').textContent).to.equal('$27.00');
  });

  it('uses selects in compact mode, with sold-out values disabled and labelled', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} compact></cuecart-product-card>`,
    );
    const size = q<HTMLSelectElement>(el, 'select#option-0');
    const large = [...size.options].find((o) => o.value === 'L')!;
    expect(large.disabled).to.equal(true);
    expect(large.textContent!.trim()).to.equal('L (sold out)');
    expect(q(el, '[part="quantity"]')).to.equal(null);
  });

  it('disables the button with "Sold out" for an unknown or unavailable variant', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} variant-id="nope"></cuecart-product-card>`,
    );
    expect(addButton(el).disabled).to.equal(true);
    expect(addButton(el).textContent!.trim()).to.equal('Sold out');
    el.variantId = 'l-red';
    await el.updateComplete;
    expect(addButton(el).disabled).to.equal(true);
    el.variantId = 'm-red';
    await el.updateComplete;
    expect(addButton(el).disabled).to.equal(false);
    expect(addButton(el).textContent!.trim()).to.equal('Add to cart');
  });

  it('steps the quantity, never below 1, and requests the add with it', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} cue-id="cue-7"></cuecart-product-card>`,
    );
    const minus = q<HTMLButtonElement>(el, '[part~="quantity-decrease"]');
    const plus = q<HTMLButtonElement>(el, '[part~="quantity-increase"]');
    const input = q<HTMLInputElement>(el, '[part="quantity-input"]');
    expect(minus.getAttribute('aria-disabled')).to.equal('true');
    minus.click();
    await el.updateComplete;
    expect(input.value).to.equal('1');
    plus.click();
    plus.click();
    await el.updateComplete;
    expect(input.value).to.equal('3');
    input.value = '0';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input.value).to.equal('1');
    plus.click();
    await el.updateComplete;

    setTimeout(() => addButton(el).click());
    const event = await oneEvent(el, 'cuecart-request-add');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      productId: 'tee',
      variantId: 's-blue',
      quantity: 2,
      cueId: 'cue-7',
    } satisfies RequestAddDetail);
  });

  it('shows pending, added and error states from addState', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee}></cuecart-product-card>`,
    );
    const requests: unknown[] = [];
    el.addEventListener('cuecart-request-add', (e) => requests.push(e.detail));

    el.addState = 'pending';
    await el.updateComplete;
    const button = addButton(el);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(q(el, '[part="spinner"]')).to.not.equal(null);
    expect(button.textContent!.trim()).to.equal('Adding…');
    button.click();
    expect(requests, 'no re-entry while pending').to.have.length(0);

    el.addState = 'added';
    await el.updateComplete;
    expect(addButton(el).textContent!.trim()).to.equal('Added');
    await waitUntil(
      () =>
        el
          .shadowRoot!.querySelector('[role="status"]')!
          .textContent!.includes('Organic Tee added to cart'),
      'announces the add',
    );
    // The card holds no timer: "added" lasts until whoever owns the state (the cart store) says.
    expect(el.addState).to.equal('added');
    el.addState = 'idle';
    await el.updateComplete;
    expect(addButton(el).textContent!.trim()).to.equal('Add to cart');

    el.addState = 'error';
    el.errorMessage = 'Only 2 left.';
    await el.updateComplete;
    expect(q(el, '[role="alert"]').textContent!.trim()).to.equal('Only 2 left.');
    addButton(el).click();
    expect(requests, 'retry is possible after an error').to.have.length(1);
  });

  it('never rewrites its addState input (the owner of the state decides)', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} add-state="added"></cuecart-product-card>`,
    );
    el.product = mug;
    await el.updateComplete;
    expect(el.addState).to.equal('added');
    el.addState = 'idle';
    await el.updateComplete;
    expect(addButton(el).textContent!.trim()).to.equal('Add to cart');
  });

  it('raises a cancelable cuecart-product-click from the title link', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${tee} cue-id="c2"></cuecart-product-card>`,
    );
    const hashBefore = location.hash;
    el.addEventListener('cuecart-product-click', (e) => e.preventDefault(), { once: true });
    setTimeout(() => q(el, '[part="title-link"]').click());
    const event = await oneEvent(el, 'cuecart-product-click');
    expect(event.detail.product.id).to.equal('tee');
    expect(event.detail.cueId).to.equal('c2');
    expect(location.hash, 'cancelled click does not navigate').to.equal(hashBefore);
  });

  it('raises cuecart-product-impression for its cue once the card was in view for 1 s', async () => {
    // The dwell rules themselves are tested on a fake clock (impression-controller.test.ts).
    const seen: ProductImpressionDetail[] = [];
    await fixture<CuecartProductCard>(
      html`<cuecart-product-card
        style="inline-size: 240px"
        .product=${tee}
        cue-id="cue-a"
        @cuecart-product-impression=${(e: CustomEvent<ProductImpressionDetail>) =>
          seen.push(e.detail)}
      ></cuecart-product-card>`,
    );
    await waitUntil(() => seen.length === 1, 'impression fired', { timeout: 4000 });
    expect(seen[0]!.cueId).to.equal('cue-a');
    expect(seen[0]!.product.id).to.equal('tee');
  });

  it('formats JPY without decimals', async () => {
    const el = await fixture<CuecartProductCard>(
      html`<cuecart-product-card .product=${mug} locale="ja-JP"></cuecart-product-card>`,
    );
    const price = q(el, '[part="price-current"]').textContent!;
    expect(price).to.match(/1,500/);
    expect(price).not.to.match(/[.,]\d{2}$/);
    expect(q(el, '[part="options"]'), 'a single variant has no picker').to.equal(null);
  });

  it('lays out right-to-left with logical properties', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div dir="rtl" style="inline-size: 320px">
        <cuecart-product-card .product=${tee}><span slot="badge">جديد</span></cuecart-product-card>
      </div>
    `);
    const el = wrapper.querySelector('cuecart-product-card')!;
    await expectAccessible(el);
    const media = q(el, '[part="media"]').getBoundingClientRect();
    const badge = q(el, '[part="badge"]').getBoundingClientRect();
    expect(getComputedStyle(q(el, '[part="base"]')).direction).to.equal('rtl');
    expect(Math.round(media.right - badge.right)).to.equal(8);
  });

  it('takes message overrides from the JSON attribute and the property', async () => {
    const el = await fixture<CuecartProductCard>(html`
      <cuecart-product-card
        .product=${tee}
        messages='{"addToCart": "In den Warenkorb", "unknownKey": 1}'
      ></cuecart-product-card>
    `);
    expect(addButton(el).textContent!.trim()).to.equal('In den Warenkorb');
    el.messages = { addToCart: 'Ajouter au panier' };
    await el.updateComplete;
    expect(addButton(el).textContent!.trim()).to.equal('Ajouter au panier');
  });

  it('hands the product to a slotted replacement card', async () => {
    const el = await fixture<CuecartProductCard>(html`
      <cuecart-product-card .product=${tee} cue-id="c9"
        ><div slot="card"></div
      ></cuecart-product-card>
    `);
    const custom = el.querySelector('[slot="card"]') as HTMLElement & { product?: Product };
    expect(custom.product?.id).to.equal('tee');
    expect(
      qa(el, '[part="base"]')[0].getClientRects().length,
      'built-in card is replaced',
    ).to.equal(0);
    setTimeout(() => (el.product = mug));
    const change = await oneEvent(el, 'cuecart-product-change');
    expect(change.detail.product?.id).to.equal('mug');
    expect(custom.product?.id).to.equal('mug');
  });

  it('follows theme="dark" and the --cuecart-* custom properties', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--cuecart-buy-bg: rgb(1, 2, 3); --cuecart-radius: 3px">
        <cuecart-product-card .product=${tee} theme="dark"></cuecart-product-card>
      </div>
    `);
    const el = wrapper.querySelector('cuecart-product-card')!;
    const base = getComputedStyle(q(el, '[part="base"]'));
    expect(base.backgroundColor).to.equal('rgb(23, 25, 30)');
    expect(base.borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(addButton(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(q(el, '[part="base"]')).backgroundColor).to.equal('rgb(255, 255, 255)');
  });
});
