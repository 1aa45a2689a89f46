// The hostile corpus (docs/security.md): every channel that carries a URL or an id into Cuecart
// is fed attacker data in real Chromium with real hls.js — a product feed, JSON and WebVTT cue
// lists, timed ID3 in MPEG-TS segments (made here from the committed `hls-plain-ts` fixture with
// the fixture generator's own ID3 tooling), EXT-X-DATERANGE attributes, a host `productList`,
// `messages`, Shopify `/products/{handle}.js` and `/cart.js` answers, a host `cuecart-cart-update`
// and its `checkoutUrl`. Then the test clicks every product title and image link and the cart's
// line links, and presses checkout. It asserts that no payload ran (each would set
// `window.__pwned`), nothing was thrown out of Cuecart, no non-http(s) URL was requested (CDP
// sees every request, `data:` included) or navigated to, no rendered `href`/`src` has another
// scheme, and each hostile value was reported with its documented `cuecart-error` code.
// Needs `npm run build` (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsMediaZero, tsSegmentWithId3 } from '../fixtures/tools/carriers.mjs';
import { useServerAndBrowser } from './lib/browser-harness.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** What a payload does when a browser runs it: sets a flag the test reads. */
const RUN = 'void(window.__pwned=(window.__pwned||0)+1)';

/** Every spelling of a script or non-http(s) URL a browser would honour. */
const HOSTILE_URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` \u0001\u001fjavascript:${RUN}`,
  `java\tscr\nipt:${RUN}`,
  `\r\njavascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${RUN}"/>`,
  'vbscript:msgbox(1)',
  'blob:http://127.0.0.1/0d1f',
  'file:///etc/passwd',
];
const hostile = (i) => HOSTILE_URLS[i % HOSTILE_URLS.length];

/** Text that would run if anything parsed it as HTML. */
const HTML_TEXT = `<img src=x onerror="${RUN}"><script>${RUN}</script>`;

const BUILT_IN_IDS = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];

function nested(depth, leaf) {
  return `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
}

/** A feed: hostile URLs on every product and variant, built-in ids, a 20,000-level nesting. */
function feedText() {
  const products = HOSTILE_URLS.map((bad, i) => ({
    id: `feed-${i}`,
    title: `${HTML_TEXT} feed product ${i}`,
    price: 1000 + i,
    url: bad,
    image: hostile(i + 1),
    variants: [{ id: `feed-${i}-v`, price: 1000 + i, image: hostile(i + 2) }],
  }));
  products.push({ id: '__proto__', title: 'Proto product', price: 100, url: hostile(0) });
  const body = JSON.stringify({ currency: 'USD', products });
  const deep = `{"id":"deep","title":"Deep","price":1,"options":${nested(20_000, 'S')}}`;
  return body.replace(/\]\}$/, `,${deep}]}`);
}

/** Cue payloads: hostile url/image, HTML titles, products that only exist in the payload. */
function payload(i, prefix) {
  return {
    product: `${prefix}-${i}`,
    title: `${HTML_TEXT} ${prefix} ${i}`,
    price: 500 + i,
    url: hostile(i),
    image: hostile(i + 3),
  };
}

/** `count` back-to-back cues from `from`, `step` seconds each, so each card is on screen alone. */
function timed(count, from, make, step = 0.4) {
  return Array.from({ length: count }, (_, i) => ({
    start: Math.round((from + i * step) * 1000) / 1000,
    end: Math.round((from + (i + 1) * step - 0.05) * 1000) / 1000,
    ...make(i),
  }));
}

function jsonCues() {
  return JSON.stringify({
    cues: [
      ...timed(HOSTILE_URLS.length, 0.2, (i) => payload(i, 'json')),
      ...BUILT_IN_IDS.map((product, i) => ({ start: 0.3 + i, end: 0.4 + i, product })),
      { start: 0.1, product: 'deep', extra: '@DEEP@' },
      { start: 0.1, product: 'huge', title: 'x'.repeat(2_000_000) },
      ...timed(HOSTILE_URLS.length, 4.4, (i) => ({ product: `feed-${i}` })),
    ],
  }).replace('"@DEEP@"', nested(20_000, 'x'));
}

function vttCues() {
  const stamp = (s) => new Date(s * 1000).toISOString().slice(14, 23);
  const blocks = timed(HOSTILE_URLS.length, 0.2, (i) => payload(i, 'vtt')).map(
    ({ start, end, ...rest }) => `${stamp(start)} --> ${stamp(end)}\n${JSON.stringify(rest)}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** The plain MPEG-TS show with hostile ID3 payloads and DATERANGE attributes. */
function hostileStream() {
  const playlist = readFileSync(`${FIXTURES}hls-plain-ts/index.m3u8`, 'utf8');
  const ranges = timed(HOSTILE_URLS.length, 8.6, (i) => payload(i, 'daterange')).map(
    (cue, i) =>
      `#EXT-X-DATERANGE:ID="evil-${i}",CLASS="com.cuecart.product",START-DATE="${new Date(Date.UTC(2026, 0, 1) + cue.start * 1000).toISOString()}",DURATION=${(cue.end - cue.start).toFixed(3)},X-CUECART-PRODUCT="${cue.product}",X-CUECART-TITLE="${cue.title.replace(/"/g, "'")}",X-CUECART-PRICE=${cue.price},X-CUECART-URL="${cue.url.replace(/[\r\n"]/g, '')}",X-CUECART-IMAGE="${cue.image.replace(/[\r\n"]/g, '')}"`,
  );
  const withRanges = playlist.replace(
    '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z\n',
    `#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z\n${ranges.join('\n')}\n`,
  );
  const id3Cues = timed(HOSTILE_URLS.length, 12.8, (i) => payload(i, 'id3')).map(
    ({ start, end, ...rest }) => ({ start, payload: { ...rest, duration: end - start } }),
  );
  const segment = (index) =>
    readFileSync(`${FIXTURES}hls-plain-ts/seg-${String(index).padStart(2, '0')}.ts`);
  const mediaZero = tsMediaZero(new Uint8Array(segment(0)));
  return {
    playlist: withRanges,
    segment: (index) =>
      Buffer.from(tsSegmentWithId3(new Uint8Array(segment(index)), index, id3Cues, mediaZero)),
  };
}

/** Shopify's product JSON (`/products/{handle}.js`, as demo/server/store.mjs writes it), made hostile. */
function shopifyProduct(handle, i) {
  return {
    id: 9000 + i,
    title: `${HTML_TEXT} shopify ${i}`,
    handle,
    url: hostile(i),
    featured_image: hostile(i + 1),
    images: [hostile(i + 2)],
    options: [{ name: 'Title', position: 1, values: ['Default Title'] }],
    variants: [
      {
        id: 90_000 + i,
        title: 'Default Title',
        price: 1500,
        available: true,
        featured_image: { src: hostile(i + 3) },
      },
    ],
  };
}

/** Shopify's cart JSON (`/cart.js`) with hostile line links and images. */
function shopifyCart() {
  return {
    token: 'hostile',
    item_count: HOSTILE_URLS.length,
    total_price: 1000 * HOSTILE_URLS.length,
    currency: 'USD',
    items: HOSTILE_URLS.map((bad, i) => ({
      key: `line-${i}:abc`,
      id: 80_000 + i,
      variant_id: 80_000 + i,
      product_id: 8000 + i,
      title: `${HTML_TEXT} line ${i}`,
      product_title: `${HTML_TEXT} line ${i}`,
      quantity: 1,
      price: 1000,
      final_price: 1000,
      line_price: 1000,
      final_line_price: 1000,
      url: bad,
      image: hostile(i + 1),
      featured_image: { url: hostile(i + 2) },
    })),
  };
}

/** A host cart for the events adapter: hostile line links and a hostile `checkoutUrl`. */
function hostCart() {
  return {
    lines: HOSTILE_URLS.map((bad, i) => ({
      key: `host-${i}`,
      variantId: `hv-${i}`,
      productId: `hp-${i}`,
      title: `${HTML_TEXT} host line ${i}`,
      quantity: 1,
      price: 100,
      url: bad,
      image: hostile(i + 4),
    })),
    currency: 'USD',
    checkoutUrl: ` java\tscript:${RUN}`,
  };
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile corpus</title>
<link rel="icon" href="/favicon.ico">
<script src="/hostile/watch.js"></script>
<script type="module" src="/dist/cdn/cuecart.js"></script>
</head><body>
<cuecart-player id="stream" src="/hostile/stream/index.m3u8" products="/hostile/feed.json"
  cues="/hostile/cues.json" muted style="width:640px;display:block"></cuecart-player>
<cuecart-player id="vtt" src="/test/fixtures/hls-plain-ts/index.m3u8" cues="/hostile/cues.vtt"
  messages='{"addToCart":"${HTML_TEXT.replace(/"/g, '&quot;')}","__proto__":{"polluted":"yes"},"constructor":"x","checkout":"javascript:void(0)"}'
  muted style="width:640px;display:block"></cuecart-player>
<cuecart-player id="shop" adapter="shopify" src="/test/fixtures/hls-plain-ts/index.m3u8"
  cues="/hostile/shop-cues.json" muted style="width:640px;display:block"></cuecart-player>
</body></html>`;

/** Runs first on the page: records errors, uncaught exceptions and the events hosts see. */
const WATCH = `
window.__uncaught = [];
window.__cuecartErrors = [];
addEventListener('error', (e) => window.__uncaught.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.__uncaught.push(String(e.reason && e.reason.stack || e.reason)));
addEventListener('cuecart-error', (e) => window.__cuecartErrors.push({ player: e.target.id, code: e.detail.code, message: e.detail.message }));
// The host answers the events adapter of the stream player with its own (hostile) cart.
addEventListener('cuecart-get-cart', (e) => { if (e.target.id === 'stream') e.detail.respondWith(window.__hostCart); });
`;

/** Every href/src-like attribute in the document and all shadow roots. */
function renderedUrls() {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const name of [
        'href',
        'src',
        'srcset',
        'poster',
        'action',
        'formaction',
        'xlink:href',
      ]) {
        const value = el.getAttribute(name);
        if (value !== null) out.push({ tag: el.localName, name, value });
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}

/** The scheme a browser would read from an attribute value, lower-cased; undefined = relative. */
function schemeOf(value) {
  // eslint-disable-next-line no-control-regex -- the URL parser strips exactly these
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}
const isSafe = (value) => ['http', 'https', undefined].includes(schemeOf(value));

const harness = useServerAndBrowser();

describe('hostile corpus: every channel in real Chromium', () => {
  it('runs nothing, throws nothing, requests and navigates to nothing but http(s), reports each drop', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const base = harness.server.url;
    const stream = hostileStream();
    const feed = feedText();
    const cuesJson = jsonCues();
    const cuesVtt = vttCues();

    const requested = [];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => requested.push(e.request.url));
    page.on('request', (r) => requested.push(r.url()));
    const navigations = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const popups = [];
    page.on('popup', (p) => popups.push(p.url()));
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });

    const shopCues = JSON.stringify({
      cues: [
        ...HOSTILE_URLS.map((_, i) => ({ start: 0.2 + i, end: 1.1 + i, product: `evil-${i}` })),
        ...BUILT_IN_IDS.map((product, i) => ({ start: 0.3 + i, end: 0.8 + i, product })),
      ],
    });
    const json = (body) => ({ status: 200, contentType: 'application/json', body });
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const path = url.pathname;
      if (path === '/hostile/page.html')
        return route.fulfill({ status: 200, contentType: 'text/html', body: PAGE });
      if (path === '/hostile/watch.js')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: WATCH });
      if (path === '/hostile/feed.json') return route.fulfill(json(feed));
      if (path === '/hostile/cues.json') return route.fulfill(json(cuesJson));
      if (path === '/hostile/shop-cues.json') return route.fulfill(json(shopCues));
      if (path === '/hostile/cues.vtt')
        return route.fulfill({ status: 200, contentType: 'text/vtt', body: cuesVtt });
      if (path === '/hostile/stream/index.m3u8') {
        return route.fulfill({
          status: 200,
          contentType: 'application/vnd.apple.mpegurl',
          body: stream.playlist,
        });
      }
      const seg = /^\/hostile\/stream\/seg-(\d+)\.ts$/.exec(path);
      if (seg)
        return route.fulfill({
          status: 200,
          contentType: 'video/mp2t',
          body: stream.segment(Number(seg[1])),
        });
      const product = /^\/products\/([^/]+)\.js$/.exec(path);
      if (product) {
        const handle = decodeURIComponent(product[1]);
        const i = /^evil-(\d+)$/.exec(handle);
        if (i) return route.fulfill(json(JSON.stringify(shopifyProduct(handle, Number(i[1])))));
      }
      if (path === '/cart.js' && route.request().method() === 'GET') {
        return route.fulfill(json(JSON.stringify(shopifyCart())));
      }
      return route.fallback();
    });

    // The cards' clicker, installed before the page's own scripts. Every 50 ms it clicks each
    // card's image and title links and the title itself (an anchor's click() activates it as a
    // shopper's click does) and notes which card it was.
    const players = ['stream', 'vtt', 'shop'];
    await page.addInitScript((ids) => {
      window.__seen = [];
      setInterval(() => {
        for (const id of ids) {
          const card = document
            .getElementById(id)
            ?.shadowRoot?.querySelector('cuecart-product-card');
          const root = card?.shadowRoot;
          const title = root?.querySelector('[part~="title"]');
          if (!title) continue;
          for (const part of ['image-link', 'image', 'title-link', 'title']) {
            root.querySelector(`[part~="${part}"]`)?.click();
          }
          const name = title.textContent.trim().replace(/^.*?(\w+ \d+)$/, '$1');
          if (!window.__seen.includes(name)) window.__seen.push(name);
        }
      }, 50);
    }, players);
    await page.addInitScript((cart) => {
      window.__hostCart = cart;
    }, hostCart());
    await page.goto(new URL('hostile/page.html', base).href);
    const origin = new URL(base).origin;

    // A host productList with hostile entries (and one whose getter throws), set from JS.
    await page.evaluate(
      ({ urls, html }) => {
        const list = urls.map((url, i) => ({
          id: `host-${i}`,
          title: `${html} host product ${i}`,
          price: 300,
          url,
          image: urls[(i + 1) % urls.length],
        }));
        list.push({ id: 'constructor', title: 'Ctor', price: 1 });
        const trap = {};
        Object.defineProperty(trap, 'id', {
          get() {
            throw new RangeError('hostile getter');
          },
          enumerable: true,
        });
        list.push(trap);
        list.push({
          id: 'nest',
          title: 'n',
          price: 1,
          options: [
            {
              toString() {
                throw new Error('x');
              },
            },
          ],
        });
        try {
          document.getElementById('vtt').productList = list;
        } catch (error) {
          window.__uncaught.push(`productList setter threw: ${error}`);
        }
      },
      { urls: HOSTILE_URLS, html: HTML_TEXT },
    );

    // The host pushes a hostile cart to the stream player (events adapter).
    await page.evaluate(() =>
      document
        .getElementById('stream')
        .dispatchEvent(new CustomEvent('cuecart-cart-update', { detail: window.__hostCart })),
    );

    // Play once every side-car cue list is in: their first cues are due 0.2 s in, and on a loaded
    // machine a list (the stream's is over 2 MB) could arrive after its cues had passed, so no
    // card of that carrier was ever shown (the in-band cues come later, with the stream).
    const sideCars = { stream: 'json', vtt: 'webvtt', shop: 'json' };
    await page
      .waitForFunction(
        (wanted) =>
          Object.entries(wanted).every(([id, source]) =>
            document.getElementById(id).cueList?.some((cue) => cue.source === source),
          ),
        sideCars,
        { timeout: 60_000, polling: 100 },
      )
      .catch(async (error) => {
        const where = await page.evaluate(
          (ids) => ids.map((id) => `${id}: ${document.getElementById(id).cueList?.length} cues`),
          players,
        );
        throw new Error(`${error.message} (${where.join('; ')})`);
      });
    await page.evaluate((ids) => {
      for (const id of ids) void document.getElementById(id).play();
    }, players);
    // Let every player play through the cues; the clicker above notes each card it clicked.
    await page
      .waitForFunction(
        (ids) => ids.every((id) => document.getElementById(id).currentTime > 17),
        players,
        { timeout: 120_000, polling: 500 },
      )
      .catch(async (error) => {
        const where = await page.evaluate(
          (ids) =>
            ids.map((id) => {
              const p = document.getElementById(id);
              return `${id}: ${p.currentTime} s, paused ${p.paused}`;
            }),
          players,
        );
        throw new Error(`${error.message} (${where.join('; ')})`);
      });
    const seen = await page.evaluate(() => window.__seen);
    // The carts: open each mini cart, click every line title, press checkout.
    for (const id of ['stream', 'shop']) {
      const cart = page.locator(`#${id} cuecart-mini-cart`);
      await cart.locator('[part~="cart-button"]').first().click();
      await cart.locator('[part~="drawer"]').waitFor({ timeout: 10_000 });
      const lines = cart.locator('[part~="line-title"]');
      await page.waitForFunction(
        (pid) => document.getElementById(pid).cartStore?.$cart.get().lines.length === 10,
        id,
        { timeout: 10_000 },
      );
      for (let i = 0; i < (await lines.count()); i++) {
        const line = lines.nth(i);
        const link = line.locator('a');
        await ((await link.count()) ? link : line).click({ force: true });
      }
      if (id === 'stream') {
        await cart.locator('[part~="checkout-button"]').click();
      }
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(500);

    // Nothing ran, nothing was thrown out of Cuecart, the page never left.
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      uncaught: window.__uncaught,
      errors: window.__cuecartErrors,
      polluted: {}.polluted,
      title: document.title,
    }));
    assert.equal(state.pwned, undefined, 'no hostile payload ran');
    assert.equal(state.polluted, undefined, 'no prototype was polluted');
    assert.equal(state.title, 'Hostile corpus', 'the document was not replaced');
    assert.deepEqual(state.uncaught, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(popups, []);
    // Cards from every carrier were shown and clicked.
    const kinds = new Set(seen.map((t) => t.split(' ')[0]));
    for (const kind of ['json', 'product', 'daterange', 'id3', 'vtt', 'shopify']) {
      assert.ok(kinds.has(kind), `a ${kind} card was clicked (saw ${seen.join(', ')})`);
    }

    assert.ok(
      navigations.every((url) => url === new URL('hostile/page.html', base).href),
      `navigations: ${navigations}`,
    );

    // Only http(s) requests, all to the local server.
    const foreign = requested.filter((url) => !url.startsWith(`${origin}/`));
    assert.deepEqual([...new Set(foreign)], [], 'no non-http(s) or off-site request');
    assert.ok(
      requested.some((url) => url.includes('/hostile/stream/seg-')),
      'the watch saw requests',
    );

    // Nothing rendered with another scheme.
    const urls = await page.evaluate(renderedUrls);
    assert.ok(urls.length > 0);
    assert.deepEqual(
      // hls.js's own MediaSource object URL is the one blob: Cuecart itself makes.
      urls.filter(({ tag, value }) => !isSafe(value) && !(tag === 'video' && /^blob:/.test(value))),
      [],
    );

    // Each channel reported its drops with the documented code.
    const codes = (player, code, pattern) =>
      state.errors.filter((e) => e.player === player && e.code === code && pattern.test(e.message))
        .length;
    assert.ok(
      codes('stream', 'products-load-failed', /dropped the unsafe "url" of product feed-0/) >= 1,
      'feed url',
    );
    assert.ok(codes('stream', 'products-load-failed', /not a string/) >= 1, 'deep feed options');
    assert.ok(
      codes('stream', 'cue-invalid', /JSON cue list dropped its "url"/) >= HOSTILE_URLS.length,
      'JSON cues',
    );
    assert.ok(
      codes('stream', 'cue-invalid', /too deeply nested|larger than/) >= 2,
      'deep and huge JSON cues',
    );
    assert.ok(
      codes('stream', 'cue-invalid', /ID3 TXXX frame's cue payload dropped its "url"/) >= 3,
      'ID3',
    );
    assert.ok(
      codes('stream', 'cue-invalid', /DATERANGE "evil-\d" dropped its "url"/) >= 3,
      'DATERANGE',
    );
    assert.ok(
      codes('stream', 'cart-load-failed', /link of line/) >= HOSTILE_URLS.length,
      'host cart lines',
    );
    assert.ok(codes('stream', 'cart-load-failed', /checkoutUrl/) >= 1, 'host checkoutUrl');
    assert.ok(
      codes('vtt', 'cue-invalid', /WebVTT cue at .* dropped its "url"/) >= HOSTILE_URLS.length,
      'WebVTT',
    );
    assert.ok(codes('vtt', 'products-load-failed', /dropped the unsafe "url"/) >= 1, 'productList');
    // An entry the host's own getter makes unreadable is a configuration problem (issue 14).
    assert.ok(
      codes('vtt', 'config-invalid', /Ignored invalid productList: .*hostile getter/) >= 1,
      'productList getter',
    );
    assert.ok(
      codes('shop', 'products-load-failed', /product "evil-\d" dropped the unsafe "url"/) >= 3,
      'Shopify product',
    );
    assert.ok(
      codes('shop', 'cart-load-failed', /link of line/) >= HOSTILE_URLS.length,
      'Shopify cart',
    );
    // Built-in names are ordinary ids: unknown products, except where the feed has one.
    const unknown = (player, id) =>
      state.errors.some(
        (e) => e.player === player && e.code === 'product-unknown' && e.message.includes(`"${id}"`),
      );
    for (const id of BUILT_IN_IDS) assert.ok(unknown('shop', id), `shop: ${id} is unknown`);
    for (const id of ['constructor', 'toString', 'hasOwnProperty']) {
      assert.ok(unknown('stream', id), `stream: ${id} is unknown`);
    }
    assert.ok(!unknown('stream', '__proto__'), 'the feed product "__proto__" is known');
    assert.equal(
      await page.evaluate(
        () =>
          document.getElementById('stream').productList.find((p) => p.id === '__proto__')?.title,
      ),
      'Proto product',
    );
    await context.close();
  });
});
