/**
 * The variant hls.js starts a multivariant playlist with, worked out before hls.js has arrived,
 * so that its first segment can be requested early too (segment-prefetch.ts). A prediction, not
 * a choice: Cuecart never tells hls.js which variant to start with, and a prediction hls.js does
 * not follow costs one unused segment request, never playback
 * (docs/decisions/0078-start-variant-predicted-not-chosen.md).
 *
 * hls.js (1.x, default settings; `AbrController.firstAutoLevel` and
 * `LevelController.filterAndSortMediaOptions` in 1.7.4) picks its first variant by its bandwidth
 * estimate before any segment has loaded: 500 kbit/s, raised to the first listed variant's
 * `BANDWIDTH` (at most 5 Mbit/s) — and never below the lowest `BANDWIDTH` when the variants name
 * their `CODECS` — then the highest variant, in its order (by resolution height, then average
 * bandwidth; ties keep the playlist's order), whose `BANDWIDTH` fits; the first listed when none
 * does. That is all of it only where every variant has the same codecs, frame rate and SDR video
 * range, all or none have a resolution, none is a redundant copy of another (content steering
 * would drop it), no content steering, variable or start-offset tag applies, and every number is
 * well formed. Anywhere else nothing is predicted.
 * @module
 */
import { httpUrlIn } from '../internal/url-policy.js';
import { attributeValue } from './playlist-attributes.js';
import type { PlaylistResponse } from './playlist-prefetch.js';

/** hls.js's default bandwidth estimate before anything has loaded (`abrEwmaDefaultEstimate`). */
const DEFAULT_ESTIMATE = 500_000;
/** The most the first listed variant raises that estimate to (`abrEwmaDefaultEstimateMax`). */
const DEFAULT_ESTIMATE_MAX = 5_000_000;

/** Multivariant tags under which hls.js's start variant or start position is not the plain one. */
const UNCERTAIN = /^#EXT-X-(CONTENT-STEERING|DEFINE|START)\b/m;

/** Attributes that move hls.js's choice into territory this module does not follow. */
const UNFOLLOWED = ['HDCP-LEVEL', 'PATHWAY-ID', 'SUPPLEMENTAL-CODECS', 'REQ-VIDEO-LAYOUT'];

/** One variant (`#EXT-X-STREAM-INF` and its URI), in what decides hls.js's start. */
interface Variant {
  readonly url: string;
  readonly bandwidth: number;
  readonly averageBandwidth: number;
  readonly height: number | null;
  /** `CODECS`, or empty. */
  readonly codecs: string;
  /** What must be the same for every variant: codecs, frame rate, resolution presence. */
  readonly family: string;
  /** hls.js's key for redundant variants (`LevelController.parseManifest`). */
  readonly key: string;
}

/** Decimal integers and decimal floats, as hls.js reads them. */
const INTEGER = /^\d+$/;
const FLOAT = /^\d+(\.\d+)?$/;

/** The variant described by `attributes` at `uri`, or null when it is not one this follows. */
function variantOf(attributes: string, uri: string, base: string): Variant | null {
  const value = (name: string) => attributeValue(attributes, name);
  if (UNFOLLOWED.some((name) => value(name) !== null)) return null;
  const bandwidth = value('BANDWIDTH') ?? '';
  const average = value('AVERAGE-BANDWIDTH') ?? '0';
  const resolution = value('RESOLUTION');
  const frameRate = value('FRAME-RATE') ?? '';
  const codecs = value('CODECS') ?? '';
  const url = httpUrlIn(uri, base);
  const size = resolution === null ? null : /^(\d+)x(\d+)$/.exec(resolution);
  if (!url || !INTEGER.test(bandwidth) || !(+bandwidth > 0) || !INTEGER.test(average)) return null;
  if ((value('VIDEO-RANGE') ?? 'SDR') !== 'SDR') return null;
  if ((resolution !== null && !size) || (frameRate && !FLOAT.test(frameRate))) return null;
  return {
    url,
    bandwidth: +bandwidth,
    averageBandwidth: +average || +bandwidth,
    height: size ? +size[2]! : null,
    codecs,
    family: `${codecs}|${frameRate}|${size ? 'sized' : ''}`,
    key: `${bandwidth}|${resolution ?? ''}|${frameRate}|${codecs}`,
  };
}

/**
 * The absolute URL of the variant hls.js (1.x, default settings) loads first for the
 * multivariant `playlist` (see the module comment), or null when `playlist` is not a
 * multivariant playlist or its start is not one this module follows. `playlist.url` is the base
 * of relative URIs; only http(s) URLs are returned. Pure; never throws.
 */
export function startVariantUrl(playlist: PlaylistResponse): string | null {
  const { text } = playlist;
  if (!text.startsWith('#EXTM3U') || UNCERTAIN.test(text)) return null;
  const variants: Variant[] = [];
  let pending: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-STREAM-INF:')) pending = line.slice(18);
    else if (pending !== null && line && !line.startsWith('#')) {
      const variant = variantOf(pending, line, playlist.url);
      if (!variant) return null;
      variants.push(variant);
      pending = null;
    }
  }
  const first = variants[0];
  if (!first || pending !== null) return null;
  if (variants.some((v) => v.family !== first.family)) return null;
  if (new Set(variants.map((v) => v.key)).size !== variants.length) return null;
  // hls.js's order: by height when resolutions are given, then average bandwidth; a stable sort.
  const ordered = [...variants].sort(
    (a, b) => (a.height ?? 0) - (b.height ?? 0) || a.averageBandwidth - b.averageBandwidth,
  );
  let estimate = Math.max(DEFAULT_ESTIMATE, Math.min(first.bandwidth, DEFAULT_ESTIMATE_MAX));
  // With codecs named, hls.js's start tier never estimates below its lowest variant.
  if (first.codecs) estimate = Math.max(estimate, Math.min(...variants.map((v) => v.bandwidth)));
  const fits = ordered.filter((v) => v.bandwidth <= estimate);
  return (fits[fits.length - 1] ?? first).url;
}
