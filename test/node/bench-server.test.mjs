// The benchmarks' server (test/bench/lib/server.mjs): the pages a benchmark generates are served
// by the demo server itself, beside the demo's own files, so no benchmark needs Playwright's
// request interception (which pauses every request of a page).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBenchServer } from '../bench/lib/server.mjs';

describe('benchmark server', () => {
  /** @type {import('../bench/lib/server.mjs').BenchServer} */
  let server;
  before(async () => {
    server = await startBenchServer();
  });
  after(() => server.close());

  it('serves a published page at the URL it returns, on its own origin', async () => {
    const url = server.publish('<!doctype html><title>a</title>');
    assert.equal(new URL(url).origin, new URL(server.url).origin);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await res.text(), '<!doctype html><title>a</title>');
  });

  it('gives the same page the same URL and another page another', () => {
    const a = server.publish('<p>same</p>');
    assert.equal(server.publish('<p>same</p>'), a);
    assert.notEqual(server.publish('<p>other</p>'), a);
  });

  it('serves a body at a given path with a given type, the latest body winning', async () => {
    server.publish('{"n":1}', { path: '/__bench/cues.json', contentType: 'application/json' });
    const url = server.publish('{"n":2}', {
      path: '/__bench/cues.json',
      contentType: 'application/json',
    });
    const res = await fetch(url);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { n: 2 });
  });

  it('still serves the demo and answers 404 for what was never published', async () => {
    const fixture = await fetch(new URL('/test/fixtures/hls-ts-id3/index.m3u8', server.url));
    assert.equal(fixture.status, 200);
    assert.match(await fixture.text(), /^#EXTM3U/);
    const missing = await fetch(new URL('/__bench/never.html', server.url));
    assert.equal(missing.status, 404);
  });
});
