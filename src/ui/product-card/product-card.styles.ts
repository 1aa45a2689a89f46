import { css } from 'lit';
import { baseStyles, controlStyles, tokenStyles } from '../shared/tokens.styles.js';

/** Styles of `<cuecart-product-card>`. */
export const productCardStyles = [
  tokenStyles,
  baseStyles,
  controlStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      font-size: 0.9375rem;
      line-height: 1.4;
    }

    .card {
      display: flex;
      flex-direction: column;
      overflow: hidden;
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      background: var(--_cc-surface);
      box-shadow: var(--_cc-shadow);
    }

    .media {
      position: relative;
      background: var(--_cc-surface-2);
    }

    .media img,
    .placeholder {
      inline-size: 100%;
      aspect-ratio: 1;
      object-fit: cover;
    }

    .badge {
      position: absolute;
      inset-block-start: 0.5rem;
      inset-inline-start: 0.5rem;
    }

    .body {
      display: flex;
      flex-direction: column;
      gap: 0.625rem;
      padding: 0.875rem 1rem 1rem;
      min-inline-size: 0;
    }

    .title {
      margin: 0;
      font-weight: 600;
      font-size: 1rem;
      line-height: 1.3;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }

    .title a {
      color: inherit;
      text-decoration: none;
    }

    .title a:hover {
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }

    .price {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }

    [part='price-current'] {
      font-weight: 650;
      font-size: 1.0625rem;
    }

    [part='price-current'].sale {
      color: var(--cuecart-sale, var(--_cc-sale));
    }

    [part='price-compare'] {
      color: var(--_cc-text-muted);
      font-size: 0.875rem;
    }

    .options {
      display: flex;
      flex-direction: column;
      gap: 0.625rem;
    }

    .option {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }

    .option legend,
    .option-select label {
      padding: 0;
      margin-block-end: 0.375rem;
      color: var(--_cc-text-muted);
      font-size: 0.8125rem;
      font-weight: 500;
    }

    .option-current {
      color: var(--_cc-text);
    }

    .option-select {
      display: flex;
      flex-direction: column;
    }

    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }

    .chip {
      position: relative;
      display: inline-grid;
      place-items: center;
      min-inline-size: var(--_cc-touch);
      min-block-size: var(--_cc-touch);
      padding-inline: 0.75rem;
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius-small);
      background: var(--_cc-surface);
      font-size: 0.875rem;
      cursor: pointer;
      transition:
        border-color var(--_cc-duration) ease,
        background-color var(--_cc-duration) ease;
    }

    .chip input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: inherit;
    }

    .chip:hover {
      border-color: var(--_cc-text-muted);
    }

    .chip:has(input:checked) {
      border-color: var(--cuecart-accent, var(--_cc-accent));
      box-shadow: inset 0 0 0 1px var(--cuecart-accent, var(--_cc-accent));
      font-weight: 600;
    }

    .chip:has(input:focus-visible) {
      outline: 2px solid var(--_cc-focus-ring);
      outline-offset: 2px;
    }

    .chip:has(input:disabled) {
      color: var(--_cc-text-muted);
      background: var(--_cc-surface-2);
      text-decoration: line-through;
      cursor: not-allowed;
    }

    select {
      /* A long value ends in an ellipsis before the native chevron instead of being cut. */
      padding-inline: 0.75rem;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .actions {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }

    .add {
      flex: 1;
    }

    [part~='add-button-added'] {
      background: var(--cuecart-success, var(--_cc-success));
      color: var(--_cc-surface);
    }

    .error {
      color: var(--cuecart-danger, var(--_cc-danger));
      font-size: 0.8125rem;
    }

    .error:empty {
      display: none;
    }

    /* Overlay: a compact horizontal glass card that floats over the video. */
    :host([layout='overlay']) .card {
      display: grid;
      grid-template-columns: var(--cuecart-card-image-size, 76px) minmax(0, 1fr);
      align-items: start;
      gap: 0.75rem;
      padding: 0.625rem;
      border-color: color-mix(in srgb, var(--_cc-surface) 40%, transparent);
      background: color-mix(
        in srgb,
        var(--_cc-surface) var(--cuecart-overlay-opacity, 86%),
        transparent
      );
      -webkit-backdrop-filter: blur(var(--cuecart-overlay-blur, 16px)) saturate(1.4);
      backdrop-filter: blur(var(--cuecart-overlay-blur, 16px)) saturate(1.4);
    }

    :host([layout='overlay']) .media {
      border-radius: var(--_cc-radius-small);
      overflow: hidden;
    }

    :host([layout='overlay']) .body {
      padding: 0;
      gap: 0.5rem;
    }

    :host([layout='overlay']) .title {
      font-size: 0.9375rem;
    }

    :host([compact]) .options {
      flex-direction: row;
      flex-wrap: wrap;
    }

    :host([compact]) .option-select {
      flex: 1 1 4.5rem;
      min-inline-size: 0;
    }

    /* Compact selects keep their <label> as accessible name but show only the value. */
    :host([compact]) .option-select label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }

    /* A panel beside a 16:9 video is short: a wide image box keeps the buy button in view. */
    :host([layout='panel']) .media img,
    :host([layout='panel']) .placeholder {
      aspect-ratio: var(--cuecart-card-image-ratio, 16 / 9);
      object-fit: contain;
    }

    /* Wide panels put the image beside the details. */
    @container (min-inline-size: 34rem) {
      :host([layout='panel']) .card {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }

      :host([layout='panel']) .media img,
      :host([layout='panel']) .placeholder {
        block-size: 100%;
      }
    }
  `,
];
