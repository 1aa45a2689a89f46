import { css, unsafeCSS } from 'lit';
import { OVERLAY_CARD } from '../controllers/layout-geometry.js';
import { coreTokenStyles } from '../shared/core-tokens.styles.js';

/**
 * The overlay card's place, in the numbers the `auto` layout decides with (layout-geometry.ts).
 * Plain custom properties in their own sheet: the build's CSS minifier mangles `${}`
 * interpolations inside declarations.
 */
const overlayCardGeometry = unsafeCSS(
  `:host{--_cc-card-inset:${OVERLAY_CARD.inset}px;` +
    `--_cc-card-block-end:${OVERLAY_CARD.blockEnd}px;` +
    `--_cc-card-max-inline:${OVERLAY_CARD.maxInlineSize}px}`,
);

export const playerStyles = [
  coreTokenStyles,
  overlayCardGeometry,
  css`
    :host {
      display: block;
      position: relative;
      max-inline-size: 100%;
      color: var(--cuecart-text, var(--_cc-text));
      font-family: var(--cuecart-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      border-radius: var(--cuecart-player-radius, 0);
      overflow: hidden;
      background: var(--cuecart-surface, var(--_cc-surface));
    }
    :host([hidden]) {
      display: none;
    }
    .layout {
      /* The stage reserves its aspect ratio from the first paint: no layout shift in the page. */
      position: relative;
      display: grid;
      /* The stacked layout arranges its panel by the player's width (a container query). */
      container: cuecart-layout / inline-size;
      grid-template-areas: 'stage';
      grid-template-columns: minmax(0, 1fr);
    }
    .layout:has(> .panel) {
      grid-template-areas: 'stage panel';
      grid-template-columns: minmax(0, 1fr) var(--cuecart-panel-width, 340px);
    }
    /* Stacked (a landscape picture on a narrow player): card and list below the video. */
    .layout:has(> .panel.stacked) {
      grid-template-areas: 'stage' 'panel';
      grid-template-columns: minmax(0, 1fr);
    }
    .sizer {
      /* The stage's box as it is at the player's full width (overlay and stacked layouts): the
         same ratio and cap as .stage, whatever the layout. The layout controller measures it;
         since its size never depends on the layout chosen, switching layout cannot start a
         ResizeObserver loop. */
      position: absolute;
      inset-inline-start: 0;
      inset-block-start: 0;
      /* Definite, so a capped height does not shrink the width through the ratio. */
      inline-size: 100%;
      aspect-ratio: var(--cuecart-aspect-ratio, var(--_cc-stream-ratio, 16 / 9));
      max-block-size: var(--cuecart-max-block-size, 100svh);
      visibility: hidden;
      pointer-events: none;
    }
    .stage {
      grid-area: stage;
      position: relative;
      /* A definite width: when max-block-size caps a tall stream, the box keeps the full width
         and the picture is pillarboxed (an auto width would shrink with the ratio). */
      inline-size: 100%;
      /* The page's ratio, else the stream's own once known (set by the stream-shape
         controller), else the reserved one (the aspect-ratio attribute, else 16:9). */
      aspect-ratio: var(--cuecart-aspect-ratio, var(--_cc-stream-ratio, 16 / 9));
      /* A tall stream on a wide player is pillarboxed, never taller than the screen. */
      max-block-size: var(--cuecart-max-block-size, 100svh);
      background: var(--cuecart-video-bg, #000);
      color: #fff;
      outline: none;
      overflow: hidden;
      min-block-size: 0;
    }
    .stage:focus-visible {
      box-shadow: inset 0 0 0 3px var(--cuecart-focus-ring, #7cc4ff);
    }
    video {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      object-fit: var(--cuecart-object-fit, contain);
      background: inherit;
    }
    cuecart-controls {
      position: absolute;
      inset-inline: 0;
      inset-block-end: 0;
      z-index: 3;
    }
    cuecart-seek-markers {
      position: absolute;
      inset: 0;
    }
    .overlay {
      position: absolute;
      inset-inline: var(--_cc-card-inset);
      inset-block-end: var(--_cc-card-block-end);
      z-index: 2;
      display: flex;
      justify-content: flex-start;
    }
    .overlay cuecart-product-card {
      inline-size: min(100%, var(--_cc-card-max-inline));
    }
    .sheet {
      position: absolute;
      inset-inline: 0;
      inset-block: 3.75rem calc(52px + 0.25rem);
      z-index: 4;
      overflow: auto;
      padding: 0.5rem;
    }
    .topbar {
      /* A grid item over the stage, not positioned: the mini cart's contained drawer then
         covers the whole player (the nearest positioned ancestor is .layout). */
      grid-area: stage;
      align-self: start;
      /* Across the stage, its buttons at the end: its start point stays put when the cart
         button appears after upgrade (a box growing leftwards counts as a layout shift). It
         takes no clicks itself, so the stage under it still does. */
      justify-self: stretch;
      justify-content: flex-end;
      pointer-events: none;
      z-index: 5;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.75rem;
    }
    .topbar > * {
      pointer-events: auto;
    }
    .products-button {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-block-size: 44px;
      padding-inline: 0.75rem;
      border: 0;
      border-radius: 999px;
      background: var(--cuecart-surface, var(--_cc-surface));
      color: var(--cuecart-text, var(--_cc-text));
      box-shadow: var(--_cc-shadow);
      font: inherit;
      font-size: 0.875rem;
      font-weight: 600;
      cursor: pointer;
    }
    .products-button svg {
      inline-size: 1.125rem;
      block-size: 1.125rem;
      fill: currentColor;
    }
    .products-button .badge {
      min-inline-size: 1.25rem;
      padding-inline: 0.3rem;
      border-radius: 999px;
      background: var(--cuecart-accent, var(--_cc-accent));
      color: var(--cuecart-accent-contrast, var(--_cc-accent-contrast));
      font-size: 0.75rem;
      line-height: 1.25rem;
    }
    .products-button:focus-visible {
      outline: 3px solid var(--cuecart-focus-ring, var(--_cc-focus-ring));
      outline-offset: 2px;
    }
    .panel {
      grid-area: panel;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 0.75rem;
      overflow: auto;
      /* Sized by the stage's row, never taller: the panel scrolls instead. */
      contain: size;
      background: var(--cuecart-surface, var(--_cc-surface));
      color: var(--cuecart-text, var(--_cc-text));
      border-inline-start: 1px solid var(--_cc-border, rgb(0 0 0 / 0.08));
    }
    .panel:not(.stacked) {
      /* A size container: the card's image is capped by the panel's height (cqb). */
      container-type: size;
    }
    /* Beside a 16:9 video at laptop sizes the panel is short (about 385 px at 1024 wide): the
       card's image takes at most 30 % of it, and the buy row sticks to the panel's bottom edge
       (over the card's surface) so "Add to cart" is in view without scrolling the panel. */
    .panel:not(.stacked) cuecart-product-card::part(base) {
      /* Clips like hidden without being a scroll container, which would hold the sticky row. */
      overflow: clip;
    }
    .panel:not(.stacked) cuecart-product-card::part(image) {
      max-block-size: 30cqb;
    }
    .panel:not(.stacked) cuecart-product-card::part(actions) {
      position: sticky;
      /* Stuck at the panel's padding edge (not its content edge), so nothing peeks below. */
      inset-block-end: -0.75rem;
      z-index: 1;
      margin-block: -0.5rem -1.25rem;
      padding-block: 0.5rem 1.25rem;
      background: var(--cuecart-surface, var(--_cc-surface));
    }
    .panel.stacked {
      /* Below the video the page scrolls, not the panel; a long list (past 100 entries, a
         replay of many cues) is capped in a box of its own instead of making the page as tall
         as all its entries (the rule and its height: product-list.styles.ts). */
      --_cc-list-capped: 1;
      contain: none;
      overflow: visible;
      border-inline-start: 0;
    }
    /* A stacked tablet-wide player: the card (at its overlay width) beside the list, instead of
       one card stretched across the screen. DOM order (card, then list) stays the reading and
       focus order. */
    @container cuecart-layout (min-width: 600px) {
      .panel.stacked {
        flex-direction: row;
        align-items: flex-start;
      }
      .panel.stacked .panel-card {
        flex: 0 1 var(--_cc-card-max-inline);
        min-inline-size: 0;
      }
      .panel.stacked cuecart-product-list {
        flex: 1 1 0;
        min-inline-size: 0;
      }
    }
    .error {
      position: absolute;
      inset: 0;
      z-index: 6;
      display: grid;
      place-items: center;
      padding: 1.5rem;
      text-align: center;
      background: rgb(0 0 0 / 0.78);
      color: #fff;
      font-size: 0.9375rem;
    }
    .error {
      align-content: center;
      gap: 1rem;
    }
    .error p {
      margin: 0;
      max-inline-size: 32ch;
    }
    .retry {
      font: inherit;
      padding: 0.5rem 1.25rem;
      border: 0;
      border-radius: 999px;
      background: #fff;
      color: #111;
      cursor: pointer;
    }
    .retry:focus-visible {
      outline: 2px solid #fff;
      outline-offset: 3px;
    }
    .stream-status {
      position: absolute;
      inset-block-start: 0.75rem;
      inset-inline-start: 50%;
      z-index: 5;
      transform: translateX(-50%);
      padding: 0.375rem 0.875rem;
      border-radius: 999px;
      background: rgb(0 0 0 / 0.72);
      color: #fff;
      font-size: 0.875rem;
      pointer-events: none;
    }
    .stream-status:empty {
      display: none;
    }
    .spinner {
      position: absolute;
      inset-block-start: 50%;
      inset-inline-start: 50%;
      inline-size: 40px;
      block-size: 40px;
      margin: -20px;
      border: 3px solid rgb(255 255 255 / 0.3);
      border-block-start-color: #fff;
      border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
