// The demo server's live cue list: whole-document PUT, conditional GET.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiveCues } from '../../demo/server/live-cues.mjs';
import { callHandler } from './lib/call-handler.mjs';

const json = { 'Content-Type': 'application/json' };

describe('createLiveCues', () => {
  it('starts every show with an empty list that refreshes, and ignores other paths', async () => {
    const cues = createLiveCues({ refresh: 3 });
    const res = await callHandler(cues, '/live-cues/show.json');
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { refresh: 3, cues: [] });
    assert.match(res.headers.ETag, /^"[\w-]+"$/);
    assert.equal(res.headers['Cache-Control'], 'no-cache');
    assert.equal(await callHandler(cues, '/live-cues/../x.json'), null);
    assert.equal(await callHandler(cues, '/live-cues/Show.json'), null);
  });

  it('answers 304 to a matching ETag or Last-Modified, 200 after a PUT', async () => {
    let now = Date.parse('2030-05-01T12:00:00Z');
    const cues = createLiveCues({ now: () => now });
    const first = await callHandler(cues, '/live-cues/show.json');
    const etag = first.headers.ETag;
    const same = await callHandler(cues, '/live-cues/show.json', {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(same.status, 304);
    assert.equal(same.body.toString(), '');
    const since = await callHandler(cues, '/live-cues/show.json', {
      headers: { 'If-Modified-Since': first.headers['Last-Modified'] },
    });
    assert.equal(since.status, 304);
    now += 5_000;
    const list = {
      refresh: 2,
      cues: [{ id: 'a', startDate: '2030-05-01T12:00:07Z', product: 'p' }],
    };
    const put = await callHandler(cues, '/live-cues/show.json', {
      method: 'PUT',
      headers: json,
      body: JSON.stringify(list),
    });
    assert.equal(put.status, 200);
    assert.notEqual(put.headers.ETag, etag);
    const changed = await callHandler(cues, '/live-cues/show.json', {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(JSON.parse(changed.body), list);
    assert.equal(changed.headers.ETag, put.headers.ETag);
    // Shows are separate.
    assert.deepEqual(JSON.parse((await callHandler(cues, '/live-cues/other.json')).body).cues, []);
  });

  it('rejects bad PUTs with a status a publisher can act on', async () => {
    const cues = createLiveCues();
    const put = (body, headers = json) =>
      callHandler(cues, '/live-cues/show.json', { method: 'PUT', headers, body });
    assert.equal((await put('{}', { 'Content-Type': 'text/plain' })).status, 415);
    assert.equal((await put('{ nope')).status, 400);
    assert.equal((await put('{"items": []}')).status, 400);
    assert.equal((await put(JSON.stringify({ cues: [], pad: 'x'.repeat(70_000) }))).status, 413);
    assert.equal((await put('{"cues": []}', { ...json, 'If-Match': '"stale"' })).status, 412);
    assert.equal(
      (await callHandler(cues, '/live-cues/show.json', { method: 'DELETE' })).status,
      405,
    );
    const { etag } = JSON.parse((await put('{"cues": []}')).body);
    assert.equal((await put('{"cues": [1]}', { ...json, 'If-Match': etag })).status, 200);
  });
});
