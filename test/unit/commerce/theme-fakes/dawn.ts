// A fake of Dawn's cart UI, written from a reading of Shopify/dawn 15.4.1 (commit 9ccdacf81);
// our own code doing what these files do, nothing copied:
// - assets/pubsub.js: `subscribe(name, cb)` returns an unsubscribe function; `publish(name, data)`
//   calls every subscriber and returns `Promise.all` of their results.
// - assets/cart-drawer.js `CartDrawer`: `getSectionsToRender()` → `cart-drawer` and
//   `cart-icon-bubble`; `renderContents(state)` clears `.drawer__inner.is-empty`, swaps each
//   section, then opens; `open()` adds `active` and traps focus; `close()` removes it and gives
//   focus back to `activeElement` (`removeTrapFocus`); `setActiveElement(el)` remembers it.
//   Simplification: Dawn picks `#CartDrawer` out of the section HTML by selector; the local
//   store's drawer section is the drawer's inner markup, so it is swapped whole.
// - assets/product-form.js: before the add `setActiveElement(document.activeElement)`; after it
//   `publish(cartUpdate, { source: 'product-form', productVariantId, cartData: response })`
//   with the single added line, `renderContents(response)`, and `is-empty` removed from the
//   `<cart-drawer>` (its header is hidden while the class is there).
// - assets/cart.js `CartItems`: subscribes to `cart-update` and, unless the source is
//   `cart-items`, re-renders (`cart-drawer-items` fetches `?section_id=cart-drawer`);
//   `updateQuantity` posts `cart/change.js` by line with sections, toggles `is-empty` on itself,
//   `<cart-drawer>` and `#main-cart-footer`, swaps sections and publishes
//   `{ source: 'cart-items', cartData, variantId }`.
import type { ShopifyWindow } from '../../../../src/commerce/shopify-conventions.js';
import { changeLine, mount, renderSection, sectionContent } from './common.js';

/** Installs the fake Dawn cart UI on the test page. */
export function installDawn() {
  const subscribers = new Map<string, ((data: unknown) => unknown)[]>();
  const subscribe = (name: string, callback: (data: unknown) => unknown) => {
    subscribers.set(name, [...(subscribers.get(name) ?? []), callback]);
    return () => {
      subscribers.set(
        name,
        (subscribers.get(name) ?? []).filter((cb) => cb !== callback),
      );
    };
  };
  const published: { name: string; data: Record<string, unknown> }[] = [];
  const publish = (name: string, data: unknown) => {
    published.push({ name, data: data as Record<string, unknown> });
    return Promise.all((subscribers.get(name) ?? []).map((cb) => cb(data)));
  };

  const root = mount(`
    <button id="before-add">Focused before the add</button>
    <div id="cart-icon-bubble"><a class="cart-icon">Cart</a></div>
    <cart-drawer class="drawer is-empty">
      <div id="CartDrawer" class="cart-drawer">
        <div class="drawer__inner is-empty">
          <div class="drawer__header"><h2>Your cart</h2><button class="drawer__close">Close</button></div>
          <cart-drawer-items class="is-empty">
            <div id="shopify-section-cart-drawer" class="shopify-section"><ul></ul></div>
          </cart-drawer-items>
        </div>
      </div>
    </cart-drawer>`);
  const drawerElement = root.querySelector('cart-drawer')!;
  const drawerItems = root.querySelector('cart-drawer-items')!;
  const drawerSection = () => root.querySelector('#shopify-section-cart-drawer')!;
  const bubble = () => root.querySelector('#cart-icon-bubble')!;
  const state = { rendered: [] as Record<string, unknown>[], itemsRenders: 0 };

  const swap = (id: string, html: string | null | undefined) => {
    if (!html) return;
    const target = id === 'cart-drawer' ? drawerSection() : bubble();
    target.replaceChildren(...sectionContent(html));
  };

  const drawer = Object.assign(drawerElement, {
    activeElement: null as Element | null,
    getSectionsToRender: () => [{ id: 'cart-drawer' }, { id: 'cart-icon-bubble' }],
    setActiveElement(element: Element | null) {
      drawer.activeElement = element;
    },
    renderContents(parsedState: Record<string, unknown>) {
      state.rendered.push(parsedState);
      root.querySelector('.drawer__inner')!.classList.remove('is-empty');
      const sections = (parsedState.sections ?? {}) as Record<string, string>;
      for (const { id } of drawer.getSectionsToRender()) swap(id, sections[id]);
      setTimeout(() => drawer.open());
    },
    open(triggeredBy?: Element) {
      if (triggeredBy) drawer.setActiveElement(triggeredBy);
      drawerElement.classList.add('active');
      root.querySelector<HTMLElement>('.drawer__close')!.focus();
    },
    close() {
      drawerElement.classList.remove('active');
      (drawer.activeElement as HTMLElement | null)?.focus();
    },
  });

  // cart.js: <cart-drawer-items> follows cart-update from everyone but itself.
  const unsubscribe = subscribe('cart-update', (data) => {
    if ((data as { source?: string }).source === 'cart-items') return;
    state.itemsRenders++;
    return renderSection('cart-drawer').then((html) => swap('cart-drawer', html));
  });

  return {
    state,
    published,
    drawer,
    window: {
      PUB_SUB_EVENTS: { cartUpdate: 'cart-update' },
      publish,
      subscribe,
      location: { pathname: '/' },
    } satisfies ShopifyWindow,
    focusTarget: root.querySelector<HTMLButtonElement>('#before-add')!,
    isOpen: () => drawerElement.classList.contains('active'),
    headerHidden: () =>
      drawerElement.classList.contains('is-empty') ||
      root.querySelector('.drawer__inner')!.classList.contains('is-empty'),
    drawerIsEmpty: () => drawerElement.classList.contains('is-empty'),
    bubble: () => Number(bubble().querySelector('.cart-count-bubble')?.textContent ?? '0'),
    lines: () =>
      Array.from(drawerSection().querySelectorAll<HTMLElement>('li[data-key]')).map(
        (li) => li.textContent!,
      ),
    /** The drawer's own quantity control (cart.js `CartItems.updateQuantity`). */
    async changeInDrawer(line: number, quantity: number) {
      const cart = await changeLine(line, quantity, ['cart-drawer', 'cart-icon-bubble']);
      const empty = cart.item_count === 0;
      drawerItems.classList.toggle('is-empty', empty);
      drawerElement.classList.toggle('is-empty', empty);
      swap('cart-drawer', cart.sections?.['cart-drawer']);
      swap('cart-icon-bubble', cart.sections?.['cart-icon-bubble']);
      await publish('cart-update', { source: 'cart-items', cartData: cart });
    },
    teardown() {
      unsubscribe();
      root.remove();
    },
  };
}
