import { CuecartError } from '../internal/errors.js';
import { parseAttributeList, type AttributeList } from './attribute-list.js';
import { parseIsoDate } from './json-cues.js';
import { ProgramDateTimeMap } from './program-date-time.js';

/** One media segment of a parsed playlist. */
export interface PlaylistSegment {
  /** The segment URI as written. */
  uri: string;
  /** `EXTINF` duration, seconds. */
  duration: number;
  /** Media time of its start: the sum of the durations before it (VOD timeline). */
  start: number;
  /** Program date-time of its start (ms since epoch), stated or carried from an earlier tag. */
  date?: number;
  /** Preceded by `EXT-X-DISCONTINUITY`. */
  discontinuity: boolean;
  /** Index of its `#EXTINF` line in {@link MediaPlaylist.lines}. */
  line: number;
}

/** A parsed HLS media playlist (RFC 8216 §4.3.3), kept line by line so it can be rewritten. */
export interface MediaPlaylist {
  kind: 'media';
  /** The text's lines (without line breaks). */
  lines: string[];
  segments: PlaylistSegment[];
  /** `EXT-X-DATERANGE` tags: attribute list and line index. */
  dateRanges: Array<{ attributes: AttributeList; line: number }>;
  /** `EXT-X-MAP` URI, if any (fMP4). */
  map?: string;
  /** Has `EXT-X-ENDLIST`. */
  endList: boolean;
  /** Sum of the segment durations. */
  duration: number;
}

/** A multivariant (master) playlist: its variant stream URIs, in order. */
export interface MultivariantPlaylist {
  kind: 'multivariant';
  variants: string[];
}

/**
 * Parses an HLS playlist. Program date-time carries forward from each `EXT-X-PROGRAM-DATE-TIME`
 * (adding segment durations) and is reset by a discontinuity without one. Returns a
 * `cues-load-failed` {@link CuecartError} for text that is not a playlist.
 */
export function parsePlaylist(text: string): MediaPlaylist | MultivariantPlaylist | CuecartError {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') {
    return new CuecartError('cues-load-failed', 'Not an HLS playlist (no #EXTM3U first line).');
  }
  if (lines.some((line) => line.startsWith('#EXT-X-STREAM-INF'))) {
    const variants: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('#EXT-X-STREAM-INF')) continue;
      const uri = lines.slice(i + 1).find((line) => line.trim() && !line.startsWith('#'));
      if (uri) variants.push(uri.trim());
    }
    return { kind: 'multivariant', variants };
  }
  const playlist: MediaPlaylist = {
    kind: 'media',
    lines,
    segments: [],
    dateRanges: [],
    endList: false,
    duration: 0,
  };
  let duration = NaN;
  let extinfLine = -1;
  let date: number | undefined;
  let discontinuity = false;
  let stated = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (!line.startsWith('#')) {
      if (!Number.isFinite(duration)) {
        return new CuecartError('cues-load-failed', `Segment ${line} has no valid #EXTINF.`);
      }
      if (discontinuity && !stated) date = undefined;
      const segment: PlaylistSegment = {
        uri: line,
        duration,
        start: playlist.duration,
        discontinuity,
        line: extinfLine,
      };
      if (date !== undefined) segment.date = date;
      playlist.segments.push(segment);
      playlist.duration += duration;
      if (date !== undefined) date += duration * 1000;
      duration = NaN;
      discontinuity = false;
      stated = false;
      continue;
    }
    const colon = line.indexOf(':');
    const tag = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1);
    if (tag === '#EXTINF') {
      duration = Number.parseFloat(value);
      extinfLine = i;
    } else if (tag === '#EXT-X-PROGRAM-DATE-TIME') {
      const parsed = parseIsoDate(value);
      if (Number.isNaN(parsed)) {
        return new CuecartError('cues-load-failed', `Bad EXT-X-PROGRAM-DATE-TIME ${value}.`);
      }
      date = parsed;
      stated = true;
    } else if (tag === '#EXT-X-DISCONTINUITY') {
      discontinuity = true;
    } else if (tag === '#EXT-X-ENDLIST') {
      playlist.endList = true;
    } else if (tag === '#EXT-X-MAP') {
      const attributes = parseAttributeList(value);
      const uri = attributes instanceof CuecartError ? undefined : attributes.URI;
      if (uri?.type === 'quoted-string') playlist.map = uri.value;
    } else if (tag === '#EXT-X-DATERANGE') {
      const attributes = parseAttributeList(value);
      if (!(attributes instanceof CuecartError)) playlist.dateRanges.push({ attributes, line: i });
    }
  }
  return playlist;
}

/** The program date-time mapping of a parsed media playlist's segments (VOD timeline). */
export function playlistDateMap(playlist: MediaPlaylist): ProgramDateTimeMap {
  const map = new ProgramDateTimeMap();
  map.update(
    playlist.segments.flatMap((s) =>
      s.date === undefined ? [] : [{ mediaTime: s.start, date: s.date, duration: s.duration }],
    ),
  );
  return map;
}
