import { expect } from '@open-wc/testing';
import {
  attachDataLayerBridge,
  type AnalyticsSource,
} from '../../../src/analytics/datalayer-bridge.js';
import { toMajorUnits } from '../../../src/analytics/ga4-ecommerce.js';
import { CheckoutError, type Cart } from '../../../src/commerce/checkout-adapter.js';
import type { Product } from '../../../src/commerce/product.js';
import type { ProductCue } from '../../../src/cues/product-cue.js';

const mug: Product = {
  id: 'ember-mug',
  handle: 'ember-mug',
  title: 'Ember Mug',
  price: 2400,
  currency: 'USD',
  variants: [
    { id: '45003', title: '12 oz', price: 2400, available: true },
    { id: '45004', title: '16 oz', price: 2800, available: true },
  ],
};

const cue: ProductCue = {
  id: 'json:7:ember-mug',
  start: 7.04,
  payload: { product: 'ember-mug' },
  source: 'json',
};

const cartWith = (quantity: number, price = 2800): Cart => ({
  lines: [
    {
      key: 'k',
      variantId: '45004',
      productId: 'ember-mug',
      title: 'Ember Mug',
      variantTitle: '16 oz',
      quantity,
      price,
      linePrice: price * quantity,
      properties: { _cuecart_cue: cue.id },
    },
  ],
  itemCount: quantity,
  subtotal: price * quantity,
  currency: 'USD',
});

/** A stand-in for <cuecart-player>: the public properties the bridge reads, and its events. */
class FakePlayer extends EventTarget implements AnalyticsSource {
  id = 'show-1';
  src = 'https://cdn.example.com/live/show.m3u8?token=secret#t=3';
  live = true;
  currency = '';
  productList: Product[] = [mug];
  cueList: ProductCue[] = [cue];
  activeCues: ProductCue[] = [cue];
  emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

type Window = { dataLayer?: unknown[]; Shopify?: unknown };

describe('attachDataLayerBridge', () => {
  let player: FakePlayer;
  let target: Window;
  let detach: () => void;
  /** The pushes after each `{ ecommerce: null }` reset (checked to precede every event). */
  const events = () => {
    const layer = target.dataLayer!;
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < layer.length; i += 2) {
      expect(layer[i]).to.deep.equal({ ecommerce: null });
      out.push(layer[i + 1] as Record<string, unknown>);
    }
    return out;
  };

  beforeEach(() => {
    player = new FakePlayer();
    target = {};
    detach = attachDataLayerBridge(player, { target });
  });
  afterEach(() => detach());

  it('sends view_item on an impression, with the show and the cue', () => {
    player.emit('cuecart-product-impression', { product: mug, cueId: cue.id });
    expect(events()).to.deep.equal([
      {
        event: 'view_item',
        ecommerce: {
          currency: 'USD',
          value: 24,
          items: [{ item_id: 'ember-mug', item_name: 'Ember Mug', price: 24 }],
        },
        cuecart_show: 'https://cdn.example.com/live/show.m3u8',
        cuecart_player: 'show-1',
        cuecart_cue: cue.id,
        cuecart_cue_time: 7,
        cuecart_live: true,
      },
    ]);
  });

  it('sends select_item on a product click', () => {
    player.emit('cuecart-product-click', { product: mug });
    const [event] = events();
    expect(event!.event).to.equal('select_item');
    expect(event!.ecommerce).to.deep.equal({
      item_list_id: 'cuecart',
      item_list_name: 'https://cdn.example.com/live/show.m3u8',
      items: [{ item_id: 'ember-mug', item_name: 'Ember Mug', price: 24, index: 0 }],
    });
    // No cue id in the detail: the active cue featuring the product is used.
    expect(event!.cuecart_cue).to.equal(cue.id);
  });

  it('sends add_to_cart only once the add is confirmed, with value, currency and items', async () => {
    const line = {
      productId: 'ember-mug',
      variantId: '45004',
      quantity: 2,
      properties: { _cuecart_cue: cue.id },
    };
    let confirm!: (cart: Cart) => void;
    const result = new Promise<Cart>((resolve) => (confirm = resolve));
    player.emit('cuecart-add-to-cart', { line, result });
    expect(target.dataLayer).to.deep.equal([]);
    // The store charges 27.50 now: its price wins over the feed's.
    confirm(cartWith(2, 2750));
    await result;
    await Promise.resolve();
    const [event] = events();
    expect(event).to.deep.include({ event: 'add_to_cart', cuecart_cue: cue.id });
    expect(event!.ecommerce).to.deep.equal({
      currency: 'USD',
      value: 55,
      items: [
        {
          item_id: 'ember-mug',
          item_name: 'Ember Mug',
          item_variant: '16 oz',
          quantity: 2,
          price: 27.5,
          cuecart_cue: cue.id,
        },
      ],
    });
  });

  it('sends nothing for an add the adapter rejects', async () => {
    const result = Promise.reject(new CheckoutError('out-of-stock', 'Sold out.'));
    player.emit('cuecart-add-to-cart', {
      line: { productId: 'ember-mug', variantId: '45003', quantity: 1 },
      result,
    });
    await result.catch(() => {});
    await Promise.resolve();
    expect(target.dataLayer).to.deep.equal([]);
  });

  it('sends begin_checkout with the cart', () => {
    player.emit('cuecart-checkout', { cart: cartWith(3) });
    const [event] = events();
    expect(event!.event).to.equal('begin_checkout');
    expect(event!.ecommerce).to.deep.equal({
      currency: 'USD',
      value: 84,
      items: [
        {
          item_id: 'ember-mug',
          item_name: 'Ember Mug',
          item_variant: '16 oz',
          price: 28,
          quantity: 3,
          cuecart_cue: cue.id,
        },
      ],
    });
  });

  it('publishes the same events to Shopify web pixels when Shopify.analytics exists', () => {
    const published: [string, unknown][] = [];
    target.Shopify = {
      analytics: { publish: (name: string, data: unknown) => published.push([name, data]) },
    };
    player.emit('cuecart-product-impression', { product: mug });
    player.emit('cuecart-checkout', { cart: cartWith(1) });
    expect(published.map(([name]) => name)).to.deep.equal([
      'cuecart:view_item',
      'cuecart:begin_checkout',
    ]);
    expect(published.map(([, data]) => data)).to.deep.equal(events());
  });

  it('keeps an existing dataLayer and survives a throwing tag', () => {
    const layer: unknown[] = ['gtm.js'];
    const pushes: unknown[] = [];
    (layer as unknown as { push: (item: unknown) => number }).push = (item) => {
      pushes.push(item);
      throw new Error('a tag failed');
    };
    target.dataLayer = layer;
    expect(() => player.emit('cuecart-product-impression', { product: mug })).not.to.throw();
    expect(target.dataLayer).to.equal(layer);
    expect(pushes).to.have.length(2);
  });

  it('stops on detach, including for an add still pending', async () => {
    let confirm!: (cart: Cart) => void;
    const result = new Promise<Cart>((resolve) => (confirm = resolve));
    player.emit('cuecart-add-to-cart', {
      line: { productId: 'ember-mug', variantId: '45004', quantity: 1 },
      result,
    });
    detach();
    player.emit('cuecart-product-impression', { product: mug });
    confirm(cartWith(1));
    await result;
    await Promise.resolve();
    expect(target.dataLayer).to.deep.equal([]);
  });

  it('sets no cookie and makes no request', () => {
    const cookies = document.cookie;
    const before = performance.getEntriesByType('resource').length;
    player.emit('cuecart-product-impression', { product: mug });
    player.emit('cuecart-product-click', { product: mug });
    player.emit('cuecart-checkout', { cart: cartWith(1) });
    expect(document.cookie).to.equal(cookies);
    expect(performance.getEntriesByType('resource').length).to.equal(before);
  });
});

describe('toMajorUnits', () => {
  it('follows the currency’s minor-unit digits', () => {
    expect(toMajorUnits(1999, 'USD')).to.equal(19.99);
    expect(toMajorUnits(1500, 'JPY')).to.equal(1500);
    expect(toMajorUnits(12345, 'KWD')).to.equal(12.345);
  });
});
