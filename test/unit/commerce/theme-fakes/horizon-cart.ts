// The cart scaffolding both Horizon fakes share: horizon4.ts follows Shopify/horizon v4.1.3 and
// horizon3.ts v3.5.1, and each cites the files it reproduces. Both generations render the same
// pieces: `<cart-icon>` with its `.cart-bubble__text-count` (assets/cart-icon.js), a
// `<cart-drawer-component auto-open>` (assets/cart-drawer.js), and inside it a
// `<cart-items-component data-section-id>` holding the drawer's section, which it morphs from the
// sections an event carries or re-renders from the server (assets/component-cart-items.js). What
// differs between generations — the event they listen to and what each listener does — stays in
// each generation's fake. Our own code; nothing copied.
import type { ShopifyWindow } from '../../../../src/commerce/shopify-conventions.js';
import { mount, renderSection, sectionContent } from './common.js';

/** What a Horizon generation's markup and metadata need to say. */
export interface HorizonCartOptions {
  /** The header's cart icon and the cart drawer, with the section `sectionId` in it. */
  markup: string;
  /** The drawer section's id (Horizon names sections per template). */
  sectionId: string;
  /** The theme's `schema_version`, as `Shopify.theme` reports it. */
  schemaVersion: string;
}

/**
 * Mounts a Horizon cart UI and returns its parts for the generation's own listeners, and `fake`:
 * what every Horizon fake offers a test (state, `window`, bubble, drawer lines, close, teardown).
 * `E` is the generation's cart event, recorded in `state.events` by {@link listen}.
 */
export function mountHorizonCart<E extends Event>({
  markup,
  sectionId,
  schemaVersion,
}: HorizonCartOptions) {
  const root = mount(markup);
  const count = root.querySelector<HTMLElement>('.cart-bubble__text-count')!;
  const drawer = root.querySelector('cart-drawer-component')!;
  const items = root.querySelector<HTMLElement>('cart-items-component')!;
  const section = () => root.querySelector(`#shopify-section-${sectionId}`)!;
  const state = { open: false, serverRenders: 0, events: [] as E[] };
  const morph = (html: string) => section().replaceChildren(...sectionContent(html));
  const detach: (() => void)[] = [];

  return {
    /** The count inside the cart bubble. */
    count,
    /** `<cart-drawer-component>`. */
    drawer,
    /** `<cart-items-component>`, the drawer's section renderer. */
    items,
    /** The drawer's section element. */
    section,
    state,
    /** Replaces the drawer section's content with a Section Rendering API answer. */
    morph,
    /** component-cart-items.js with no section in the event: re-renders it from the server. */
    renderFromServer(): Promise<void> {
      state.serverRenders++;
      return renderSection(sectionId).then(morph);
    },
    /** Listens on `document` for the generation's cart event until teardown, recording each. */
    listen(type: string, handler: (event: E) => void) {
      const listener = (event: Event) => {
        state.events.push(event as E);
        handler(event as E);
      };
      document.addEventListener(type, listener);
      detach.push(() => document.removeEventListener(type, listener));
    },
    fake: {
      state,
      /** What Shopify's `content_for_header` says about the theme. */
      window: {
        Shopify: {
          theme: { name: 'Horizon', schema_name: 'Horizon', schema_version: schemaVersion },
        },
        location: { pathname: '/' },
      } satisfies ShopifyWindow,
      bubble: () => Number(count.textContent),
      lines: () =>
        Array.from(section().querySelectorAll<HTMLElement>('li[data-key]')).map(
          (li) => li.textContent!,
        ),
      close: () => {
        state.open = false;
      },
      teardown() {
        for (const off of detach) off();
        root.remove();
      },
    },
  };
}
