import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
    position: relative;
    /* Reserve the box before metadata arrives: no layout shift in the host page. */
    aspect-ratio: var(--cuecart-aspect-ratio, 16 / 9);
    max-inline-size: 100%;
    background: var(--cuecart-video-bg, #000);
    color: var(--cuecart-text, #fff);
    font-family: var(--cuecart-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    border-radius: var(--cuecart-player-radius, 0);
    overflow: hidden;
    contain: layout paint;
  }
  :host([hidden]) {
    display: none;
  }
  .stage {
    position: absolute;
    inset: 0;
    outline: none;
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
    z-index: 2;
  }
  .error {
    position: absolute;
    inset: 0;
    z-index: 3;
    display: grid;
    place-items: center;
    padding: 1.5rem;
    text-align: center;
    background: rgb(0 0 0 / 0.78);
    color: #fff;
    font-size: 0.9375rem;
  }
  .error p {
    margin: 0;
    max-inline-size: 32ch;
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
`;
