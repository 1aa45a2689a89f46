// A fake of Horizon 4's cart UI, written from a reading of Shopify/horizon v4.1.3 (commit
// cd022a36); licence forbids copying it, so this is our own code doing what those files do:
// - assets/cart-icon.js `onCartUpdate`: on `shopify:cart:lines-update` (document), wait for
//   `event.promise`, set the bubble to `cart.totalQuantity ?? detail.itemCount ?? 0`; a rejected
//   promise logs `console.warn` unless it is an AbortError.
// - assets/cart-drawer.js `#handleCartLinesUpdate`: auto-open only when the drawer has
//   `auto-open` and `event.action === 'add'`; opens at once if the cart is not empty, else once
//   the promise resolves without `detail.didError`.
// - assets/component-cart-items.js `#handleCartUpdate`: ignores its own events; morphs its
//   section from `detail.sections[sectionId]`, else re-renders the section from the server;
//   `updateQuantity` (the drawer's own quantity change): dispatches the event with action
//   `update` / `remove` and context `cart`, posts `cart/change.js` by line with its section,
//   resolves `{ cart, detail: { sections, items, itemCount, source, didError } }`.
// - snippets/scripts.liquid: the import map declares `@shopify/events` (what Cuecart detects;
//   here the fake sets `Shopify.theme` instead, see `window`).
import { deferred } from '../../../helpers/deferred.js';
import { changeLine, type AjaxCart } from './common.js';
import { mountHorizonCart } from './horizon-cart.js';

const EVENT = 'shopify:cart:lines-update';
/** Horizon names sections per template; the cart drawer's looks like this. */
export const HORIZON_DRAWER_SECTION = 'sections--24__cart-drawer';

interface LinesUpdateEvent extends Event {
  action?: string;
  promise?: Promise<{
    cart?: { totalQuantity?: number } | null;
    detail?: { sections?: Record<string, string>; itemCount?: number; didError?: boolean };
  }>;
}

const summary = (cart: AjaxCart) => ({
  id: `gid://shopify/Cart/${cart.token}`,
  totalQuantity: cart.item_count,
});

/** Installs the fake Horizon 4 cart UI on the test page. */
export function installHorizon4() {
  const ui = mountHorizonCart<LinesUpdateEvent>({
    sectionId: HORIZON_DRAWER_SECTION,
    schemaVersion: '4.1.3',
    markup: `
    <header-actions>
      <cart-icon class="header-actions__cart-icon">
        <span class="cart-bubble visually-hidden"><span class="cart-bubble__text-count hidden">0</span></span>
      </cart-icon>
    </header-actions>
    <theme-drawer id="cart-drawer">
      <cart-drawer-component auto-open>
        <cart-items-component data-section-id="${HORIZON_DRAWER_SECTION}">
          <div id="shopify-section-${HORIZON_DRAWER_SECTION}" class="shopify-section"><ul></ul></div>
        </cart-items-component>
      </cart-drawer-component>
    </theme-drawer>`,
  });
  const { count, drawer, items, section, morph } = ui;
  const state = Object.assign(ui.state, { warnings: [] as unknown[] });
  const warnUnlessAbort = (error: unknown) => {
    if ((error as { name?: string })?.name !== 'AbortError') state.warnings.push(error);
  };
  const isCartEmpty = () => !section().querySelector('li[data-key]');

  ui.listen(EVENT, (event) => {
    // cart-icon.js
    event.promise
      ?.then(({ cart, detail }) => {
        const n = cart?.totalQuantity ?? detail?.itemCount ?? 0;
        count.textContent = String(n);
        count.classList.toggle('hidden', n === 0);
      })
      .catch(warnUnlessAbort);
    // cart-drawer.js
    const autoOpen = drawer.hasAttribute('auto-open') && event.action === 'add' && !state.open;
    if (autoOpen && !isCartEmpty()) state.open = true;
    event.promise
      ?.then(({ detail }) => {
        if (autoOpen && !detail?.didError) state.open = true;
      })
      .catch(warnUnlessAbort);
    // component-cart-items.js
    if (event.target === items) return;
    event.promise
      ?.then(async ({ detail }) => {
        const html = detail?.sections?.[HORIZON_DRAWER_SECTION];
        if (html) morph(html);
        else await ui.renderFromServer();
      })
      .catch(warnUnlessAbort);
  });

  return {
    ...ui.fake,
    state,
    /** The drawer's own quantity control (component-cart-items.js `updateQuantity`). */
    async changeInDrawer(line: number, quantity: number) {
      const result = deferred<unknown>();
      const lineId = section().querySelectorAll<HTMLElement>('li[data-key]')[line - 1]?.dataset.key;
      items.dispatchEvent(
        Object.assign(new Event(EVENT, { bubbles: true }), {
          action: quantity > 0 ? 'update' : 'remove',
          context: 'cart',
          lines: [{ id: lineId ?? '', quantity }],
          promise: result.promise,
        }),
      );
      const cart = await changeLine(line, quantity, [HORIZON_DRAWER_SECTION]);
      result.resolve({
        cart: summary(cart),
        detail: {
          sections: cart.sections,
          items: cart.items,
          itemCount: cart.item_count,
          source: 'cart-items-component',
          didError: false,
        },
      });
      morph(cart.sections![HORIZON_DRAWER_SECTION]!);
    },
  };
}
