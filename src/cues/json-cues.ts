import { isRecord } from '../internal/is-record.js';
import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { forEachInSlices, type SliceOptions } from '../internal/time-slices.js';
import { parseCuePayload } from './payload.js';
import { cueId, type ProductCue } from './product-cue.js';
import { MAX_CUE_DOCUMENT_LENGTH } from './webvtt.js';

/**
 * Parses a JSON cue list, `{"cues": [{"start": 12.5, "end"?: 30, "id"?: "...", "product": "...",
 * ...payload fields}]}` (JSON text or an already-parsed value; a bare array is accepted too).
 * `start`/`end` are media seconds; every other field of an entry is its payload. Bad entries are
 * reported as `cue-invalid` and skipped; a document that is not such a list returns a
 * `cues-load-failed` {@link CuecartError}.
 */
export function parseJsonCues(input: unknown, onError: ErrorSink): ProductCue[] | CuecartError {
  const entries = jsonCueEntries(input);
  if (entries instanceof CuecartError) return entries;
  const cues: ProductCue[] = [];
  entries.forEach((entry: unknown, index) => {
    const cue = cueFromEntry(entry, index, onError);
    if (cue) cues.push(cue);
  });
  return cues;
}

/**
 * {@link parseJsonCues} for large lists: the same result, but the entries are validated in
 * slices of at most `budgetMs` (default 8 ms) with the main thread given back between them, so
 * a 10,000-cue list never makes a long task. Resolves an empty list when `signal` aborts.
 * (`JSON.parse` of the text itself is one step; the document size limit bounds it.)
 */
export async function parseJsonCuesInSlices(
  input: unknown,
  onError: ErrorSink,
  options: SliceOptions = {},
): Promise<ProductCue[] | CuecartError> {
  const entries = jsonCueEntries(input);
  if (entries instanceof CuecartError) return entries;
  const cues: ProductCue[] = [];
  const complete = await forEachInSlices(
    entries,
    (entry: unknown, index) => {
      const cue = cueFromEntry(entry, index, onError);
      if (cue) cues.push(cue);
    },
    options,
  );
  return complete ? cues : [];
}

/** The entries of a JSON cue list (text or parsed value), or why it is not one. */
function jsonCueEntries(input: unknown): unknown[] | CuecartError {
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
  const entries = Array.isArray(document)
    ? document
    : typeof document === 'object' && document !== null
      ? (document as { cues?: unknown }).cues
      : undefined;
  if (!Array.isArray(entries)) {
    return new CuecartError('cues-load-failed', 'The cue list has no "cues" array.');
  }
  return entries;
}

function cueFromEntry(entry: unknown, index: number, onError: ErrorSink): ProductCue | undefined {
  try {
    return readEntry(entry, index, onError);
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

function readEntry(entry: unknown, index: number, onError: ErrorSink): ProductCue | undefined {
  const label = `Cue #${index + 1} of the JSON cue list`;
  const report = (why: string, cause?: unknown) => {
    onError(new CuecartError('cue-invalid', `${label} ${why}`, cause ? { cause } : undefined));
  };
  if (!isRecord(entry)) {
    report('is not an object.');
    return undefined;
  }
  const { start, end, id, ...rest } = entry;
  if (typeof start !== 'number' || !Number.isFinite(start) || start < 0) {
    report('has no valid "start" (seconds).');
    return undefined;
  }
  if (end !== undefined && (typeof end !== 'number' || !Number.isFinite(end) || end <= start)) {
    report('has an "end" that is not a number after "start".');
    return undefined;
  }
  const payload = parseCuePayload(rest, (problem) => report(`${problem}.`));
  if (payload instanceof CuecartError) {
    report(`is invalid: ${payload.message}`, payload);
    return undefined;
  }
  const cue: ProductCue = {
    id: typeof id === 'string' && id !== '' ? `json:${id}` : cueId('json', start, payload),
    start,
    payload,
    source: 'json',
  };
  if (typeof end === 'number') cue.end = end;
  return cue;
}
