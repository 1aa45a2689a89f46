import { expect, waitUntil } from '@open-wc/testing';
import type { EarlyPlayback } from '../../../src/facade/early-start.js';
import {
  installPlayerLoader,
  type CuecartElementsModule,
} from '../../../src/facade/player-loader.js';
import { FIXTURES } from '../../helpers/player.js';

/** The iframes made by {@link freshDocument}, removed after each test. */
const frames: HTMLIFrameElement[] = [];

/**
 * A document of its own (an iframe's), where `<cuecart-player>` is not defined and no loader is
 * installed, holding `body`. Removed after the test.
 */
async function freshDocument(body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.srcdoc = `<!doctype html><html><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  frames.push(frame);
  return frame.contentDocument!;
}

/** Resolves once the tasks queued so far have run. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The facade's play button of the document's first player, once the loader rendered it. */
async function facadeButton(doc: Document): Promise<HTMLButtonElement> {
  const find = () =>
    doc
      .querySelector('cuecart-player')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="facade-play"]');
  await waitUntil(find, 'no facade rendered');
  return find()!;
}

/** What the loader did, in order: `load` (the shell), `prefetch`, `startEarly`. */
function recorder(early: EarlyPlayback | undefined) {
  const calls: string[] = [];
  const never = new Promise<CuecartElementsModule>(() => {});
  return {
    calls,
    load: () => {
      calls.push('load');
      return never;
    },
    options: {
      prefetch: () => calls.push('prefetch'),
      startEarly: (player: HTMLElement) => {
        // The facade is rendered before the early start.
        calls.push(
          player.shadowRoot?.querySelector('[part~="facade"]') ? 'startEarly' : 'no facade',
        );
        return early;
      },
    },
  };
}

describe('installPlayerLoader: the early start', () => {
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('requests hls.js in the installing task, and renders the facade and starts an HLS player in view in the next', async () => {
    // The loader's first task is the longest Cuecart runs before the first frame: it makes the
    // requests, and the facade and the early start (whose MediaSource opens while hls.js
    // downloads, 0079) come a task later
    // (docs/decisions/0080-facades-in-the-task-after-the-requests.md).
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" muted autoplay></cuecart-player>`,
    );
    const requested = () =>
      doc.defaultView!.performance.getEntriesByType('resource').map((r) => r.name);
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal([]);
    expect(doc.querySelector('cuecart-player')!.shadowRoot, 'no facade yet').to.equal(null);
    await facadeButton(doc);
    await waitUntil(() => calls.length > 0, 'not started');
    // Started: the shell waits for its first frame.
    expect(calls).to.deep.equal(['startEarly']);
    await waitUntil(
      () => requested().some((name) => name.endsWith(FIXTURES.tsId3)),
      'the playlist was not requested',
    );
  });

  it('requests the shell and its chunks in the facade’s task when the player did not start', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder(undefined);
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal([]);
    await facadeButton(doc);
    expect(calls).to.deep.equal(['startEarly', 'load', 'prefetch']);
  });

  it('requests the shell of a player it cannot play in the installing task', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.mp4}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal(['load', 'prefetch']);
    await facadeButton(doc);
    // Asked, the way every activated player is (the real `startEarly` declines an MP4); the
    // shell is not requested twice.
    expect(calls).to.deep.equal(['load', 'prefetch', 'startEarly']);
  });

  it('renders no facade, and starts nothing, for a player defined before the facade’s task', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    // The host registers the element itself, in the same task (no shadow root of its own).
    const view = doc.defaultView! as Window & typeof globalThis;
    view.customElements.define('cuecart-player', class extends view.HTMLElement {});
    await nextTask();
    await nextTask();
    expect(doc.querySelector('cuecart-player')!.shadowRoot).to.equal(null);
    expect(calls).to.not.include('startEarly');
  });

  it('starts a player once, however often it is activated', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    const play = await facadeButton(doc);
    play.click();
    play.click();
    await nextTask();
    expect(calls).to.deep.equal(['startEarly']);
  });

  it('registers the player only after a started player’s first frame, even when the shell is at hand', async () => {
    // An MP4 player requests the shell at once, and a module already loaded resolves within
    // microtasks: the registration must still wait for the HLS player's first frame.
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.mp4}" loading="eager"></cuecart-player>
       <cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    let shown!: () => void;
    const firstFrame = new Promise<void>((resolve) => (shown = resolve));
    let registered = false;
    installPlayerLoader(
      () =>
        Promise.resolve({
          definePlayer: () => {
            registered = true;
          },
        }),
      doc,
      {
        startEarly: (player) =>
          player.getAttribute('src') === FIXTURES.tsId3 ? { firstFrame } : undefined,
      },
    );
    await nextTask();
    await nextTask();
    expect(registered, 'before the first frame').to.equal(false);
    shown();
    await nextTask();
    expect(registered, 'after it').to.equal(true);
  });
});
