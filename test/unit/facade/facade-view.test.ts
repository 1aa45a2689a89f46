import { expect } from '@open-wc/testing';
import {
  FACADE_SHADOW_ROOT_OPTIONS,
  facadeHasFocus,
  removeFacade,
  renderFacade,
  showFacadeVideo,
} from '../../../src/facade/facade-view.js';
import { isEager, isNearViewport } from '../../../src/facade/near-viewport.js';
import { parseHlsBuild } from '../../../src/player/hls-build.js';
import { CuecartPlayer } from '../../../src/ui/player/cuecart-player.js';

/** An element the facade can render into: a valid custom-element name nobody defines. */
function host(attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement('cuecart-facade-test');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.style.width = '320px';
  document.body.append(element);
  return element;
}

describe('renderFacade', () => {
  it('uses the real player’s shadow-root options (the upgrade adopts the root)', () => {
    expect(FACADE_SHADOW_ROOT_OPTIONS).to.deep.equal(CuecartPlayer.shadowRootOptions);
  });

  it('renders poster, title and a named play button in the reserved box', async () => {
    const element = host({ poster: '/poster.jpg', title: 'Live show' });
    let played = 0;
    expect(renderFacade(element, () => played++)).to.equal(true);
    const root = element.shadowRoot!;
    const button = root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('Play Live show');
    expect(root.querySelector('img')!.getAttribute('src')).to.equal('/poster.jpg');
    expect(root.querySelector('[part="facade-title"]')!.textContent).to.equal('Live show');
    expect(element.getBoundingClientRect().height).to.equal(180);
    button.focus();
    expect(facadeHasFocus(element)).to.equal(true);
    button.click();
    expect(played).to.equal(1);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    element.remove();
  });

  it('drops an unsafe poster, and renders nothing into an existing shadow root', () => {
    const element = host({ poster: 'javascript:alert(1)' });
    renderFacade(element, () => {});
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(element.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal(
      'Play video',
    );
    expect(renderFacade(element, () => {})).to.equal(false);
    element.remove();
  });

  it('removeFacade leaves the anchor and anything else in the root', () => {
    const element = host();
    renderFacade(element, () => {});
    const root = element.shadowRoot!;
    const other = document.createElement('div');
    root.append(other);
    removeFacade(element);
    expect(root.querySelector('button')).to.equal(null);
    expect(root.firstChild?.nodeType).to.equal(Node.COMMENT_NODE);
    expect(other.isConnected).to.equal(true);
    expect(root.adoptedStyleSheets).to.have.length(0);
    element.remove();
  });
});

describe('isNearViewport / isEager / parseHlsBuild', () => {
  it('tells near from far, and a box-less element is never near', () => {
    const near = host();
    const far = host();
    far.style.position = 'absolute';
    far.style.top = `${innerHeight * 3}px`;
    const hidden = host();
    hidden.style.display = 'none';
    expect(isNearViewport(near)).to.equal(true);
    expect(isNearViewport(far)).to.equal(false);
    expect(isNearViewport(hidden)).to.equal(false);
    for (const element of [near, far, hidden]) element.remove();
  });

  it('reads attributes leniently', () => {
    expect(isEager(host({ loading: ' EAGER ' }))).to.equal(true);
    expect(isEager(host({ loading: 'lazy' }))).to.equal(false);
    expect(isEager(host())).to.equal(false);
    expect(parseHlsBuild('light')).to.equal('light');
    expect(parseHlsBuild(' Light')).to.equal('light');
    expect(parseHlsBuild('full')).to.equal('full');
    expect(parseHlsBuild('bogus')).to.equal('full');
    expect(parseHlsBuild(null)).to.equal('full');
    document.querySelectorAll('cuecart-facade-test').forEach((e) => e.remove());
  });

  it('showFacadeVideo puts the video over the poster and under title and button, and keeps it when the facade goes', () => {
    const element = host({ poster: '/poster.jpg', title: 'Live show' });
    renderFacade(element, () => {});
    const root = element.shadowRoot!;
    const video = document.createElement('video');
    showFacadeVideo(element, video);
    const box = root.querySelector('[part="facade"]')!;
    expect(Array.from(box.children, (child) => child.localName)).to.deep.equal([
      'img',
      'video',
      'p',
      'button',
    ]);
    // It plays: the play button goes (nobody is on it).
    video.dispatchEvent(new Event('playing'));
    expect(root.querySelector('button')!.hidden).to.equal(true);
    removeFacade(element);
    expect(root.querySelector('[part="facade"]')).to.equal(null);
    expect(video.getRootNode()).to.equal(root);
    element.remove();
  });

  it('showFacadeVideo leaves the play button to a keyboard user who is on it', () => {
    const element = host();
    renderFacade(element, () => {});
    const root = element.shadowRoot!;
    const video = document.createElement('video');
    showFacadeVideo(element, video);
    root.querySelector('button')!.focus();
    video.dispatchEvent(new Event('playing'));
    expect(root.querySelector('button')!.hidden).to.equal(false);
    expect(facadeHasFocus(element)).to.equal(true);
    element.remove();
  });
});
