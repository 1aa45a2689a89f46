import { css } from 'lit';

export const controlsStyles = css`
  :host {
    display: block;
    color: var(--cuecart-controls-text, #fff);
    font: inherit;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.25rem 0.5rem;
    background: var(
      --cuecart-controls-bg,
      linear-gradient(to top, rgb(0 0 0 / 0.72), rgb(0 0 0 / 0))
    );
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    min-inline-size: 44px;
    min-block-size: 44px;
    border-radius: var(--cuecart-radius, 10px);
    cursor: pointer;
  }
  button:hover {
    background: rgb(255 255 255 / 0.14);
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--cuecart-focus-ring, #7cc4ff);
    outline-offset: 2px;
  }
  svg {
    inline-size: 22px;
    block-size: 22px;
    fill: currentColor;
  }
  .seek {
    position: relative;
    flex: 1;
    display: flex;
    align-items: center;
    min-block-size: 44px;
  }
  input[type='range'] {
    inline-size: 100%;
    margin: 0;
    accent-color: var(--cuecart-accent, #ff3d6e);
    cursor: pointer;
  }
  .time {
    font-variant-numeric: tabular-nums;
    font-size: 0.8125rem;
    white-space: nowrap;
    padding-inline: 0.25rem;
  }
  .spacer {
    flex: 1;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-inline: 0.625rem;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .live .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: rgb(255 255 255 / 0.6);
  }
  .live[aria-pressed='true'] .dot,
  :host([at-live-edge]) .live .dot {
    background: var(--cuecart-live, #ff2d55);
  }
  ::slotted(*) {
    flex: none;
  }
`;
