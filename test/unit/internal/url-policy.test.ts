import { expect } from '@open-wc/testing';
import { httpUrlIn, isUnsafeUrl, safeUrl } from '../../../src/internal/url-policy.js';

describe('safeUrl', () => {
  it('keeps http(s) and relative URLs', () => {
    for (const url of [
      'https://shop.example/products/mug',
      'HTTP://shop.example/x',
      '/products/mug',
      'mug.jpg',
      '//cdn.example/mug.jpg',
      '?variant=1',
      '#top',
      '/a:b',
    ]) {
      expect(safeUrl(url), url).to.equal(url);
    }
  });

  it('trims ends and removes tabs and newlines as the browser does', () => {
    expect(safeUrl('  https://shop.example/x\n')).to.equal('https://shop.example/x');
    expect(safeUrl('\u0001/products/mug')).to.equal('/products/mug');
    expect(safeUrl('ht\ttp\ns://shop.example/x')).to.equal('https://shop.example/x');
  });

  it('drops every other scheme, in any case and however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' \u0000javascript:alert(1)',
      'java\tscr\nipt:alert(1)',
      '\u0019javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'blob:https://shop.example/1',
      'file:///etc/passwd',
      'about:blank',
      'intent://x',
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
    }
  });

  it('drops non-strings, empty, over-long and control-character URLs', () => {
    expect(safeUrl(undefined)).to.equal(undefined);
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl({ toString: () => '/x' })).to.equal(undefined);
    expect(safeUrl('   ')).to.equal(undefined);
    expect(safeUrl(`/${'a'.repeat(5000)}`)).to.equal(undefined);
    expect(safeUrl('/a\u0000b')).to.equal(undefined);
    expect(safeUrl('/a\u007fb')).to.equal(undefined);
  });
});

describe('isUnsafeUrl', () => {
  it('reports present hostile URLs, not missing ones', () => {
    expect(isUnsafeUrl(undefined)).to.equal(false);
    expect(isUnsafeUrl('')).to.equal(false);
    expect(isUnsafeUrl('/ok')).to.equal(false);
    expect(isUnsafeUrl('javascript:x')).to.equal(true);
    expect(isUnsafeUrl(7)).to.equal(true);
  });
});

describe('httpUrlIn', () => {
  const base = 'https://cdn.example/shows/a/index.m3u8';

  it('resolves relative and absolute http(s) URIs against the base', () => {
    expect(httpUrlIn('seg-00.ts', base)).to.equal('https://cdn.example/shows/a/seg-00.ts');
    expect(httpUrlIn('../b/x.m3u8?t=1', base)).to.equal('https://cdn.example/shows/b/x.m3u8?t=1');
    expect(httpUrlIn('http://other.example/y.ts', base)).to.equal('http://other.example/y.ts');
  });

  it('gives null for any other scheme or an unparsable URL, without throwing', () => {
    for (const uri of ['javascript:alert(1)', 'data:video/mp2t;base64,AA', 'blob:x', 'ftp://x/y']) {
      expect(httpUrlIn(uri, base), uri).to.equal(null);
    }
    expect(httpUrlIn('seg.ts', 'not a base')).to.equal(null);
  });
});
