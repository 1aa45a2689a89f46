import { css } from 'lit';
import { baseStyles, tokenStyles } from '../ui/shared/tokens.styles.js';

/** Styles of `<cuecart-studio>`: monitor beside a panel of large product buttons. */
export const studioStyles = [
  tokenStyles,
  baseStyles,
  css`
    :host {
      display: block;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      font-family: var(--cuecart-font, system-ui, sans-serif);
    }
    .studio {
      display: grid;
      gap: 16px;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 900px) {
      .studio {
        grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr);
      }
    }
    .monitor {
      inline-size: 100%;
    }
    .panel {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .clock {
      margin: 0;
      display: flex;
      flex-direction: column;
    }
    .clock .label {
      font-size: 0.8rem;
      color: var(--_cc-text-muted);
    }
    .clock time {
      font-size: 1.6rem;
      font-variant-numeric: tabular-nums;
    }
    button {
      cursor: pointer;
      border: 1px solid var(--_cc-border);
      border-radius: 8px;
      background: var(--_cc-surface-2);
      padding: 6px 10px;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .end {
      padding: 12px 18px;
      font-weight: 600;
    }
    .products {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    }
    .product {
      inline-size: 100%;
      min-block-size: 96px;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 6px;
      padding: 12px;
      text-align: start;
    }
    .product img {
      inline-size: 48px;
      block-size: 48px;
      object-fit: contain;
    }
    .product .title {
      font-weight: 600;
    }
    .product .action {
      font-size: 0.85rem;
      color: var(--_cc-text-muted);
    }
    .product[aria-pressed='true'] {
      background: var(--cuecart-accent, var(--_cc-accent));
      color: var(--_cc-accent-contrast);
      border-color: transparent;
    }
    .product[aria-pressed='true'] .action {
      color: inherit;
    }
    kbd {
      font-family: ui-monospace, monospace;
      font-size: 0.8em;
      border: 1px solid currentColor;
      border-radius: 4px;
      padding: 0 4px;
    }
    .status {
      margin: 0;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--_cc-surface-2);
    }
    .status[data-state='published'] {
      color: var(--_cc-success);
    }
    .status[data-state='failed'] {
      color: var(--_cc-danger);
      font-weight: 600;
    }
    .log {
      margin: 0;
      padding-inline-start: 20px;
      font-size: 0.85rem;
      color: var(--_cc-text-muted);
    }
    .marks {
      border-collapse: collapse;
      inline-size: 100%;
      font-size: 0.9rem;
    }
    .marks caption {
      text-align: start;
      font-weight: 600;
    }
    .marks th,
    .marks td {
      border-block-end: 1px solid var(--_cc-border);
      padding: 4px;
      text-align: start;
    }
    .marks tr[aria-selected='true'] {
      background: var(--_cc-surface-2);
    }
    .time {
      font-variant-numeric: tabular-nums;
    }
    .exports {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .shortcuts dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      margin: 8px 0 0;
    }
    .shortcuts dd {
      margin: 0;
    }
    .notice {
      margin: 0;
      min-block-size: 1.2em;
      font-size: 0.9rem;
    }
  `,
];
