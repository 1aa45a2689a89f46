// The sinks: product card, product list and mini cart render only http(s)/relative links and
// images, even for products and carts set on the elements directly, with a safe `rel`.
import { expect, fixture, html } from '@open-wc/testing';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import type { Product } from '../../../src/commerce/product.js';
import { CuecartMiniCart } from '../../../src/ui/mini-cart/mini-cart.js';
import { CuecartProductCard } from '../../../src/ui/product-card/product-card.js';
import { CuecartProductList } from '../../../src/ui/product-list/product-list.js';
import { HOSTILE_URLS } from '../../helpers/hostile-urls.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartProductCard.tagName, CuecartProductCard);
defineOnce(CuecartProductList.tagName, CuecartProductList);
defineOnce(CuecartMiniCart.tagName, CuecartMiniCart);

const product = (url?: string, image?: string): Product => ({
  id: 'mug',
  title: 'Mug',
  price: 1000,
  currency: 'USD',
  variants: [{ id: 'mug-v', title: 'Default', price: 1000, available: true }],
  ...(url === undefined ? {} : { url }),
  ...(image === undefined ? {} : { image }),
});

const attrs = (root: ShadowRoot | null, selector: string, name: string) =>
  [...(root?.querySelectorAll(selector) ?? [])].map((el) => el.getAttribute(name));

describe('cuecart-product-card (links)', () => {
  it('renders no link or image for unsafe URLs given directly', async () => {
    for (const bad of HOSTILE_URLS) {
      const card = await fixture<CuecartProductCard>(
        html`<cuecart-product-card .product=${product(bad, bad)}></cuecart-product-card>`,
      );
      expect(attrs(card.shadowRoot, 'a', 'href'), JSON.stringify(bad)).to.deep.equal([]);
      expect(attrs(card.shadowRoot, 'img', 'src')).to.deep.equal([]);
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.include('Mug');
    }
  });

  it('same-origin links keep the referrer, foreign ones do not; both are noopener', async () => {
    const local = await fixture<CuecartProductCard>(
      html`<cuecart-product-card
        .product=${product(' /products/mug', '/m.jpg')}
      ></cuecart-product-card>`,
    );
    expect(attrs(local.shadowRoot, 'a', 'href')).to.deep.equal(['/products/mug', '/products/mug']);
    expect(attrs(local.shadowRoot, 'a', 'rel')).to.deep.equal(['noopener', 'noopener']);
    const foreign = await fixture<CuecartProductCard>(
      html`<cuecart-product-card
        .product=${product('https://elsewhere.example/p/mug', 'https://cdn.example/m.jpg')}
      ></cuecart-product-card>`,
    );
    expect(attrs(foreign.shadowRoot, 'a', 'rel')).to.deep.equal([
      'noopener noreferrer',
      'noopener noreferrer',
    ]);
    expect(attrs(foreign.shadowRoot, 'img', 'src')).to.deep.equal(['https://cdn.example/m.jpg']);
  });
});

describe('cuecart-product-list (images)', () => {
  it('renders no unsafe thumbnail', async () => {
    const list = await fixture<CuecartProductList>(
      html`<cuecart-product-list
        .items=${HOSTILE_URLS.map((bad, i) => ({
          product: { ...product(bad, bad), id: `p${i}` },
          cueId: `c${i}`,
          start: i,
        }))}
      ></cuecart-product-list>`,
    );
    expect(list.shadowRoot!.querySelectorAll('[part~="item"]').length).to.be.greaterThan(0);
    expect(attrs(list.shadowRoot, 'img', 'src')).to.deep.equal([]);
  });
});

describe('cuecart-mini-cart (line links)', () => {
  it('renders no unsafe line link or image for a cart set directly', async () => {
    const cart: Cart = {
      currency: 'USD',
      itemCount: HOSTILE_URLS.length + 1,
      subtotal: 100 * (HOSTILE_URLS.length + 1),
      lines: [...HOSTILE_URLS, 'https://elsewhere.example/p'].map((url, i) => ({
        key: `k${i}`,
        variantId: `v${i}`,
        productId: `p${i}`,
        title: `Line ${i}`,
        quantity: 1,
        price: 100,
        linePrice: 100,
        url,
        image: url,
      })),
    };
    const el = await fixture<CuecartMiniCart>(
      html`<cuecart-mini-cart .cart=${cart} open></cuecart-mini-cart>`,
    );
    expect(attrs(el.shadowRoot, '[part~="line-title"] a', 'href')).to.deep.equal([
      'https://elsewhere.example/p',
    ]);
    expect(attrs(el.shadowRoot, '[part~="line-title"] a', 'rel')).to.deep.equal([
      'noopener noreferrer',
    ]);
    expect(attrs(el.shadowRoot, 'img', 'src')).to.deep.equal(['https://elsewhere.example/p']);
  });
});
