import type { CheckoutErrorReason } from './checkout-adapter.js';

/**
 * What the built-in adapters tell a shopper, by failure reason: Cuecart's own words, never a
 * server's status text ("Internal Server Error", "Cart Error"). A store's text is shown instead
 * only where the store wrote it for shoppers (Shopify's 422 `description`). Hosts reword or
 * translate what the player shows through its `messages` table.
 */
export const SHOPPER_MESSAGES: Readonly<Record<CheckoutErrorReason, string>> = Object.freeze({
  'out-of-stock': 'This item is sold out.',
  'quantity-limit': 'No more of this item can be added to the cart.',
  'rate-limited': 'The store is busy right now. Please try again in a moment.',
  network: 'Could not reach the store. Check your connection and try again.',
  timeout: 'The store took too long to answer. Please try again.',
  rejected: 'The store could not update the cart. Please try again.',
  unconfirmed:
    'We could not confirm that your cart was updated. Please check your cart before trying again.',
});

/** Shown when the store no longer sells the variant (Shopify answers 404 to the add). */
export const PRODUCT_UNAVAILABLE_MESSAGE = 'This product is no longer available.';
