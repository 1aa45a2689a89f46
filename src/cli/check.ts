import { parseProductFeed } from '../commerce/product-feed.js';
import { CueTimeline } from '../cues/cue-timeline.js';
import { cueFromDateRange, type DateRangeInput } from '../cues/daterange.js';
import { cuesFromMetadataSamples } from '../cues/id3-samples.js';
import { parseJsonCueList, resolveJsonCue } from '../cues/json-cues.js';
import { playlistDateMap, type MediaPlaylist } from '../cues/media-playlist.js';
import type { ProductCue } from '../cues/product-cue.js';
import { parseWebVttCues } from '../cues/webvtt.js';
import { CuecartError } from '../internal/errors.js';
import { id3FromEmsg, id3FromTransportStream, trackTimescales } from './segments.js';

/** One cue found by `cuecart cues check`, with what is wrong with it. */
export interface CheckedCue {
  id: string;
  /** Media time, seconds (`null` for a wall-clock cue that could not be placed). */
  start: number | null;
  /** Effective end: stated, else the next cue's start; `null` when open-ended. */
  end: number | null;
  startDate?: string;
  product: string;
  variant?: string;
  carrier: ProductCue['source'];
  problems: string[];
}

/** The result of checking one source. */
export interface CheckReport {
  source: string;
  cues: CheckedCue[];
  /** Problems not tied to one cue (invalid entries, unreadable segments). */
  problems: string[];
  /** Media duration when known (playlists). */
  duration?: number;
}

/** Something that reads bytes from an absolute URL (`file:` or `http(s):`). */
export type ReadUrl = (url: string) => Promise<Uint8Array>;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

/**
 * Reads a cue list (JSON or WebVTT) into cues. Wall-clock entries are placed through `dates`
 * when given; otherwise they are returned in `unplaced`. Entry problems go to `problems`.
 */
export function readCueList(
  source: string,
  dates: ((date: number) => number | undefined) | undefined,
  problems: string[],
): { cues: ProductCue[]; unplaced: Array<{ id: string; startDate: number; product: string }> } {
  const onError = (error: CuecartError) => problems.push(error.message);
  if (/^WEBVTT/.test(source)) {
    const cues = parseWebVttCues(source, onError);
    if (cues instanceof CuecartError) throw cues;
    return { cues, unplaced: [] };
  }
  const list = parseJsonCueList(source, onError);
  if (list instanceof CuecartError) throw list;
  const cues: ProductCue[] = [];
  const unplaced: Array<{ id: string; startDate: number; product: string }> = [];
  for (const entry of list.entries) {
    const cue = resolveJsonCue(entry, dates);
    if (cue) cues.push(cue);
    else
      unplaced.push({
        id: entry.id,
        startDate: entry.startDate ?? NaN,
        product: entry.payload.product,
      });
  }
  return { cues, unplaced };
}

/** Product cues of a media playlist's `EXT-X-DATERANGE` tags. */
export function dateRangeCues(playlist: MediaPlaylist, problems: string[]): ProductCue[] {
  const map = playlistDateMap(playlist);
  const cues: ProductCue[] = [];
  for (const { attributes } of playlist.dateRanges) {
    const attr: Record<string, string> = {};
    for (const [name, value] of Object.entries(attributes)) {
      attr[name] = 'raw' in value ? value.raw : value.value;
    }
    const startDate = new Date(attr['START-DATE'] ?? NaN);
    const input: DateRangeInput = {
      id: attr.ID ?? '',
      class: attr.CLASS,
      startDate,
      startTime: map.toMediaTime(startDate.getTime()) ?? NaN,
      duration: attr.DURATION !== undefined ? Number(attr.DURATION) : null,
      endDate: attr['END-DATE'] ? new Date(attr['END-DATE']) : null,
      endOnNext: attr['END-ON-NEXT'] === 'YES',
      attr,
    };
    if (input.class === 'com.cuecart.product' && !map.known) {
      problems.push(
        `DATERANGE ${JSON.stringify(input.id)} cannot be placed: the playlist has no EXT-X-PROGRAM-DATE-TIME.`,
      );
      continue;
    }
    const cue = cueFromDateRange(input, (e) => problems.push(e.message));
    if (cue) cues.push(cue);
  }
  return cues;
}

/**
 * Reads the timed ID3 of every segment of a media playlist (MPEG-TS PES or fMP4 `emsg`), at
 * most `maxSegments` of them, and returns the product cues on the playlist's timeline.
 */
export async function segmentCues(
  playlist: MediaPlaylist,
  baseUrl: string,
  read: ReadUrl,
  problems: string[],
  maxSegments: number,
): Promise<ProductCue[]> {
  const cues: ProductCue[] = [];
  const onError = (e: CuecartError) => problems.push(e.message);
  let timescales: Map<number, number> | undefined;
  if (playlist.map) {
    try {
      timescales = trackTimescales(await read(new URL(playlist.map, baseUrl).href));
    } catch (error) {
      problems.push(`init segment ${playlist.map}: ${(error as Error).message}`);
      return cues;
    }
  }
  if (playlist.segments.length > maxSegments) {
    problems.push(
      `only the first ${maxSegments} of ${playlist.segments.length} segments were read (--max-segments).`,
    );
  }
  for (const segment of playlist.segments.slice(0, maxSegments)) {
    let bytes: Uint8Array;
    try {
      bytes = await read(new URL(segment.uri, baseUrl).href);
    } catch (error) {
      problems.push(`segment ${segment.uri}: ${(error as Error).message}`);
      continue;
    }
    try {
      const fmp4 = timescales !== undefined && bytes[0] !== 0x47;
      const samples = fmp4 ? id3FromEmsg(bytes, timescales!) : id3FromTransportStream(bytes);
      const shifted = samples.map((s) => ({ ...s, pts: s.pts + segment.start }));
      cues.push(...cuesFromMetadataSamples(shifted, onError, fmp4 ? 'emsg' : 'id3'));
    } catch (error) {
      problems.push(`segment ${segment.uri}: ${(error as Error).message}`);
    }
  }
  return cues;
}

/**
 * Lists cues with their problems: overlaps (a stated end after the next cue's start), unknown
 * products or variants (with a feed), cues outside the media (with a duration), and wall-clock
 * cues that could not be placed.
 */
export function report(
  source: string,
  cues: readonly ProductCue[],
  options: {
    problems: string[];
    duration?: number;
    feed?: unknown;
    unplaced?: Array<{ id: string; startDate: number; product: string }>;
  },
): CheckReport {
  const timeline = new CueTimeline();
  timeline.add(cues);
  const list = timeline.list();
  const problems = [...options.problems];
  const feed = options.feed === undefined ? undefined : parseProductFeed(options.feed);
  if (options.feed !== undefined && !feed)
    problems.push('the product feed has no "products" array.');
  const products = new Map<string, Set<string>>();
  for (const product of feed?.products ?? []) {
    // Variants are matched by id or SKU, as the player does (findVariant in product-catalog).
    const variants = new Set(product.variants.flatMap((v) => (v.sku ? [v.id, v.sku] : [v.id])));
    products.set(product.id, variants);
    if (product.handle) products.set(product.handle, variants);
  }
  const checked: CheckedCue[] = list.map((cue, index) => {
    const issues: string[] = [];
    const stated = cue.end ?? (cue.payload.duration ? cue.start + cue.payload.duration : undefined);
    const next = list[index + 1];
    if (stated !== undefined && next && next.start < stated - 1e-6) {
      issues.push(`overlaps ${next.id} (starts at ${next.start.toFixed(3)} s)`);
    }
    if (feed) {
      const variants = products.get(cue.payload.product);
      if (!variants) issues.push(`unknown product "${cue.payload.product}"`);
      else if (typeof cue.payload.variant === 'string' && !variants.has(cue.payload.variant)) {
        issues.push(`unknown variant "${cue.payload.variant}" of "${cue.payload.product}"`);
      }
    }
    if (options.duration !== undefined && (cue.start < 0 || cue.start >= options.duration)) {
      issues.push(`outside the media (0–${options.duration.toFixed(3)} s)`);
    }
    const end = timeline.effectiveEnd(cue);
    const result: CheckedCue = {
      id: cue.id,
      start: cue.start,
      end: end === undefined || !Number.isFinite(end) ? null : end,
      product: cue.payload.product,
      carrier: cue.source,
      problems: issues,
    };
    if (typeof cue.payload.variant === 'string') result.variant = cue.payload.variant;
    if (cue.startDate !== undefined) result.startDate = new Date(cue.startDate).toISOString();
    return result;
  });
  for (const cue of options.unplaced ?? []) {
    checked.push({
      id: cue.id,
      start: null,
      end: null,
      startDate: Number.isFinite(cue.startDate) ? new Date(cue.startDate).toISOString() : undefined,
      product: cue.product,
      carrier: 'json',
      problems: [
        'timed by wall clock: give --media <playlist with EXT-X-PROGRAM-DATE-TIME> to place it',
      ],
    });
  }
  const result: CheckReport = { source, cues: checked, problems };
  if (options.duration !== undefined) result.duration = options.duration;
  return result;
}

/** Counts the problems of a report (cue problems plus general ones). */
export function problemCount(result: CheckReport): number {
  return result.problems.length + result.cues.reduce((n, cue) => n + cue.problems.length, 0);
}

/** Formats a report as aligned text lines for a terminal. */
export function formatReport(result: CheckReport): string {
  const time = (t: number | null) => (t === null ? '-' : t.toFixed(3));
  const rows = result.cues.map((cue) => [
    time(cue.start),
    time(cue.end),
    cue.product,
    cue.variant ?? '-',
    cue.carrier,
    cue.problems.join('; '),
  ]);
  const header = ['start', 'end', 'product', 'variant', 'carrier', 'problems'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [`${result.source}`];
  if (result.duration !== undefined) out.push(`media: ${result.duration.toFixed(3)} s`);
  out.push(line(header), ...rows.map(line));
  for (const problem of result.problems) out.push(`problem: ${problem}`);
  const count = problemCount(result);
  out.push(`${result.cues.length} cue(s), ${count} problem(s)`);
  return `${out.join('\n')}\n`;
}

/** Reads a JSON document from bytes, or throws a readable error. */
export function readJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(text(bytes));
  } catch (error) {
    throw new Error(`${what} is not valid JSON (${(error as Error).message}).`);
  }
}

export { text as decodeText };
