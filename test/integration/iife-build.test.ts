import { expect, waitUntil } from '@open-wc/testing';

// Loads the built classic-script bundle the way a Shopify theme would, in a fresh page.
describe('dist/cdn/cuecart.iife.js', () => {
  it('registers the elements, exposes window.Cuecart and plays HLS', async () => {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/cdn/cuecart.iife.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('could not load the IIFE build (run npm run build)'));
      document.head.append(script);
    });
    const api = (window as unknown as { Cuecart?: Record<string, unknown> }).Cuecart;
    expect(api).to.exist;
    expect(api!.CuecartPlayer).to.be.a('function');
    expect(customElements.get('cuecart-player')).to.equal(api!.CuecartPlayer);

    const player = document.createElement('cuecart-player') as HTMLElement & {
      currentTime: number;
      engine: string | null;
      play(): Promise<void>;
    };
    player.setAttribute('muted', '');
    player.setAttribute('src', '/test/fixtures/hls-ts-id3/index.m3u8');
    document.body.append(player);
    await player.play();
    await waitUntil(() => player.currentTime > 0.5, 'IIFE player did not play', {
      timeout: 20_000,
    });
    expect(player.engine).to.equal('hls.js');
    // hls.js came from beside the bundle, not inside it: its ES module, imported by the classic
    // script; its classic script was not needed (decision 0071).
    const hlsFiles = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\/dist\/cdn\/hls\./.test(path));
    expect(hlsFiles).to.deep.equal(['/dist/cdn/hls.esm.js']);
    expect(document.querySelector('script[data-cuecart-hls]')).to.equal(null);
    player.remove();
  });
});
