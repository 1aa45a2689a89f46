import { css } from 'lit';
import { baseStyles, controlStyles, tokenStyles } from '../shared/tokens.styles.js';

/** Styles of `<cuecart-product-list>`. */
export const productListStyles = [
  tokenStyles,
  baseStyles,
  controlStyles,
  css`
    :host {
      display: block;
      font-size: 0.9375rem;
      line-height: 1.35;
    }

    section {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      block-size: 100%;
      padding: 0.75rem;
      border-radius: var(--_cc-radius);
      background: var(--_cc-surface);
    }

    h2 {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      padding-inline: 0.25rem;
      font-size: 1rem;
      font-weight: 650;
    }

    .count {
      display: inline-grid;
      place-items: center;
      min-inline-size: 1.5rem;
      padding-inline: 0.4rem;
      border-radius: 999px;
      background: var(--_cc-surface-2);
      color: var(--_cc-text-muted);
      font-size: 0.8125rem;
      font-weight: 600;
    }

    /* Long (windowed) and stacked below the video: a box of its own, which scrolls. The player
       sets --_cc-list-capped: 1 only there; elsewhere it is unset, the calc() is invalid and
       nothing is capped (the player shell carries only that flag). */
    :host(:state(windowed)) ul {
      max-block-size: calc(
        var(--_cc-list-capped) * var(--cuecart-stacked-list-max-block-size, min(70svh, 36rem))
      );
    }

    ul {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
      overflow-y: auto;
      overscroll-behavior: contain;
    }

    li {
      position: relative;
      /* Never squeezed when the list's box is capped (it scrolls instead). */
      flex-shrink: 0;
      border-radius: var(--_cc-radius-small);
    }

    /* Stands for the entries of a long list that are not rendered (list-window.ts). */
    li.spacer {
      visibility: hidden;
      pointer-events: none;
      /* Never the entry the browser keeps in place while the window moves. */
      overflow-anchor: none;
    }

    li[aria-current='true'] {
      background: var(--_cc-surface-2);
    }

    li[aria-current='true']::before {
      content: '';
      position: absolute;
      inset-block: 0.5rem;
      inset-inline-start: 0;
      inline-size: 3px;
      border-radius: 3px;
      background: var(--cuecart-accent, var(--_cc-accent));
    }

    .entry {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      inline-size: 100%;
      min-block-size: var(--_cc-touch);
      padding: 0.5rem;
      border: 0;
      border-radius: inherit;
      background: transparent;
      text-align: start;
    }

    button.entry {
      cursor: pointer;
    }

    button.entry:hover {
      background: var(--_cc-surface-2);
    }

    .thumb {
      flex: none;
      inline-size: 3.5rem;
      block-size: 3.5rem;
      border-radius: var(--_cc-radius-small);
      background: var(--_cc-surface-2);
      object-fit: cover;
    }

    .text {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      flex: 1;
      min-inline-size: 0;
    }

    /* Titles get the whole text column and wrap onto a second line before they are cut. */
    .title {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
      font-weight: 600;
    }

    .meta,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }

    .actions {
      margin-block-start: 0.25rem;
    }

    .price,
    .time {
      color: var(--_cc-text-muted);
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
    }

    .time {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      flex: none;
      padding: 0.25rem 0.5rem;
      border-radius: 999px;
      background: var(--_cc-surface-2);
      color: var(--_cc-text);
      font-weight: 600;
      white-space: nowrap;
    }

    /* On the active row's highlight (the same grey as the pill) the pill takes the accent, so
       it still reads as a control (≥ 3:1 against the row) and its text stays ≥ 4.5:1. */
    li[aria-current='true'] .time {
      background: var(--cuecart-accent, var(--_cc-accent));
      color: var(--cuecart-accent-contrast, var(--_cc-accent-contrast));
    }

    .time svg {
      inline-size: 0.875rem;
      block-size: 0.875rem;
      fill: currentColor;
    }

    /* The play glyph points forward in reading order. */
    :host(:dir(rtl)) .time svg {
      transform: scaleX(-1);
    }

    select {
      flex: 1 1 6rem;
      min-inline-size: 0;
      max-inline-size: 100%;
      /* Chromium already keeps the native chevron's width clear; a little more keeps a long
         value ("Tortoise (sold out)") off the chevron, and it ends in an ellipsis instead of
         being cut. (2rem more would cut short values like "Black" on a phone.) */
      padding-inline: 0.5rem 0.75rem;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .buy {
      flex: none;
      padding-inline: 0.875rem;
      font-size: 0.875rem;
    }

    [part~='add-button-added'] {
      background: var(--cuecart-success, var(--_cc-success));
      color: var(--_cc-surface);
    }

    .empty {
      margin: 0;
      padding: 1.5rem 0.5rem;
      color: var(--_cc-text-muted);
      text-align: center;
    }
  `,
];
