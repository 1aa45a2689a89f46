/**
 * Turns section markup from the store's own Section Rendering API into nodes without an HTML
 * sink: the HTML Sanitizer API's safe `Document.parseHTML` (never a Trusted Types violation,
 * never runs script). Where the browser lacks it, `DOMParser` builds an inert document and
 * everything that could run once imported (script-like elements, `on*` handlers, non-http(s)
 * URLs) is removed; on a Trusted Types page without the Sanitizer API that parse is refused by
 * the browser, and the caller falls back to other refresh paths.
 * @see https://wicg.github.io/sanitizer-api/#dom-document-parsehtml
 */

import { safeUrl } from './url-policy.js';

interface SafeParser {
  parseHTML(html: string, options: { sanitizer: { removeElements: string[] } }): Document;
}

/** Elements that can run or load script, or replace the page, once imported. */
const UNSAFE_ELEMENTS =
  'script, iframe, object, embed, frame, frameset, base, meta, link, style, template, noscript';
/** Attributes holding URLs a click or load follows. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset'];

function parse(html: string): Document | null {
  const safe = (globalThis as { Document?: Partial<SafeParser> }).Document;
  if (typeof safe?.parseHTML === 'function') {
    // An empty removal list keeps the theme's markup (ids, classes, data attributes); the safe
    // method still removes everything script-like whatever the configuration says.
    return safe.parseHTML(html, { sanitizer: { removeElements: [] } });
  }
  if (typeof DOMParser === 'undefined') return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(doc.querySelectorAll(UNSAFE_ELEMENTS))) element.remove();
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) element.removeAttribute(name);
      else if (URL_ATTRIBUTES.includes(lower) && lower !== 'srcset') {
        if (safeUrl(element.getAttribute(name)) === undefined) element.removeAttribute(name);
      } else if (lower === 'srcset') element.removeAttribute(name);
    }
  }
  return doc;
}

/**
 * The children of a section's markup, ready for `target.replaceChildren(...)`: the content of its
 * `.shopify-section` wrapper when it has one (the Section Rendering API wraps each section), else
 * of the body. Null when the browser offers no safe way to parse (or refuses it).
 */
export function sectionNodes(html: string, into: Document): Node[] | null {
  let doc: Document | null;
  try {
    doc = parse(html);
  } catch {
    // A Trusted Types page refuses DOMParser with a string; nothing was parsed.
    return null;
  }
  if (!doc) return null;
  const wrapper = doc.querySelector('.shopify-section') ?? doc.body;
  return Array.from(wrapper.childNodes, (node) => into.importNode(node, true));
}
