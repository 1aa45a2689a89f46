import { expect, waitUntil } from '@open-wc/testing';
import { callbackAdapter } from '../../../src/commerce/adapters/callback.js';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import type { Product } from '../../../src/commerce/product.js';
import type { CuecartErrorDetail } from '../../../src/internal/errors.js';
import type {
  CueEventDetail,
  CuecartPlayer as PlayerElement,
} from '../../../src/ui/player/cuecart-player.js';
import type { CuecartMiniCart as MiniCartElement } from '../../../src/ui/mini-cart/mini-cart.js';
import { expectAccessible } from '../axe.js';
import { loadReact } from './react-cjs.js';

// React is CommonJS: load it first (see react-cjs.ts), then the module under test.
const { React, ReactDOMClient } = await loadReact();
const { CuecartPlayer, CuecartMiniCart, elementPropertyNames } =
  await import('../../../src/react.js');
const { CuecartPlayer: PlayerClass } = await import('../../../src/ui/player/cuecart-player.js');
const { CuecartMiniCart: MiniCartClass } = await import('../../../src/ui/mini-cart/mini-cart.js');

const tote: Product = {
  id: 'canvas-tote',
  title: 'Canvas Tote',
  price: 3500,
  currency: 'USD',
  variants: [{ id: '45007', title: 'Default Title', price: 3500, available: true }],
};

const emptyCart: Cart = { lines: [], itemCount: 0, subtotal: 0, currency: 'USD' };

describe('cuecart/react', () => {
  let container: HTMLElement;
  let root: import('react-dom/client').Root;

  beforeEach(() => {
    container = document.createElement('div');
    container.style.width = '640px';
    document.body.append(container);
    root = ReactDOMClient.createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  async function rendered<T extends Element>(selector: string): Promise<T> {
    await waitUntil(() => container.querySelector(selector), `${selector} was not rendered`);
    const element = container.querySelector(selector) as T & { updateComplete?: Promise<unknown> };
    await element.updateComplete;
    return element;
  }

  describe('CuecartPlayer', () => {
    it('passes objects as properties and calls onCueEnter with the typed detail', async () => {
      const adapter = callbackAdapter({ addToCart: () => emptyCart });
      const entered: CueEventDetail[] = [];
      const errors: CuecartErrorDetail[] = [];
      const ref = React.createRef<PlayerElement>();
      root.render(
        React.createElement(CuecartPlayer, {
          ref,
          id: 'show',
          src: '/test/fixtures/mp4/show.mp4',
          muted: true,
          adapter,
          productList: [tote],
          cueList: [{ start: 0.2, end: 5, product: 'canvas-tote' }],
          onCueEnter: (event) => entered.push(event.detail),
          onError: (event) => errors.push(event.detail),
        }),
      );
      const player = await rendered<PlayerElement>('cuecart-player');
      await expectAccessible(player);

      expect(ref.current).to.equal(player);
      expect(player.adapter).to.equal(adapter);
      expect(player.getAttribute('adapter')).to.equal(null);
      expect(player.productList.map((p) => p.id)).to.deep.equal(['canvas-tote']);
      expect(player.cueList.map((c) => c.payload.product)).to.deep.equal(['canvas-tote']);

      await player.play();
      await waitUntil(() => entered.length > 0, 'onCueEnter was not called', { timeout: 15_000 });
      const [detail] = entered;
      expect(detail!.cue.payload.product).to.equal('canvas-tote');
      expect(detail!.cue.start).to.equal(0.2);
      expect(detail!.time).to.be.at.least(0.2);
      expect(detail!.product?.title).to.equal('Canvas Tote');
      expect(errors).to.deep.equal([]);
    });

    it('sets every public property of the element, and restores its default when a prop goes', async () => {
      // Every public reactive property of the element is a prop of the component.
      const reactive = [...PlayerClass.elementProperties]
        .filter(([, options]) => !options.state && options.attribute !== 'live')
        .map(([name]) => String(name));
      const props: readonly string[] = elementPropertyNames['cuecart-player'];
      expect(reactive.filter((name) => !props.includes(name))).to.deep.equal([]);
      for (const name of ['productList', 'cueList', 'resolveProducts', 'cartStore']) {
        expect(props).to.include(name);
      }

      const onError = () => {};
      root.render(
        React.createElement(CuecartPlayer, {
          className: 'show',
          muted: true,
          layout: 'panel',
          src: '',
          onError,
        }),
      );
      const player = await rendered<PlayerElement>('cuecart-player');
      expect(player.getAttribute('class')).to.equal('show');
      expect(player.muted).to.equal(true);
      expect(player.layout).to.equal('panel');
      // Booleans are properties, never the string "false" (which a Lit boolean reads as true).
      root.render(React.createElement(CuecartPlayer, { className: 'show', muted: false }));
      await waitUntil(() => !player.muted, 'muted was not turned off');
      expect(player.hasAttribute('muted')).to.equal(false);
      expect(player.layout, 'a removed prop restores the default').to.equal('auto');
    });

    it('swaps and removes event handlers without duplicating listeners', async () => {
      const calls: string[] = [];
      const first = () => calls.push('first');
      const second = () => calls.push('second');
      // `data-rev` makes each commit observable.
      const commit = async (rev: string, props: Record<string, unknown>) => {
        root.render(React.createElement(CuecartPlayer, { 'data-rev': rev, ...props } as never));
        await waitUntil(() => container.querySelector(`[data-rev="${rev}"]`), `render ${rev}`);
      };
      await commit('1', { onError: first });
      const player = await rendered<PlayerElement>('cuecart-player');
      const fire = () =>
        player.dispatchEvent(
          new CustomEvent('cuecart-error', { detail: { code: 'x', message: 'x' } }),
        );
      fire();
      await commit('2', { onError: second });
      fire();
      await commit('3', {});
      fire();
      expect(calls).to.deep.equal(['first', 'second']);
    });

    it('calls onError for a cue list that cannot be loaded', async () => {
      const errors: CuecartErrorDetail[] = [];
      root.render(
        React.createElement(CuecartPlayer, {
          src: '/test/fixtures/mp4/show.mp4',
          muted: true,
          cues: '/test/fixtures/cues/missing.json',
          onError: (event) => errors.push(event.detail),
        }),
      );
      await rendered('cuecart-player');
      await waitUntil(() => errors.length > 0, 'onError was not called', { timeout: 10_000 });
      expect(errors[0]!.code).to.equal('cues-load-failed');
      expect(errors[0]!.message).to.be.a('string').and.not.equal('');
    });
  });

  describe('CuecartMiniCart', () => {
    it('sets htmlFor as the for property', async () => {
      root.render(React.createElement(CuecartMiniCart, { htmlFor: 'show', theme: 'dark' }));
      const cart = await rendered<MiniCartElement>('cuecart-mini-cart');
      await expectAccessible(cart);
      expect(cart.htmlFor).to.equal('show');
      const reactive = [...MiniCartClass.elementProperties]
        .filter(([, options]) => !options.state)
        .map(([name]) => String(name));
      const props: readonly string[] = elementPropertyNames['cuecart-mini-cart'];
      expect(reactive.filter((name) => !props.includes(name))).to.deep.equal([]);
      expect(cart.getAttribute('theme')).to.equal('dark');
    });
  });
});
