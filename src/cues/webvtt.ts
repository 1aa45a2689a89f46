import { CuecartError, type ErrorSink } from '../internal/errors.js';
import { forEachInSlices, type SliceOptions } from '../internal/time-slices.js';
import { parseCuePayload, preview } from './payload.js';
import { cueId, type ProductCue } from './product-cue.js';
import { MAX_CUE_DOCUMENT_LENGTH } from './document-limits.js';

/**
 * Parses a WebVTT timestamp: `hh:mm:ss.ttt` (hours may have more than two digits) or
 * `mm:ss.ttt`. Returns seconds, or `undefined` when malformed.
 */
export function parseVttTimestamp(text: string): number | undefined {
  const match = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s, ms] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;

/**
 * Parses a WebVTT metadata document whose cue text is a payload JSON object. `NOTE`, `STYLE` and
 * `REGION` blocks are skipped, cue identifiers are optional, cue settings are ignored and
 * multi-line cue text is joined. Bad cues are reported as `cue-invalid` and skipped; a document
 * without the `WEBVTT` header (or too large) returns a `cues-load-failed` {@link CuecartError}.
 */
export function parseWebVttCues(text: string, onError: ErrorSink): ProductCue[] | CuecartError {
  const lines = webVttLines(text);
  if (lines instanceof CuecartError) return lines;
  const cues: ProductCue[] = [];
  for (const block of webVttBlocks(lines)) {
    const cue = cueFromBlock(block, onError);
    if (cue) cues.push(cue);
  }
  return cues;
}

/**
 * {@link parseWebVttCues} for large documents: the same result, but the cue blocks are parsed in
 * slices of at most `budgetMs` (default 8 ms) with the main thread given back between them, so a
 * 10,000-cue document never makes a long task. Resolves an empty list when `signal` aborts.
 */
export async function parseWebVttCuesInSlices(
  text: string,
  onError: ErrorSink,
  options: SliceOptions = {},
): Promise<ProductCue[] | CuecartError> {
  const lines = webVttLines(text);
  if (lines instanceof CuecartError) return lines;
  const cues: ProductCue[] = [];
  const complete = await forEachInSlices(
    webVttBlocks(lines),
    (block) => {
      const cue = cueFromBlock(block, onError);
      if (cue) cues.push(cue);
    },
    options,
  );
  return complete ? cues : [];
}

/** The lines of a WebVTT document after its BOM, or why it is not one. */
function webVttLines(text: string): string[] | CuecartError {
  if (typeof text !== 'string' || text.length > MAX_CUE_DOCUMENT_LENGTH) {
    return new CuecartError('cues-load-failed', 'The WebVTT cue list is missing or too large.');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return new CuecartError('cues-load-failed', 'The cue list is not WebVTT: no "WEBVTT" header.');
  }
  return lines;
}

/** The blocks after the header, each a run of non-blank lines. */
function* webVttBlocks(lines: string[]): Generator<string[]> {
  let i = 1;
  // The header block runs to the first blank line.
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    yield block;
  }
}

function cueFromBlock(block: string[], onError: ErrorSink): ProductCue | undefined {
  const first = block[0]!;
  if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) return undefined;
  const timingIndex = first.includes('-->') ? 0 : 1;
  const timingLine = block[timingIndex];
  const label = timingIndex === 1 ? `WebVTT cue ${JSON.stringify(first)}` : 'WebVTT cue';
  const timing = timingLine === undefined ? null : TIMING.exec(timingLine.trim());
  if (!timing) {
    onError(new CuecartError('cue-invalid', `${label} has no timing line: ${preview(first)}`));
    return undefined;
  }
  const start = parseVttTimestamp(timing[1]!);
  const end = parseVttTimestamp(timing[2]!);
  if (start === undefined || end === undefined || end <= start) {
    onError(new CuecartError('cue-invalid', `${label} has bad timings: ${preview(timingLine!)}`));
    return undefined;
  }
  const payloadText = block.slice(timingIndex + 1).join('\n');
  const payload = parseCuePayload(payloadText, (problem) =>
    onError(new CuecartError('cue-invalid', `${label} at ${timing[1]} ${problem}.`)),
  );
  if (payload instanceof CuecartError) {
    onError(
      new CuecartError('cue-invalid', `${label} at ${timing[1]}: ${payload.message}`, {
        cause: payload,
      }),
    );
    return undefined;
  }
  return { id: cueId('webvtt', start, payload), start, end, payload, source: 'webvtt' };
}
