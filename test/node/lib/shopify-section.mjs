// The Shopify theme section as a merchant installs it, rendered outside Shopify:
// demo/shopify/sections/cuecart-live.liquid through liquidjs with stand-ins for Shopify's own
// filters (https://shopify.dev/docs/api/liquid). Shared by the section's tests
// (test/node/shopify-section.test.mjs) and the classic loader's (test/node/classic-loader.test.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Liquid } from 'liquidjs';

export const read = (path) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
export const SECTION = read('demo/shopify/sections/cuecart-live.liquid');
export const SCHEMA_LOCALE = JSON.parse(read('demo/shopify/locales/en.default.schema.json'));
export const LOCALES = {
  en: JSON.parse(read('demo/shopify/locales/en.default.json')),
  fr: JSON.parse(read('demo/shopify/locales/fr.json')),
  bare: {}, // a theme whose locale files were not given the "cuecart" block
  span: {}, // the same, where the missing key renders as a marked-up span
};
export const schema = JSON.parse(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/.exec(SECTION)[1]);
export const lookup = (tree, key) => key.split('.').reduce((node, part) => node?.[part], tree);

/** Where a theme's assets are served from, as Shopify's `asset_url` writes it. */
const SHOP_ASSETS = (name) => `//shop.example/cdn/shop/t/7/assets/${name}?v=42`;

/**
 * Shopify's filters, as far as the section uses them (https://shopify.dev/docs/api/liquid);
 * `assetUrl` stands in for `asset_url`.
 */
function engine(locale, assetUrl = SHOP_ASSETS) {
  const liquid = new Liquid();
  liquid.registerFilter('asset_url', assetUrl);
  liquid.registerFilter('image_url', (image, ...args) => {
    const width = args.find((a) => Array.isArray(a) && a[0] === 'width')?.[1];
    return `${image.src}?width=${width}`;
  });
  liquid.registerFilter('color_brightness', (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(String(hex).slice(i, i + 2), 16));
    return (r * 299 + g * 587 + b * 114) / 1000;
  });
  liquid.registerFilter('t', (key) => {
    const value = lookup(LOCALES[locale], key);
    if (typeof value === 'string') return value;
    return locale === 'span'
      ? `<span class="translation_missing" title="Translation missing: en.${key}">X</span>`
      : `translation missing: ${locale}.${key}`;
  });
  liquid.registerTag('schema', {
    parse(token, remain) {
      this.tokens = [];
      const stream = this.liquid.parser.parseStream(remain);
      stream
        .on('tag:endschema', () => stream.stop())
        .on('template', () => undefined)
        .on('end', () => {
          throw new Error('tag {% schema %} not closed');
        });
      stream.start();
    },
    render: () => '',
  });
  return liquid;
}

const defaults = Object.fromEntries(
  schema.settings.filter((s) => s.id).map((s) => [s.id, s.default ?? null]),
);

/**
 * The section rendered with `settings` over the schema's defaults, for the storefront `locale`,
 * in the theme editor (`designMode`) or not, as the page's `index`-th section; `assetUrl` maps an
 * asset name to its URL (default: a Shopify CDN address).
 */
export async function render({
  settings = {},
  locale = 'en',
  designMode = false,
  index = 1,
  assetUrl,
} = {}) {
  return engine(locale, assetUrl).parseAndRender(SECTION, {
    section: { id: 'template--9__cuecart', index, settings: { ...defaults, ...settings } },
    cart: { currency: { iso_code: 'EUR' } },
    request: { locale: { iso_code: locale === 'fr' ? 'fr' : 'en' }, design_mode: designMode },
  });
}

/** The attributes of the rendered `<cuecart-player>`, unescaped. */
export function playerAttributes(html) {
  const tag = /<cuecart-player([\s\S]*?)>/.exec(html);
  assert.ok(tag, 'a <cuecart-player> is rendered');
  const attributes = {};
  for (const [, name, value] of tag[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
    attributes[name] = (value ?? '')
      .replaceAll('&quot;', '"')
      .replaceAll('&#34;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  }
  return attributes;
}
