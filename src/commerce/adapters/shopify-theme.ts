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
export interface DawnCartElement extends Element {
  getSectionsToRender?: () => { id: string }[];
  renderContents?: (response: unknown) => void;
  setActiveElement?: (element: Element | null) => void;
}

/** The given document, else the global one at call time (undefined on a server). */
export const currentDocument = (ctx: ThemeContext): Document | undefined =>
  ctx.document ?? (typeof document === 'undefined' ? undefined : document);

/** Dawn's cart element: `<cart-notification>`, else `<cart-drawer>`, else null. */
export function dawnCartElement(ctx: ThemeContext): DawnCartElement | null {
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

/** Dawn's pub/sub event name for cart updates (`PUB_SUB_EVENTS.cartUpdate`), when present. */
export function pubSubCartUpdate(win: ShopifyWindow | undefined): string | undefined {
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
