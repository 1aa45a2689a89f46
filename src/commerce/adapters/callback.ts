import { cartFromAnswer } from './cart-answer.js';
import { normalizeCart } from '../cart.js';
import {
  toCheckoutError,
  type AdapterCallOptions,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
} from '../checkout-adapter.js';

/** A host answer: a Cart-shaped value, now or later. Missing totals are computed. */
type Answer = Cart | PromiseLike<Cart>;

/** The plain functions a JS or React host hands to {@link callbackAdapter}. */
export interface CallbackAdapterFunctions {
  addToCart(line: CartLineInput, opts: AdapterCallOptions): Answer;
  changeLine?(key: string, quantity: number, opts: AdapterCallOptions): Answer;
  getCart?(opts: AdapterCallOptions): Answer;
  checkout?(cart: Cart): void | PromiseLike<void>;
  subscribe?(onChange: (cart: Cart) => void): () => void;
  /** Currency assumed when a returned cart states none. */
  currency?: string;
}

/**
 * An adapter from plain functions, for JS and React hosts. Whatever a function throws that is
 * not a `CheckoutError` becomes `CheckoutError('rejected', itsMessage)`.
 */
export function callbackAdapter(functions: CallbackAdapterFunctions): CheckoutAdapter {
  const currency = functions.currency ?? 'USD';
  const adapter: CheckoutAdapter = {
    addToCart: (line, opts) => cartFromAnswer(() => functions.addToCart(line, opts), currency),
  };
  const { changeLine, getCart, checkout, subscribe } = functions;
  if (changeLine) {
    adapter.changeLine = (key, quantity, opts) =>
      cartFromAnswer(() => changeLine.call(functions, key, quantity, opts), currency);
  }
  if (getCart)
    adapter.getCart = (opts) => cartFromAnswer(() => getCart.call(functions, opts), currency);
  if (checkout) {
    adapter.checkout = async (cart) => {
      try {
        await checkout.call(functions, cart);
      } catch (error) {
        throw toCheckoutError(error, 'Checkout could not be started.');
      }
    };
  }
  if (subscribe) {
    adapter.subscribe = (onChange) =>
      subscribe.call(functions, (value) => {
        const cart = normalizeCart(value, currency);
        if (cart) onChange(cart);
      });
  }
  return adapter;
}
