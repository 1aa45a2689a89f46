import { expect, fixture, html } from '@open-wc/testing';
import { CuecartControls } from '../../../src/ui/controls/cuecart-controls.js';
import type { CuecartRequestName } from '../../../src/ui/shared/ui-events.js';
import { expectAccessible } from '../axe.js';
import { defineOnce } from '../define-once.js';

defineOnce(CuecartControls.tagName, CuecartControls);

const part = (el: CuecartControls, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Records every request event reaching the document, with its flags. */
function recordRequests(types: CuecartRequestName[]) {
  const seen: Array<{ type: string; detail: unknown; flags: [boolean, boolean, boolean] }> = [];
  const listener = (e: Event) =>
    seen.push({
      type: e.type,
      detail: (e as CustomEvent).detail,
      flags: [e.bubbles, e.composed, e.cancelable],
    });
  for (const type of types) document.addEventListener(type, listener);
  return {
    seen,
    stop: () => types.forEach((type) => document.removeEventListener(type, listener)),
  };
}

describe('CuecartControls', () => {
  it('is accessible for VOD and live', async () => {
    const vod = await fixture<CuecartControls>(
      html`<cuecart-controls .duration=${60} .currentTime=${12}></cuecart-controls>`,
    );
    await expectAccessible(vod);
    const live = await fixture<CuecartControls>(
      html`<cuecart-controls live .duration=${Infinity}></cuecart-controls>`,
    );
    await expectAccessible(live);
  });

  it('raises typed, bubbling, composed, cancelable requests for every control', async () => {
    const el = await fixture<CuecartControls>(
      html`<cuecart-controls .duration=${60} .currentTime=${12} muted></cuecart-controls>`,
    );
    const requests = recordRequests([
      'cuecart-request-play',
      'cuecart-request-pause',
      'cuecart-request-mute',
      'cuecart-request-seek',
      'cuecart-request-fullscreen',
    ]);
    try {
      part(el, 'play-button')!.click();
      el.paused = false;
      await el.updateComplete;
      part(el, 'play-button')!.click();
      part(el, 'mute-button')!.click();
      const seek = part(el, 'seek') as HTMLInputElement;
      seek.value = '30';
      seek.dispatchEvent(new Event('input'));
      part(el, 'fullscreen-button')!.click();
    } finally {
      requests.stop();
    }
    expect(requests.seen.map((r) => [r.type, r.detail])).to.deep.equal([
      ['cuecart-request-play', {}],
      ['cuecart-request-pause', {}],
      ['cuecart-request-mute', { muted: false }],
      ['cuecart-request-seek', { time: 30 }],
      ['cuecart-request-fullscreen', { fullscreen: true }],
    ]);
    for (const r of requests.seen) expect(r.flags).to.deep.equal([true, true, true]);
  });

  it('names its buttons for their next action and shows the time', async () => {
    const el = await fixture<CuecartControls>(
      html`<cuecart-controls .duration=${125} .currentTime=${61}></cuecart-controls>`,
    );
    expect(part(el, 'play-button')!.getAttribute('aria-label')).to.equal('Play');
    expect(part(el, 'mute-button')!.getAttribute('aria-label')).to.equal('Mute');
    expect(part(el, 'time')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1:01 / 2:05');
    el.paused = false;
    el.muted = true;
    el.fullscreen = true;
    await el.updateComplete;
    expect(part(el, 'play-button')!.getAttribute('aria-label')).to.equal('Pause');
    expect(part(el, 'mute-button')!.getAttribute('aria-label')).to.equal('Unmute');
    expect(part(el, 'fullscreen-button')!.getAttribute('aria-label')).to.equal('Exit full screen');
  });

  it('shows a LIVE button instead of the seek bar, which asks to go to the live edge', async () => {
    const el = await fixture<CuecartControls>(html`<cuecart-controls live></cuecart-controls>`);
    expect(part(el, 'seek')).to.equal(null);
    const liveButton = part(el, 'live-button')!;
    expect(liveButton.getAttribute('aria-pressed')).to.equal('false');
    const requests = recordRequests(['cuecart-request-live']);
    liveButton.click();
    requests.stop();
    expect(requests.seen.map((r) => r.type)).to.deep.equal(['cuecart-request-live']);
    el.atLiveEdge = true;
    await el.updateComplete;
    expect(part(el, 'live-button')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('hides the full-screen button where full screen is not available', async () => {
    const el = await fixture<CuecartControls>(
      html`<cuecart-controls .fullscreenEnabled=${false}></cuecart-controls>`,
    );
    expect(part(el, 'fullscreen-button')).to.equal(null);
  });
});
