// The commerce state (player commerce, cart store, catalogue, feed) is a chunk of its own
// (docs/decisions/0056-commerce-state-chunk.md). These players hold that chunk back, so what a
// page or a shopper does before it arrives can be observed: kept, applied once it arrives, and
// an early add sent exactly once; a chunk that fails is reported and the video plays on.
import { expect, waitUntil } from '@open-wc/testing';
import { callbackAdapter } from '../../../src/commerce/adapters/callback.js';
import type { AddToCartRequestDetail } from '../../../src/commerce/adapters/events.js';
import type { CartLineInput } from '../../../src/commerce/checkout-adapter.js';
import type { Product } from '../../../src/commerce/product.js';
import type { CuecartErrorDetail } from '../../../src/internal/errors.js';
import { loadPlayerCommerce } from '../../../src/ui/controllers/player-commerce-controller.js';
import { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { createHeldPlayer, heldChunk as heldChunkOf, tasks } from '../../helpers/held-chunk.js';
import { cartOfLines, FIXTURES } from '../../helpers/player.js';

const tee: Product = {
  id: 'tee',
  title: 'Organic Tee',
  price: 2500,
  variants: [{ id: 'tee-m', title: 'M', price: 2500, available: true }],
};

/** The chunk, held back by the test (released with the real module, or failed). */
const heldChunk = () => heldChunkOf(loadPlayerCommerce);

/** A player (own tag) whose commerce chunk is `chunk`, not yet in the page. */
function playerWith(chunk: ReturnType<typeof heldChunk>, attributes: Record<string, string> = {}) {
  return createHeldPlayer<CuecartPlayer>(
    class extends CuecartPlayer {
      protected static override loadCommerce = chunk.load;
    },
    attributes,
  );
}

describe('CuecartPlayer with the commerce chunk on its way', () => {
  let player: CuecartPlayer | undefined;
  afterEach(() => {
    player?.remove();
    player = undefined;
  });

  it('keeps the adapter, productList and an early add, and sends the add once when it arrives', async () => {
    const chunk = heldChunk();
    const added: CartLineInput[] = [];
    const adapter = callbackAdapter({
      addToCart(line) {
        added.push(line);
        return cartOfLines(added);
      },
      getCart: () => cartOfLines(added),
    });
    player = playerWith(chunk);
    player.adapter = adapter;
    player.productList = [tee];
    document.body.append(player);
    await tasks();

    expect(chunk.requests).to.equal(1);
    expect(player.cartStore).to.equal(undefined);
    // The entries given so far, until the catalogue arrives.
    expect(player.productList.map((p) => p.id)).to.deep.equal(['tee']);
    let settled = false;
    const early = player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 2 });
    void early.then(() => (settled = true));
    let updated = false;
    void player.updateComplete.then(() => (updated = true));
    await tasks();
    expect(added, 'nothing is sent before the chunk').to.deep.equal([]);
    expect(settled, 'the add waits').to.equal(false);
    expect(updated, 'updateComplete waits for the chunk').to.equal(false);

    chunk.release();
    const cart = await early;
    await player.updateComplete;
    expect(added.map((line) => [line.variantId, line.quantity])).to.deep.equal([['tee-m', 2]]);
    expect(cart?.itemCount).to.equal(2);
    expect(player.cartStore?.adapter === adapter, 'the cart uses the adapter set early').to.equal(
      true,
    );
    await waitUntil(() => player!.cartStore!.$status.get().state === 'idle');
    expect(player.cartStore!.$cart.get().itemCount).to.equal(2);
    expect(player.productList.map((p) => p.id)).to.deep.equal(['tee']);
    await tasks();
    expect(added, 'sent exactly once').to.have.length(1);
  });

  it('with the events adapter, an early add is one cuecart-add-to-cart request, after the chunk', async () => {
    const chunk = heldChunk();
    const requests: CartLineInput[] = [];
    player = playerWith(chunk, { currency: 'USD' });
    player.addEventListener('cuecart-add-to-cart', (event) => {
      const detail = (event as CustomEvent<AddToCartRequestDetail>).detail;
      requests.push(detail.line);
      detail.respondWith(Promise.resolve(cartOfLines(requests)));
    });
    document.body.append(player);
    const early = player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 1 });
    await tasks();
    expect(requests).to.deep.equal([]);

    chunk.release();
    const cart = await early;
    expect(cart?.itemCount).to.equal(1);
    await tasks();
    expect(requests.map((line) => line.variantId)).to.deep.equal(['tee-m']);
  });

  it('reports a failed chunk as products-load-failed; the video plays and an add resolves null', async () => {
    const chunk = heldChunk();
    const errors: CuecartErrorDetail[] = [];
    player = playerWith(chunk, { src: FIXTURES.mp4 });
    player.addEventListener('cuecart-error', (event) =>
      errors.push((event as CustomEvent<CuecartErrorDetail>).detail),
    );
    document.body.append(player);
    const early = player.addToCart({ productId: 'tee', variantId: 'tee-m', quantity: 1 });
    chunk.fail(new TypeError('Failed to fetch dynamically imported module'));
    expect(await early).to.equal(null);
    await player.updateComplete;
    expect(errors.map((e) => e.code)).to.deep.equal(['products-load-failed']);
    expect(errors[0]!.message).to.contain('could not be loaded');
    expect(player.cartStore).to.equal(undefined);

    await player.play();
    await waitUntil(() => player!.currentTime > 0.2, 'the video did not play', {
      timeout: 15_000,
    });
    expect(errors.map((e) => e.code)).to.deep.equal(['products-load-failed']);
  });
});
