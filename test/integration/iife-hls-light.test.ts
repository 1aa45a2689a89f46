import { expect, waitUntil } from '@open-wc/testing';

// Its own file (a fresh page): the classic build imports the hls.js build a player asks for from
// beside itself (hls.js's ES module), and two builds on one page each keep their own module.
describe('dist/cdn/cuecart.iife.js with hls-build', () => {
  it('plays hls-build="light" with hls.light.esm.js, and a full-build player beside it', async () => {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/cdn/cuecart.iife.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('could not load the IIFE build (run npm run build)'));
      document.head.append(script);
    });
    type Player = HTMLElement & {
      currentTime: number;
      engine: string | null;
      play(): Promise<void>;
    };
    const make = (build?: string) => {
      const player = document.createElement('cuecart-player') as Player;
      player.setAttribute('muted', '');
      player.setAttribute('loading', 'eager');
      if (build) player.setAttribute('hls-build', build);
      player.setAttribute('src', '/test/fixtures/hls-ts-id3/index.m3u8');
      document.body.append(player);
      return player;
    };
    const light = make('light');
    const full = make();
    await Promise.all([light.play(), full.play()]);
    for (const player of [light, full]) {
      await waitUntil(() => player.currentTime > 0.5, 'IIFE player did not play', {
        timeout: 20_000,
      });
      expect(player.engine).to.equal('hls.js');
    }
    // Each build's ES module, once; no classic hls.js script was needed.
    const hlsFiles = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /\/dist\/cdn\/hls\./.test(path));
    expect(hlsFiles).to.have.members(['/dist/cdn/hls.light.esm.js', '/dist/cdn/hls.esm.js']);
    expect(document.querySelector('script[data-cuecart-hls]')).to.equal(null);
    light.remove();
    full.remove();
  });
});
