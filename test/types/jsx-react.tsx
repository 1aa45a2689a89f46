// Type tests (checked by `npm run typecheck`, never run): the opt-in React 19 JSX typings and the
// props of the `cuecart/react` components. Each `@ts-expect-error` must stay an error.
import type {} from '../../src/jsx/react.js';
import { callbackAdapter } from '../../src/commerce/adapters/callback.js';
import type { Cart } from '../../src/commerce/checkout-adapter.js';
import { CuecartMiniCart, CuecartPlayer } from '../../src/react.js';
import type { CuecartPlayer as PlayerElement } from '../../src/ui/player/cuecart-player.js';

const cart: Cart = { lines: [], itemCount: 0, subtotal: 0, currency: 'USD' };
const adapter = callbackAdapter({ addToCart: () => cart });
const ref = { current: null as PlayerElement | null };

export const direct = (
  <>
    <cuecart-player
      ref={ref}
      id="show"
      className="show"
      src="/show.m3u8"
      muted
      layout="panel"
      adapter={adapter}
      productList={[]}
      cueList={[{ start: 1, product: 'tote' }]}
      resolveProducts={async () => []}
      oncuecart-add-to-cart={(event) => event.detail.line.variantId}
      oncuecart-cue-enter={(event) => event.detail.cue.payload.product}
      oncuecart-error={(event) => event.detail.code}
    />
    <cuecart-mini-cart htmlFor="show" oncuecart-mini-cart-toggle={(event) => event.detail.open} />
    {/* @ts-expect-error: layout is 'auto' | 'overlay' | 'panel' */}
    <cuecart-player layout="sideways" />
    {/* @ts-expect-error: the cue-enter detail has no `line` */}
    <cuecart-player oncuecart-cue-enter={(event) => event.detail.line} />
    {/* @ts-expect-error: muted is a boolean */}
    <cuecart-player muted={1} />
  </>
);

export const wrapped = (
  <>
    <CuecartPlayer
      ref={ref}
      id="show"
      className="show"
      style={{ maxWidth: 960 }}
      src="/show.m3u8"
      autoplay
      adapter={adapter}
      productList={[]}
      cueList={[{ start: 1, product: 'tote' }]}
      resolveProducts={async () => []}
      onAddToCart={(event) => event.detail.respondWith?.(Promise.resolve(cart))}
      onCueEnter={(event) => event.detail.product?.title}
      onProductClick={(event) => event.detail.product.id}
      onCheckout={(event) => event.detail.cart.itemCount}
      onClick={(event) => event.clientX}
    />
    <CuecartMiniCart htmlFor="show" open onRequestCheckout={(event) => event.detail} />
    {/* @ts-expect-error: theme is 'light' | 'dark' */}
    <CuecartPlayer theme="blue" />
    {/* @ts-expect-error: onCueEnter's detail has no `cart` */}
    <CuecartPlayer onCueEnter={(event) => event.detail.cart} />
    {/* @ts-expect-error: adapter must be a name or a CheckoutAdapter */}
    <CuecartPlayer adapter={{ add: () => cart }} />
  </>
);
