// Issue 10: the Shopify adapter against faithful fakes of each theme generation's cart UI
// (test/unit/commerce/theme-fakes/, each citing the theme files it follows): add from an empty
// cart, add to a non-empty one (same variant → one line), change a quantity, remove, and a change
// made in the theme's own drawer flowing back into Cuecart.
import { expect } from '@open-wc/testing';
import { shopifyAdapter } from '../../../src/commerce/adapters/shopify.js';
import { detectTheme } from '../../../src/commerce/adapters/shopify-theme.js';
import type { Cart } from '../../../src/commerce/checkout-adapter.js';
import { call, injectFaults, resetStore, storeCart, VARIANTS } from './local-store.js';
import { settle, until } from './theme-fakes/common.js';
import { installDawn } from './theme-fakes/dawn.js';
import { installHorizon3 } from './theme-fakes/horizon3.js';
import { installHorizon4 } from './theme-fakes/horizon4.js';

const mug = (quantity = 1) => ({
  variantId: VARIANTS.mug12,
  productId: '8002',
  quantity,
  properties: { _cuecart_video: 'spring-show', _cuecart_cue: 'cue-1' },
});
const headphones = { variantId: VARIANTS.headphonesBlack, productId: '8001', quantity: 1 };

/** The next cart the adapter pushes through `subscribe`. */
function nextPushed(subscribe: (cb: (cart: Cart) => void) => () => void) {
  let stop = () => {};
  const promise = new Promise<Cart>((resolve) => {
    stop = subscribe((cart) => {
      stop();
      resolve(cart);
    });
  });
  return promise;
}

describe('detectTheme', () => {
  const docWith = (imports: Record<string, string>) => {
    const doc = document.implementation.createHTMLDocument('theme');
    const script = doc.createElement('script');
    script.type = 'importmap';
    script.textContent = JSON.stringify({ imports });
    doc.head.append(script);
    return doc;
  };

  it('reads Horizon’s generation from its import map', () => {
    const four = docWith({ '@theme/events': '/e.js', '@shopify/events': 'https://cdn/e.js' });
    expect(detectTheme({ document: four, window: {} })).to.equal('horizon');
    expect(detectTheme({ document: docWith({ '@theme/events': '/e.js' }), window: {} })).to.equal(
      'horizon-legacy',
    );
  });

  it('falls back to Shopify.theme, Dawn’s pub/sub, then unknown', () => {
    const doc = document.implementation.createHTMLDocument('plain');
    const theme = (schema_version: string) => ({
      Shopify: { theme: { schema_name: 'Horizon', schema_version } },
    });
    expect(detectTheme({ document: doc, window: theme('4.0.0') })).to.equal('horizon');
    expect(detectTheme({ document: doc, window: theme('3.5.1') })).to.equal('horizon-legacy');
    const dawn = { PUB_SUB_EVENTS: { cartUpdate: 'cart-update' } };
    expect(detectTheme({ document: doc, window: dawn })).to.equal('dawn');
    expect(detectTheme({ document: doc, window: {} })).to.equal('unknown');
    expect(detectTheme({ document: doc, window: {}, theme: 'dawn' })).to.equal('dawn');
  });
});

describe('shopifyAdapter on Horizon 4 (standard events)', () => {
  let theme: ReturnType<typeof installHorizon4>;
  beforeEach(async () => {
    await resetStore();
    theme = installHorizon4();
  });
  afterEach(() => theme.teardown());

  it('adds from an empty cart: bubble, drawer opened after the add, section morphed', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    await until(() => theme.bubble() === 1, 'the cart bubble to show 1');
    const [event] = theme.state.events;
    expect(event!.action).to.equal('add');
    expect((event as unknown as { lines: unknown[] }).lines).to.deep.equal([
      { merchandiseId: `gid://shopify/ProductVariant/${VARIANTS.mug12}`, quantity: 1 },
    ]);
    await until(() => theme.lines().length === 1, 'the drawer section to show the line');
    expect(theme.state.open).to.equal(true);
    expect(theme.state.serverRenders).to.equal(0, 'sections came with the add');
    expect(theme.state.warnings).to.deep.equal([]);
  });

  it('adds the same variant again to a non-empty cart: one line of 2, drawer opens', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    theme.close();
    const cart = await shop.addToCart({ ...mug(), properties: { _cuecart_cue: 'cue-9' } }, call());
    expect(cart.lines).to.have.length(1);
    expect(cart.lines[0]!.quantity).to.equal(2);
    expect(theme.state.open).to.equal(true, 'non-empty cart: opened when the event came');
    await until(() => theme.bubble() === 2, 'the cart bubble to show 2');
    await until(() => /× 2/.test(theme.lines()[0] ?? ''), 'the line to show × 2');
    expect((await storeCart()).items).to.have.length(1);
  });

  it('changes and removes: update / remove events, the drawer stays closed', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    const added = await shop.addToCart(mug(), call());
    theme.close();
    await shop.changeLine!(added.lines[0]!.key, 3, call());
    await until(() => theme.bubble() === 3, 'the cart bubble to show 3');
    expect(theme.state.events.at(-1)!.action).to.equal('update');
    expect(theme.state.open).to.equal(false);
    await shop.changeLine!(added.lines[0]!.key, 0, call());
    await until(() => theme.bubble() === 0, 'the cart bubble to show 0');
    expect(theme.state.events.at(-1)!.action).to.equal('remove');
    await until(() => theme.lines().length === 0, 'the drawer to empty');
    expect(theme.state.open).to.equal(false);
    expect(theme.state.warnings).to.deep.equal([]);
  });

  it('follows a change made in the theme’s own drawer (two-way sync)', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    await shop.addToCart(headphones, call());
    const pushed = nextPushed(shop.subscribe!);
    await theme.changeInDrawer(1, 5);
    const cart = await pushed;
    expect(cart.itemCount).to.equal(6);
  });

  it('ignores its own events in two-way sync', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    const seen: Cart[] = [];
    const stop = shop.subscribe!((cart) => seen.push(cart));
    await shop.addToCart(mug(), call());
    await settle(50);
    stop();
    expect(seen).to.deep.equal([]);
  });

  it('a refused add resolves the event with didError: the drawer stays shut, no warnings', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    const sunglasses = { variantId: VARIANTS.sunglasses, productId: '8005', quantity: 1 };
    const error = await shop.addToCart(sunglasses, call()).catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error);
    const [event] = theme.state.events;
    const result = (await event!.promise) as { detail: { didError: boolean } };
    expect(result.detail.didError).to.equal(true);
    await settle(20);
    expect(theme.state.open).to.equal(false);
    expect(theme.bubble()).to.equal(0);
    expect(theme.state.warnings).to.deep.equal([]);
  });

  it('an add with an unknown outcome rejects the event with an AbortError (no warning)', async () => {
    await injectFaults({ route: 'POST cart/add.js', kind: 'error-after', status: 500 });
    let adds = 0;
    const flaky: typeof fetch = async (input, init) => {
      const url = String(input);
      if (adds > 0 && url.endsWith('cart.js')) throw new TypeError('Failed to fetch');
      if (url.endsWith('cart/add.js')) adds++;
      return fetch(input, init);
    };
    const shop = shopifyAdapter({ window: theme.window, fetch: flaky, retries: 0 });
    const error = (await shop.addToCart(mug(), call()).catch((e: unknown) => e)) as {
      reason?: string;
    };
    expect(error.reason).to.equal('unconfirmed');
    const rejection = await theme.state.events[0]!.promise!.catch((e: Error) => e);
    expect((rejection as Error).name).to.equal('AbortError');
    await settle(20);
    expect(theme.state.warnings).to.deep.equal([]);
  });

  it('writes through Shopify.actions.updateCart when Horizon has standard actions', async () => {
    const calls: unknown[] = [];
    const updateCart = Object.assign(
      async (payload: unknown) => {
        calls.push(payload);
        await fetch('/cart/add.js', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: Number(VARIANTS.mug12), quantity: 1 }),
        });
        return { cart: { totalQuantity: 1 }, userErrors: [] };
      },
      { isDefault: () => true },
    );
    const win = { ...theme.window, Shopify: { ...theme.window.Shopify, actions: { updateCart } } };
    const cart = await shopifyAdapter({ window: win }).addToCart(mug(), call());
    expect(cart.itemCount).to.equal(1);
    expect(calls).to.have.length(1);
    expect(theme.state.events).to.have.length(0, 'the action emits the theme’s events itself');
  });
});

describe('shopifyAdapter on Horizon 3.5 (cart:update)', () => {
  let theme: ReturnType<typeof installHorizon3>;
  beforeEach(async () => {
    await resetStore();
    theme = installHorizon3();
  });
  afterEach(() => theme.teardown());

  it('adds from empty and to non-empty: count set, sections morphed, drawer opens', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    expect(theme.bubble()).to.equal(1);
    expect(theme.lines()).to.have.length(1);
    expect(theme.state.open).to.equal(true);
    theme.close();
    await shop.addToCart(mug(), call());
    expect(theme.bubble()).to.equal(2, 'an absolute count, not added to the old one');
    expect(theme.lines()).to.have.length(1);
    expect(theme.lines()[0]).to.match(/× 2/);
    expect(theme.state.open).to.equal(true);
    expect(theme.state.serverRenders).to.equal(0);
  });

  it('changes and removes without opening the drawer, and keeps auto-open', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    const added = await shop.addToCart(mug(), call());
    theme.close();
    await shop.changeLine!(added.lines[0]!.key, 2, call());
    expect(theme.bubble()).to.equal(2);
    expect(theme.state.open).to.equal(false);
    await shop.changeLine!(added.lines[0]!.key, 0, call());
    expect(theme.bubble()).to.equal(0);
    expect(theme.lines()).to.have.length(0);
    expect(theme.state.open).to.equal(false);
    expect(theme.autoOpen()).to.equal(true);
  });

  it('follows a change made in the theme’s own drawer (two-way sync)', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    const pushed = nextPushed(shop.subscribe!);
    await theme.changeInDrawer(1, 4);
    expect((await pushed).itemCount).to.equal(4);
  });
});

describe('shopifyAdapter on an unknown theme', () => {
  beforeEach(resetStore);

  it('announces cuecart-cart-updated and reloads only when asked to', async () => {
    const reloads: string[] = [];
    const win = { location: { pathname: '/', reload: () => reloads.push('reload') } };
    const events: CustomEvent[] = [];
    const listener = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('cuecart-cart-updated', listener);
    try {
      const quiet = shopifyAdapter({ window: win });
      const added = await quiet.addToCart(mug(), call());
      await quiet.changeLine!(added.lines[0]!.key, 2, call());
      expect(events.map((e) => e.detail.action)).to.deep.equal(['add', 'update']);
      expect(events[1]!.detail.cart.item_count).to.equal(2);
      expect(reloads).to.deep.equal([]);
      await shopifyAdapter({ window: win, reloadUnknownTheme: true }).addToCart(mug(), call());
      expect(reloads).to.deep.equal(['reload']);
    } finally {
      document.removeEventListener('cuecart-cart-updated', listener);
    }
  });
});

describe('shopifyAdapter on Dawn (sections + pub/sub)', () => {
  let theme: ReturnType<typeof installDawn>;
  beforeEach(async () => {
    await resetStore();
    theme = installDawn();
  });
  afterEach(() => theme.teardown());

  it('adds from an empty cart: drawer opens with its header, focus comes back on close', async () => {
    theme.focusTarget.focus();
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    await until(() => theme.isOpen(), 'the drawer to open');
    expect(theme.headerHidden()).to.equal(false, 'no is-empty left on the drawer');
    expect(theme.bubble()).to.equal(1);
    expect(theme.lines()).to.have.length(1);
    expect(theme.drawer.activeElement).to.equal(theme.focusTarget);
    theme.drawer.close();
    expect(document.activeElement).to.equal(theme.focusTarget);
  });

  it('renders and publishes the single added line, as Dawn’s product form does', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    const [rendered] = theme.state.rendered;
    expect(rendered).to.include({ variant_id: Number(VARIANTS.mug12), quantity: 1 });
    expect(Object.keys(rendered!.sections as object)).to.deep.equal([
      'cart-drawer',
      'cart-icon-bubble',
    ]);
    const [update] = theme.published;
    expect(update!.name).to.equal('cart-update');
    expect(update!.data).to.include({ source: 'cuecart', productVariantId: VARIANTS.mug12 });
    const cartData = update!.data.cartData as Record<string, unknown>;
    expect(cartData.variant_id).to.equal(Number(VARIANTS.mug12));
    expect(cartData).not.to.have.property('items');
  });

  it('adds to a non-empty cart: one line of 2', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    const cart = await shop.addToCart(mug(), call());
    expect(cart.lines).to.have.length(1);
    expect(theme.bubble()).to.equal(2);
    expect(theme.lines()[0]).to.match(/× 2/);
  });

  it('changes in place without opening; removing the last line sets is-empty', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    const added = await shop.addToCart(mug(), call());
    await until(() => theme.isOpen(), 'the drawer to open');
    theme.drawer.close();
    const rendersBefore = theme.state.rendered.length;
    await shop.changeLine!(added.lines[0]!.key, 3, call());
    expect(theme.bubble()).to.equal(3);
    expect(theme.lines()[0]).to.match(/× 3/);
    await settle(20);
    expect(theme.isOpen()).to.equal(false);
    expect(theme.state.rendered.length).to.equal(rendersBefore, 'renderContents opens: not used');
    await shop.changeLine!(added.lines[0]!.key, 0, call());
    expect(theme.bubble()).to.equal(0);
    expect(theme.drawerIsEmpty()).to.equal(true);
  });

  it('follows a change made in the theme’s own drawer (two-way sync)', async () => {
    const shop = shopifyAdapter({ window: theme.window });
    await shop.addToCart(mug(), call());
    const pushed = nextPushed(shop.subscribe!);
    await theme.changeInDrawer(1, 2);
    expect((await pushed).itemCount).to.equal(2);
  });
});
