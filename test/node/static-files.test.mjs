// The demo server's static files go out as a merchant's CDN would send them: text compressed
// (brotli, else gzip) when the browser accepts it, media and byte ranges as they are.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { useDemoServer } from './lib/browser-harness.mjs';

const harness = useDemoServer();
const ROOT = new URL('../../', import.meta.url);

/** A raw GET (no automatic decompression): status, headers and body bytes. */
function raw(path, headers = {}) {
  return new Promise((resolve, reject) => {
    get(new URL(path, harness.server.url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('demo static files', () => {
  const script = 'test/fixtures/hls-ts-id3/index.m3u8';
  const original = readFileSync(new URL(script, ROOT));

  it('sends text brotli-compressed, else gzip, else as is', async () => {
    const br = await raw(`/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.deepEqual(brotliDecompressSync(br.body), original);

    const gzip = await raw(`/${script}`, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), original);

    const plain = await raw(`/${script}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, original);
  });

  it('never compresses media segments or byte ranges', async () => {
    const segment = await raw('/test/fixtures/hls-ts-id3/seg-00.ts', { 'accept-encoding': 'br' });
    assert.equal(segment.status, 200);
    assert.equal(segment.headers['content-encoding'], undefined);

    const range = await raw(`/${script}`, { 'accept-encoding': 'br', range: 'bytes=0-6' });
    assert.equal(range.status, 206);
    assert.equal(range.headers['content-encoding'], undefined);
    assert.equal(range.body.toString(), original.subarray(0, 7).toString());
  });
});
