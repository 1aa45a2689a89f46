import { isRecord } from '../../internal/is-record.js';
import { currentWindow } from '../shopify-conventions.js';
import {
  applySections,
  CART_LINES_UPDATE,
  CART_UPDATED_EVENT,
  currentDocument,
  dawnCartElement,
  detectTheme,
  pubSubCartUpdate,
  THEME_EVENT_SOURCE,
  type ThemeContext,
} from './shopify-theme.js';

// How each Shopify theme generation is told about a cart change Cuecart made; which generation
// runs is decided by detectTheme() in shopify-theme.ts. ADR 0021, docs/shopify.md.

/** What Cuecart is about to change, for {@link startThemeUpdate}. */
export interface ThemeIntent {
  action: 'add' | 'update' | 'remove';
  /** Variant added (adds). */
  variantId?: string | undefined;
  /** Line key changed (updates and removals). */
  lineKey?: string | undefined;
  quantity: number;
}

/** How a change ended, for {@link ThemeUpdate.done}. */
export interface ThemeOutcome {
  /**
   * The raw write response: `cart/add.js`'s added line item or `cart/change.js`'s cart, with
   * `sections` when they were asked for. Absent when the write's answer was lost and the
   * change was confirmed by reading the cart.
   */
  response?: unknown;
  /** The raw `cart.js` JSON after the change. */
  cart: unknown;
}

/** A theme refresh in progress: started before the write, finished with its outcome. */
export interface ThemeUpdate {
  /** The change happened: make the theme show it. */
  done(outcome: ThemeOutcome): void;
  /** The change did not happen; `cart` is the cart as it is, when known. */
  failed(cart?: unknown): void;
}

type Deferred = { promise: Promise<unknown>; resolve(v: unknown): void; reject(e: unknown): void };

function deferred(): Deferred {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Listeners may not attach; an unobserved rejection must not reach the console.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

const ajaxItems = (cart: unknown): Record<string, unknown>[] =>
  isRecord(cart) && Array.isArray(cart.items) ? cart.items.filter(isRecord) : [];

const itemCountOf = (cart: unknown): number =>
  isRecord(cart) && typeof cart.item_count === 'number'
    ? cart.item_count
    : ajaxItems(cart).reduce((n, i) => n + (typeof i.quantity === 'number' ? i.quantity : 0), 0);

/** AJAX hundredths as the Storefront API's decimal amount string. */
const decimalAmount = (value: unknown) => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? String(n / 100) : '0';
};

/**
 * The standard events' cart summary (`CartLinesUpdateResult.cart`) built from AJAX cart JSON:
 * the shape Horizon's `cart-icon.js` reads `totalQuantity` from.
 */
export function cartSummaryFromAjax(cart: unknown): Record<string, unknown> | null {
  if (!isRecord(cart)) return null;
  const currencyCode = typeof cart.currency === 'string' ? cart.currency : 'USD';
  const money = (value: unknown) => ({ amount: decimalAmount(value), currencyCode });
  return {
    id: `gid://shopify/Cart/${typeof cart.token === 'string' ? cart.token : ''}`,
    totalQuantity: itemCountOf(cart),
    cost: { totalAmount: money(cart.total_price) },
    lines: ajaxItems(cart).map((item) => ({
      id: String(item.key ?? item.id ?? ''),
      quantity: typeof item.quantity === 'number' ? item.quantity : 0,
      cost: { totalAmount: money(item.final_line_price ?? item.line_price) },
    })),
    discountCodes: Array.isArray(cart.discount_codes)
      ? cart.discount_codes.filter(isRecord).map((d) => ({
          code: String(d.code ?? ''),
          applicable: d.applicable !== false,
        }))
      : [],
  };
}

const sectionsOf = (response: unknown) =>
  isRecord(response) && isRecord(response.sections) ? response.sections : undefined;

/**
 * Horizon ≥ 4 (`assets/cart-icon.js`, `cart-drawer.js`, `component-cart-items.js`,
 * `header-actions.js` all listen on document): a `shopify:cart:lines-update` event dispatched
 * when the change starts, whose `promise` resolves to `{ cart, detail }` once it is done —
 * the shape Horizon's own product form (`assets/product-form.js`) resolves with. The drawer
 * opens itself only for `action: 'add'`.
 */
function horizonUpdate(intent: ThemeIntent, ctx: ThemeContext): ThemeUpdate {
  const doc = currentDocument(ctx);
  const result = deferred();
  const lines =
    intent.action === 'add'
      ? [
          {
            merchandiseId: `gid://shopify/ProductVariant/${intent.variantId ?? ''}`,
            quantity: intent.quantity,
          },
        ]
      : [{ id: intent.lineKey ?? '', quantity: intent.quantity }];
  const event = Object.assign(new Event(CART_LINES_UPDATE, { bubbles: true, composed: true }), {
    action: intent.action,
    context: intent.action === 'add' ? 'product' : 'cart',
    lines,
    promise: result.promise,
    detail: { source: THEME_EVENT_SOURCE },
  });
  doc?.dispatchEvent(event);
  const detail = (cart: unknown, response: unknown, didError: boolean) => ({
    items: ajaxItems(cart),
    itemCount: itemCountOf(cart),
    sections: sectionsOf(response),
    source: THEME_EVENT_SOURCE,
    sourceId: THEME_EVENT_SOURCE,
    didError,
  });
  return {
    done: ({ response, cart }) =>
      result.resolve({ cart: cartSummaryFromAjax(cart), detail: detail(cart, response, false) }),
    failed: (cart) => {
      if (cart === undefined) {
        // Unknown cart: an AbortError is the one rejection Horizon's listeners stay quiet on,
        // and a guessed count would be wrong.
        result.reject(new DOMException('The cart change did not complete.', 'AbortError'));
      } else {
        result.resolve({ cart: cartSummaryFromAjax(cart), detail: detail(cart, undefined, true) });
      }
    },
  };
}

/**
 * Horizon ≤ 3.5: the theme's `cart:update` event (`assets/events.js` `CartUpdateEvent`) with
 * `{ resource, sourceId, data: { source, itemCount, sections } }`. Its `cart-drawer.js` opens an
 * `auto-open` drawer on every `cart:update`, which is right after an add and wrong after a
 * quantity change: for changes the attribute is lifted for the (synchronous) dispatch only.
 */
function horizonLegacyUpdate(intent: ThemeIntent, ctx: ThemeContext): ThemeUpdate {
  const doc = currentDocument(ctx);
  return {
    done: ({ response, cart }) => {
      if (!doc) return;
      const held =
        intent.action === 'add'
          ? []
          : Array.from(doc.querySelectorAll('cart-drawer-component[auto-open]'));
      held.forEach((el) => el.removeAttribute('auto-open'));
      try {
        doc.dispatchEvent(
          new CustomEvent('cart:update', {
            bubbles: true,
            detail: {
              resource: cart,
              sourceId: THEME_EVENT_SOURCE,
              data: {
                source: THEME_EVENT_SOURCE,
                itemCount: itemCountOf(cart),
                sections: sectionsOf(response),
                variantId: intent.variantId,
                didError: false,
              },
            },
          }),
        );
      } finally {
        held.forEach((el) => el.setAttribute('auto-open', ''));
      }
    },
    failed: () => undefined,
  };
}

/**
 * Dawn (`assets/product-form.js`, `cart-drawer.js`, `cart.js`): remember the focused element
 * before the write (`setActiveElement`, so closing the drawer returns focus there); after an
 * add, `renderContents(response)` with the single added line and its sections (opens the
 * drawer or notification) and clear `is-empty`; after a change, swap the sections in place and
 * toggle `is-empty` by the new count. Then publish `cart-update` with the same `cartData` Dawn's
 * own forms publish: the added line item on add, the cart on change.
 */
function dawnUpdate(intent: ThemeIntent, ctx: ThemeContext): ThemeUpdate {
  const win = currentWindow(ctx.window);
  const doc = currentDocument(ctx);
  const element = dawnCartElement(ctx);
  try {
    if (intent.action === 'add' && typeof element?.setActiveElement === 'function') {
      element.setActiveElement(doc?.activeElement ?? null);
    }
  } catch {
    // A customised theme element may throw; focus restoration is a nicety.
  }
  return {
    done: ({ response, cart }) => {
      const sections = sectionsOf(response);
      const count = itemCountOf(cart);
      try {
        if (intent.action === 'add' && sections && typeof element?.renderContents === 'function') {
          element.renderContents(response);
        } else if (sections) {
          applySections(sections, ctx);
        }
      } catch {
        applySections(sections, ctx);
      }
      for (const el of [
        doc?.querySelector('cart-drawer'),
        doc?.querySelector('cart-drawer-items'),
        doc?.querySelector('cart-items'),
        doc?.getElementById('main-cart-footer'),
      ]) {
        el?.classList.toggle('is-empty', count === 0);
      }
      const cartUpdate = pubSubCartUpdate(win);
      if (cartUpdate && typeof win?.publish === 'function') {
        try {
          void Promise.resolve(
            win.publish(cartUpdate, {
              source: THEME_EVENT_SOURCE,
              productVariantId: intent.variantId,
              cartData: intent.action === 'add' && isRecord(response) ? response : cart,
            }),
          ).catch(() => undefined);
        } catch {
          // Subscribers are the theme's; their failures are not the cart's.
        }
      }
    },
    failed: () => undefined,
  };
}

/** Unknown themes: sections in place, `cuecart-cart-updated` on document, optional reload. */
function fallbackUpdate(intent: ThemeIntent, ctx: ThemeContext): ThemeUpdate {
  const doc = currentDocument(ctx);
  return {
    done: ({ response, cart }) => {
      applySections(sectionsOf(response), ctx);
      doc?.dispatchEvent(
        new CustomEvent(CART_UPDATED_EVENT, {
          bubbles: true,
          detail: { action: intent.action, cart, source: THEME_EVENT_SOURCE },
        }),
      );
      if (ctx.reloadUnknownTheme) currentWindow(ctx.window)?.location?.reload?.();
    },
    failed: () => undefined,
  };
}

/**
 * Starts refreshing the theme's own cart UI for a change Cuecart is about to write through the
 * AJAX API, the way the detected theme generation expects ({@link detectTheme}). Call it right
 * before the write, then `done` or `failed`. Never throws: a theme that breaks must not break
 * the cart.
 */
export function startThemeUpdate(
  intent: ThemeIntent,
  ctx: ThemeContext,
  generation = detectTheme(ctx),
): ThemeUpdate {
  const guard = (update: () => ThemeUpdate): ThemeUpdate => {
    let inner: ThemeUpdate | undefined;
    try {
      inner = update();
    } catch {
      inner = undefined;
    }
    const safely = (fn: () => void) => {
      try {
        fn();
      } catch {
        // Theme listeners are not ours to crash on.
      }
    };
    return {
      done: (outcome) => safely(() => inner?.done(outcome)),
      failed: (cart) => safely(() => inner?.failed(cart)),
    };
  };
  if (generation === 'horizon') return guard(() => horizonUpdate(intent, ctx));
  if (generation === 'horizon-legacy') return guard(() => horizonLegacyUpdate(intent, ctx));
  if (generation === 'dawn') return guard(() => dawnUpdate(intent, ctx));
  return guard(() => fallbackUpdate(intent, ctx));
}
