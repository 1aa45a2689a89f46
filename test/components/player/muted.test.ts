import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';

const MP4 = '/test/fixtures/mp4/show.mp4';

/** The mute button inside the player's controls. */
function muteButton(player: CuecartPlayer): HTMLButtonElement | null | undefined {
  return player.shadowRoot
    ?.querySelector('cuecart-controls')
    ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="mute-button"]');
}

// `muted` is the current state, as on <video>: the host sets it, and it follows the viewer's own
// mute button and shortcut.
describe('CuecartPlayer muted', () => {
  it('follows the viewer’s mute button and drives the video when the host sets it', async () => {
    const player = await fixture<CuecartPlayer>(
      html`<cuecart-player src=${MP4} muted loading="eager"></cuecart-player>`,
    );
    await player.updateComplete;
    await waitUntil(() => muteButton(player), 'no controls');
    const video = player.shadowRoot!.querySelector('video')!;
    expect(video.muted).to.be.true;

    muteButton(player)!.click();
    await waitUntil(() => !video.muted, 'the button did not unmute the video');
    await waitUntil(() => player.muted === false, 'player.muted did not follow the video');
    await player.updateComplete;
    expect(player.hasAttribute('muted')).to.be.false;

    player.muted = true;
    await player.updateComplete;
    expect(video.muted).to.be.true;
    // The controls show the host's change before the viewer can press the button again.
    await waitUntil(() => muteButton(player)!.getAttribute('aria-label') === 'Unmute');
    muteButton(player)!.click();
    await waitUntil(() => player.muted === false, 'player.muted did not follow a second time');
    expect(video.muted).to.be.false;
  });
});
