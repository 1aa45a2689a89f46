/**
 * The one URL policy for untrusted data (feeds, cue payloads, store responses, host-given
 * products and carts): only `http:`/`https:` and relative URLs survive, for links, images and
 * checkout alike. Applied where data enters, so nothing downstream renders, requests or
 * navigates to anything else (`javascript:`, `data:`, `vbscript:`, `blob:`, `file:` …).
 */

/**
 * ASCII tab and newlines, which the URL parser removes from anywhere in the input, so
 * `java\tscript:` is `javascript:` to a browser.
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 */
const REMOVED_ANYWHERE = /[\t\n\r]/g;
/** Leading and trailing C0 controls and spaces, which the URL parser strips. */
const STRIPPED_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
/** Any C0 control or DEL left inside: no legitimate product URL has one. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A scheme as the URL parser reads one: a letter, then letters, digits, `+`, `-`, `.`, then `:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Longest URL kept; longer ones are dropped rather than carried around. */
const MAX_URL_LENGTH = 4096;

/**
 * Returns the URL a browser would use for `value` when it is safe to render as a link, an image
 * or a navigation target: an `http:`/`https:` absolute URL, or a relative one (`/products/x`,
 * `x.jpg`, `//cdn.example.com/x.jpg`, `?v=1`). Tabs and newlines are removed and the ends are
 * trimmed exactly as the browser would, then the scheme is checked in any case. Anything else
 * (another scheme, a control character, an empty or over-long string, a non-string) gives
 * `undefined`: the caller drops the field and reports it.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.replace(REMOVED_ANYWHERE, '').replace(STRIPPED_AT_ENDS, '');
  if (!url || url.length > MAX_URL_LENGTH || CONTROL.test(url)) return undefined;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return url;
  return undefined;
}

/**
 * Whether `value` is present but not a safe URL: the case to report (a missing URL is not a
 * problem, a hostile one is).
 */
export function isUnsafeUrl(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && safeUrl(value) === undefined;
}

/**
 * The `rel` of a link to a product page that came from untrusted data: always `noopener` (the
 * page it opens never gets a handle on the shopper's page), plus `noreferrer` when the link
 * leaves the page's origin, so a third-party URL from a feed or a stream does not learn which
 * page the shopper was on. Same-origin and relative links keep their referrer for the
 * merchant's own analytics. `base` defaults to the document's URL at call time.
 */
export function linkRel(url: string, base?: string): 'noopener' | 'noopener noreferrer' {
  const from = base ?? (typeof document === 'undefined' ? undefined : document.baseURI);
  try {
    if (from && new URL(url, from).origin === new URL(from).origin) return 'noopener';
  } catch {
    // An unparsable URL is treated as foreign.
  }
  return 'noopener noreferrer';
}

/**
 * `uri` resolved against `base` when the result is an http(s) URL (what Cuecart requests from a
 * playlist), else null. Never throws.
 */
export function httpUrlIn(uri: string, base: string): string | null {
  try {
    const url = new URL(uri, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
