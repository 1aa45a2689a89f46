import { expect, waitUntil } from '@open-wc/testing';
import { callbackAdapter } from '../../src/commerce/adapters/callback.js';
import type { AddToCartRequestDetail } from '../../src/commerce/adapters/events.js';
import type { Cart, CartLineInput } from '../../src/commerce/checkout-adapter.js';
import { createCart } from '../../src/state/cart-store.js';
import type { CuecartErrorDetail } from '../../src/internal/errors.js';
import type { CuecartMiniCart } from '../../src/ui/mini-cart/mini-cart.js';
import type { AddToCartEventDetail, CuecartPlayer } from '../../src/ui/player/cuecart-player.js';
import {
  FIXTURES,
  cardOf,
  cartOfLines,
  createPlayer,
  feature,
  miniCartOf,
  nextError,
  shadowPart,
} from '../helpers/player.js';
import {
  configureStore,
  injectFaults,
  resetStore,
  storeState,
} from '../unit/commerce/local-store.js';

/** The feed the local store serves for its catalogue. */
const FEED = '/cuecart/products.json';
/** The variant the drift-sneakers cue names by SKU (`drift-sneakers-42-white`). */
const SNEAKERS_42_WHITE = '45014';

interface ShopifyCartJson {
  item_count: number;
  attributes: Record<string, string>;
  items: Array<{ key: string; id: number; quantity: number; properties: Record<string, string> }>;
}

const storeCart = async (): Promise<ShopifyCartJson> => (await fetch('/cart.js')).json();

const addButtonOf = (player: CuecartPlayer) =>
  shadowPart<HTMLButtonElement>(cardOf(player), 'add-button');
const cartCountText = (miniCart: CuecartMiniCart) => {
  const count = shadowPart(miniCart, 'count');
  return count && !count.hidden ? count.textContent!.trim() : '';
};

async function openDrawer(miniCart: CuecartMiniCart) {
  shadowPart(miniCart, 'cart-button')!.click();
  await miniCart.updateComplete;
  await waitUntil(() => shadowPart(miniCart, 'drawer') !== null, 'drawer did not open');
}

const cartWith = (lines: CartLineInput[]): Cart =>
  cartOfLines(lines, (line) => `Product ${line.productId}`);

/** A host cart behind a `callbackAdapter`: adds merge by variant, changes set the quantity. */
function hostCart() {
  let lines: CartLineInput[] = [];
  const checkouts: Cart[] = [];
  const adapter = callbackAdapter({
    addToCart(line) {
      const existing = lines.find((l) => l.variantId === line.variantId);
      lines = existing
        ? lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + line.quantity } : l))
        : [...lines, line];
      return cartWith(lines);
    },
    changeLine(key, quantity) {
      const index = Number(key.replace('line-', ''));
      lines = lines.flatMap((l, i) =>
        i !== index ? [l] : quantity > 0 ? [{ ...l, quantity }] : [],
      );
      return cartWith(lines);
    },
    getCart: () => cartWith(lines),
    checkout(cart) {
      checkouts.push(cart);
    },
  });
  return { adapter, checkouts };
}

describe('CuecartPlayer commerce with adapter="shopify" (local store)', () => {
  let player: CuecartPlayer | undefined;
  beforeEach(async () => {
    await resetStore();
  });
  afterEach(() => {
    player?.remove();
    player = undefined;
  });

  it('features the cue product and adds it to the real cart with attribution', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    const cueId = player.activeCues[0]!.id;
    const adds: AddToCartEventDetail[] = [];
    const changes: Cart[] = [];
    player.addEventListener('cuecart-add-to-cart', (e) => adds.push(e.detail));
    player.addEventListener('cuecart-cart-change', (e) => changes.push(e.detail.cart));

    addButtonOf(player)!.click();
    await waitUntil(() => adds.length === 1, 'no cuecart-add-to-cart');
    const result = await adds[0]!.result;

    expect(adds[0]!.line).to.deep.include({ variantId: SNEAKERS_42_WHITE, quantity: 1 });
    expect(result.itemCount).to.equal(1);
    const json = await storeCart();
    expect(json.items).to.have.length(1);
    expect(String(json.items[0]!.id)).to.equal(SNEAKERS_42_WHITE);
    // One line per variant: the show is attributed once, on the cart (issue 10).
    expect(json.items[0]!.properties).to.deep.equal({});
    await waitUntil(
      async () => (await storeCart()).attributes._cuecart_video === FIXTURES.tsId3,
      'the show is not recorded on the cart',
    );
    expect(adds[0]!.line.properties).to.include({ _cuecart_cue: cueId });
    await waitUntil(() => changes.some((cart) => cart.itemCount === 1), 'no cuecart-cart-change');
    expect(changes.at(-1)!.lines[0]!.variantId).to.equal(SNEAKERS_42_WHITE);

    const miniCart = miniCartOf(player);
    await waitUntil(() => cartCountText(miniCart) === '1', `count is "${cartCountText(miniCart)}"`);
    await openDrawer(miniCart);
    const lines = miniCart.shadowRoot!.querySelectorAll('[part~="line"]');
    expect(lines).to.have.length(1);
    expect(shadowPart(miniCart, 'line-title')!.textContent).to.contain('Drift Sneakers');
  });

  it('changes the quantity and removes a line from the drawer through cart/change.js', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    addButtonOf(player)!.click();
    const miniCart = miniCartOf(player);
    // An add is three store round trips (cart before, add, cart after): allow for a busy machine.
    await waitUntil(
      () => cartCountText(miniCart) === '1' && !player!.cartStore!.$cart.get().lines[0]?.pending,
      'the add was not confirmed',
      { timeout: 5000 },
    );
    await openDrawer(miniCart);

    shadowPart(miniCart, 'quantity-increase')!.click();
    await waitUntil(
      async () => (await storeCart()).items[0]?.quantity === 2,
      'quantity not changed',
      { timeout: 5000 },
    );
    await waitUntil(
      () => cartCountText(miniCart) === '2' && player!.cartStore!.$status.get().state === 'idle',
    );

    shadowPart(miniCart, 'remove-button')!.click();
    await waitUntil(async () => (await storeCart()).item_count === 0, 'line not removed', {
      timeout: 5000,
    });
    await waitUntil(() => player!.cartStore!.$cart.get().lines.length === 0);
    expect(cartCountText(miniCart)).to.equal('');
    const { requests } = await storeState();
    expect(requests['POST cart/change.js']).to.equal(2);
  });

  it('shows a disabled "Sold out" button for a sold-out product', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 20, 'Solstice Sunglasses');
    const button = addButtonOf(player)!;
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('Sold out');
  });

  it("shows the store's quantity-limit message and reports add-to-cart-failed", async () => {
    player = createPlayer({
      src: FIXTURES.mp4,
      adapter: 'shopify',
      products: FEED,
      layout: 'panel',
    });
    player.addCues([{ start: 0, end: 30, product: 'canvas-tote' }]);
    await feature(player, 1, 'Canvas Tote', 1);
    const card = cardOf(player)!;
    const input = shadowPart<HTMLInputElement>(card, 'quantity-input')!;
    input.value = '4';
    input.dispatchEvent(new Event('change'));
    await card.updateComplete;
    const error = nextError(player);

    addButtonOf(player)!.click();
    const detail: CuecartErrorDetail = await error;
    expect(detail.code).to.equal('add-to-cart-failed');
    expect((detail.cause as { reason: string }).reason).to.equal('quantity-limit');
    expect(detail.message).to.match(/^You can only add 3 Canvas Tote/);
    await waitUntil(() =>
      shadowPart(cardOf(player!), 'error')?.textContent?.includes('You can only add'),
    );
    expect((await storeCart()).item_count).to.equal(0);
    // Rolled back: the optimistic line is gone.
    expect(player.cartStore!.$cart.get().lines).to.deep.equal([]);
  });

  it('retries a 429 answer and then adds', async function () {
    this.timeout(20_000);
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    await injectFaults({
      route: 'POST cart/add.js',
      kind: 'error-before',
      status: 429,
      json: { status: 429, message: 'Too Many Requests', description: 'Too many requests.' },
      retryAfter: 1,
    });
    const errors: string[] = [];
    player.addEventListener('cuecart-error', (e) => errors.push(e.detail.code));

    const cart = await player.addToCart({
      productId: cardOf(player)!.product!.id,
      variantId: SNEAKERS_42_WHITE,
      quantity: 1,
    });
    expect(cart?.itemCount).to.equal(1);
    expect((await storeCart()).item_count).to.equal(1);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(2);
    expect(errors).to.deep.equal([]);
  });

  it('adds one line, once, on a double click', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, adapter: 'shopify', products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    await configureStore({ latencyMs: 200 });
    const adds: AddToCartEventDetail[] = [];
    player.addEventListener('cuecart-add-to-cart', (e) => adds.push(e.detail));
    const button = addButtonOf(player)!;
    button.click();
    button.click();
    await waitUntil(() => adds.length > 0);
    await adds[0]!.result;
    await waitUntil(() => player!.cartStore!.$status.get().state === 'idle');

    const json = await storeCart();
    expect(json.items.map((item) => item.quantity)).to.deep.equal([1]);
    expect((await storeState()).requests['POST cart/add.js']).to.equal(1);
    expect(adds).to.have.length(1);
  });

  it('checks out through adapter.checkout and fires cuecart-checkout', async () => {
    const host = hostCart();
    player = createPlayer({ src: FIXTURES.mp4 });
    player.adapter = host.adapter;
    const checkouts: Cart[] = [];
    player.addEventListener('cuecart-checkout', (e) => checkouts.push(e.detail.cart));
    await player.updateComplete;
    await player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    const miniCart = miniCartOf(player);
    await waitUntil(() => cartCountText(miniCart) === '2');
    await openDrawer(miniCart);

    shadowPart(miniCart, 'checkout-button')!.click();
    await waitUntil(() => host.checkouts.length === 1, 'adapter.checkout was not called');
    expect(host.checkouts[0]!.itemCount).to.equal(2);
    expect(checkouts).to.have.length(1);
    expect(checkouts[0]!.lines[0]!.variantId).to.equal('tee-m');
  });
});

describe('CuecartPlayer commerce with the default events adapter', () => {
  let player: CuecartPlayer | undefined;
  // A host page listens on document (the event bubbles and is composed).
  let respond: EventListener | undefined;
  const originalWarn = console.warn;
  beforeEach(async () => {
    await resetStore();
  });
  afterEach(() => {
    console.warn = originalWarn;
    if (respond) document.removeEventListener('cuecart-add-to-cart', respond);
    respond = undefined;
    player?.remove();
    player = undefined;
  });

  it('fails readably and warns about the missing cuecart-add-to-cart listener', async () => {
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    await feature(player, 14, 'Drift Sneakers');
    const error = nextError(player);

    addButtonOf(player)!.click();
    const detail = await error;
    expect(detail.code).to.equal('add-to-cart-failed');
    expect((detail.cause as { reason: string }).reason).to.equal('rejected');
    await waitUntil(() => shadowPart(cardOf(player!), 'add-button-error') !== null);
    expect(shadowPart(cardOf(player), 'error')!.textContent!.trim()).to.equal(
      'Adding to the cart is not available on this page.',
    );
    expect(warnings.some((w) => w.includes('cuecart-add-to-cart'))).to.equal(true);
  });

  it('shows the cart the host answers with, from one event per add', async () => {
    player = createPlayer({ src: FIXTURES.tsId3, products: FEED });
    const requests: CartLineInput[] = [];
    respond = (event) => {
      const { line, respondWith } = (event as CustomEvent<AddToCartRequestDetail>).detail;
      requests.push(line);
      respondWith(Promise.resolve(cartWith([{ ...line, quantity: 3 }])));
    };
    document.addEventListener('cuecart-add-to-cart', respond);
    await feature(player, 14, 'Drift Sneakers');

    addButtonOf(player)!.click();
    const miniCart = miniCartOf(player);
    await waitUntil(() => cartCountText(miniCart) === '3', `count is "${cartCountText(miniCart)}"`);
    expect(requests).to.have.length(1);
    expect(requests[0]!.variantId).to.equal(SNEAKERS_42_WHITE);
    expect(player.cartStore!.$cart.get().lines[0]!.quantity).to.equal(3);
    // The store was not involved.
    expect((await storeState()).requests['POST cart/add.js']).to.equal(undefined);
  });
});

describe('CuecartPlayer cart isolation', () => {
  const players: CuecartPlayer[] = [];
  const extras: Element[] = [];
  afterEach(() => {
    players.splice(0).forEach((p) => p.remove());
    extras.splice(0).forEach((el) => el.remove());
  });

  it('gives two players on one page separate carts', async () => {
    const a = createPlayer({ src: FIXTURES.mp4 });
    const b = createPlayer({ src: FIXTURES.mp4 });
    players.push(a, b);
    a.adapter = hostCart().adapter;
    b.adapter = hostCart().adapter;
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(a.cartStore === b.cartStore).to.equal(false);

    await a.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 1 });
    expect(a.cartStore!.$cart.get().itemCount).to.equal(1);
    expect(b.cartStore!.$cart.get().lines).to.deep.equal([]);
    await waitUntil(() => cartCountText(miniCartOf(a)) === '1');
    expect(cartCountText(miniCartOf(b))).to.equal('');
  });

  it('shares one cart between players on purpose', async () => {
    const shared = createCart({ adapter: hostCart().adapter });
    const a = createPlayer({ src: FIXTURES.mp4 });
    const b = createPlayer({ src: FIXTURES.mp4 });
    players.push(a, b);
    a.cartStore = shared;
    b.cartStore = shared;
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(a.cartStore === shared && b.cartStore === shared).to.equal(true);

    const changes: Cart[] = [];
    const changesOfB: Cart[] = [];
    a.addEventListener('cuecart-cart-change', (e) => changes.push(e.detail.cart));
    b.addEventListener('cuecart-cart-change', (e) => changesOfB.push(e.detail.cart));
    await a.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    expect(b.cartStore!.$cart.get().itemCount).to.equal(2);
    expect(changes.map((cart) => cart.itemCount)).to.deep.equal([2]);
    // The other player hears the change too: its host page sees one cart.
    expect(changesOfB.map((cart) => cart.itemCount)).to.deep.equal([2]);
    await waitUntil(() => cartCountText(miniCartOf(b)) === '2', 'the other player did not update');
    // A change the host makes on the shared cart directly reaches both players.
    await shared.changeLine(shared.$cart.get().lines[0]!.key, 3);
    expect(changes.map((cart) => cart.itemCount)).to.deep.equal([2, 3]);
    expect(changesOfB.map((cart) => cart.itemCount)).to.deep.equal([2, 3]);
  });

  it('reports a failed add through a shared cart as cuecart-error of that player', async () => {
    const shared = createCart({
      adapter: callbackAdapter({
        addToCart() {
          throw new Error('The host refused.');
        },
      }),
    });
    const player = createPlayer({ src: FIXTURES.mp4 });
    players.push(player);
    player.cartStore = shared;
    await player.updateComplete;
    const error = nextError(player);
    expect(await player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 1 })).to.equal(
      null,
    );
    const detail = await error;
    expect(detail.code).to.equal('add-to-cart-failed');
    expect(detail.message).to.equal('The host refused.');
  });

  it('keeps <cuecart-mini-cart for> on the cart the player uses after it changes', async () => {
    const player = createPlayer({ src: FIXTURES.mp4 });
    player.id = 'swap-player';
    players.push(player);
    const outside = document.createElement('cuecart-mini-cart');
    outside.setAttribute('for', 'swap-player');
    document.body.append(outside);
    extras.push(outside);
    await player.updateComplete;
    await outside.updateComplete;

    const shared = createCart({ adapter: hostCart().adapter });
    player.cartStore = shared;
    await shared.add({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    await waitUntil(() => cartCountText(miniCartOf(player)) === '2', 'player mini cart stale');
    await waitUntil(
      () => cartCountText(outside) === '2',
      `outside count is "${cartCountText(outside)}"`,
    );
  });

  it('mirrors a player cart in <cuecart-mini-cart for> and removes through it', async () => {
    const player = createPlayer({ src: FIXTURES.mp4 });
    player.id = 'shop-player';
    players.push(player);
    player.adapter = hostCart().adapter;
    const outside = document.createElement('cuecart-mini-cart');
    outside.setAttribute('for', 'shop-player');
    document.body.append(outside);
    extras.push(outside);
    await player.updateComplete;

    await player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    await waitUntil(() => cartCountText(outside) === '2', `count is "${cartCountText(outside)}"`);
    await openDrawer(outside);
    shadowPart(outside, 'remove-button')!.click();
    await waitUntil(() => player.cartStore!.$cart.get().lines.length === 0, 'line not removed');
    await waitUntil(
      () => cartCountText(outside) === '' && cartCountText(miniCartOf(player)) === '',
    );
  });
});
