import { expect } from '@open-wc/testing';
import { CueTimeline } from '../../../src/cues/cue-timeline.js';
import { ProgramDateTimeMap } from '../../../src/cues/program-date-time.js';
import { CuecartError } from '../../../src/internal/errors.js';
import { CueListPoller, MAX_BACKOFF_MS } from '../../../src/state/cue-list-poller.js';
import { fakeClock } from '../../helpers/fake-clock.js';

const T0 = Date.parse('2030-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** The fake clock, advanced so that each fired callback's fetch and parse settle in turn. */
function fakeTimers() {
  const clock = fakeClock();
  return {
    timers: clock,
    pendingDelays: () => clock.pendingDelays(),
    async advance(ms: number) {
      await clock.advanceAsync(ms, settle);
      await settle();
    },
  };
}

/** Lets pending promises and response-body reads (real macrotasks) finish. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

interface Served {
  status?: number;
  body?: string;
  etag?: string;
  lastModified?: string;
  error?: Error;
  /** Resolves the response only when the test calls the returned release function. */
  hold?: boolean;
}

/** A fake fetch serving a scripted sequence of responses and recording each request. */
function fakeFetch(script: Served[]) {
  const requests: Array<{ url: string; headers: Record<string, string>; cache?: string }> = [];
  const held: Array<() => void> = [];
  let last: Served = script[0] ?? {};
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    requests.push({
      url,
      headers: { ...((init.headers as Record<string, string>) ?? {}) },
      cache: init.cache,
    });
    const served = script.shift() ?? last;
    last = served;
    if (served.hold) {
      await new Promise<void>((resolve, reject) => {
        held.push(resolve);
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    }
    if (served.error) throw served.error;
    const headers = new Headers();
    if (served.etag) headers.set('ETag', served.etag);
    if (served.lastModified) headers.set('Last-Modified', served.lastModified);
    return new Response(served.status === 304 ? null : (served.body ?? ''), {
      status: served.status ?? 200,
      headers,
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch: fetchImpl, requests, release: () => held.shift()?.() };
}

function setup(script: Served[], currentTime = () => NaN) {
  const clock = fakeTimers();
  const net = fakeFetch(script);
  const timeline = new CueTimeline();
  const dates = new ProgramDateTimeMap();
  const errors: CuecartError[] = [];
  const poller = new CueListPoller({
    timeline,
    dates,
    currentTime,
    onError: (e) => errors.push(e),
    fetch: net.fetch,
    timers: clock.timers,
    random: () => 0.5,
    validators: 'headers',
  });
  const abort = new AbortController();
  return { clock, net, timeline, dates, errors, poller, abort };
}

const list = (refresh: number | undefined, cues: object[]) =>
  JSON.stringify(refresh === undefined ? { cues } : { refresh, cues });

describe('CueListPoller', () => {
  it('reads a list without refresh once, live or not', async () => {
    const t = setup([{ body: list(undefined, [{ id: 'a', start: 1, product: 'p' }]) }]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    expect(t.timeline.list().map((c) => c.id)).to.deep.equal(['json:a']);
    await t.clock.advance(60_000);
    expect(t.net.requests).to.have.length(1);
    expect(t.poller.polling).to.equal(false);
  });

  it('refreshes every N s only while live, and stops for good when the stream ends', async () => {
    const t = setup([{ body: list(2, [{ id: 'a', start: 1, product: 'p' }]) }]);
    await t.poller.start('/cues.json', t.abort.signal);
    // Liveness unknown: no refresh yet.
    await t.clock.advance(10_000);
    expect(t.net.requests).to.have.length(1);
    t.poller.setLive(true);
    await t.clock.advance(1_999);
    expect(t.net.requests).to.have.length(1);
    await t.clock.advance(1);
    expect(t.net.requests).to.have.length(2);
    await t.clock.advance(4_000);
    expect(t.net.requests).to.have.length(4);
    t.poller.setLive(false);
    await t.clock.advance(60_000);
    expect(t.net.requests).to.have.length(4);
    t.poller.setLive(true);
    await t.clock.advance(60_000);
    expect(t.net.requests).to.have.length(4);
  });

  it('never polls a list of a stream that is not live', async () => {
    const t = setup([{ body: list(2, [{ id: 'a', start: 1, product: 'p' }]) }]);
    t.poller.setLive(false);
    await t.poller.start('/cues.json', t.abort.signal);
    await t.clock.advance(60_000);
    expect(t.net.requests).to.have.length(1);
  });

  it('sends the validators it was given and treats 304 as unchanged', async () => {
    const t = setup([
      {
        body: list(2, [{ id: 'a', start: 1, product: 'p' }]),
        etag: '"v1"',
        lastModified: 'Wed, 01 May 2030 12:00:00 GMT',
      },
      { status: 304 },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    const version = t.timeline.version;
    await t.clock.advance(2_000);
    expect(t.net.requests[0]!.headers).to.deep.equal({});
    expect(t.net.requests[1]!.headers).to.deep.equal({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Wed, 01 May 2030 12:00:00 GMT',
    });
    expect(t.net.requests[1]!.cache).to.equal('no-store');
    expect(t.timeline.version).to.equal(version);
    expect(t.errors).to.deep.equal([]);
  });

  it('lets the HTTP cache revalidate for cross-origin lists (no preflight)', async () => {
    const clock = fakeTimers();
    const net = fakeFetch([{ body: list(2, []) }]);
    const poller = new CueListPoller({
      timeline: new CueTimeline(),
      dates: new ProgramDateTimeMap(),
      currentTime: () => NaN,
      onError: () => {},
      fetch: net.fetch,
      timers: clock.timers,
    });
    await poller.start('https://cdn.example.com/show/cues.json', new AbortController().signal);
    expect(net.requests[0]!.cache).to.equal('no-cache');
    expect(net.requests[0]!.headers).to.deep.equal({});
  });

  it('never overlaps requests: the next waits for a slow one', async () => {
    const t = setup([
      { body: list(1, []) },
      { body: list(1, [{ id: 'a', start: 1, product: 'p' }]), hold: true },
      { body: list(1, [{ id: 'a', start: 1, product: 'p' }]) },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    await t.clock.advance(1_000);
    expect(t.net.requests).to.have.length(2);
    await t.clock.advance(5_000);
    expect(t.net.requests).to.have.length(2);
    t.net.release();
    await settle();
    expect(t.timeline.size).to.equal(1);
    await t.clock.advance(1_000);
    expect(t.net.requests).to.have.length(3);
  });

  it('abandons a request that hangs, counting it as a failure', async () => {
    const t = setup([{ body: list(1, []) }, { hold: true }, { body: list(1, []) }]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    await t.clock.advance(1_000);
    await t.clock.advance(15_000);
    expect(t.errors).to.have.length(1);
    expect(t.errors[0]!.message).to.match(/timed out/);
  });

  it('backs off exponentially on errors, reports once per streak, and keeps the cues', async () => {
    const t = setup([
      { body: list(2, [{ id: 'a', start: 1, product: 'p' }]) },
      { status: 503 },
      { error: new TypeError('Failed to fetch') },
      { status: 500 },
      { body: '{ not json' },
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { body: list(2, [{ id: 'a', start: 1, product: 'p' }]) },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const [delay] = t.clock.pendingDelays();
      times.push(delay!);
      await t.clock.advance(delay!);
    }
    expect(times).to.deep.equal([
      2_000,
      4_000,
      8_000,
      16_000,
      32_000,
      MAX_BACKOFF_MS,
      MAX_BACKOFF_MS,
      MAX_BACKOFF_MS,
    ]);
    expect(t.errors.filter((e) => e.code === 'cues-load-failed')).to.have.length(1);
    expect(t.errors[0]!.message).to.match(/HTTP 503/);
    expect(t.timeline.size).to.equal(1);
    // Recovered: back to the normal interval.
    expect(t.clock.pendingDelays()).to.deep.equal([2_000]);
  });

  it('stops when its signal aborts (the element left the page), even mid-request', async () => {
    const t = setup([
      { body: list(1, []) },
      { body: list(1, [{ id: 'late', start: 1, product: 'p' }]), hold: true },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    await t.clock.advance(1_000);
    t.abort.abort();
    await settle();
    await t.clock.advance(60_000);
    expect(t.net.requests).to.have.length(2);
    expect(t.timeline.size).to.equal(0);
    expect(t.errors).to.deep.equal([]);
  });

  it('reads a WebVTT side-car once', async () => {
    const t = setup([{ body: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{"product":"p"}\n' }]);
    t.poller.setLive(true);
    await t.poller.start('/cues.vtt', t.abort.signal);
    await t.clock.advance(60_000);
    expect(t.timeline.size).to.equal(1);
    expect(t.net.requests).to.have.length(1);
  });
});

describe('CueListPoller merge by id', () => {
  it('adds new entries, updates changed ones, drops removed ones that have not started', async () => {
    let now = 10;
    const t = setup(
      [
        {
          body: list(1, [
            { id: 'started', start: 5, product: 'a' },
            { id: 'changes', start: 8, product: 'b' },
            { id: 'future', start: 30, product: 'c' },
            { id: 'future-2', start: 40, product: 'd' },
          ]),
        },
        {
          body: list(1, [
            { id: 'changes', start: 8, end: 12, product: 'b' },
            { id: 'new', start: 20, product: 'e' },
          ]),
        },
      ],
      () => now,
    );
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    now = 11;
    await t.clock.advance(1_000);
    const byId = Object.fromEntries(t.timeline.list().map((c) => [c.id, c]));
    // "started" left the list after it began: it stays (the viewer saw it; seeking back shows it).
    expect(Object.keys(byId).sort()).to.deep.equal(['json:changes', 'json:new', 'json:started']);
    expect(byId['json:changes']!.end).to.equal(12);
  });

  it('withdraws several entries in one timeline change (subscribers are told once)', async () => {
    const t = setup([
      {
        body: list(1, [
          { id: 'stays', start: 20, product: 'a' },
          { id: 'gone-1', start: 30, product: 'b' },
          { id: 'gone-2', start: 40, product: 'c' },
          { id: 'gone-3', start: 50, product: 'd' },
        ]),
      },
      { body: list(1, [{ id: 'stays', start: 20, product: 'a' }]) },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    expect(t.timeline.size).to.equal(4);
    const notified: number[] = [];
    t.timeline.subscribe((cues) => notified.push(cues.length));
    await t.clock.advance(1_000);
    expect(t.net.requests).to.have.length(2);
    expect(t.timeline.list().map((c) => c.id)).to.deep.equal(['json:stays']);
    expect(notified).to.deep.equal([1]);
  });

  it('places wall-clock entries once the program date-time is known, and re-places them', async () => {
    const t = setup([
      {
        body: list(1, [
          { id: 'live', startDate: iso(T0 + 7_000), endDate: iso(T0 + 9_500), product: 'p' },
        ]),
      },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    expect(t.timeline.size).to.equal(0);
    t.dates.update([{ mediaTime: 100, date: T0, duration: 6 }]);
    t.poller.datesChanged();
    expect(t.timeline.get('json:live')).to.include({
      start: 107,
      end: 109.5,
      startDate: T0 + 7_000,
    });
    t.dates.update([{ mediaTime: 106.02, date: T0 + 6_000, duration: 6 }]);
    t.poller.datesChanged();
    expect(t.timeline.get('json:live')!.start).to.be.closeTo(107.02, 1e-9);
  });

  it('keeps the last good list when a refresh is malformed', async () => {
    const t = setup([
      { body: list(1, [{ id: 'a', start: 30, product: 'p' }]) },
      { body: '{"cues": 3}' },
    ]);
    t.poller.setLive(true);
    await t.poller.start('/cues.json', t.abort.signal);
    await t.clock.advance(1_000);
    expect(t.timeline.size).to.equal(1);
    expect(t.errors.map((e) => e.code)).to.deep.equal(['cues-load-failed']);
  });
});
