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
        // The early start comes before the facade, in the task that requests hls.js.
        calls.push(player.shadowRoot ? 'startEarly after the facade' : 'startEarly');
        return early;
      },
    },
  };
}

describe('installPlayerLoader: the early start', () => {
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('requests hls.js and starts an HLS player in view in the installing task, and renders its facade in the next', async () => {
    // The MediaSource must start opening while hls.js downloads (0079); the facade comes a task
    // later, out of the loader's first task, the longest Cuecart runs before the first frame
    // (docs/decisions/0080-facades-in-the-task-after-the-requests.md).
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" muted autoplay></cuecart-player>`,
    );
    const requested = () =>
      doc.defaultView!.performance.getEntriesByType('resource').map((r) => r.name);
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal(['startEarly']);
    expect(doc.querySelector('cuecart-player')!.shadowRoot, 'no facade yet').to.equal(null);
    await facadeButton(doc);
    // Started: the shell waits for its first frame.
    expect(calls).to.deep.equal(['startEarly']);
    await waitUntil(
      () => requested().some((name) => name.endsWith(FIXTURES.tsId3)),
      'the playlist was not requested',
    );
  });

  it('requests the shell and its chunks in the installing task when the player did not start', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder(undefined);
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal(['startEarly', 'load', 'prefetch']);
    await facadeButton(doc);
    expect(calls).to.deep.equal(['startEarly', 'load', 'prefetch']);
  });

  it('shows the video of a player started before its facade once the facade is rendered', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const video = doc.createElement('video');
    installPlayerLoader(() => new Promise<CuecartElementsModule>(() => {}), doc, {
      startEarly: (_player, show) => {
        // hls.js already here: the video is handed over before the facade exists.
        queueMicrotask(() => show(video));
        return { firstFrame: new Promise(() => {}) };
      },
    });
    await facadeButton(doc);
    const player = doc.querySelector('cuecart-player')!;
    expect(video.closest('[part~="facade"]')).to.not.equal(null);
    expect(video.getRootNode()).to.equal(player.shadowRoot);
  });

  it('renders no facade for a player defined before the facade’s task', async () => {
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
    expect(calls).to.deep.equal(['startEarly']);
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
