// The media fault-injection routes (demo/server/media-faults.mjs) over a real HTTP server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFaultRules } from '../../demo/server/media-faults.mjs';
import { useDemoServer } from './lib/browser-harness.mjs';

describe('parseFaultRules', () => {
  it('reads per-file step sequences, repeats and live timings', () => {
    const rules = parseFaultRules(
      'index.m3u8=s500.s500;seg-01.ts=hang+;*.m4s=trunc+;live.m3u8=end@4',
    );
    assert.deepEqual(rules.get('index.m3u8'), {
      steps: [
        { kind: 'status', code: 500 },
        { kind: 'status', code: 500 },
      ],
      repeatLast: false,
    });
    assert.equal(rules.get('seg-01.ts').repeatLast, true);
    assert.deepEqual(rules.get('*.m4s').steps, [{ kind: 'trunc' }]);
    assert.equal(rules.get('live.m3u8').endAt, 4);
    assert.equal(parseFaultRules('-').size, 0);
  });

  it('rejects unknown steps', () => {
    assert.equal(parseFaultRules('seg-01.ts=explode'), null);
    assert.equal(parseFaultRules('seg-01.ts'), null);
  });
});

describe('media fault routes', () => {
  const demo = useDemoServer();
  const get = (path, init) => fetch(new URL(path.slice(1), demo.server.url), init);

  it('answers the scripted statuses in order, then serves the file', async () => {
    const url = '/faults/seq/index.m3u8=s500.s503/hls-plain-ts/index.m3u8';
    assert.equal((await get(url)).status, 500);
    assert.equal((await get(url)).status, 503);
    const ok = await get(url);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /^#EXTM3U/);
    // A new session starts counting afresh.
    assert.equal((await get(url.replace('/seq/', '/seq2/'))).status, 500);
  });

  it('repeats a step ending in + forever and leaves other files alone', async () => {
    const base = '/faults/rep/seg-01.ts=s404+/hls-plain-ts';
    for (let i = 0; i < 3; i++) assert.equal((await get(`${base}/seg-01.ts`)).status, 404);
    assert.equal((await get(`${base}/seg-02.ts`)).status, 200);
  });

  it('truncates, scrambles and hangs', async () => {
    const whole = (await (await get('/faults/x/-/hls-plain-ts/seg-01.ts')).arrayBuffer())
      .byteLength;
    const trunc = await get('/faults/t/seg-01.ts=trunc/hls-plain-ts/seg-01.ts');
    assert.equal((await trunc.arrayBuffer()).byteLength, Math.floor(whole * 0.4));
    const corrupt = new Uint8Array(
      await (await get('/faults/c/seg-01.ts=corrupt/hls-plain-ts/seg-01.ts')).arrayBuffer(),
    );
    assert.equal(corrupt.length, whole);
    // Packet sync bytes survive: it still demuxes.
    for (let i = 0; i < corrupt.length; i += 188) assert.equal(corrupt[i], 0x47);
    const hung = get('/faults/h/seg-01.ts=hang/hls-plain-ts/seg-01.ts', {
      signal: AbortSignal.timeout(300),
    });
    await assert.rejects(hung, { name: 'TimeoutError' });
  });

  it('never serves files outside the fixtures', async () => {
    assert.equal((await get('/faults/p/-/..%2F..%2Fpackage.json')).status, 404);
    assert.equal((await get('/faults/p/bogus=rule/hls-plain-ts/index.m3u8')).status, 400);
  });

  it('freezes a live playlist and ends it with EXT-X-ENDLIST', async () => {
    const frozen = '/faults/live-f/index.m3u8=freeze@0/live/ts/index.m3u8';
    const first = await (await get(frozen)).text();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    assert.equal(await (await get(frozen)).text(), first);
    const ended = await (await get('/faults/live-e/index.m3u8=end@0/live/ts/index.m3u8')).text();
    assert.match(ended, /#EXT-X-ENDLIST\s*$/);
    const open = await (await get('/faults/live-o/-/live/ts/index.m3u8')).text();
    assert.doesNotMatch(open, /#EXT-X-ENDLIST/);
  });
});
