import { css, type CSSResult } from 'lit';

/*
 * The design tokens the player's own shadow DOM reads (its surface, text, border, the "In this
 * show" button and the focus ring): the part of the theme that ships in the player shell.
 * The shopping elements' tokens (tokens.styles.ts) add theirs to these and arrive with the
 * shopping chunk (docs/decisions/0061-shop-only-styles-and-strings-leave-the-shell.md).
 * Public knobs are `--cuecart-*`; each resolves into a private `--_cc-*` token (see tokens.styles.ts).
 */

/** Light-theme defaults of the core tokens (bare declarations, spliced into `:host` rules). */
export const coreLightTokens = css`
  --_cc-accent: var(--cuecart-accent, #2d4fd6);
  --_cc-accent-contrast: var(--cuecart-accent-contrast, #ffffff);
  --_cc-surface: var(--cuecart-surface, #ffffff);
  --_cc-text: var(--cuecart-text, #16181d);
  --_cc-border: var(--cuecart-border, rgb(22 24 29 / 0.12));
  --_cc-focus-ring: var(--cuecart-focus-ring, #2d4fd6);
  --_cc-shadow: var(
    --cuecart-shadow,
    0 1px 2px rgb(16 18 24 / 0.08),
    0 8px 24px rgb(16 18 24 / 0.14)
  );
`;

/** Dark-theme defaults of the core tokens. */
export const coreDarkTokens = css`
  --_cc-accent: var(--cuecart-accent, #8eabff);
  --_cc-accent-contrast: var(--cuecart-accent-contrast, #0b1020);
  --_cc-surface: var(--cuecart-surface, #17191e);
  --_cc-text: var(--cuecart-text, #f2f3f5);
  --_cc-border: var(--cuecart-border, rgb(242 243 245 / 0.14));
  --_cc-focus-ring: var(--cuecart-focus-ring, #8eabff);
  --_cc-shadow: var(--cuecart-shadow, 0 1px 2px rgb(0 0 0 / 0.3), 0 8px 28px rgb(0 0 0 / 0.45));
`;

/**
 * Theme rules for `:host` from declaration fragments: `light` by default, `dark` under
 * `prefers-color-scheme: dark` unless `theme="light"`, and `dark` whenever `theme="dark"`;
 * `host` is spliced into the light `:host` rule as well (what does not change with the theme).
 */
export function themeStyles(light: CSSResult, dark: CSSResult, host: CSSResult): CSSResult {
  return css`
    :host {
      ${light}
      ${host}
      color-scheme: light;
      color: var(--_cc-text);
      -webkit-font-smoothing: antialiased;
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${dark}
        color-scheme: dark;
      }
    }

    :host([theme='dark']) {
      ${dark}
      color-scheme: dark;
    }
  `;
}

/** The player's theme: the core tokens on its `:host`. */
export const coreTokenStyles = themeStyles(coreLightTokens, coreDarkTokens, css``);
