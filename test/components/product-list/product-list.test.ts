import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  CuecartProductList,
  type ProductListItem,
} from '../../../src/ui/product-list/product-list.js';
import type { RequestAddDetail } from '../../../src/ui/shared/ui-events.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';
import { listProduct } from './list-product.js';

defineOnce(CuecartProductList.tagName, CuecartProductList);

const product = listProduct;

const items: ProductListItem[] = [
  { product: product('lamp', 'Desk Lamp'), cueId: 'c1', start: 12 },
  { product: product('mug', 'Mug'), cueId: 'c2', start: 95 },
  {
    product: product('tee', 'Tee', {
      variants: [
        { id: 'tee-s', title: 'S', price: 2500, available: false },
        { id: 'tee-m', title: 'M', price: 2500, available: true },
        { id: 'tee-l', title: 'L', price: 2600, available: true },
      ],
    }),
    cueId: 'c3',
    start: 3725,
  },
];

const titles = (el: CuecartProductList) =>
  [...el.shadowRoot!.querySelectorAll('[part="item-title"]')].map((n) => n.textContent);

describe('CuecartProductList', () => {
  it('passes an axe accessibility check in VOD and live modes', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${items} active-cue-id="c2"></cuecart-product-list>`,
    );
    await expectAccessible(el);
    el.mode = 'live';
    await el.updateComplete;
    await expectAccessible(el);
    el.items = [];
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('lists a replay in show order (earliest first) and marks the active entry', async () => {
    // Given out of order, as cues arrive from different carriers.
    const shuffled = [items[1]!, items[2]!, items[0]!];
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${shuffled} active-cue-id="c2"></cuecart-product-list>`,
    );
    expect(el.shadowRoot!.querySelector('ul[role="list"]')).to.not.equal(null);
    expect(titles(el)).to.deep.equal(['Desk Lamp', 'Mug', 'Tee']);
    const current = el.shadowRoot!.querySelectorAll('[aria-current="true"]');
    expect(current).to.have.length(1);
    expect((current[0] as HTMLElement).dataset.cueId).to.equal('c2');
  });

  it('moves the active mark without rendering every entry again, and keeps it right across renders', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${items} active-cue-id="c1"></cuecart-product-list>`,
    );
    let renders = 0;
    const render = el.render.bind(el);
    el.render = () => {
      renders++;
      return render();
    };
    const marked = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('li')].map((li) => ({
        id: li.dataset.cueId,
        part: li.getAttribute('part'),
        current: li.getAttribute('aria-current'),
        featured: !li.querySelector<HTMLElement>('[data-featured-now]')!.hidden,
      }));
    const only = (id?: string) =>
      ['c1', 'c2', 'c3'].map((cue) => ({
        id: cue,
        part: cue === id ? 'item item-active' : 'item',
        current: cue === id ? 'true' : null,
        featured: cue === id,
      }));
    expect(marked()).to.deep.equal(only('c1'));

    // Each cue of the show: the mark moves, nothing renders.
    for (const id of ['c2', 'c3', undefined, 'c1']) {
      el.activeCueId = id;
      await el.updateComplete;
      expect(marked(), String(id)).to.deep.equal(only(id));
    }
    expect(renders).to.equal(0);

    // Back to an entry marked at the last render, together with a change that renders: the
    // entries are rendered unmarked and the mark is written after, whatever was moved since.
    el.activeCueId = 'c3';
    await el.updateComplete;
    el.activeCueId = 'c1';
    el.items = [...items];
    await el.updateComplete;
    expect(renders).to.equal(1);
    expect(marked()).to.deep.equal(only('c1'));
    // An id a hostile cue list could carry is only ever a selector's string.
    el.activeCueId = '"] li, [data-cue-id="c2';
    await el.updateComplete;
    expect(marked()).to.deep.equal(only(undefined));
  });

  it('lists a live show newest first', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list mode="live" .items=${items}></cuecart-product-list>`,
    );
    expect(titles(el)).to.deep.equal(['Tee', 'Mug', 'Desk Lamp']);
  });

  it('keeps focus on the product it was on when a newer one is featured (live)', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list mode="live" .items=${items.slice(0, 2)}></cuecart-product-list>`,
    );
    const mugButton = el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-cue-id="c2"] .buy')!;
    mugButton.focus();
    // The Tee is featured: it goes on top, above the focused Mug.
    el.items = items;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Tee', 'Mug', 'Desk Lamp']);
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused).to.equal(mugButton);
    expect(focused.closest('li')!.dataset.cueId).to.equal('c2');
    setTimeout(() => focused.click());
    const { detail } = await oneEvent(el, 'cuecart-request-add');
    expect((detail as RequestAddDetail).productId).to.equal('mug');
  });

  for (const mode of ['vod', 'live'] as const) {
    it(`shows whole titles at the side panel's width (${mode})`, async () => {
      // 316 px: the list inside the player's 340 px side panel (the panel layout at 1280 px).
      const long = [
        { product: product('sunglasses', 'Solstice Sunglasses'), cueId: 's', start: 19 },
        { product: product('headphones', 'Aurora Headphones'), cueId: 'h', start: 1 },
        {
          product: product('sneakers', 'Drift Sneakers', {
            variants: [
              { id: 'd-40', title: '40 / White', price: 12900, available: true },
              { id: 'd-41', title: '41 / White', price: 12900, available: true },
            ],
          }),
          cueId: 'd',
          start: 13,
        },
      ];
      const el = await fixture<CuecartProductList>(
        html`<cuecart-product-list
          style="inline-size: 316px"
          mode=${mode}
          .items=${long}
        ></cuecart-product-list>`,
      );
      const list = el.getBoundingClientRect().width;
      for (const title of el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item-title"]')) {
        const name = title.textContent!;
        expect(title.scrollWidth, `${name} overflows`).to.be.at.most(title.clientWidth + 1);
        expect(title.scrollHeight, `${name} is clipped`).to.be.at.most(title.clientHeight + 1);
        // The title has the room of the text column, not what a time pill or button leaves over.
        expect(title.getBoundingClientRect().width, `${name} is squeezed`).to.be.at.least(
          list * 0.5,
        );
      }
    });
  }

  it('asks to seek to the cue start from a "Jump to" button in VOD', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${items} mode="vod"></cuecart-product-list>`,
    );
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item-button"]')];
    expect(buttons.map((b) => b.querySelector('[part="time"]')!.textContent!.trim())).to.deep.equal(
      ['Jump to 0:12', 'Jump to 1:35', 'Jump to 1:02:05'],
    );
    buttons[1].focus();
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    setTimeout(() => buttons[1].click());
    const event = await oneEvent(el, 'cuecart-request-seek');
    expect(event.detail).to.deep.equal({ time: 95, cueId: 'c2' });
    expect(event.composed).to.equal(true);
  });

  it('adds from live entries with the chosen in-stock variant', async () => {
    const el = await fixture<CuecartProductList>(
      html`<cuecart-product-list .items=${items} mode="live"></cuecart-product-list>`,
    );
    expect(el.shadowRoot!.querySelector('[part="item-button"]')).to.equal(null);
    const adds = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="add-button"]')];
    setTimeout(() => adds[0].click());
    let event = await oneEvent(el, 'cuecart-request-add');
    expect(event.detail).to.deep.equal({
      productId: 'tee',
      variantId: 'tee-m',
      quantity: 1,
      cueId: 'c3',
    } satisfies RequestAddDetail);

    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="select"]')!;
    expect(select.options[0].disabled).to.equal(true);
    select.value = 'tee-l';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    setTimeout(() => adds[0].click());
    event = await oneEvent(el, 'cuecart-request-add');
    expect(event.detail.variantId).to.equal('tee-l');

    el.addStates = { c3: 'pending' };
    await el.updateComplete;
    expect(adds[0].getAttribute('aria-busy')).to.equal('true');
  });

  it('takes message overrides', async () => {
    const el = await fixture<CuecartProductList>(html`
      <cuecart-product-list
        .items=${items}
        messages='{"inThisShow": "Dans cette émission", "jumpTo": "Aller à {time}"}'
      ></cuecart-product-list>
    `);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('Dans cette émission');
    expect(el.shadowRoot!.querySelector('[part="time"]')!.textContent!.trim()).to.equal(
      'Aller à 0:12',
    );
  });

  it('renders right-to-left', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div dir="rtl">
        <cuecart-product-list .items=${items} active-cue-id="c1"></cuecart-product-list>
      </div>
    `);
    const el = wrapper.querySelector('cuecart-product-list')!;
    await expectAccessible(el);
    const button = el.shadowRoot!.querySelector('[part="item-button"]')!.getBoundingClientRect();
    const thumb = el.shadowRoot!.querySelector('[part="image"]')!.getBoundingClientRect();
    expect(thumb.right, 'thumbnail starts on the right').to.be.greaterThan(button.right - 70);
  });
});
