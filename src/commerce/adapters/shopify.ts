import { isRecord } from '../../internal/is-record.js';
import { abortReason } from '../abort.js';
import {
  CheckoutError,
  type Cart,
  type CheckoutAdapter,
  type CheckoutErrorReason,
} from '../checkout-adapter.js';
import { currentWindow, shopifyRoot, type ShopifyWindow } from '../shopify-conventions.js';
import {
  cartFromShopify,
  reasonFromShopifyText,
  shopifyRequest,
  type ShopifyHttpOptions,
} from './shopify-http.js';
import {
  refreshTheme,
  THEME_EVENT_SOURCE,
  themeSections,
  watchThemeCart,
} from './shopify-theme.js';

/** Options of {@link shopifyAdapter}. Everything is optional and read at call time. */
export interface ShopifyAdapterOptions {
  /** Store root; default `Shopify.routes.root`, else `/`. */
  root?: string;
  fetch?: typeof fetch;
  window?: ShopifyWindow;
  document?: Document;
  /** Per-request timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after 429/409 answers. Default 4. */
  retries?: number;
  /** First backoff step (doubled per attempt, plus jitter). Default 500 ms. */
  retryDelayMs?: number;
  /** Longest `Retry-After` worth waiting for; longer fails as `rate-limited`. Default 10 s. */
  maxRetryDelayMs?: number;
  /** Theme sections to re-render after a write; false = none. Default: ask the theme. */
  sections?: string[] | false;
  /**
   * Write through `Shopify.actions.updateCart` (standard storefront actions). `'auto'` (default)
   * uses it only when the theme configured it: the default handler reloads the page on themes it
   * does not recognise, which would stop the video.
   */
  standardActions?: 'auto' | boolean;
}

type UpdateCart = (payload: unknown, options?: unknown) => Promise<unknown>;
type Json = Record<string, unknown>;

/** Shopify wants numeric variant ids; anything else is passed on for Shopify to refuse. */
const variantIdValue = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : id);

/** Maps standard-action `userErrors` (Storefront API codes or text) to a CheckoutError. */
function errorFromUserErrors(errors: unknown[]): CheckoutError {
  const first = (errors.find(isRecord) ?? {}) as Json;
  const code = typeof first.code === 'string' ? first.code : '';
  const text = typeof first.message === 'string' ? first.message : '';
  let reason: CheckoutErrorReason = reasonFromShopifyText(text) ?? 'rejected';
  if (/OUT_OF_STOCK/.test(code)) reason = 'out-of-stock';
  else if (/NOT_ENOUGH_STOCK|MAXIMUM|LIMIT/.test(code)) reason = 'quantity-limit';
  return new CheckoutError(reason, text || 'The store could not update the cart.', {
    cause: errors,
  });
}

/**
 * Adapter for Shopify Online Store themes: the AJAX Cart API under `Shopify.routes.root`, one
 * write at a time, with retries for 429/409, errors mapped to `CheckoutError` reasons, the
 * theme's own cart UI refreshed after every change, and host-side changes pushed back through
 * `subscribe`. See docs/adapters.md.
 */
export function shopifyAdapter(options: ShopifyAdapterOptions = {}): CheckoutAdapter {
  const http: ShopifyHttpOptions = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 4,
    retryDelayMs: options.retryDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
  };
  const theme = { window: options.window, document: options.document, sections: options.sections };
  const root = () => shopifyRoot(options.root, options.window);
  const win = () => currentWindow(options.window);

  // Shopify answers 409 to concurrent writes on one cart and may merge them wrongly: writes of
  // this adapter wait for each other. Reads queue too, so they never overtake a write.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      if (signal.aborted) throw abortReason(signal);
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function readCart(signal: AbortSignal): Promise<{ json: unknown; cart: Cart }> {
    const json = await shopifyRequest(`${root()}cart.js`, { method: 'GET' }, http, signal);
    return { json, cart: cartFromShopify(json, { root: root(), window: options.window }) };
  }

  function standardUpdateCart(): UpdateCart | null {
    const updateCart = win()?.Shopify?.actions?.updateCart;
    if (typeof updateCart !== 'function' || options.standardActions === false) return null;
    if (options.standardActions === true) return updateCart;
    try {
      return updateCart.isDefault?.() === false ? updateCart : null;
    } catch {
      return null;
    }
  }

  async function writeWithAction(updateCart: UpdateCart, lines: unknown[], signal: AbortSignal) {
    let result: unknown;
    try {
      result = await updateCart(
        { lines },
        { signal, event: { detail: { source: THEME_EVENT_SOURCE } } },
      );
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw new CheckoutError('network', 'Could not reach the store. Please try again.', {
        cause: error,
      });
    }
    const userErrors =
      isRecord(result) && Array.isArray(result.userErrors) ? result.userErrors : [];
    if (userErrors.length) throw errorFromUserErrors(userErrors);
    return (await readCart(signal)).cart;
  }

  function sectionFields() {
    const sections = themeSections(theme);
    if (!sections) return {};
    return { sections: sections.join(','), sections_url: win()?.location?.pathname ?? '/' };
  }

  const adapter: CheckoutAdapter = {
    addToCart: (line, { signal }) =>
      serialised(signal, async () => {
        const updateCart = standardUpdateCart();
        const properties = line.properties ?? {};
        if (updateCart) {
          const attributes = Object.entries(properties).map(([key, value]) => ({ key, value }));
          return writeWithAction(
            updateCart,
            [{ merchandiseId: line.variantId, quantity: line.quantity, attributes }],
            signal,
          );
        }
        const body = {
          items: [{ id: variantIdValue(line.variantId), quantity: line.quantity, properties }],
          ...sectionFields(),
        };
        const response = await shopifyRequest(
          `${root()}cart/add.js`,
          { method: 'POST', body },
          http,
          signal,
        );
        const { json, cart } = await readCart(signal);
        refreshTheme(
          {
            kind: 'add',
            response,
            cart: json,
            itemCount: cart.itemCount,
            variantId: line.variantId,
          },
          theme,
        );
        return cart;
      }),

    changeLine: (key, quantity, { signal }) =>
      serialised(signal, async () => {
        const updateCart = standardUpdateCart();
        if (updateCart) return writeWithAction(updateCart, [{ id: key, quantity }], signal);
        const body = { id: key, quantity, ...sectionFields() };
        const response = await shopifyRequest(
          `${root()}cart/change.js`,
          { method: 'POST', body },
          http,
          signal,
        );
        const cart = cartFromShopify(response, { root: root(), window: options.window });
        refreshTheme(
          { kind: 'change', response, cart: response, itemCount: cart.itemCount },
          theme,
        );
        return cart;
      }),

    getCart: ({ signal }) => serialised(signal, async () => (await readCart(signal)).cart),

    checkout() {
      win()?.location?.assign?.(`${root()}checkout`);
    },

    subscribe(onChange) {
      const lifetime = new AbortController();
      let scheduled = false;
      // Several triggers often arrive together (visibilitychange + pageshow): one read.
      const reload = () => {
        if (scheduled || lifetime.signal.aborted) return;
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          adapter.getCart!({ signal: lifetime.signal }).then(
            (cart) => {
              if (!lifetime.signal.aborted) onChange(cart);
            },
            () => undefined, // a failed background read changes nothing the shopper did
          );
        });
      };
      const stop = watchThemeCart(theme, reload);
      return () => {
        stop();
        lifetime.abort();
      };
    },
  };
  return adapter;
}
