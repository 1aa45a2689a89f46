import { addDateRangesToPlaylist, cuesToWebVtt } from '../cues/cue-writers.js';
import { parseIsoDate } from '../cues/json-cues.js';
import { parsePlaylist, playlistDateMap, type MediaPlaylist } from '../cues/media-playlist.js';
import type { ProductCue } from '../cues/product-cue.js';
import { CuecartError } from '../internal/errors.js';
import {
  dateRangeCues,
  decodeText,
  formatReport,
  problemCount,
  readCueList,
  readJson,
  report,
  segmentCues,
  type ReadUrl,
} from './check.js';

/** Exit codes of the `cuecart` CLI (documented in docs/producing-cues.md). */
export const EXIT = {
  /** Done, nothing wrong. */
  ok: 0,
  /** Done, but problems were found (listed on stderr, or in the report). */
  problems: 1,
  /** Bad usage, or an input that could not be read or parsed. */
  usage: 2,
} as const;

/** What the CLI needs from its host (Node in `bin/cuecart.mjs`, fakes in tests). */
export interface CliIo {
  /** Reads an absolute `file:` or `http(s):` URL. */
  read: ReadUrl;
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** The working directory as a `file:` URL ending in `/`, for relative paths. */
  cwd: string;
}

/** The CLI's help text. */
export const USAGE = `Usage:
  cuecart cues daterange <cues.json|cues.vtt> <media.m3u8> [--program-date-time <ISO 8601>]
      Writes the media playlist with a product EXT-X-DATERANGE per cue to stdout.
  cuecart cues webvtt <cues.json> [--media <media.m3u8>] [--duration <seconds>]
      Writes the cues as a WebVTT metadata track to stdout.
  cuecart cues check <cues.json|cues.vtt|playlist|URL> [--products <feed.json>]
                     [--media <media.m3u8>] [--max-segments <n>] [--json]
      Lists every cue (JSON, WebVTT, EXT-X-DATERANGE, ID3 in MPEG-TS, emsg in fMP4) with its
      media time, product and problems: overlaps, unknown products, cues outside the media.

Exit codes: 0 success, 1 problems found, 2 bad usage or unreadable input.
`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['products', 'media', 'program-date-time', 'duration', 'max-segments']);
const BOOLEAN_FLAGS = new Set(['json', 'help']);

function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      flags.set('help', true);
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value.`);
        flags.set(name, value);
      } else throw new UsageError(`Unknown option --${name}.`);
    } else positional.push(arg);
  }
  return { positional, flags };
}

/**
 * Runs the CLI and resolves with its exit code. Never throws: every failure becomes a message on
 * `io.err` and exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('help') || argv.length === 0) {
      io.out(USAGE);
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const [group, command, ...rest] = args.positional;
    if (group !== 'cues') throw new UsageError(`Unknown command "${group ?? ''}".`);
    switch (command) {
      case 'daterange':
        return await daterange(rest, args.flags, io);
      case 'webvtt':
        return await webvtt(rest, args.flags, io);
      case 'check':
        return await check(rest, args.flags, io);
      default:
        throw new UsageError(`Unknown command "cues ${command ?? ''}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cuecart: ${error.message}\n\n${USAGE}`);
    } else {
      io.err(`cuecart: ${(error as Error)?.message ?? String(error)}\n`);
    }
    return EXIT.usage;
  }
}

function locate(io: CliIo, path: string): string {
  return /^https?:\/\//i.test(path) ? path : new URL(path, io.cwd).href;
}

async function readText(io: CliIo, path: string): Promise<string> {
  try {
    return decodeText(await io.read(locate(io, path)));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function readMediaPlaylist(
  io: CliIo,
  path: string,
): Promise<{ playlist: MediaPlaylist; url: string; note?: string }> {
  let url = locate(io, path);
  let parsed = parsePlaylist(await readText(io, path));
  if (parsed instanceof CuecartError) throw new Error(`${path}: ${parsed.message}`);
  let note: string | undefined;
  if (parsed.kind === 'multivariant') {
    const first = parsed.variants[0];
    if (!first) throw new Error(`${path} is a multivariant playlist without variants.`);
    note = `multivariant playlist: checking variant 1 of ${parsed.variants.length} (${first})`;
    url = new URL(first, url).href;
    parsed = parsePlaylist(await readText(io, url));
    if (parsed instanceof CuecartError) throw new Error(`${first}: ${parsed.message}`);
    if (parsed.kind !== 'media') throw new Error(`${first} is not a media playlist.`);
  }
  return note ? { playlist: parsed, url, note } : { playlist: parsed, url };
}

function exactly(rest: string[], count: number, what: string) {
  if (rest.length !== count) throw new UsageError(`Expected ${what}.`);
}

function writeProblems(io: CliIo, problems: readonly string[]): number {
  for (const problem of problems) io.err(`problem: ${problem}\n`);
  return problems.length ? EXIT.problems : EXIT.ok;
}

async function daterange(rest: string[], flags: Parsed['flags'], io: CliIo): Promise<number> {
  exactly(rest, 2, '<cues.json> <media.m3u8>');
  const [cuesPath, playlistPath] = rest as [string, string];
  let programDateTime: number | undefined;
  const pdt = flags.get('program-date-time');
  if (typeof pdt === 'string') {
    programDateTime = parseIsoDate(pdt);
    if (Number.isNaN(programDateTime)) {
      throw new UsageError('--program-date-time must be an ISO 8601 date-time with a zone.');
    }
  }
  const parsed = parsePlaylist(await readText(io, playlistPath));
  if (parsed instanceof CuecartError) throw new Error(`${playlistPath}: ${parsed.message}`);
  if (parsed.kind !== 'media') {
    throw new Error(`${playlistPath} is a multivariant playlist; give one of its media playlists.`);
  }
  const problems: string[] = [];
  const map = playlistDateMap(parsed);
  const base = programDateTime;
  const dates = map.known
    ? (date: number) => map.toMediaTime(date)
    : base === undefined
      ? undefined
      : (date: number) => (date - base) / 1000;
  const { cues, unplaced } = readCueList(await readText(io, cuesPath), dates, problems);
  for (const cue of unplaced)
    problems.push(
      `${cue.id}: timed by wall clock, but the playlist has no program date-time; left out.`,
    );
  const result = addDateRangesToPlaylist(
    parsed,
    cues,
    programDateTime === undefined ? {} : { programDateTime },
  );
  if (result instanceof CuecartError) throw new Error(`${playlistPath}: ${result.message}`);
  io.out(result.text);
  for (const problem of result.problems) {
    const line = `${problem.cue}: ${problem.message}`;
    if (problem.severity === 'error') problems.push(line);
    else io.err(`warning: ${line}\n`);
  }
  return writeProblems(io, problems);
}

async function webvtt(rest: string[], flags: Parsed['flags'], io: CliIo): Promise<number> {
  exactly(rest, 1, '<cues.json>');
  const problems: string[] = [];
  let dates: ((date: number) => number | undefined) | undefined;
  let duration: number | undefined;
  const media = flags.get('media');
  if (typeof media === 'string') {
    const { playlist } = await readMediaPlaylist(io, media);
    const map = playlistDateMap(playlist);
    dates = map.known ? (date) => map.toMediaTime(date) : undefined;
    duration = playlist.duration;
  }
  const given = flags.get('duration');
  if (typeof given === 'string') {
    duration = Number(given);
    if (!Number.isFinite(duration) || duration <= 0) {
      throw new UsageError('--duration must be a positive number of seconds.');
    }
  }
  const { cues, unplaced } = readCueList(await readText(io, rest[0]!), dates, problems);
  for (const cue of unplaced) {
    problems.push(
      `${cue.id}: timed by wall clock; give --media <playlist with EXT-X-PROGRAM-DATE-TIME> to place it. Left out.`,
    );
  }
  io.out(cuesToWebVtt(cues, duration === undefined ? {} : { duration }));
  return writeProblems(io, problems);
}

async function check(rest: string[], flags: Parsed['flags'], io: CliIo): Promise<number> {
  exactly(rest, 1, 'one <cues.json|playlist|URL>');
  const source = rest[0]!;
  const maxText = flags.get('max-segments');
  const maxSegments = typeof maxText === 'string' ? Number(maxText) : 2000;
  if (!Number.isInteger(maxSegments) || maxSegments < 0) {
    throw new UsageError('--max-segments must be a whole number.');
  }
  const feedPath = flags.get('products');
  const feed =
    typeof feedPath === 'string'
      ? readJson(
          await io.read(locate(io, feedPath)).catch((error: Error) => {
            throw new Error(`cannot read ${feedPath}: ${error.message}`);
          }),
          feedPath,
        )
      : undefined;
  const problems: string[] = [];
  const body = await readText(io, source);
  let cues: ProductCue[];
  let duration: number | undefined;
  let unplaced: Array<{ id: string; startDate: number; product: string }> = [];
  let label = source;
  if (body.startsWith('#EXTM3U')) {
    const { playlist, url, note } = await readMediaPlaylist(io, source);
    if (note) label = `${source} (${note})`;
    if (!playlist.endList) label += ' (live: times are from the first listed segment)';
    duration = playlist.duration;
    cues = [
      ...dateRangeCues(playlist, problems),
      ...(await segmentCues(playlist, url, io.read, problems, maxSegments)),
    ];
  } else {
    let dates: ((date: number) => number | undefined) | undefined;
    const media = flags.get('media');
    if (typeof media === 'string') {
      const { playlist } = await readMediaPlaylist(io, media);
      const map = playlistDateMap(playlist);
      if (map.known) dates = (date) => map.toMediaTime(date);
      duration = playlist.duration;
    }
    let read;
    try {
      read = readCueList(body, dates, problems);
    } catch (error) {
      throw new Error(`${source}: ${(error as Error).message}`);
    }
    cues = read.cues;
    unplaced = read.unplaced;
  }
  const result = report(label, cues, {
    problems,
    ...(duration === undefined ? {} : { duration }),
    ...(feed === undefined ? {} : { feed }),
    unplaced,
  });
  io.out(flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result));
  return problemCount(result) > 0 ? EXIT.problems : EXIT.ok;
}
