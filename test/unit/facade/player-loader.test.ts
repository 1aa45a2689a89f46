import { expect } from '@open-wc/testing';
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

  it('starts an HLS player in view in the task that requests hls.js, once its facade is rendered', async () => {
    // The MediaSource must start opening while hls.js downloads
    // (docs/decisions/0079-media-source-opened-before-hls-js.md).
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" muted autoplay></cuecart-player>`,
    );
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal(['startEarly']);
    await nextTask();
    // Started: the shell waits for its first frame.
    expect(calls).to.deep.equal(['startEarly']);
  });

  it('requests the shell and its chunks a microtask later when the player did not start', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder(undefined);
    installPlayerLoader(load, doc, options);
    expect(calls, 'in the installing task').to.deep.equal(['startEarly']);
    await Promise.resolve();
    expect(calls).to.deep.equal(['startEarly', 'load', 'prefetch']);
  });

  it('starts a player once, however often it is activated', async () => {
    const doc = await freshDocument(
      `<cuecart-player src="${FIXTURES.tsId3}" loading="eager"></cuecart-player>`,
    );
    const { calls, load, options } = recorder({ firstFrame: new Promise(() => {}) });
    installPlayerLoader(load, doc, options);
    const play = doc
      .querySelector('cuecart-player')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="facade-play"]')!;
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
