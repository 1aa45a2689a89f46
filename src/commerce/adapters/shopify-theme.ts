import { isRecord } from '../../internal/is-record.js';
import { sectionNodes } from '../../internal/section-html.js';
import { currentWindow, type ShopifyWindow } from '../shopify-conventions.js';

// Dawn declares this with `const` in a classic script: a global binding that is not a window
// property, visible to modules by name only.
declare const PUB_SUB_EVENTS: { cartUpdate?: string } | undefined;

/** The source name Cuecart stamps on theme events, so it can ignore its own echoes. */
export const THEME_EVENT_SOURCE = 'cuecart';

/** The standard storefront event every Horizon ≥ 4 cart listener follows. */
export const CART_LINES_UPDATE = 'shopify:cart:lines-update';

/** The document event Cuecart dispatches after a change on a theme it does not recognise. */
export const CART_UPDATED_EVENT = 'cuecart-cart-updated';

/**
 * Theme generations whose cart UI Cuecart knows how to refresh (docs/shopify.md):
 * - `horizon` — Horizon ≥ 4 and themes built on it: standard `shopify:cart:lines-update` events.
 * - `horizon-legacy` — Horizon ≤ 3.5: the theme's own `cart:update` document event.
 * - `dawn` — Dawn and its family: section rendering through `<cart-drawer>` /
 *   `<cart-notification>`, pub/sub `cart-update`.
 * - `unknown` — none of these: `cuecart-cart-updated` on document (and optionally a reload).
 */
export type ThemeGeneration = 'horizon' | 'horizon-legacy' | 'dawn' | 'unknown';

/** Where the theme lives: injectable for tests, the page's globals by default (read lazily). */
export interface ThemeContext {
  window?: ShopifyWindow | undefined;
  document?: Document | undefined;
  /** Section ids to re-render; false turns section rendering off. Default: ask the theme. */
  sections?: string[] | false | undefined;
  /** Forces a generation instead of detecting it. Default `'auto'`. */
  theme?: ThemeGeneration | 'auto' | undefined;
  /** On an `unknown` theme, reload the page after a change (stops the video). Default false. */
  reloadUnknownTheme?: boolean | undefined;
}

/** Dawn's `<cart-drawer>` / `<cart-notification>` element API, when present. */
interface DawnCartElement extends Element {
  getSectionsToRender?: () => { id: string }[];
  renderContents?: (response: unknown) => void;
  setActiveElement?: (element: Element | null) => void;
}

const currentDocument = (ctx: ThemeContext): Document | undefined =>
  ctx.document ?? (typeof document === 'undefined' ? undefined : document);

function dawnCartElement(ctx: ThemeContext): DawnCartElement | null {
  const doc = currentDocument(ctx);
  return doc?.querySelector('cart-notification') ?? doc?.querySelector('cart-drawer') ?? null;
}

/** The page's import map entries (Horizon declares its modules there), or an empty object. */
function importMap(doc: Document | undefined): Record<string, unknown> {
  const script = doc?.querySelector?.('script[type="importmap"]');
  try {
    const json: unknown = JSON.parse(script?.textContent ?? '{}');
    return isRecord(json) && isRecord(json.imports) ? json.imports : {};
  } catch {
    return {};
  }
}

function pubSubCartUpdate(win: ShopifyWindow | undefined): string | undefined {
  const fromWindow = win?.PUB_SUB_EVENTS?.cartUpdate;
  if (fromWindow) return fromWindow;
  if (win !== currentWindow()) return undefined;
  return typeof PUB_SUB_EVENTS === 'undefined' ? undefined : PUB_SUB_EVENTS?.cartUpdate;
}

/**
 * Which theme generation the page runs, read from what the theme itself loads (so renamed and
 * derived themes are recognised): Horizon's import map maps `@shopify/events` from 4.0 on and
 * only `@theme/events` before; Dawn publishes through `PUB_SUB_EVENTS` and renders its cart
 * through `<cart-drawer>` / `<cart-notification>`. `Shopify.theme.schema_name` and
 * `schema_version` break ties when the import map is missing. Read at every change: themes
 * load their scripts after Cuecart.
 */
export function detectTheme(ctx: ThemeContext): ThemeGeneration {
  if (ctx.theme && ctx.theme !== 'auto') return ctx.theme;
  const doc = currentDocument(ctx);
  const win = currentWindow(ctx.window);
  const imports = importMap(doc);
  if ('@shopify/events' in imports) return 'horizon';
  if ('@theme/events' in imports) return 'horizon-legacy';
  const info = win?.Shopify?.theme;
  if (info && /horizon/i.test(String(info.schema_name ?? ''))) {
    return Number.parseInt(String(info.schema_version ?? '0'), 10) >= 4
      ? 'horizon'
      : 'horizon-legacy';
  }
  if (pubSubCartUpdate(win) || dawnCartElement(ctx)) return 'dawn';
  if (doc?.querySelector?.('cart-items-component[data-section-id]')) return 'horizon';
  return 'unknown';
}

/** Horizon's cart sections: every `cart-items-component[data-section-id]` (drawer, cart page). */
function horizonSections(doc: Document): string[] {
  const ids = Array.from(doc.querySelectorAll('cart-items-component[data-section-id]'))
    .map((el) => (el as HTMLElement).dataset.sectionId ?? '')
    .filter(Boolean);
  return [...new Set(ids)];
}

/**
 * Section ids to ask for with a write (Shopify's section rendering in `cart/add.js` and
 * `cart/change.js`): the caller's list, else what the theme's own forms ask for — Horizon's
 * `cart-items-component[data-section-id]`, Dawn's `getSectionsToRender()` — else the cart icon
 * bubble most themes have. Null when section rendering is off or there is no page.
 */
export function themeSections(ctx: ThemeContext, generation = detectTheme(ctx)): string[] | null {
  const doc = currentDocument(ctx);
  if (ctx.sections === false || !doc) return null;
  if (Array.isArray(ctx.sections)) return ctx.sections;
  if (generation === 'horizon' || generation === 'horizon-legacy') {
    const ids = horizonSections(doc);
    return ids.length ? ids : null;
  }
  const element = dawnCartElement(ctx);
  if (typeof element?.getSectionsToRender === 'function') {
    try {
      const ids = element
        .getSectionsToRender()
        .map((s) => s.id)
        .filter(Boolean);
      if (ids.length) return [...new Set(ids)];
    } catch {
      // A customised theme element that throws is no reason to fail the cart write.
    }
  }
  return ['cart-icon-bubble'];
}

/** Replaces each section's markup in place: `#{id}`, else `#shopify-section-{id}`. */
export function applySections(sections: unknown, ctx: ThemeContext): void {
  const doc = currentDocument(ctx);
  if (!doc || !isRecord(sections)) return;
  for (const [id, html] of Object.entries(sections)) {
    if (typeof html !== 'string') continue;
    const target = doc.getElementById(id) ?? doc.getElementById(`shopify-section-${id}`);
    if (!target) continue;
    const nodes = sectionNodes(html, doc);
    if (nodes) target.replaceChildren(...nodes);
  }
}

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

/**
 * Calls `reload` whenever the cart may have changed outside Cuecart: the tab becomes visible,
 * the page comes back from the back/forward cache, the theme announces a cart change (Horizon
 * ≤ 3.5 `cart:update`, standard `shopify:cart:lines-update` once its promise settles, Dawn
 * pub/sub `cart-update`) that is not Cuecart's own. Returns the function that removes every
 * listener.
 */
export function watchThemeCart(ctx: ThemeContext, reload: () => void): () => void {
  const win = currentWindow(ctx.window);
  const doc = currentDocument(ctx);
  const cleanups: (() => void)[] = [];
  const listen = (
    target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined,
    type: string,
    handler: (event: Event) => void,
  ) => {
    if (!target?.addEventListener) return;
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  listen(doc, 'visibilitychange', () => {
    if (doc?.visibilityState === 'visible') reload();
  });
  listen(win as EventTarget | undefined, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) reload();
  });
  listen(doc, 'cart:update', (event) => {
    const detail = (event as CustomEvent).detail;
    if (detail?.data?.source !== THEME_EVENT_SOURCE && detail?.sourceId !== THEME_EVENT_SOURCE) {
      reload();
    }
  });
  listen(doc, CART_LINES_UPDATE, (event) => {
    const standard = event as Event & { promise?: Promise<unknown>; detail?: { source?: string } };
    if (standard.detail?.source === THEME_EVENT_SOURCE) return;
    // The standard event fires when the change starts; read the cart once it is done.
    void Promise.resolve(standard.promise)
      .catch(() => undefined)
      .then(reload);
  });
  const cartUpdate = pubSubCartUpdate(win);
  if (cartUpdate && typeof win?.subscribe === 'function') {
    const unsubscribe = win.subscribe(cartUpdate, (data) => {
      if (!isRecord(data) || data.source !== THEME_EVENT_SOURCE) reload();
    });
    if (typeof unsubscribe === 'function') cleanups.push(unsubscribe);
  }
  return () => cleanups.splice(0).forEach((cleanup) => cleanup());
}
