import { expect } from '@open-wc/testing';
import Hls from 'hls.js';
import { runCli } from '../../src/cli/main.js';
import type { DateRangeInput } from '../../src/cues/daterange.js';
import { createCueStore } from '../../src/state/cue-store.js';
import { FIXTURES } from '../helpers/player.js';

/** The CLI with the browser's fetch as its file system (what bin/cuecart.mjs does with fs). */
async function cuecart(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    read: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    cwd: `${location.origin}/`,
  });
  return { code, stdout, stderr };
}

describe('cuecart cues daterange → hls.js → Cuecart DATERANGE cues', () => {
  let hls: Hls | undefined;
  let blobUrl = '';
  afterEach(() => {
    hls?.destroy();
    URL.revokeObjectURL(blobUrl);
  });

  it('turns a JSON cue list and a plain VOD playlist into one hls.js and the player read', async function () {
    this.timeout(60_000);
    const { code, stdout, stderr } = await cuecart(
      'cues',
      'daterange',
      FIXTURES.cuesJson,
      FIXTURES.plainTs,
    );
    expect(code, stderr).to.equal(0);
    // Served from a blob (the player's URL policy admits only http(s), so hls.js is driven
    // directly): segment URIs made absolute, the playlist otherwise exactly as written.
    const base = new URL(FIXTURES.plainTs, location.href).href;
    const text = stdout.replace(/^(seg-\d+\.ts)$/gm, (uri) => new URL(uri, base).href);
    blobUrl = URL.createObjectURL(new Blob([text], { type: 'application/vnd.apple.mpegurl' }));
    const ranges = await new Promise<DateRangeInput[]>((resolve, reject) => {
      hls = new Hls({ enableDateRangeMetadataCues: false });
      hls.on(Hls.Events.LEVEL_UPDATED, (_e, data) =>
        resolve(Object.values(data.details.dateRanges) as unknown as DateRangeInput[]),
      );
      hls.on(Hls.Events.ERROR, (_e, data) => data.fatal && reject(new Error(data.details)));
      hls.loadSource(blobUrl);
      hls.attachMedia(document.createElement('video'));
    });
    const errors: string[] = [];
    const store = createCueStore({ onError: (e) => errors.push(e.message) });
    store.addDateRanges(ranges);
    // The carriers' parsers are a lazily imported chunk: the batch is parsed when it arrives.
    await store.settled();
    expect(errors).to.deep.equal([]);
    const cues = store.$cues.get();
    expect(cues.map((c) => [c.start, c.payload.product, c.source])).to.deep.equal([
      [1, 'aurora-headphones', 'daterange'],
      [7, 'ember-mug', 'daterange'],
      [13, 'drift-sneakers', 'daterange'],
      [19, 'solstice-sunglasses', 'daterange'],
    ]);
    expect(cues[1]!.payload).to.include({ title: 'Ember Mug', price: 3200, currency: 'USD' });
    expect(cues[2]!.payload.variant).to.equal('drift-sneakers-42-white');
    expect(store.timeline.effectiveEnd(cues[0]!)).to.equal(6);
    expect(store.timeline.effectiveEnd(cues[1]!)).to.equal(13);
    store.destroy();
  });
});
