import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ProductCue } from '../../../src/cues/product-cue.js';
import {
  CuecartStudio,
  callbackPublisher,
  defineStudio,
  type LiveCueList,
  type StudioProduct,
} from '../../../src/studio/index.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';
import { defineCuecart } from '../../../src/define-elements.js';
import { FIXTURES, createPlayer, seekTo } from '../../helpers/player.js';
import { expectAccessible } from '../axe.js';

// The studio previews with the real player, which the page registers (as cuecart/define does).
defineCuecart();
defineStudio();

const PRODUCTS: StudioProduct[] = [
  { id: 'aurora-headphones', title: 'Aurora Headphones' },
  { id: 'ember-mug', title: 'Ember Mug' },
  { id: 'drift-sneakers', title: 'Drift Sneakers', variant: 'drift-sneakers-42-white' },
];

const part = (el: CuecartStudio, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const status = (el: CuecartStudio) => part(el, 'status')[0]!.textContent!.trim();

/** A publisher that records every list and fails while `failing` is set. */
function recorder() {
  const lists: LiveCueList[] = [];
  const state = { failing: false };
  const publisher = callbackPublisher(async (list) => {
    if (state.failing) throw new Error('HTTP 503');
    lists.push(structuredClone(list));
  });
  return { lists, state, publisher };
}

describe('CuecartStudio live mode', () => {
  it('passes an axe accessibility check', async () => {
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio .productList=${PRODUCTS}></cuecart-studio>`,
    );
    await expectAccessible(el);
  });

  it('features and ends products by keyboard alone, publishing each change', async () => {
    const { lists, publisher } = recorder();
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio
        .productList=${PRODUCTS}
        .publisher=${publisher}
        refresh="3"
      ></cuecart-studio>`,
    );
    part(el, 'product')[0]!.focus();
    const before = Date.now();
    await sendKeys({ press: '2' });
    await waitUntil(() => lists.length === 1, 'first publish');
    const after = Date.now();
    expect(lists[0]!.refresh).to.equal(3);
    const [first] = lists[0]!.cues;
    expect(first).to.include({ product: 'ember-mug', title: 'Ember Mug' });
    // Without a monitored stream the wall clock stamps the cue.
    expect(Date.parse(first!.startDate)).to.be.within(before, after);
    await el.updateComplete;
    expect(part(el, 'product').map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'true',
      'false',
    ]);
    await waitUntil(() => /^Published/.test(status(el)), status(el));

    // Feature another: the first ends at the same instant.
    await sendKeys({ press: '3' });
    await waitUntil(() => lists.length === 2);
    const [ended, next] = lists[1]!.cues;
    expect(ended!.endDate).to.equal(next!.startDate);
    expect(next).to.include({ product: 'drift-sneakers', variant: 'drift-sneakers-42-white' });

    // Activating the focused button with Enter works like a click.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => lists.length === 3);
    expect(lists[2]!.cues.map((c) => c.product)).to.deep.equal([
      'ember-mug',
      'drift-sneakers',
      'aurora-headphones',
    ]);

    await sendKeys({ press: '0' });
    await waitUntil(() => lists.length === 4);
    expect(lists[3]!.cues.every((c) => c.endDate)).to.equal(true);
    await el.updateComplete;
    expect(part(el, 'product').every((b) => b.getAttribute('aria-pressed') === 'false')).to.equal(
      true,
    );
  });

  it('shows a failed publish and retries until it goes through', async () => {
    const { lists, state, publisher } = recorder();
    state.failing = true;
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio .productList=${PRODUCTS} .publisher=${publisher}></cuecart-studio>`,
    );
    el.featureNow(PRODUCTS[0]!);
    await waitUntil(() => /^Publish failed: HTTP 503/.test(status(el)), status(el));
    expect(part(el, 'status')[0]!.dataset.state).to.equal('failed');
    expect(part(el, 'status')[0]!.getAttribute('role')).to.equal('status');
    state.failing = false;
    await waitUntil(() => /^Published/.test(status(el)), status(el), { timeout: 5000 });
    expect(lists).to.have.length(1);
  });

  it('publishes to the demo server by HTTP PUT, which viewers then GET', async () => {
    const url = `/live-cues/studio-${Date.now().toString(36)}.json`;
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio .productList=${PRODUCTS} publish=${url}></cuecart-studio>`,
    );
    const published = oneEvent(el, 'cuecart-studio-publish');
    el.featureNow(PRODUCTS[1]!);
    await published;
    await waitUntil(() => /^Published/.test(status(el)), status(el));
    const list = (await (await fetch(url)).json()) as LiveCueList;
    expect(list.cues.map((c) => c.product)).to.deep.equal(['ember-mug']);
  });
});

describe('CuecartStudio live clock', () => {
  it('shows the monitored stream’s program date-time and can stamp with it', async function () {
    this.timeout(40_000);
    const { lists, publisher } = recorder();
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio
        src=${FIXTURES.liveTs}
        stamp="monitor"
        .productList=${PRODUCTS}
        .publisher=${publisher}
      ></cuecart-studio>`,
    );
    const clock = () => part(el, 'clock')[0]!.textContent!.replace(/\s+/g, ' ').trim();
    await waitUntil(() => /Stream time \(UTC\)/.test(clock()), clock(), { timeout: 30_000 });
    expect(clock()).to.match(/\d\d:\d\d:\d\d\.\d{3} [\d.]+ s behind the wall clock/);
    const monitor = el.shadowRoot!.querySelector('cuecart-player') as CuecartPlayer;
    el.featureNow(PRODUCTS[0]!);
    await waitUntil(() => lists.length === 1);
    const stamped = Date.parse(lists[0]!.cues[0]!.startDate);
    const expected = monitor.cueStore!.dates.toDate(monitor.currentTime)!;
    // The live show is several seconds behind the wall clock; the stamp is the monitor's frame.
    expect(Math.abs(stamped - expected)).to.be.below(300);
    expect(Date.now() - stamped).to.be.above(2000);
  });
});

describe('CuecartStudio replay mode', () => {
  let extra: CuecartPlayer | undefined;
  afterEach(() => extra?.remove());

  it('marks at the current frame, nudges by a frame, and exports a list that replays identically', async function () {
    this.timeout(60_000);
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio
        mode="replay"
        src=${FIXTURES.plainTs}
        frame-rate="30"
        .productList=${PRODUCTS}
      ></cuecart-studio>`,
    );
    await expectAccessible(el);
    const preview = el.shadowRoot!.querySelector('cuecart-player') as CuecartPlayer;
    expect(preview).to.be.instanceOf(customElements.get('cuecart-player')!);
    await preview.updateComplete;
    await seekTo(preview, 2.5);
    part(el, 'product')[1]!.focus();
    await sendKeys({ press: '2' });
    await el.updateComplete;
    let [mark] = el.replayMarks;
    expect(mark!.start).to.equal(75 / 30);
    await sendKeys({ press: '.' });
    await sendKeys({ press: '.' });
    await sendKeys({ press: ',' });
    [mark] = el.replayMarks;
    expect(mark!.start).to.be.closeTo(76 / 30, 1e-9);
    // The preview is the real player with the marks as its cues.
    await waitUntil(() =>
      preview.cueList.some((c) => c.payload.product === 'ember-mug' && c.source === 'api'),
    );

    // Export (cancel the download, keep the text).
    el.addEventListener('cuecart-studio-export', (e) => e.preventDefault(), { once: true });
    const detail = (await el.exportAs('json'))!;
    expect(detail.filename).to.equal('cues.json');
    const exported = JSON.parse(detail.text) as { cues: Array<{ start: number; product: string }> };
    expect(exported.cues).to.deep.equal([
      { id: mark!.id, start: 2.533, product: 'ember-mug', title: 'Ember Mug' },
    ]);

    // A viewer's player reads the exported list as its side-car and shows the cue on the frame.
    const url = `/live-cues/replay-${Date.now().toString(36)}.json`;
    await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: detail.text,
    });
    extra = createPlayer({ src: FIXTURES.plainTs, cues: url });
    const entered = oneEvent(extra, 'cuecart-cue-enter') as Promise<
      CustomEvent<{ cue: ProductCue; time: number }>
    >;
    await extra.updateComplete;
    await extra.play();
    const { detail: enter } = await entered;
    expect(enter.cue.start).to.be.closeTo(mark!.start, 0.0005);
    expect(enter.time - enter.cue.start).to.be.within(-0.0005, 1 / 30 + 0.0005);
  });

  it('exports WebVTT and a DATERANGE playlist of an HLS recording', async () => {
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio
        mode="replay"
        src=${FIXTURES.plainTs}
        .productList=${PRODUCTS}
      ></cuecart-studio>`,
    );
    el.replayMarks = [
      { id: 'a', start: 1, end: 6, product: 'aurora-headphones' },
      { id: 'b', start: 7, product: 'ember-mug' },
    ];
    el.addEventListener('cuecart-studio-export', (e) => e.preventDefault());
    const vtt = (await el.exportAs('webvtt'))!;
    expect(vtt.text).to.match(/00:00:01\.000 --> 00:00:06\.000\n\{"product":"aurora-headphones"\}/);
    const playlist = (await el.exportAs('daterange'))!;
    expect(playlist.text.match(/#EXT-X-DATERANGE:/g)).to.have.length(2);
    expect(playlist.text).to.match(
      /ID="cuecart-b",CLASS="com\.cuecart\.product",START-DATE="2026-01-01T00:00:07\.000Z",X-CUECART-PRODUCT="ember-mug",END-ON-NEXT=YES/,
    );
  });

  it('nudges with the row buttons, never before 0 or past the end', async () => {
    const el = await fixture<CuecartStudio>(
      html`<cuecart-studio mode="replay" .productList=${PRODUCTS}></cuecart-studio>`,
    );
    el.replayMarks = [{ id: 'a', start: 0, end: 2 / 30, product: 'aurora-headphones' }];
    await el.updateComplete;
    await expectAccessible(el);
    const button = (label: RegExp) =>
      [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
        label.test(b.textContent!.replace(/\s+/g, ' ').trim()),
      )!;
    button(/frame: start of aurora-headphones one frame earlier$/).click();
    expect(el.replayMarks[0]!.start).to.equal(0);
    button(/frame: start of aurora-headphones one frame later$/).click();
    await el.updateComplete;
    button(/frame: start of aurora-headphones one frame later$/).click();
    expect(el.replayMarks[0]!.start).to.be.closeTo(1 / 30, 1e-9);
    button(/frame: end of aurora-headphones one frame earlier$/).click();
    // The end reached the start: it is removed (the cue lasts until the next one).
    expect(el.replayMarks[0]!.end).to.equal(undefined);
  });
});
