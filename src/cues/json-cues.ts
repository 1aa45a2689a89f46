import { isRecord } from '../internal/is-record.js';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { forEachInSlices, type SliceOptions } from '../internal/time-slices.js';
import { parseCuePayload } from './payload.js';
import { cueId, type CuePayload, type ProductCue } from './product-cue.js';
import { MAX_CUE_DOCUMENT_LENGTH } from './document-limits.js';

/**
 * Parses a JSON cue list, `{"cues": [{"start": 12.5, "end"?: 30, "id"?: "...", "product": "...",
 * ...payload fields}]}` (JSON text or an already-parsed value; a bare array is accepted too).
 * `start`/`end` are media seconds; every other field of an entry is its payload. Bad entries are
 * reported as `cue-invalid` and skipped; a document that is not such a list returns a
 * `cues-load-failed` {@link CuecartError}.
 *
 * Entries timed by wall clock (`startDate`/`endDate`, ISO 8601) are placed through `dates` (the
 * stream's `EXT-X-PROGRAM-DATE-TIME` mapping); without one they are reported and skipped. Use
 * {@link parseJsonCueList} to keep them until the mapping is known.
 */
export function parseJsonCues(
  input: unknown,
  onError: ErrorSink,
  dates?: MediaTimeOfDate,
): ProductCue[] | CuecartError {
  const list = parseJsonCueList(input, onError);
  if (list instanceof CuecartError) return list;
  return placeEntries(list, onError, dates);
}

/** Places every entry of a list; wall-clock ones without a mapping are reported and skipped. */
function placeEntries(
  list: JsonCueList,
  onError: ErrorSink,
  dates?: MediaTimeOfDate,
): ProductCue[] {
  const cues: ProductCue[] = [];
  for (const entry of list.entries) {
    const cue = resolveJsonCue(entry, dates);
    if (cue) cues.push(cue);
    else {
      onError(
        new CuecartError(
          'cue-invalid',
          `Cue ${JSON.stringify(entry.id)} is timed by "startDate"/"endDate", which needs a stream with EXT-X-PROGRAM-DATE-TIME.`,
        ),
      );
    }
  }
  return cues;
}

/** Maps a wall-clock instant (ms since epoch) to media time, when the stream says how. */
export type MediaTimeOfDate = (date: number) => number | undefined;

/**
 * One valid entry of a JSON cue list, before placement on the media timeline: media times
 * (`start`/`end`, seconds) or wall-clock instants (`startDate`/`endDate`, ms since epoch).
 */
export interface JsonCueEntry {
  /** The cue's id (`json:` + the entry's `id`, or derived from its start and product). */
  id: string;
  start?: number;
  end?: number;
  startDate?: number;
  endDate?: number;
  payload: CuePayload;
}

/** A parsed JSON cue list: its valid entries and its `refresh` interval. */
export interface JsonCueList {
  entries: JsonCueEntry[];
  /**
   * Seconds between re-fetches while the stream is live (`"refresh"`; at least
   * {@link MIN_REFRESH_SECONDS}); absent for a list that is read once.
   */
  refresh?: number;
}

/** Shortest accepted `refresh` interval, in seconds (shorter values are raised to it). */
export const MIN_REFRESH_SECONDS = 1;
/** Longest accepted `refresh` interval, in seconds (longer values are lowered to it). */
export const MAX_REFRESH_SECONDS = 3600;

/**
 * Parses a JSON cue list (see {@link parseJsonCues}) without placing wall-clock entries: for
 * live cue lists, whose dates are mapped when the stream's program date-time is known and again
 * whenever it changes. Invalid entries are reported as `cue-invalid` and skipped; entries that
 * share an `id` keep the last one.
 */
export function parseJsonCueList(input: unknown, onError: ErrorSink): JsonCueList | CuecartError {
  const document = jsonDocument(input);
  if (document instanceof CuecartError) return document;
  const list = new JsonCueListBuilder(document.value, onError);
  document.entries.forEach((entry: unknown, index) => list.add(entry, index));
  return list.done();
}

/**
 * {@link parseJsonCueList} for large lists: the same result, but the entries are validated in
 * slices of at most `budgetMs` (default 8 ms) with the main thread given back between them, so
 * a 10,000-cue list never makes a long task. Resolves an empty list when `signal` aborts.
 * (`JSON.parse` of the text itself is one step; the document size limit bounds it.)
 */
export async function parseJsonCueListInSlices(
  input: unknown,
  onError: ErrorSink,
  options: SliceOptions = {},
): Promise<JsonCueList | CuecartError> {
  const document = jsonDocument(input);
  if (document instanceof CuecartError) return document;
  const list = new JsonCueListBuilder(document.value, onError);
  const complete = await forEachInSlices(
    document.entries,
    (entry: unknown, index) => list.add(entry, index),
    options,
  );
  return complete ? list.done() : { entries: [] };
}

/**
 * {@link parseJsonCues} in slices (see {@link parseJsonCueListInSlices}): media-timed entries,
 * and wall-clock ones placed through `dates`.
 */
export async function parseJsonCuesInSlices(
  input: unknown,
  onError: ErrorSink,
  options: SliceOptions & { dates?: MediaTimeOfDate } = {},
): Promise<ProductCue[] | CuecartError> {
  const list = await parseJsonCueListInSlices(input, onError, options);
  if (list instanceof CuecartError) return list;
  return placeEntries(list, onError, options.dates);
}

/** The document and its entries (text or parsed value), or why it is not a JSON cue list. */
function jsonDocument(input: unknown): { value: unknown; entries: unknown[] } | CuecartError {
  let document = input;
  if (typeof input === 'string') {
    if (input.length > MAX_CUE_DOCUMENT_LENGTH) {
      return new CuecartError('cues-load-failed', 'The JSON cue list is too large.');
    }
    try {
      document = JSON.parse(input);
    } catch (error) {
      return new CuecartError('cues-load-failed', 'The cue list is not valid JSON.', {
        cause: error,
      });
    }
  }
  let entries: unknown;
  try {
    entries = Array.isArray(document)
      ? document
      : typeof document === 'object' && document !== null
        ? (document as { cues?: unknown }).cues
        : undefined;
  } catch (cause) {
    // Only a host-made document can throw (a getter, a proxy); JSON never does.
    return new CuecartError('cues-load-failed', 'The cue list could not be read.', { cause });
  }
  if (!Array.isArray(entries)) {
    return new CuecartError('cues-load-failed', 'The cue list has no "cues" array.');
  }
  return { value: document, entries };
}

/** Collects the valid entries of one list (the last entry of an `id` wins) and its `refresh`. */
class JsonCueListBuilder {
  private readonly byId = new Map<string, JsonCueEntry>();

  constructor(
    private readonly document: unknown,
    private readonly onError: ErrorSink,
  ) {}

  add(entry: unknown, index: number): void {
    const parsed = readEntry(entry, index, this.onError);
    if (!parsed) return;
    this.byId.delete(parsed.id);
    this.byId.set(parsed.id, parsed);
  }

  done(): JsonCueList {
    const list: JsonCueList = { entries: [...this.byId.values()] };
    let refresh: unknown;
    try {
      refresh = isRecord(this.document) ? this.document.refresh : undefined;
    } catch {
      refresh = null;
    }
    if (refresh !== undefined) {
      if (typeof refresh === 'number' && Number.isFinite(refresh) && refresh > 0) {
        list.refresh = Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, refresh));
      } else {
        this.onError(
          new CuecartError(
            'cues-load-failed',
            'The cue list\'s "refresh" is not a positive number of seconds; it is read once.',
          ),
        );
      }
    }
    return list;
  }
}

/** {@link entryFromRecord}, reporting an entry whose read throws instead of throwing. */
function readEntry(entry: unknown, index: number, onError: ErrorSink): JsonCueEntry | undefined {
  try {
    return entryFromRecord(entry, index, onError);
  } catch (error) {
    // Only a host-made entry can throw (a getter, a proxy); JSON never does.
    onError(
      new CuecartError('cue-invalid', `Cue #${index + 1} of the cue list could not be read.`, {
        cause: error,
      }),
    );
    return undefined;
  }
}

/**
 * Places an entry on the media timeline. Wall-clock times go through `dates`; returns `undefined`
 * when the entry needs a mapping that is not (yet) known. An end that maps at or before the
 * start is dropped (the cue then lasts until the next one).
 */
export function resolveJsonCue(
  entry: JsonCueEntry,
  dates?: MediaTimeOfDate,
): ProductCue | undefined {
  const start =
    entry.start ?? (entry.startDate === undefined ? undefined : dates?.(entry.startDate));
  if (start === undefined || !Number.isFinite(start)) return undefined;
  const end =
    entry.end ?? (entry.endDate === undefined ? undefined : (dates?.(entry.endDate) ?? NaN));
  if (Number.isNaN(end)) return undefined;
  const cue: ProductCue = {
    id: entry.id,
    start: Math.max(0, start),
    payload: entry.payload,
    source: 'json',
  };
  if (end !== undefined && end > cue.start) cue.end = end;
  if (entry.startDate !== undefined) cue.startDate = entry.startDate;
  return cue;
}

/** ISO 8601 date-time with a time zone (`Z` or `±hh:mm`), as EXT-X-PROGRAM-DATE-TIME uses. */
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an ISO 8601 date-time with a time zone to ms since epoch; NaN when it is not one. */
export function parseIsoDate(value: unknown): number {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return NaN;
  return Date.parse(value);
}

function entryFromRecord(
  entry: unknown,
  index: number,
  onError: ErrorSink,
): JsonCueEntry | undefined {
  const label = `Cue #${index + 1} of the JSON cue list`;
  const report = (why: string, cause?: unknown) => {
    onError(new CuecartError('cue-invalid', `${label} ${why}`, cause ? { cause } : undefined));
  };
  if (!isRecord(entry)) {
    report('is not an object.');
    return undefined;
  }
  const { start, end, startDate, endDate, id, ...rest } = entry;
  const result: Partial<JsonCueEntry> = {};
  if (start !== undefined || startDate === undefined) {
    if (typeof start !== 'number' || !Number.isFinite(start) || start < 0) {
      report('has no valid "start" (seconds) or "startDate" (ISO 8601).');
      return undefined;
    }
    result.start = start;
  }
  if (startDate !== undefined) {
    const date = parseIsoDate(startDate);
    if (Number.isNaN(date)) {
      report('has a "startDate" that is not an ISO 8601 date-time with a time zone.');
      return undefined;
    }
    result.startDate = date;
  }
  if (end !== undefined) {
    if (
      typeof end !== 'number' ||
      !Number.isFinite(end) ||
      (result.start !== undefined && end <= result.start)
    ) {
      report('has an "end" that is not a number after "start".');
      return undefined;
    }
    result.end = end;
  } else if (endDate !== undefined) {
    const date = parseIsoDate(endDate);
    if (Number.isNaN(date) || (result.startDate !== undefined && date <= result.startDate)) {
      report('has an "endDate" that is not an ISO 8601 date-time after "startDate".');
      return undefined;
    }
    result.endDate = date;
  }
  const payload = parseCuePayload(rest, (problem) => report(`${problem}.`));
  if (payload instanceof CuecartError) {
    report(`is invalid: ${payload.message}`, payload);
    return undefined;
  }
  result.payload = payload;
  if (typeof id === 'string' && id !== '') result.id = `json:${id}`;
  else if (result.start !== undefined) result.id = cueId('json', result.start, payload);
  else {
    const variant = typeof payload.variant === 'string' ? payload.variant : '';
    result.id = `json:@${result.startDate}:${encodeURIComponent(payload.product)}:${encodeURIComponent(variant)}`;
  }
  return result as JsonCueEntry;
}
