import { css } from 'lit';
import { coreDarkTokens, coreLightTokens, themeStyles } from './core-tokens.styles.js';

/*
 * Design tokens shared by every Cuecart shopping element (the player's own, a subset, are in
 * core-tokens.styles.ts, which ships in the player shell; this module arrives with the shopping
 * chunk). Public knobs are `--cuecart-*` custom properties
 * (inherited through shadow roots, so a host sets them once on the player or on `:root`). Each one
 * is resolved here into a private `--_cc-*` token whose last fallback is the theme default; rules
 * then read e.g. `var(--cuecart-buy-bg, var(--_cc-accent))`, so the most specific public knob wins.
 *
 * Defaults meet WCAG 2.2 AA: text ≥ 4.5:1 and the buy button ≥ 4.5:1 in both themes
 * (light: text 17.8:1, muted 6.3:1, white on accent 6.6:1, sale 6.5:1;
 *  dark: text 15.8:1, muted 7.8:1, ink on accent 8.5:1, sale 7.8:1).
 */

/** Light-theme defaults of the tokens only the shopping elements read (beside the core ones). */
const shopLightTokens = css`
  --_cc-surface-2: var(--cuecart-surface-2, #f3f4f6);
  --_cc-text-muted: var(--cuecart-text-muted, #5a606c);
  --_cc-sale: var(--cuecart-sale, #b4232c);
  --_cc-danger: var(--cuecart-danger, #b4232c);
  --_cc-success: var(--cuecart-success, #17663a);
  --_cc-backdrop: var(--cuecart-backdrop, rgb(10 12 16 / 0.45));
`;

/** Dark-theme defaults of the tokens only the shopping elements read. */
const shopDarkTokens = css`
  --_cc-surface-2: var(--cuecart-surface-2, #23262d);
  --_cc-text-muted: var(--cuecart-text-muted, #a6adba);
  --_cc-sale: var(--cuecart-sale, #ff8a8f);
  --_cc-danger: var(--cuecart-danger, #ff8a8f);
  --_cc-success: var(--cuecart-success, #6fdc9a);
  --_cc-backdrop: var(--cuecart-backdrop, rgb(0 0 0 / 0.6));
`;

/**
 * Theme tokens for `:host`: light by default, dark under `prefers-color-scheme: dark` unless
 * `theme="light"`, and dark whenever `theme="dark"`. Every token: the core ones the player also
 * uses (core-tokens.styles.ts) and the shopping elements' own.
 */
export const tokenStyles = themeStyles(
  css`
    ${coreLightTokens}
    ${shopLightTokens}
  `,
  css`
    ${coreDarkTokens}
    ${shopDarkTokens}
  `,
  css`
    --_cc-radius: var(--cuecart-radius, 14px);
    --_cc-radius-small: calc(var(--_cc-radius) * 0.6);
    --_cc-font: var(
      --cuecart-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_cc-touch: var(--cuecart-touch-target, 44px);
    --_cc-duration: var(--cuecart-transition-duration, 180ms);
    font-family: var(--_cc-font);
  `,
);

/**
 * Resets and utilities every element shares: box sizing, `[hidden]`, the visually-hidden class,
 * the focus ring and reduced-motion handling.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  :focus-visible {
    outline: 2px solid var(--_cc-focus-ring);
    outline-offset: 2px;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  img {
    display: block;
    max-inline-size: 100%;
  }

  @keyframes cc-spin {
    to {
      transform: rotate(1turn);
    }
  }

  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: cc-spin 0.7s linear infinite;
    flex: none;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }

    /* A frozen spinner still reads as "busy"; the text next to it says so too. */
    .spinner {
      border-inline-end-color: currentColor;
      opacity: 0.5;
    }
  }
`;

/**
 * Buttons: the primary buy button (`.buy`), quiet icon buttons (`.icon-button`) and the quantity
 * stepper. Every target is at least `--cuecart-touch-target` (44 px) tall.
 */
export const controlStyles = css`
  .buy {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--_cc-touch);
    padding-block: 0.5rem;
    padding-inline: 1.125rem;
    border: 0;
    border-radius: var(--cuecart-button-radius, calc(var(--_cc-radius) * 0.75));
    background: var(--cuecart-buy-bg, var(--_cc-accent));
    color: var(--cuecart-buy-text, var(--_cc-accent-contrast));
    font-weight: 650;
    font-size: 0.9375rem;
    line-height: 1.2;
    cursor: pointer;
    white-space: nowrap;
    transition:
      filter var(--_cc-duration) ease,
      transform var(--_cc-duration) ease;
  }

  .buy:hover:not(:disabled, [aria-disabled='true']) {
    filter: brightness(1.08);
  }

  .buy:active:not(:disabled, [aria-disabled='true']) {
    transform: scale(0.98);
  }

  .buy:disabled {
    cursor: not-allowed;
    background: var(--_cc-surface-2);
    color: var(--_cc-text-muted);
  }

  .buy[aria-disabled='true'] {
    cursor: progress;
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    min-inline-size: var(--_cc-touch);
    min-block-size: var(--_cc-touch);
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  .icon-button:hover {
    background: var(--_cc-surface-2);
  }

  .icon-button svg,
  .buy svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
    flex: none;
  }

  .stepper {
    display: inline-flex;
    align-items: center;
    border: 1px solid var(--_cc-border);
    border-radius: 999px;
    background: var(--_cc-surface);
  }

  .stepper button {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_cc-touch);
    block-size: var(--_cc-touch);
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    font-size: 1.125rem;
    line-height: 1;
    cursor: pointer;
  }

  .stepper button[aria-disabled='true'] {
    color: var(--_cc-text-muted);
    cursor: not-allowed;
    opacity: 0.55;
  }

  .stepper input {
    inline-size: 2.5ch;
    min-block-size: var(--_cc-touch);
    padding: 0;
    border: 0;
    background: transparent;
    text-align: center;
    font-variant-numeric: tabular-nums;
    appearance: textfield;
    -moz-appearance: textfield;
  }

  .stepper input::-webkit-outer-spin-button,
  .stepper input::-webkit-inner-spin-button {
    appearance: none;
    margin: 0;
  }

  select {
    min-block-size: var(--_cc-touch);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius-small);
    background: var(--_cc-surface);
  }
`;
