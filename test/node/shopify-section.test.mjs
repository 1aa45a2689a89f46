// The Shopify theme section as a merchant installs it (issue 10.3): demo/shopify/sections/
// cuecart-live.liquid rendered with liquidjs and stand-ins for Shopify's own filters, its schema
// checked against the schema locale file, its player strings against the storefront locales and
// Cuecart's message table.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOCALES,
  SECTION,
  SCHEMA_LOCALE,
  lookup,
  playerAttributes,
  read,
  render,
  schema,
} from './lib/shopify-section.mjs';

const HLS = 'https://cdn.example.com/shows/spring/master.m3u8';

describe('Shopify section: schema and locales', () => {
  it('labels every setting with a t: key that the schema locale file defines', () => {
    const keys = JSON.stringify(schema)
      .match(/"t:[^"]+"/g)
      .map((k) => k.slice(3, -1));
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.equal(typeof lookup(SCHEMA_LOCALE, key), 'string', `missing ${key}`);
    }
    assert.doesNotMatch(JSON.stringify(schema), /"(label|info|name|content)":\s*"(?!t:)/);
  });

  it('offers a Shopify video, a URL-typed stream URL and a product list', () => {
    const byId = Object.fromEntries(schema.settings.filter((s) => s.id).map((s) => [s.id, s]));
    assert.equal(byId.video.type, 'video');
    assert.equal(byId.stream_url.type, 'url');
    assert.equal(byId.products.type, 'product_list');
  });

  it('wires only player strings that Cuecart knows, in every shipped language', () => {
    // The player's strings and the shopping elements' strings (decision 0061).
    const known = new Set(
      ['src/ui/player-messages.ts', 'src/ui/messages.ts'].flatMap((file) =>
        [...read(file).matchAll(/^ {2}(\w+): '/gm)].map(([, key]) => key),
      ),
    );
    const pairs = /assign message_keys = '([^']+)'/.exec(SECTION)[1].split(',');
    assert.ok(pairs.length >= 20);
    for (const pair of pairs) {
      const [messageKey, localeKey] = pair.split(':');
      assert.ok(known.has(messageKey), `${messageKey} is not a CuecartMessages key`);
      for (const locale of ['en', 'fr']) {
        assert.equal(typeof LOCALES[locale].cuecart[localeKey], 'string', `${locale} ${localeKey}`);
      }
    }
  });
});

describe('Shopify section: rendered', () => {
  it('loads Cuecart from the theme’s assets, deferred, and no public CDN', async () => {
    const html = await render({ settings: { stream_url: HLS } });
    assert.match(
      html,
      /<script src="\/\/shop\.example\/cdn\/shop\/t\/7\/assets\/cuecart-loader\.iife\.js\?v=42" defer="defer"><\/script>/,
    );
    assert.doesNotMatch(html, /unpkg|jsdelivr|https?:\/\/[^"]*cuecart[^"]*\.js/);
  });

  it('preloads hls.js for an autoplaying HLS show near the top, at the URL the loader imports', async () => {
    const hints = (html) =>
      Array.from(
        html.matchAll(/<link rel="(modulepreload|preload)"(?: as="(\w+)")? href="([^"]*)">/g),
        (m) => m.slice(1).filter(Boolean),
      );
    const assets = '//shop.example/cdn/shop/t/7/assets/';
    assert.deepEqual(hints(await render({ settings: { stream_url: HLS, autoplay: true } })), [
      ['modulepreload', `${assets}hls.esm.js`],
    ]);
    // Not further down (the facade spares those bytes), not without autoplay, not for an MP4.
    for (const options of [
      { settings: { stream_url: HLS, autoplay: true }, index: 3 },
      { settings: { stream_url: HLS, autoplay: false } },
      { settings: { stream_url: 'https://cdn.example.com/show.mp4', autoplay: true } },
    ]) {
      assert.deepEqual(hints(await render(options)), [], JSON.stringify(options));
    }
  });

  it('renders the player with the Shopify adapter, store currency and locale', async () => {
    const attrs = playerAttributes(await render({ settings: { stream_url: HLS } }));
    assert.equal(attrs.id, 'cuecart-template--9__cuecart');
    assert.equal(attrs.src, HLS);
    assert.equal(attrs.adapter, 'shopify');
    assert.equal(attrs.currency, 'EUR');
    assert.equal(attrs.locale, 'en');
    assert.ok('autoplay' in attrs && 'muted' in attrs);
    assert.ok(!('loading' in attrs), 'eager near the top of the page');
  });

  it('passes the theme’s translations as the messages attribute', async () => {
    const attrs = playerAttributes(await render({ settings: { stream_url: HLS }, locale: 'fr' }));
    const messages = JSON.parse(attrs.messages);
    assert.equal(messages.addToCart, 'Ajouter au panier');
    assert.equal(messages.yourCart, 'Votre panier');
    assert.equal(messages.chooseOption, 'Choisir {option}');
  });

  it('leaves strings the theme does not translate to the player’s English', async () => {
    for (const locale of ['bare', 'span']) {
      const html = await render({ settings: { stream_url: HLS }, locale });
      assert.ok(!('messages' in playerAttributes(html)), locale);
      assert.doesNotMatch(html, /translation.missing/i, locale);
    }
    const editor = await render({ designMode: true, locale: 'span' });
    assert.match(editor, /Choose a video or enter a stream URL/);
  });

  it('plays a Shopify-hosted video: its HLS source, aspect ratio and preview image', async () => {
    const video = {
      aspect_ratio: 0.5625,
      preview_image: { src: '//cdn.shopify.com/preview.jpg' },
      sources: [
        { format: 'mp4', width: 480, url: 'https://cdn.shopify.com/v/480.mp4' },
        { format: 'm3u8', width: 1080, url: 'https://cdn.shopify.com/v/master.m3u8' },
      ],
    };
    const html = await render({ settings: { video } });
    const attrs = playerAttributes(html);
    assert.equal(attrs.src, 'https://cdn.shopify.com/v/master.m3u8');
    assert.equal(attrs.poster, '//cdn.shopify.com/preview.jpg?width=1600');
    assert.match(html, /cuecart-player:not\(:defined\) \{\s*aspect-ratio: 0\.5625;/);
  });

  it('falls back to the widest MP4 of a Shopify video; a stream URL wins over the video', async () => {
    const video = {
      aspect_ratio: 1.7778,
      sources: [
        { format: 'mp4', width: 480, url: 'https://cdn.shopify.com/v/480.mp4' },
        { format: 'mp4', width: 1080, url: 'https://cdn.shopify.com/v/1080.mp4' },
        { format: 'mp4', width: 720, url: 'https://cdn.shopify.com/v/720.mp4' },
      ],
    };
    assert.equal(
      playerAttributes(await render({ settings: { video } })).src,
      'https://cdn.shopify.com/v/1080.mp4',
    );
    assert.equal(playerAttributes(await render({ settings: { video, stream_url: HLS } })).src, HLS);
  });

  it('reserves the video’s space before upgrade and uses colours valid in any theme', async () => {
    const html = await render({ settings: { stream_url: HLS, accent_color: '#ffd400' } });
    assert.match(html, /cuecart-player:not\(:defined\) \{\s*aspect-ratio: 1\.7778;/);
    assert.doesNotMatch(
      html,
      /rgb\(var\(/,
      'rgb(var(--color-…) / a) is invalid in Dawn and Horizon',
    );
    assert.match(html, /--cuecart-accent: #ffd400;/);
    assert.match(html, /--cuecart-accent-contrast: #111111;/, 'dark text on a light accent');
    assert.doesNotMatch(html, /style="/, 'no inline style attributes');
  });

  it('lists the chosen products by handle for Cuecart to resolve', async () => {
    const products = [{ handle: 'ember-mug' }, { handle: 'canvas-tote' }];
    const html = await render({ settings: { stream_url: HLS, products } });
    const json =
      /<script type="application\/json" id="cuecart-template--9__cuecart-products">([\s\S]*?)<\/script>/.exec(
        html,
      );
    assert.deepEqual(JSON.parse(json[1]), ['ember-mug', 'canvas-tote']);
    assert.match(html, /Cuecart\.shopifyProductResolver\(\)/);
  });

  it('escapes hostile setting values into attributes', async () => {
    const hostile = 'https://x.example/a.m3u8"><script>alert(1)</script>';
    const html = await render({ settings: { stream_url: hostile } });
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal(playerAttributes(html).src, hostile);
  });

  it('loads lazily further down the page, shows a placeholder in the editor when empty', async () => {
    assert.equal(
      playerAttributes(await render({ settings: { stream_url: HLS }, index: 4 })).loading,
      'lazy',
    );
    const empty = await render({ designMode: true, locale: 'fr' });
    assert.doesNotMatch(empty, /<cuecart-player/);
    assert.match(empty, /Choisissez une vidéo/);
    assert.doesNotMatch(await render(), /<p class="cuecart-live__placeholder"/, 'not for shoppers');
  });
});
