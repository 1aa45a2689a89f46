import { css } from 'lit';
import { baseStyles, controlStyles, tokenStyles } from '../shared/tokens.styles.js';

/** Styles of `<cuecart-mini-cart>`. */
export const miniCartStyles = [
  tokenStyles,
  baseStyles,
  controlStyles,
  css`
    :host {
      display: inline-block;
      font-size: 0.9375rem;
      line-height: 1.4;
    }

    p {
      margin: 0;
    }

    .cart-button {
      position: relative;
      display: inline-grid;
      place-items: center;
      inline-size: var(--_cc-touch);
      block-size: var(--_cc-touch);
      padding: 0;
      border: 0;
      border-radius: 999px;
      background: var(--cuecart-cart-button-bg, var(--_cc-surface));
      color: var(--cuecart-cart-button-text, var(--_cc-text));
      box-shadow: var(--_cc-shadow);
      cursor: pointer;
    }

    .cart-button svg {
      inline-size: 1.375rem;
      block-size: 1.375rem;
      fill: currentColor;
    }

    .count {
      position: absolute;
      inset-block-start: -2px;
      inset-inline-end: -2px;
      min-inline-size: 1.25rem;
      block-size: 1.25rem;
      padding-inline: 0.3rem;
      border-radius: 999px;
      background: var(--cuecart-accent, var(--_cc-accent));
      color: var(--cuecart-accent-contrast, var(--_cc-accent-contrast));
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }

    .backdrop {
      position: fixed;
      inset: 0;
      z-index: 2147483000;
      background: var(--_cc-backdrop);
      animation: cc-fade var(--_cc-duration) ease;
    }

    .drawer {
      position: fixed;
      inset-block: 0;
      inset-inline-end: 0;
      z-index: 2147483001;
      display: flex;
      flex-direction: column;
      inline-size: var(--cuecart-drawer-width, min(100%, 24rem));
      background: var(--_cc-surface);
      color: var(--_cc-text);
      box-shadow: var(--_cc-shadow);
      animation: cc-slide-in calc(var(--_cc-duration) * 1.5) cubic-bezier(0.2, 0.8, 0.2, 1);
    }

    :host([contained]) .backdrop,
    :host([contained]) .drawer {
      position: absolute;
    }

    /* On a phone a contained drawer would be as tall as the player (video and list), its
       checkout below the screen's edge: it takes the screen instead, its lines scrolling
       between the header and the footer (subtotal and checkout), which stay in view. */
    @media (max-width: 600px) {
      :host([contained]) .backdrop,
      :host([contained]) .drawer {
        position: fixed;
      }

      /* No sliver of page beside a nearly full-width drawer. */
      :host([contained]) .drawer {
        inline-size: var(--cuecart-drawer-width, 100%);
      }
    }

    .drawer {
      max-block-size: 100dvh;
    }

    @keyframes cc-fade {
      from {
        opacity: 0;
      }
    }

    @keyframes cc-slide-in {
      from {
        transform: translateX(100%);
      }
    }

    @keyframes cc-slide-in-rtl {
      from {
        transform: translateX(-100%);
      }
    }

    :host(:dir(rtl)) .drawer {
      animation-name: cc-slide-in-rtl;
    }

    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding-block: 0.5rem;
      padding-inline: 1rem 0.5rem;
      border-block-end: 1px solid var(--_cc-border);
    }

    h2 {
      margin: 0;
      font-size: 1.0625rem;
      font-weight: 650;
    }

    h2:focus {
      outline: none;
    }

    .title-count {
      color: var(--_cc-text-muted);
      font-weight: 500;
    }

    .progress {
      block-size: 3px;
      background: linear-gradient(
          90deg,
          transparent,
          var(--cuecart-accent, var(--_cc-accent)),
          transparent
        )
        0 0 / 40% 100% no-repeat;
      animation: cc-progress 1s linear infinite;
    }

    @keyframes cc-progress {
      from {
        background-position: -40% 0;
      }
      to {
        background-position: 140% 0;
      }
    }

    .error {
      margin: 0.75rem 1rem 0;
      padding: 0.625rem 0.75rem;
      border-radius: var(--_cc-radius-small);
      background: color-mix(in srgb, var(--cuecart-danger, var(--_cc-danger)) 12%, transparent);
      color: var(--_cc-text);
      border-inline-start: 3px solid var(--cuecart-danger, var(--_cc-danger));
      font-size: 0.875rem;
    }

    .error:empty {
      display: none;
    }

    .lines {
      flex: 1;
      margin: 0;
      padding: 0.25rem 1rem;
      list-style: none;
      overflow-y: auto;
      overscroll-behavior: contain;
    }

    .line {
      display: grid;
      grid-template-columns: 4rem minmax(0, 1fr) auto;
      gap: 0.75rem;
      padding-block: 0.875rem;
      border-block-end: 1px solid var(--_cc-border);
      transition: opacity var(--_cc-duration) ease;
    }

    .line:last-child {
      border-block-end: 0;
    }

    .line[aria-busy='true'] {
      opacity: 0.6;
    }

    .thumb {
      inline-size: 4rem;
      block-size: 4rem;
      border-radius: var(--_cc-radius-small);
      background: var(--_cc-surface-2);
      object-fit: cover;
    }

    .line-info {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      min-inline-size: 0;
    }

    .line-title {
      font-weight: 600;
    }

    .line-title a {
      color: inherit;
      text-decoration: none;
    }

    .line-title a:hover {
      text-decoration: underline;
    }

    .muted {
      color: var(--_cc-text-muted);
      font-size: 0.8125rem;
    }

    .line-controls {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      margin-block-start: 0.375rem;
    }

    .remove {
      color: var(--_cc-text-muted);
    }

    .remove:hover {
      color: var(--cuecart-danger, var(--_cc-danger));
    }

    .line-price {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .empty {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      padding: 2rem 1rem;
      color: var(--_cc-text-muted);
      text-align: center;
    }

    .empty svg {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      fill: currentColor;
      opacity: 0.6;
    }

    .secondary {
      min-block-size: var(--_cc-touch);
      padding-inline: 1.125rem;
      border: 1px solid var(--_cc-border);
      border-radius: 999px;
      background: transparent;
      color: var(--_cc-text);
      font-weight: 600;
      cursor: pointer;
    }

    .footer {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 1rem;
      border-block-start: 1px solid var(--_cc-border);
      background: var(--_cc-surface);
    }

    .subtotal {
      display: flex;
      justify-content: space-between;
      font-weight: 650;
      font-size: 1rem;
    }

    .amount {
      font-variant-numeric: tabular-nums;
    }

    .checkout {
      inline-size: 100%;
      margin-block-start: 0.25rem;
    }
  `,
];
