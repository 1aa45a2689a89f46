import { expect } from '@open-wc/testing';
import { sectionNodes } from '../../../src/internal/section-html.js';

const html = (nodes: Node[] | null) => {
  const div = document.createElement('div');
  div.replaceChildren(...(nodes ?? []));
  return div.innerHTML;
};

function behaves() {
  it('keeps the theme markup of the section wrapper: ids, classes, data attributes, links', () => {
    const nodes = sectionNodes(
      '<div id="shopify-section-cart-icon-bubble" class="shopify-section">' +
        '<a href="/cart" id="cart-icon-bubble" class="icon" data-count="2">Cart <span>2</span></a>' +
        '</div>',
      document,
    );
    expect(html(nodes)).to.equal(
      '<a href="/cart" id="cart-icon-bubble" class="icon" data-count="2">Cart <span>2</span></a>',
    );
  });

  it('removes everything that could run once inserted', async () => {
    const w = window as unknown as { __sectionPwned?: boolean };
    delete w.__sectionPwned;
    const nodes = sectionNodes(
      '<div class="shopify-section">' +
        '<script>window.__sectionPwned = true</script>' +
        '<img src="x:y" onerror="window.__sectionPwned = true">' +
        '<a href="javascript:window.__sectionPwned = true" onclick="window.__sectionPwned = true">x</a>' +
        '<iframe src="javascript:parent.__sectionPwned = true"></iframe>' +
        '</div>',
      document,
    );
    const host = document.createElement('div');
    host.replaceChildren(...(nodes ?? []));
    document.body.append(host);
    host.querySelector('a')?.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    host.remove();
    expect(w.__sectionPwned).to.equal(undefined);
    expect(host.querySelector('script, iframe, [onerror], [onclick]')).to.equal(null);
    expect(host.querySelector('a')?.getAttribute('href') ?? '').to.not.match(/javascript/i);
  });
}

describe('sectionNodes', () => {
  describe('with the HTML Sanitizer API (Document.parseHTML)', () => {
    before(function () {
      if (typeof (Document as unknown as { parseHTML?: unknown }).parseHTML !== 'function') {
        this.skip();
      }
    });
    behaves();
  });

  describe("without it (DOMParser and Cuecart's own clean-up)", () => {
    const original = Object.getOwnPropertyDescriptor(Document, 'parseHTML');
    before(() => {
      Object.defineProperty(Document, 'parseHTML', { value: undefined, configurable: true });
    });
    after(() => {
      if (original) Object.defineProperty(Document, 'parseHTML', original);
      else delete (Document as unknown as { parseHTML?: unknown }).parseHTML;
    });
    behaves();
  });
});
