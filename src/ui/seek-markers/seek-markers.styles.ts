import { css } from 'lit';
import { baseStyles, tokenStyles } from '../shared/tokens.styles.js';

/** Styles of `<cuecart-seek-markers>`. */
export const seekMarkersStyles = [
  tokenStyles,
  baseStyles,
  css`
    :host {
      display: block;
      position: relative;
      block-size: 100%;
      min-block-size: 4px;
      pointer-events: none;
    }

    .track {
      position: absolute;
      inset: 0;
    }

    /* A 44 px hit area centred on the tick; the tick itself stays thin. */
    .marker {
      position: absolute;
      inset-block-start: 50%;
      inline-size: var(--_cc-touch);
      block-size: var(--_cc-touch);
      margin-block-start: calc(var(--_cc-touch) / -2);
      margin-inline-start: calc(var(--_cc-touch) / -2);
      padding: 0;
      border: 0;
      border-radius: 999px;
      background: transparent;
      cursor: pointer;
      pointer-events: auto;
      display: grid;
      place-items: center;
    }

    .tick {
      inline-size: var(--cuecart-marker-size, 4px);
      block-size: max(6px, 60%);
      max-block-size: 14px;
      border-radius: 2px;
      background: var(--cuecart-marker-color, var(--cuecart-accent, #ffd43b));
      box-shadow: 0 0 0 1px rgb(0 0 0 / 0.35);
      transition: transform var(--_cc-duration) ease;
    }

    .marker:hover .tick,
    .marker:focus-visible .tick {
      transform: scaleY(1.4);
    }

    [part~='marker-active'] .tick {
      background: var(--cuecart-marker-active-color, #ffffff);
    }

    .marker:focus-visible {
      outline-offset: -8px;
    }
  `,
];
