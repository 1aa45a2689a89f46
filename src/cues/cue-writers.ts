import { CuecartError } from '../internal/errors.js';
import { CueTimeline } from './cue-timeline.js';
import { CUECART_DATERANGE_CLASS } from './daterange.js';
import type { MediaPlaylist } from './media-playlist.js';
import { playlistDateMap } from './media-playlist.js';
import type { CuePayload, ProductCue } from './product-cue.js';

/** A problem found while writing cues: which cue, and why it was left out or changed. */
export interface CueWriteProblem {
  /** The cue's id. */
  cue: string;
  message: string;
  /** `error`: the cue was left out; `warning`: it was written with a change. */
  severity: 'error' | 'warning';
}

/** Latest time a WebVTT timestamp can hold here (99:59:59.999): "until the end". */
const VTT_MAX = 99 * 3600 + 59 * 60 + 59.999;

/** Formats media seconds as a WebVTT timestamp, `hh:mm:ss.ttt`. */
export function formatVttTimestamp(seconds: number): string {
  const ms = Math.round(Math.min(seconds, VTT_MAX) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** The id a cue had in its list (`json:shoe-1` → `shoe-1`). */
function plainId(cue: ProductCue): string {
  return cue.id.replace(/^(json|api):/, '');
}

/**
 * Writes cues as a WebVTT metadata track (`<track kind="metadata">`): one cue per product, its
 * text the payload JSON. A cue without an end ends where the next one starts (the cue model's
 * rule); the last such cue ends at `duration` when given, else at 99:59:59.999.
 */
export function cuesToWebVtt(
  cues: readonly ProductCue[],
  options: { duration?: number } = {},
): string {
  const timeline = new CueTimeline();
  timeline.add(cues);
  const blocks = ['WEBVTT', ''];
  for (const cue of timeline.list()) {
    let end = timeline.effectiveEnd(cue) ?? Infinity;
    if (!Number.isFinite(end)) end = options.duration ?? VTT_MAX;
    if (end <= cue.start) continue;
    // A cue identifier may not contain "-->" or a line break.
    blocks.push(plainId(cue).replace(/-->|[\r\n]/g, ' '));
    blocks.push(`${formatVttTimestamp(cue.start)} --> ${formatVttTimestamp(end)}`);
    // JSON.stringify escapes line breaks, so the payload stays on one line (no blank line ends it).
    blocks.push(JSON.stringify(cue.payload), '');
  }
  return blocks.join('\n');
}

/**
 * Writes cues as a JSON cue list (`{"cues": [...]}`), media times rounded to the millisecond;
 * `refresh` makes it a live cue list.
 */
export function cuesToJsonList(
  cues: readonly ProductCue[],
  options: { refresh?: number } = {},
): string {
  const sorted = [...cues].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  const round = (t: number) => Math.round(t * 1000) / 1000;
  const entries = sorted.map((cue) => {
    const entry: Record<string, unknown> = { id: plainId(cue), start: round(cue.start) };
    if (cue.end !== undefined) entry.end = round(cue.end);
    return { ...entry, ...cue.payload };
  });
  const document: Record<string, unknown> = {};
  if (options.refresh !== undefined) document.refresh = options.refresh;
  document.cues = entries;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Payload fields written as `X-CUECART-*` attributes, and how. */
const NUMERIC_ATTRIBUTES = new Set(['price']);

/** `compareAt` → `COMPARE-AT`: the inverse of the player's attribute mapping. */
function attributeName(key: string): string | undefined {
  const name = key.replace(/[A-Z]/g, (c) => `-${c}`).toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]*$/.test(name) ? `X-CUECART-${name}` : undefined;
}

function dateRangeId(cue: ProductCue): string {
  return `cuecart-${plainId(cue)}`.replace(/["\r\n]/g, '_');
}

/**
 * Adds a product `EXT-X-DATERANGE` (`CLASS="com.cuecart.product"`) for each cue to a media
 * playlist, each written just before the segment its start falls in. START-DATE comes from the
 * cue's `startDate` when it has one, else from its media time through the playlist's
 * `EXT-X-PROGRAM-DATE-TIME`; `programDateTime` (ms since epoch) supplies that tag, at the first
 * segment, for a playlist without one. An explicit end or `duration` becomes `DURATION`;
 * otherwise `END-ON-NEXT=YES`. Product ranges the playlist already has with the same ID are
 * replaced. Returns a `cues-load-failed` {@link CuecartError} when the playlist has no program
 * date-time (and none was given).
 */
export function addDateRangesToPlaylist(
  playlist: MediaPlaylist,
  cues: readonly ProductCue[],
  options: { programDateTime?: number } = {},
): { text: string; problems: CueWriteProblem[] } | CuecartError {
  const lines = [...playlist.lines];
  const first = playlist.segments[0];
  if (!first) return new CuecartError('cues-load-failed', 'The playlist has no segments.');
  let segments = playlist.segments;
  if (first.date === undefined) {
    if (options.programDateTime === undefined) {
      return new CuecartError(
        'cues-load-failed',
        'The playlist has no EXT-X-PROGRAM-DATE-TIME, which EXT-X-DATERANGE needs. Give one with --program-date-time (e.g. 2026-01-01T00:00:00Z).',
      );
    }
    const base = options.programDateTime - first.start * 1000;
    segments = segments.map((s) => ({ ...s, date: s.date ?? base + s.start * 1000 }));
  }
  const map = playlistDateMap({ ...playlist, segments });
  const problems: CueWriteProblem[] = [];
  const timeline = new CueTimeline();
  timeline.add(cues);
  const written = new Set<string>();
  const inserts = new Map<number, string[]>();
  for (const cue of timeline.list()) {
    if (cue.start < 0 || cue.start >= playlist.duration) {
      problems.push({
        cue: plainId(cue),
        severity: 'error',
        message: `starts at ${cue.start.toFixed(3)} s, outside the media (0–${playlist.duration.toFixed(3)} s); left out.`,
      });
      continue;
    }
    const startDate = cue.startDate ?? map.toDate(cue.start)!;
    const attrs: string[] = [];
    const id = dateRangeId(cue);
    attrs.push(`ID="${id}"`, `CLASS="${CUECART_DATERANGE_CLASS}"`);
    attrs.push(`START-DATE="${new Date(startDate).toISOString()}"`);
    const stated = cue.end ?? (cue.payload.duration ? cue.start + cue.payload.duration : undefined);
    if (stated !== undefined) attrs.push(`DURATION=${Number((stated - cue.start).toFixed(3))}`);
    attrs.push(...clientAttributes(cue, problems));
    if (stated === undefined) attrs.push('END-ON-NEXT=YES');
    written.add(id);
    let segment = segments[0]!;
    for (const s of segments) if (s.start <= cue.start + 1e-9) segment = s;
    const list = inserts.get(segment.line) ?? [];
    list.push(`#EXT-X-DATERANGE:${attrs.join(',')}`);
    inserts.set(segment.line, list);
  }
  for (const range of playlist.dateRanges) {
    const id = range.attributes.ID;
    const cls = range.attributes.CLASS;
    if (
      id?.type === 'quoted-string' &&
      written.has(id.value) &&
      cls?.type === 'quoted-string' &&
      cls.value === CUECART_DATERANGE_CLASS
    ) {
      lines[range.line] = '';
    }
  }
  for (const [line, tags] of inserts) lines[line] = `${tags.join('\n')}\n${lines[line]}`;
  // A date range must follow a program date-time (RFC 8216 §4.4.5.1): the added tag goes first.
  if (first.date === undefined && options.programDateTime !== undefined) {
    const tag = `#EXT-X-PROGRAM-DATE-TIME:${new Date(options.programDateTime).toISOString()}`;
    lines[first.line] = `${tag}\n${lines[first.line]}`;
  }
  const text = lines
    .join('\n')
    .split('\n')
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
  return { text: text.endsWith('\n') ? text : `${text}\n`, problems };
}

function clientAttributes(cue: ProductCue, problems: CueWriteProblem[]): string[] {
  const attrs: string[] = [];
  const payload: CuePayload = cue.payload;
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'duration' || value === undefined) continue;
    const name = attributeName(key);
    if (!name) {
      problems.push({
        cue: plainId(cue),
        severity: 'warning',
        message: `field "${key}" has no attribute name; left out.`,
      });
      continue;
    }
    if (NUMERIC_ATTRIBUTES.has(key) && typeof value === 'number') {
      attrs.push(`${name}=${value}`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      let text = String(value);
      // HLS quoted strings cannot hold `"`, CR or LF (RFC 8216 §4.2).
      if (/["\r\n]/.test(text)) {
        text = text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
        problems.push({
          cue: plainId(cue),
          severity: 'warning',
          message: `field "${key}" had characters a playlist cannot quote; written as ${JSON.stringify(text)}.`,
        });
      }
      attrs.push(`${name}="${text}"`);
    } else {
      problems.push({
        cue: plainId(cue),
        severity: 'warning',
        message: `field "${key}" is not text or a number; left out.`,
      });
    }
  }
  return attrs;
}
