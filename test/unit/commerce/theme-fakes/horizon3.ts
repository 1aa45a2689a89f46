// A fake of Horizon 3.5's cart UI, written from a reading of Shopify/horizon v3.5.1 (commit
// 45c7db58); our own code doing what these files do, nothing copied:
// - assets/events.js: `CartAddEvent` / `CartUpdateEvent` are the bubbling `cart:update` event
//   with `detail: { resource, sourceId, data: { source, itemCount, sections, didError, … } }`.
// - assets/cart-icon.js `onCartUpdate`: the bubble shows `data.itemCount`, or adds it to the
//   current count when `data.source === 'product-form-component'`.
// - assets/cart-drawer.js `#handleCartAdd`: opens the drawer on EVERY `cart:update` when the
//   element has `auto-open` (why Cuecart lifts the attribute while announcing a change).
// - assets/component-cart-items.js `#handleCartUpdate`: ignores its own events, morphs its section
//   from `data.sections[sectionId]`, else re-renders it from the server; `updateQuantity` posts
//   `cart/change.js` by line and dispatches `CartUpdateEvent(cart, sectionId, { itemCount,
//   source: 'cart-items-component', sections })` from itself.
import { changeLine } from './common.js';
import { mountHorizonCart } from './horizon-cart.js';

/** Horizon names sections per template; the cart drawer's looks like this. */
export const HORIZON3_DRAWER_SECTION = 'sections--17__cart-drawer';

type CartUpdateEvent = CustomEvent<{
  resource?: { item_count?: number };
  sourceId?: string;
  data?: { itemCount?: number; source?: string; sections?: Record<string, string> };
}>;

/** Installs the fake Horizon 3.5 cart UI on the test page. */
export function installHorizon3() {
  const id = HORIZON3_DRAWER_SECTION;
  const ui = mountHorizonCart<CartUpdateEvent>({
    sectionId: id,
    schemaVersion: '3.5.1',
    markup: `
    <cart-icon class="header-actions__cart-icon"><span class="cart-bubble__text-count">0</span></cart-icon>
    <cart-drawer-component auto-open>
      <cart-items-component data-section-id="${id}">
        <div id="shopify-section-${id}" class="shopify-section"><ul></ul></div>
      </cart-items-component>
    </cart-drawer-component>`,
  });
  const { count, drawer, items, state, morph } = ui;

  ui.listen('cart:update', (event) => {
    const data = event.detail?.data;
    // cart-icon.js
    const itemCount = data?.itemCount ?? 0;
    const fromProductForm = data?.source === 'product-form-component';
    count.textContent = String(fromProductForm ? Number(count.textContent) + itemCount : itemCount);
    // cart-drawer.js
    if (drawer.hasAttribute('auto-open')) state.open = true;
    // component-cart-items.js
    if (event.target === items) return;
    const html = data?.sections?.[id];
    if (html) morph(html);
    else void ui.renderFromServer();
  });

  return {
    ...ui.fake,
    autoOpen: () => drawer.hasAttribute('auto-open'),
    /** The drawer's own quantity control (component-cart-items.js `updateQuantity`). */
    async changeInDrawer(line: number, quantity: number) {
      const cart = await changeLine(line, quantity, [id]);
      items.dispatchEvent(
        new CustomEvent('cart:update', {
          bubbles: true,
          detail: {
            resource: cart,
            sourceId: id,
            data: {
              itemCount: cart.item_count,
              source: 'cart-items-component',
              sections: cart.sections,
            },
          },
        }),
      );
      morph(cart.sections![id]!);
    },
  };
}
