import { isRecord } from '../../internal/is-record.js';
import { sectionNodes } from '../../internal/section-html.js';
import { currentWindow, type ShopifyWindow } from '../shopify-conventions.js';

// Dawn declares this with `const` in a classic script: a global binding that is not a window
// property, visible to modules by name only.
declare const PUB_SUB_EVENTS: { cartUpdate?: string } | undefined;

/** The source name Cuecart stamps on theme events, so it can ignore its own echoes. */
export const THEME_EVENT_SOURCE = 'cuecart';

/** Where the theme lives: injectable for tests, the page's globals by default (read lazily). */
export interface ThemeContext {
  window?: ShopifyWindow | undefined;
  document?: Document | undefined;
  /** Section ids to re-render; false turns section rendering off. Default: ask the theme. */
  sections?: string[] | false | undefined;
}

/** Dawn's `<cart-drawer>` / `<cart-notification>` element API, when present. */
interface DawnCartElement extends Element {
  getSectionsToRender?: () => { id: string }[];
  renderContents?: (response: unknown) => void;
}

const currentDocument = (ctx: ThemeContext): Document | undefined =>
  ctx.document ?? (typeof document === 'undefined' ? undefined : document);

function cartElement(ctx: ThemeContext): DawnCartElement | null {
  const doc = currentDocument(ctx);
  return doc?.querySelector('cart-notification') ?? doc?.querySelector('cart-drawer') ?? null;
}

/**
 * Section ids to ask for with a write (Shopify's section rendering in `cart/add.js` and
 * `cart/change.js`): the caller's list, else what the theme's cart element renders, else the
 * cart icon bubble most themes have. Null when section rendering is off or there is no page.
 */
export function themeSections(ctx: ThemeContext): string[] | null {
  if (ctx.sections === false || !currentDocument(ctx)) return null;
  if (Array.isArray(ctx.sections)) return ctx.sections;
  const element = cartElement(ctx);
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

function pubSubCartUpdate(win: ShopifyWindow | undefined): string | undefined {
  const fromWindow = win?.PUB_SUB_EVENTS?.cartUpdate;
  if (fromWindow) return fromWindow;
  if (win !== currentWindow()) return undefined;
  return typeof PUB_SUB_EVENTS === 'undefined' ? undefined : PUB_SUB_EVENTS?.cartUpdate;
}

/** What changed, for {@link refreshTheme}. */
export interface ThemeChange {
  kind: 'add' | 'change';
  /** The raw `cart/add.js` or `cart/change.js` response (with `sections` when asked for). */
  response: unknown;
  /** The raw cart JSON after the change. */
  cart: unknown;
  itemCount: number;
  variantId?: string | undefined;
}

/**
 * Makes the theme's own cart UI show a change made through the AJAX API: Dawn-style section
 * rendering (the cart element's `renderContents`, else in-place replacement), then Dawn's
 * pub/sub `cart-update` when the theme has it, else Horizon's `cart:update` document event.
 * Never throws: a theme that breaks must not break the cart.
 */
export function refreshTheme(change: ThemeChange, ctx: ThemeContext): void {
  const win = currentWindow(ctx.window);
  const doc = currentDocument(ctx);
  const sections = isRecord(change.response) ? change.response.sections : undefined;
  try {
    if (isRecord(sections)) {
      const element = cartElement(ctx);
      const items = isRecord(change.response) ? change.response.items : undefined;
      // renderContents opens Dawn's drawer/notification for the added item; on a quantity
      // change that would be wrong, so changes only swap markup in place.
      if (change.kind === 'add' && typeof element?.renderContents === 'function') {
        const item = Array.isArray(items) && isRecord(items[0]) ? items[0] : {};
        element.renderContents({ ...item, sections });
      } else {
        applySections(sections, ctx);
      }
    }
  } catch {
    // The theme's renderContents threw: swap the markup ourselves (this never throws).
    applySections(sections, ctx);
  }
  try {
    const cartUpdate = pubSubCartUpdate(win);
    if (cartUpdate && typeof win?.publish === 'function') {
      void Promise.resolve(
        win.publish(cartUpdate, {
          source: THEME_EVENT_SOURCE,
          productVariantId: change.variantId,
          cartData: change.kind === 'add' ? change.response : change.cart,
        }),
      ).catch(() => undefined);
    } else {
      doc?.dispatchEvent(
        new CustomEvent('cart:update', {
          bubbles: true,
          detail: {
            resource: change.cart,
            sourceId: THEME_EVENT_SOURCE,
            data: { source: THEME_EVENT_SOURCE, itemCount: change.itemCount },
          },
        }),
      );
    }
  } catch {
    // Same as above: theme listeners are not ours to crash on.
  }
}

/**
 * Calls `reload` whenever the cart may have changed outside Cuecart: the tab becomes visible,
 * the page comes back from the back/forward cache, the theme announces a cart change (Horizon
 * `cart:update`, standard `shopify:cart:lines-update`, Dawn pub/sub `cart-update`) that is not
 * Cuecart's own. Returns the function that removes every listener.
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
    const data = (event as CustomEvent).detail?.data;
    if (data?.source !== THEME_EVENT_SOURCE) reload();
  });
  listen(doc, 'shopify:cart:lines-update', (event) => {
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
