/** @jsxImportSource preact */
// Type tests (checked by `npm run typecheck`, never run): the opt-in Preact JSX typings.
import type {} from '../../src/jsx/preact.js';
import { callbackAdapter } from '../../src/commerce/adapters/callback.js';
import type { Cart } from '../../src/commerce/checkout-adapter.js';

const cart: Cart = { lines: [], itemCount: 0, subtotal: 0, currency: 'USD' };
const adapter = callbackAdapter({ addToCart: () => cart });

export const direct = (
  <div>
    <cuecart-player
      id="show"
      class="show"
      src="/show.m3u8"
      muted
      adapter={adapter}
      productList={[]}
      oncuecart-add-to-cart={(event) => event.detail.line.quantity}
      oncuecart-product-impression={(event) => event.detail.product.id}
    />
    <cuecart-mini-cart htmlFor="show" contained />
    {/* @ts-expect-error: layout is 'auto' | 'overlay' | 'panel' */}
    <cuecart-player layout="sideways" />
    {/* @ts-expect-error: the add-to-cart detail has no `cue` */}
    <cuecart-player oncuecart-add-to-cart={(event) => event.detail.cue} />
  </div>
);
