/**
 * Reading one attribute of an HLS tag's attribute list, leniently, for the loader's early
 * requests (segment-prefetch.ts, rendition-prefetch.ts, start-variant.ts): they only predict what
 * hls.js will load, and any doubt means "request nothing early", so a small reader that keeps the
 * loader within its budget does, where Cuecart's strict RFC 8216 parser
 * (`cues/attribute-list.ts`, for cue data it acts on) would cost the loader ~0.5 KB br.
 * @module
 */

/** The value of attribute `name` in a tag's attribute list (quotes removed), or null. */
export function attributeValue(list: string, name: string): string | null {
  const match = new RegExp(`(?:^|,)${name}=("([^"]*)"|[^,]*)`).exec(list);
  return match ? (match[2] ?? match[1]!) : null;
}
