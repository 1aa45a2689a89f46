import { safeUrl } from '../internal/url-policy.js';
import { parseAspectRatio } from '../ui/controllers/stream-shape-controller.js';

/**
 * Shadow-root options of the facade. They must equal `CuecartPlayer.shadowRootOptions`: the real
 * element adopts the facade's shadow root when it upgrades (Lit reuses an existing
 * `shadowRoot`), and a shadow root's options cannot change after it is attached.
 */
export const FACADE_SHADOW_ROOT_OPTIONS: ShadowRootInit = { mode: 'open' };

/** Marks the facade's own nodes so that they, and only they, are removed on upgrade. */
const FACADE_CLASS = 'cuecart-facade';

/**
 * The facade's stylesheet. It reserves exactly the box the real player's stage takes at its first
 * render, by the same rule (`.stage` in `cuecart-player.styles.ts`, ADR 0050): the page's
 * `--cuecart-aspect-ratio`, else the `aspect-ratio` attribute (see {@link ratioSheet}), else
 * 16:9, capped at `--cuecart-max-block-size` (100svh), beside the side panel from 900 px or with
 * `layout="panel"`. The screen's shape plays no part, so the upgrade shifts nothing in the page.
 */
const FACADE_CSS = `
:host{display:block;position:relative;max-inline-size:100%;overflow:hidden;container-type:inline-size;
border-radius:var(--cuecart-player-radius,0);background:var(--cuecart-surface,Canvas);
font-family:var(--cuecart-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif)}
:host([hidden]){display:none}
.${FACADE_CLASS}{position:relative;inline-size:100%;
aspect-ratio:var(--cuecart-aspect-ratio,var(--_cc-facade-ratio,16/9));
max-block-size:var(--cuecart-max-block-size,100svh);background:var(--cuecart-video-bg,#000);color:#fff;overflow:hidden}
:host([layout=panel]) .${FACADE_CLASS}{inline-size:calc(100% - var(--cuecart-panel-width,340px))}
@container (min-width:900px){:host(:not([layout=overlay])) .${FACADE_CLASS}{inline-size:calc(100% - var(--cuecart-panel-width,340px))}}
img,video{position:absolute;inset:0;inline-size:100%;block-size:100%;object-fit:var(--cuecart-object-fit,contain)}
button{position:absolute;inset:0;margin:auto;inline-size:72px;block-size:72px;border:0;border-radius:50%;
cursor:pointer;background:var(--cuecart-accent,rgb(0 0 0/.6));color:#fff;display:grid;place-items:center}
button:focus-visible{outline:3px solid var(--cuecart-focus-ring,#7cc4ff);outline-offset:3px}
button[aria-busy=true]{opacity:.6;cursor:progress}
button[hidden]{display:none}
svg{inline-size:36px;block-size:36px;fill:currentColor}
p{position:absolute;inset-inline:0;inset-block-start:0;margin:0;padding:.75rem 1rem;font-size:1rem;
background:linear-gradient(rgb(0 0 0/.6),transparent);text-shadow:0 1px 2px #000}
`;

/** Per-document facade stylesheet, kept on the document (not in a module: no shared state). */
const SHEET = Symbol.for('cuecart.facadeSheet');

function facadeSheet(doc: Document): CSSStyleSheet {
  const holder = doc as unknown as Record<symbol, CSSStyleSheet | undefined>;
  let sheet = holder[SHEET];
  if (!sheet) {
    const view = doc.defaultView ?? globalThis;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(FACADE_CSS);
    holder[SHEET] = sheet;
  }
  return sheet;
}

/** Where a player keeps its own ratio sheet while it shows the facade. */
const RATIO_SHEET = Symbol.for('cuecart.facadeRatioSheet');

/**
 * The player's reserved ratio (its `aspect-ratio` attribute, parsed as the real player parses
 * it) as a per-player stylesheet: no inline style, so it holds under a strict CSP. Undefined
 * when the attribute is absent or not a ratio (16:9 then, as the real player reserves).
 */
function ratioSheet(player: HTMLElement): CSSStyleSheet | undefined {
  const ratio = parseAspectRatio(player.getAttribute('aspect-ratio'));
  if (ratio === undefined) return undefined;
  const view = player.ownerDocument.defaultView ?? globalThis;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(`:host{--_cc-facade-ratio:${ratio}}`);
  (player as unknown as Record<symbol, CSSStyleSheet | undefined>)[RATIO_SHEET] = sheet;
  return sheet;
}

/**
 * Renders the facade of a not-yet-upgraded `<cuecart-player>` into its (new) shadow root: the
 * poster (`poster`, lazily loaded), the title (`title`) and a play button calling `onPlay`. Built
 * with DOM calls and constructable stylesheets only: no HTML parsing, no inline style, so it
 * works under a strict CSP with Trusted Types. Returns false (and renders nothing) when the
 * element already has a shadow root (server-rendered, or another script's).
 */
export function renderFacade(player: HTMLElement, onPlay: () => void): boolean {
  if (player.shadowRoot) return false;
  const doc = player.ownerDocument;
  const root = player.attachShadow(FACADE_SHADOW_ROOT_OPTIONS);
  const ratio = ratioSheet(player);
  root.adoptedStyleSheets = ratio ? [facadeSheet(doc), ratio] : [facadeSheet(doc)];
  const box = doc.createElement('div');
  box.className = FACADE_CLASS;
  box.setAttribute('part', 'facade');
  const poster = safeUrl(player.getAttribute('poster'));
  if (poster) {
    const img = doc.createElement('img');
    img.alt = '';
    img.loading = 'lazy';
    img.decoding = 'async';
    img.setAttribute('part', 'facade-poster');
    img.src = poster;
    box.append(img);
  }
  const title = player.getAttribute('title')?.trim();
  if (title) {
    const heading = doc.createElement('p');
    heading.setAttribute('part', 'facade-title');
    heading.textContent = title;
    box.append(heading);
  }
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'facade-play');
  button.setAttribute('aria-label', title ? `Play ${title}` : 'Play video');
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M8 5v14l11-7z');
  svg.append(path);
  button.append(svg);
  button.addEventListener('click', () => {
    button.setAttribute('aria-busy', 'true');
    onPlay();
  });
  box.append(button);
  // Lit renders an adopted shadow root's content before its first child (`renderBefore`): an
  // empty comment stays there for it, so the facade itself can go.
  root.append(doc.createComment(''), box);
  return true;
}

/**
 * Shows the player's `<video>` (started by the loader before the player is defined,
 * docs/decisions/0067-first-frame-before-the-player.md) in the facade, over the poster and under
 * the title and the play button, which goes once the video plays. It stays when the facade goes
 * ({@link removeFacade}): the player renders that very element.
 */
export function showFacadeVideo(player: HTMLElement, video: HTMLVideoElement): void {
  const box = player.shadowRoot?.querySelector(`.${FACADE_CLASS}`);
  if (!box) return;
  const button = box.querySelector('button');
  box.insertBefore(video, box.querySelector('p') ?? button);
  // A keyboard user on the button keeps it (and their focus) until the player takes over.
  video.addEventListener(
    'playing',
    () => {
      if (button && player.shadowRoot?.activeElement !== button) button.hidden = true;
    },
    { once: true },
  );
}

/** Whether the facade's play button has focus (to hand focus to the real player after upgrade). */
export function facadeHasFocus(player: HTMLElement): boolean {
  return player.shadowRoot?.activeElement?.closest(`.${FACADE_CLASS}`) != null;
}

/**
 * Removes the facade's nodes and stylesheet from a player's shadow root, leaving whatever the
 * upgraded element rendered or adopted, and the video {@link showFacadeVideo} showed.
 */
export function removeFacade(player: HTMLElement): void {
  const root = player.shadowRoot;
  if (!root) return;
  // `:scope` matches nothing in a ShadowRoot (not an element): look at its children instead.
  for (const child of Array.from(root.children)) {
    if (!child.classList.contains(FACADE_CLASS)) continue;
    // The video the player takes over moves out in one step (a media element removed from the
    // document would pause); the player's first render moves it into its stage.
    for (const video of Array.from(child.querySelectorAll('video'))) root.append(video);
    child.remove();
  }
  const holder = player as unknown as Record<symbol, CSSStyleSheet | undefined>;
  const own = [facadeSheet(player.ownerDocument), holder[RATIO_SHEET]];
  holder[RATIO_SHEET] = undefined;
  if (root.adoptedStyleSheets.some((s) => own.includes(s))) {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !own.includes(s));
  }
}
