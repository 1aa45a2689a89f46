import { isRecord } from '../../internal/is-record.js';
import { abortReason } from '../abort.js';
import {
  CheckoutError,
  type Cart,
  type CartLineInput,
  type CheckoutAdapter,
  type CheckoutErrorReason,
} from '../checkout-adapter.js';
import { currentWindow, shopifyRoot, type ShopifyWindow } from '../shopify-conventions.js';
import {
  cartFromShopify,
  isAmbiguousFailure,
  reasonFromShopifyText,
  shopifyRequest,
  type ShopifyHttpOptions,
} from './shopify-http.js';
import { startThemeUpdate } from './shopify-theme-refresh.js';
import {
  detectTheme,
  THEME_EVENT_SOURCE,
  themeSections,
  watchThemeCart,
  type ThemeContext,
  type ThemeGeneration,
} from './shopify-theme.js';
import { SHOPPER_MESSAGES } from '../shopper-messages.js';

/** Options of {@link shopifyAdapter}. Everything is optional and read at call time. */
export interface ShopifyAdapterOptions {
  /** Store root; default `Shopify.routes.root`, else `/`. */
  root?: string;
  fetch?: typeof fetch;
  window?: ShopifyWindow;
  document?: Document;
  /** Per-request timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after 429, 409 and 503-with-`Retry-After` answers. Default 4. */
  retries?: number;
  /** First backoff step (doubled per attempt, plus jitter). Default 500 ms. */
  retryDelayMs?: number;
  /** Longest `Retry-After` worth waiting for; longer fails as `rate-limited`. Default 10 s. */
  maxRetryDelayMs?: number;
  /** Theme sections to re-render after a write; false = none. Default: ask the theme. */
  sections?: string[] | false;
  /**
   * Write through `Shopify.actions.updateCart` (standard storefront actions). `'auto'` (default)
   * uses it where it refreshes the cart in place: when the theme configured its own handler,
   * and on Horizon ≥ 4, which points the action's events at its cart drawer. Elsewhere the
   * default handler may reload the page, which would stop the video.
   */
  standardActions?: 'auto' | boolean;
  /** Theme generation to refresh; default `'auto'` (detected at each change). */
  theme?: ThemeGeneration | 'auto';
  /** On a theme Cuecart does not recognise, reload the page after a change. Default false. */
  reloadUnknownTheme?: boolean;
  /**
   * Where the show an add came from is recorded. `'cart-attributes'` (default): the
   * `_cuecart_video` cart attribute, written once per show, so lines never split by show or
   * moment. `'line-properties'`: a hidden `_cuecart_video` line property on each line (the same
   * variant added from two shows becomes two lines). `false`: nowhere.
   */
  attribution?: 'cart-attributes' | 'line-properties' | false;
}

type UpdateCart = ((payload: unknown, options?: unknown) => Promise<unknown>) & {
  isDefault?: () => boolean;
};
type Json = Record<string, unknown>;

/** Line and cart property names Cuecart writes for attribution. */
const ATTRIBUTION_PREFIX = '_cuecart_';
const VIDEO_ATTRIBUTE = '_cuecart_video';

/** Shopify wants numeric variant ids; anything else is passed on for Shopify to refuse. */
const variantIdValue = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : id);

/** Total quantity of a variant over all cart lines (Shopify merges equal lines, hosts may not). */
const variantQuantity = (cart: Cart, variantId: string) =>
  cart.lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);

/** Maps standard-action `userErrors` (Storefront API codes or text) to a CheckoutError. */
function errorFromUserErrors(errors: unknown[]): CheckoutError {
  const first = (errors.find(isRecord) ?? {}) as Json;
  const code = typeof first.code === 'string' ? first.code : '';
  const text = typeof first.message === 'string' ? first.message : '';
  let reason: CheckoutErrorReason = reasonFromShopifyText(text) ?? 'rejected';
  if (/OUT_OF_STOCK/.test(code)) reason = 'out-of-stock';
  else if (/NOT_ENOUGH_STOCK|MAXIMUM|LIMIT/.test(code)) reason = 'quantity-limit';
  // Storefront API user errors are written for shoppers; codes alone are not.
  return new CheckoutError(reason, text || SHOPPER_MESSAGES[reason], { cause: errors });
}

/**
 * Adapter for Shopify Online Store themes: the AJAX Cart API under `Shopify.routes.root`, one
 * write at a time, with retries for 429/409/503, errors mapped to `CheckoutError` reasons, adds
 * reconciled against the cart after any ambiguous failure (exactly once from the shopper's
 * view), the theme's own cart UI refreshed the way its generation expects, and host-side
 * changes pushed back through `subscribe`. See docs/adapters.md and docs/shopify.md.
 */
export function shopifyAdapter(options: ShopifyAdapterOptions = {}): CheckoutAdapter {
  const http: ShopifyHttpOptions = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 4,
    retryDelayMs: options.retryDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
  };
  const theme: ThemeContext = {
    window: options.window,
    document: options.document,
    sections: options.sections,
    theme: options.theme,
    reloadUnknownTheme: options.reloadUnknownTheme,
  };
  const attribution = options.attribution ?? 'cart-attributes';
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

  async function readCart(signal: AbortSignal): Promise<{ json: Json; cart: Cart }> {
    const json = (await shopifyRequest(
      `${root()}cart.js`,
      { method: 'GET' },
      http,
      signal,
    )) as Json;
    return { json, cart: cartFromShopify(json, { root: root(), window: options.window }) };
  }

  function standardUpdateCart(generation: ThemeGeneration): UpdateCart | null {
    const updateCart = win()?.Shopify?.actions?.updateCart as UpdateCart | undefined;
    if (typeof updateCart !== 'function' || options.standardActions === false) return null;
    if (options.standardActions === true) return updateCart;
    // Horizon ≥ 4 configures the action's event target (assets/standard-actions-override.js),
    // so the default handler refreshes its drawer in place.
    if (generation === 'horizon') return updateCart;
    try {
      return updateCart.isDefault?.() === false ? updateCart : null;
    } catch {
      return null;
    }
  }

  function sectionFields(generation: ThemeGeneration) {
    const sections = themeSections(theme, generation);
    if (!sections) return {};
    return { sections: sections.join(','), sections_url: win()?.location?.pathname ?? '/' };
  }

  /** Splits the caller's properties into what goes on the line and the show to attribute. */
  function lineProperties(line: CartLineInput) {
    const properties: Record<string, string> = {};
    let video: string | undefined;
    for (const [key, value] of Object.entries(line.properties ?? {})) {
      if (key === VIDEO_ATTRIBUTE) video = value;
      // Per-moment properties (`_cuecart_cue`) would split one variant over several lines.
      else if (!key.startsWith(ATTRIBUTION_PREFIX)) properties[key] = value;
    }
    if (video && attribution === 'line-properties') properties[VIDEO_ATTRIBUTE] = video;
    return { properties, video: attribution === 'cart-attributes' ? video : undefined };
  }

  /**
   * Records the show in the cart's attributes once. Queued behind the add rather than awaited by
   * it, so the shopper's add resolves as soon as the cart is confirmed; attribution never fails
   * an add.
   */
  function attribute(video: string | undefined, cartJson: Json) {
    const attributes = isRecord(cartJson.attributes) ? cartJson.attributes : {};
    if (!video || attributes[VIDEO_ATTRIBUTE] === video) return;
    const signal = new AbortController().signal;
    void serialised(signal, () =>
      shopifyRequest(
        `${root()}cart/update.js`,
        { method: 'POST', body: { attributes: { [VIDEO_ATTRIBUTE]: video } } },
        http,
        signal,
      ),
    ).catch(() => undefined); // for the merchant's reports only
  }

  /** The added line item as `cart/add.js` would have answered, rebuilt from the cart. */
  function addedItem(cartJson: Json, variantId: string): Json | undefined {
    const items = Array.isArray(cartJson.items) ? cartJson.items.filter(isRecord) : [];
    return items.find((item) => String(item.variant_id ?? item.id) === variantId);
  }

  /**
   * After an ambiguous failure of a write: read the cart and tell whether the line is there.
   * Resolves with the cart when it is; rejects with what the shopper should be told otherwise.
   */
  async function reconcileAdd(
    failure: CheckoutError,
    before: Cart,
    line: CartLineInput,
    signal: AbortSignal,
  ): Promise<{ json: Json; cart: Cart }> {
    let after: { json: Json; cart: Cart };
    try {
      after = await readCart(signal);
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw new CheckoutError('unconfirmed', SHOPPER_MESSAGES.unconfirmed, {
        cause: { failure, reread: error },
      });
    }
    if (variantQuantity(after.cart, line.variantId) > variantQuantity(before, line.variantId)) {
      return after;
    }
    // A timed-out request may still be applied after this read; say so rather than invite a
    // second add. A 5xx or an unreadable answer came after the store finished: not applied.
    if (failure.reason === 'timeout') {
      throw new CheckoutError('unconfirmed', SHOPPER_MESSAGES.unconfirmed, { cause: failure });
    }
    throw failure;
  }

  async function addThroughAction(
    updateCart: UpdateCart,
    line: CartLineInput,
    properties: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ json: Json; cart: Cart }> {
    const attributes = Object.entries(properties).map(([key, value]) => ({ key, value }));
    const result = await updateCart(
      { lines: [{ merchandiseId: line.variantId, quantity: line.quantity, attributes }] },
      { signal, event: { context: 'product', detail: { source: THEME_EVENT_SOURCE } } },
    );
    const userErrors =
      isRecord(result) && Array.isArray(result.userErrors) ? result.userErrors : [];
    if (userErrors.length) throw errorFromUserErrors(userErrors);
    return readCart(signal);
  }

  async function addToCart(line: CartLineInput, signal: AbortSignal): Promise<Cart> {
    const generation = detectTheme(theme);
    const { properties, video } = lineProperties(line);
    // The cart before the write: the only way to tell, after a lost answer, whether it landed.
    const before = await readCart(signal);
    const updateCart = standardUpdateCart(generation);
    let after: { json: Json; cart: Cart };
    if (updateCart) {
      try {
        after = await addThroughAction(updateCart, line, properties, signal);
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        if (error instanceof CheckoutError && !isAmbiguousFailure(error)) throw error;
        // The action threw without saying what happened: treat it like a lost answer.
        const failure =
          error instanceof CheckoutError
            ? error
            : new CheckoutError('network', SHOPPER_MESSAGES.network, { cause: error });
        after = await reconcileAdd(failure, before.cart, line, signal);
      }
      attribute(video, after.json);
      return after.cart;
    }
    const update = startThemeUpdate(
      { action: 'add', variantId: line.variantId, quantity: line.quantity },
      theme,
      generation,
    );
    // One line per request, as a theme's product form sends it: the answer is the added line
    // item, which is what Dawn's renderContents and cart-update subscribers expect.
    const body = {
      id: variantIdValue(line.variantId),
      quantity: line.quantity,
      ...(Object.keys(properties).length ? { properties } : {}),
      ...sectionFields(generation),
    };
    let response: unknown;
    let confirmed: { json: Json; cart: Cart } | undefined;
    try {
      response = await shopifyRequest(
        `${root()}cart/add.js`,
        { method: 'POST', body },
        http,
        signal,
      );
    } catch (error) {
      if (signal.aborted || !isAmbiguousFailure(error)) {
        update.failed(signal.aborted ? undefined : before.json);
        throw error;
      }
      try {
        confirmed = await reconcileAdd(error as CheckoutError, before.cart, line, signal);
      } catch (final) {
        update.failed(undefined);
        throw final;
      }
      // Applied although the answer was lost: rebuild the answer the theme expects.
      const sections = await fetchSections(generation, signal);
      response = {
        ...addedItem(confirmed.json, line.variantId),
        ...(sections ? { sections } : {}),
      };
    }
    try {
      // Shopify's add answers with the line, not the cart.
      after = confirmed ?? (await readCart(signal));
    } catch (error) {
      update.failed(undefined);
      if (signal.aborted) throw abortReason(signal);
      // The add landed; only the cart to show is missing.
      throw new CheckoutError('unconfirmed', SHOPPER_MESSAGES.unconfirmed, { cause: error });
    }
    update.done({ response, cart: after.json });
    attribute(video, after.json);
    return after.cart;
  }

  /** The theme's cart sections through the Section Rendering API; undefined on any failure. */
  async function fetchSections(generation: ThemeGeneration, signal: AbortSignal) {
    const ids = themeSections(theme, generation);
    if (!ids?.length) return undefined;
    try {
      const json = await shopifyRequest(
        `${root()}?sections=${encodeURIComponent(ids.join(','))}`,
        { method: 'GET' },
        http,
        signal,
      );
      return isRecord(json) ? json : undefined;
    } catch {
      return undefined;
    }
  }

  async function changeLine(key: string, quantity: number, signal: AbortSignal): Promise<Cart> {
    const generation = detectTheme(theme);
    const updateCart = standardUpdateCart(generation);
    if (updateCart) {
      let result: unknown;
      try {
        result = await updateCart(
          { lines: [{ id: key, quantity }] },
          { signal, event: { context: 'cart', detail: { source: THEME_EVENT_SOURCE } } },
        );
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        if (error instanceof CheckoutError) throw error;
        // Setting a quantity is idempotent: the cart read by the store's re-sync tells the rest.
        throw new CheckoutError('network', SHOPPER_MESSAGES.network, { cause: error });
      }
      const userErrors =
        isRecord(result) && Array.isArray(result.userErrors) ? result.userErrors : [];
      if (userErrors.length) throw errorFromUserErrors(userErrors);
      return (await readCart(signal)).cart;
    }
    const update = startThemeUpdate(
      { action: quantity > 0 ? 'update' : 'remove', lineKey: key, quantity },
      theme,
      generation,
    );
    try {
      const body = { id: key, quantity, ...sectionFields(generation) };
      const response = await shopifyRequest(
        `${root()}cart/change.js`,
        { method: 'POST', body },
        http,
        signal,
      );
      const cart = cartFromShopify(response, { root: root(), window: options.window });
      update.done({ response, cart: response });
      return cart;
    } catch (error) {
      if (signal.aborted || !isAmbiguousFailure(error)) {
        update.failed(undefined);
        throw error;
      }
      // Setting a quantity is idempotent, so a lost answer is settled by looking: the line at
      // the asked quantity (or gone, for 0) means the change happened.
      try {
        const after = await readCart(signal);
        const line = after.cart.lines.find((l) => l.key === key);
        if ((line?.quantity ?? 0) === quantity) {
          update.done({ cart: after.json });
          return after.cart;
        }
        update.failed(after.json);
      } catch {
        update.failed(undefined);
      }
      throw error;
    }
  }

  const adapter: CheckoutAdapter = {
    addToCart: (line, { signal }) => serialised(signal, () => addToCart(line, signal)),

    changeLine: (key, quantity, { signal }) =>
      serialised(signal, () => changeLine(key, quantity, signal)),

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
