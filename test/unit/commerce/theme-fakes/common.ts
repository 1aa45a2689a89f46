// Shared pieces of the theme fakes: each fake is our own code that reproduces, listener for
// listener, what a real Shopify theme does with cart events (the theme file it follows is cited
// in each fake). Nothing here is copied from the themes.

/** Mounts markup in the test page and returns the container (removed by `teardown`). */
export function mount(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

/**
 * The content of a section as the Section Rendering API wraps it
 * (`<div id="shopify-section-ID" class="shopify-section">…</div>`), as nodes of this document.
 */
export function sectionContent(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const wrapper = parsed.querySelector('.shopify-section') ?? parsed.body;
  return Array.from(wrapper.childNodes).map((node) => document.importNode(node, true));
}

/** Raw AJAX cart JSON, as far as the fakes read it. */
export interface AjaxCart {
  token?: string;
  item_count: number;
  items: { key: string; variant_id: number; quantity: number }[];
  sections?: Record<string, string | null>;
}

/** `POST cart/change.js` as the themes send it (by 1-based line, with sections). */
export async function changeLine(
  line: number,
  quantity: number,
  sections: string[],
): Promise<AjaxCart> {
  const response = await fetch('/cart/change.js', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      line,
      quantity,
      sections: sections.join(','),
      sections_url: location.pathname,
    }),
  });
  return response.json();
}

/** `GET /?section_id=ID`: one section's HTML (what the themes' section renderers fetch). */
export async function renderSection(id: string): Promise<string> {
  return (await fetch(`/?section_id=${encodeURIComponent(id)}`)).text();
}

/** Resolves once every pending promise callback and a macrotask have run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is true (polling each frame), or fails with `what`. */
export async function until(check: () => boolean, what: string, timeoutMs = 4000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
