/**
 * Cuecart's one Trusted Types policy, for pages that send `require-trusted-types-for 'script'`.
 * Its only sink is the classic-script build's `<script src>` for hls.js and, from the classic
 * loader, for the whole classic player `cuecart.iife.js` and Cuecart's hls.js engine
 * `cuecart-hls-engine.iife.js`; Cuecart assigns no
 * HTML and evaluates no strings. List the policy in the page's `trusted-types` directive
 * (see docs/security.md). Lit brings its own policy, `lit-html`.
 * @see https://w3c.github.io/trusted-types/dist/spec/
 */

/** The policy name a page lists in `trusted-types` for Cuecart. */
export const TRUSTED_TYPES_POLICY_NAME = 'cuecart';

/**
 * The scripts Cuecart may load as classic scripts, over http(s): hls.js's own builds, the whole
 * classic player and Cuecart's classic hls.js engine (loaded by the classic loader from beside
 * itself).
 */
const ALLOWED_SCRIPT = /^https?:\/\/[^?#]+\/(hls(\.light)?\.min|cuecart(-hls-engine)?\.iife)\.js$/;

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/**
 * A policy may be created once per page under one name (unless the page allows duplicates), and
 * two copies of Cuecart can share a page: the policy is kept on the page's own factory, under a
 * global symbol, rather than in a module.
 */
const SHARED = Symbol.for('cuecart.trustedTypesPolicy');

function policy(): ScriptUrlPolicy | undefined {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return undefined;
  const holder = factory as unknown as Record<symbol, ScriptUrlPolicy | undefined>;
  if (!holder[SHARED]) {
    holder[SHARED] = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createScriptURL(url) {
        if (!ALLOWED_SCRIPT.test(url)) throw new TypeError(`Cuecart will not load ${url}.`);
        return url;
      },
    });
  }
  return holder[SHARED];
}

/**
 * Returns `url` as a value `HTMLScriptElement.src` accepts on a Trusted Types page (a
 * `TrustedScriptURL` where the browser has Trusted Types, else the string). Only hls.js's own
 * builds, `cuecart.iife.js` and `cuecart-hls-engine.iife.js` over http(s) pass; anything else
 * throws.
 */
export function trustedScriptUrl(url: string): string {
  if (!ALLOWED_SCRIPT.test(url)) throw new TypeError(`Cuecart will not load ${url}.`);
  // The platform types `src` as a string; a TrustedScriptURL is accepted wherever it is.
  return (policy()?.createScriptURL(url) ?? url) as string;
}
