import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import '../../../src/define.js';
import type { Product } from '../../../src/commerce/product.js';
import type { CuecartErrorDetail } from '../../../src/internal/errors.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';

const tee: Product = {
  id: 'tee',
  title: 'Organic Tee',
  price: 2500,
  variants: [{ id: 'tee-m', title: 'M', price: 2500, available: true }],
};

/** Collects every `cuecart-error` reaching the document while the test runs. */
function collectErrors() {
  const errors: CuecartErrorDetail[] = [];
  const listener = (e: Event) => errors.push((e as CustomEvent<CuecartErrorDetail>).detail);
  document.addEventListener('cuecart-error', listener);
  return { errors, stop: () => document.removeEventListener('cuecart-error', listener) };
}

const throwing = () => {
  throw new Error('host getter exploded');
};

const stageLabel = (player: CuecartPlayer) =>
  player.shadowRoot!.querySelector('[part="stage"]')!.getAttribute('aria-label');

describe('CuecartPlayer configuration', () => {
  let collected: ReturnType<typeof collectErrors>;
  beforeEach(() => (collected = collectErrors()));
  afterEach(() => collected.stop());

  it('gives the currency attribute to the first cuecart-cart-change (events adapter)', async () => {
    const carts: Cart[] = [];
    const listener = (e: Event) => carts.push((e as CustomEvent<{ cart: Cart }>).detail.cart);
    document.addEventListener('cuecart-cart-change', listener);
    try {
      const player = await fixture<CuecartPlayer>(
        html`<cuecart-player currency="EUR"></cuecart-player>`,
      );
      await waitUntil(() => carts.length > 0, 'no cuecart-cart-change');
      expect(carts[0]!.currency).to.equal('EUR');
      expect(player.cartStore!.$cart.get().currency).to.equal('EUR');
    } finally {
      document.removeEventListener('cuecart-cart-change', listener);
    }
  });

  it('reports messages="{not json" as config-invalid once connected, and keeps the defaults', async () => {
    const player = await fixture<CuecartPlayer>(
      html`<cuecart-player messages="{not json"></cuecart-player>`,
    );
    expect(collected.errors.map((e) => e.code)).to.deep.equal(['config-invalid']);
    expect(collected.errors[0]!.message).to.contain('messages').and.contain('JSON');
    expect(stageLabel(player)).to.equal('Shoppable video');
  });

  it('keeps the valid messages and reports unknown keys, non-strings and throwing getters', async () => {
    const player = await fixture<CuecartPlayer>(html`<cuecart-player></cuecart-player>`);
    const messages = { playerLabel: 'Vidéo', addToKart: 'x', play: 42 };
    Object.defineProperty(messages, 'pause', { enumerable: true, get: throwing });
    expect(() => (player.messages = messages as never)).not.to.throw();
    await player.updateComplete;
    expect(stageLabel(player)).to.equal('Vidéo');
    expect(collected.errors).to.have.length(1);
    expect(collected.errors[0]!.code).to.equal('config-invalid');
    expect(collected.errors[0]!.message)
      .to.contain('"addToKart"')
      .and.contain('"play" is not a string')
      .and.contain('"pause" could not be read');
    player.setAttribute('messages', '{"playerLabel": "Video"}');
    await player.updateComplete;
    expect(stageLabel(player)).to.equal('Video');
    expect(collected.errors).to.have.length(1);
  });

  it('keeps the valid productList entries when one throws, and never throws into the host', async () => {
    const player = await fixture<CuecartPlayer>(html`<cuecart-player></cuecart-player>`);
    const hostile = { ...tee, id: 'hostile' };
    Object.defineProperty(hostile, 'title', { enumerable: true, get: throwing });
    const withToString = { ...tee, id: 'shirt', toString: throwing };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => {
      player.productList = [tee, hostile, withToString, revoked.proxy] as Product[];
    }).not.to.throw();
    expect(player.productList.map((p) => p.id).sort()).to.deep.equal(['shirt', 'tee']);
    expect(collected.errors.map((e) => e.code)).to.deep.equal(['config-invalid']);
    expect(collected.errors[0]!.message).to.contain('productList').and.contain('[1]');

    expect(() => (player.productList = { not: 'a list' } as never)).not.to.throw();
    expect(collected.errors).to.have.length(2);
    expect(collected.errors[1]!.message).to.contain('expected an array');
  });

  it('keeps the valid cueList entries when one throws, and reports a value that is not a list', async () => {
    const player = await fixture<CuecartPlayer>(html`<cuecart-player></cuecart-player>`);
    const bad = { start: 1, product: 'x' };
    Object.defineProperty(bad, 'end', { enumerable: true, get: throwing });
    expect(() => (player.cueList = [{ start: 2, end: 4, product: 'tee' }, bad])).not.to.throw();
    expect(player.cueList.map((c) => c.payload.product)).to.deep.equal(['tee']);
    expect(collected.errors.map((e) => e.code)).to.deep.equal(['config-invalid']);
    expect(() => (player.cueList = 'cues.json' as never)).not.to.throw();
    expect(collected.errors.map((e) => e.code)).to.deep.equal(['config-invalid', 'config-invalid']);
    expect(() => player.addCues(new Proxy([], { get: throwing }))).not.to.throw();
    expect(collected.errors).to.have.length(3);
  });

  it('loads no products or cues URL outside the URL policy, and says so once', async () => {
    const requested: string[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requested.push(String(input));
      return originalFetch(input, init);
    };
    try {
      const player = await fixture<CuecartPlayer>(
        html`<cuecart-player
          products="javascript:alert(1)"
          cues="data:text/plain,{}"
        ></cuecart-player>`,
      );
      await player.updateComplete;
      player.locale = 'en-GB'; // another update re-reads the attributes
      await player.updateComplete;
      expect(requested).to.deep.equal([]);
      const messages = collected.errors.map((e) => [e.code, e.message.split(':')[0]]);
      expect(messages).to.have.deep.members([
        ['config-invalid', 'Ignored invalid products'],
        ['config-invalid', 'Ignored invalid cues'],
      ]);
      expect(messages).to.have.length(2);
    } finally {
      window.fetch = originalFetch;
    }
  });
});
