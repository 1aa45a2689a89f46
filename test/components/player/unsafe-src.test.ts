import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CuecartErrorDetail } from '../../../src/internal/errors.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';

// `src` is untrusted input like `products` and `cues`: only http(s) and relative URLs may reach
// the video element or a request, and anything else is reported as config-invalid, not as a
// media error after the browser tried to load it.
describe('CuecartPlayer src outside the URL policy', () => {
  for (const src of [
    'javascript:alert(1)',
    'data:video/mp4;base64,AAAA',
    'java\tscript:alert(1)',
  ]) {
    it(`loads nothing for src=${JSON.stringify(src)} and reports config-invalid`, async () => {
      const errors: CuecartErrorDetail[] = [];
      const requested: string[] = [];
      const listener = (e: Event) => errors.push((e as CustomEvent<CuecartErrorDetail>).detail);
      const originalFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        requested.push(String(input));
        return originalFetch(input, init);
      };
      document.addEventListener('cuecart-error', listener);
      try {
        const player = await fixture<CuecartPlayer>(
          html`<cuecart-player src=${src} muted autoplay></cuecart-player>`,
        );
        await player.updateComplete;
        await waitUntil(() => errors.length > 0, 'no cuecart-error');
        // Let a media load, had one started, fail and report.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const video = player.shadowRoot!.querySelector('video');
        expect(video?.getAttribute('src') ?? '').to.equal('');
        expect(video?.currentSrc ?? '').to.equal('');
        expect(requested.filter((url) => !url.startsWith('http'))).to.deep.equal([]);
        const summary = errors.map((e) => `${e.code} ${e.message.split(':')[0]}`);
        expect(summary).to.deep.equal(['config-invalid Ignored invalid src']);
      } finally {
        document.removeEventListener('cuecart-error', listener);
        window.fetch = originalFetch;
      }
    });
  }
});

describe('CuecartPlayer poster outside the URL policy', () => {
  it('puts no javascript: poster on the video and reports config-invalid once', async () => {
    const errors: CuecartErrorDetail[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<CuecartErrorDetail>).detail);
    document.addEventListener('cuecart-error', listener);
    try {
      const player = await fixture<CuecartPlayer>(
        html`<cuecart-player poster="javascript:alert(1)"></cuecart-player>`,
      );
      await player.updateComplete;
      await waitUntil(() => errors.length > 0, 'no cuecart-error');
      // Renders again (a property change) without reporting the same value twice.
      player.layout = 'panel';
      await player.updateComplete;
      expect(player.shadowRoot!.querySelector('video')!.hasAttribute('poster')).to.be.false;
      const summary = errors.map((e) => `${e.code} ${e.message.split(':')[0]}`);
      expect(summary).to.deep.equal(['config-invalid Ignored invalid poster']);
    } finally {
      document.removeEventListener('cuecart-error', listener);
    }
  });
});
