import { CuecartError, type ErrorSink } from '../internal/errors.js';
import type { CueTimeline } from '../cues/cue-timeline.js';
import { parseJsonCueListInSlices, resolveJsonCue, type JsonCueEntry } from '../cues/json-cues.js';
import type { ProgramDateTimeMap } from '../cues/program-date-time.js';
import type { ProductCue } from '../cues/product-cue.js';
import { parseWebVttCuesInSlices } from '../cues/webvtt.js';
import { yieldToMain } from '../internal/time-slices.js';

/** Timer functions, injectable so tests can drive a fake clock. */
export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * How the poller asks "has the list changed?":
 * - `headers`: it sends `If-None-Match` / `If-Modified-Since` itself and reads `304 Not Modified`.
 *   On a cross-origin URL these headers make every request CORS-preflighted.
 * - `http-cache`: it asks the browser's HTTP cache to revalidate (`cache: 'no-cache'`), which
 *   sends the same validators without a preflight; an unchanged body is recognised by content.
 * - `auto` (default): `headers` for same-origin URLs and outside browsers, `http-cache` otherwise.
 */
export type ValidatorMode = 'auto' | 'headers' | 'http-cache';

/** What a {@link CueListPoller} needs. */
export interface CueListPollerOptions {
  /** Where the list's cues go. */
  timeline: CueTimeline;
  /** The stream's program date-time mapping, for `startDate` / `endDate` entries. */
  dates: ProgramDateTimeMap;
  /** Media time of the presented frame (a removed cue that already started stays). */
  currentTime(): number;
  /** Non-fatal problems: load failures (once per failure streak), invalid entries. */
  onError: ErrorSink;
  /** Injected for tests; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
  /** Injected for tests; default the global timers. */
  timers?: PollerTimers;
  /** Injected for tests; default `Math.random` (spreads viewers' retries apart). */
  random?: () => number;
  /** Default `auto`; see {@link ValidatorMode}. */
  validators?: ValidatorMode;
  /** A request still running after this long is abandoned and counts as failed (default 15 s). */
  requestTimeoutMs?: number;
}

/** Longest wait between attempts after repeated failures, in ms. */
export const MAX_BACKOFF_MS = 60_000;

const defaultTimers: PollerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Loads one side-car cue list and, when it is a JSON list with `"refresh": N` and the stream is
 * live, re-fetches it every N seconds: the "live cue list" a producer publishes next to the
 * playlist, through the same CDN.
 *
 * - Conditional GET (ETag / Last-Modified; see {@link ValidatorMode}); an unchanged list costs
 *   a 304 and no parsing.
 * - Never two requests at once: the next one is scheduled when the previous one has settled.
 * - Failures back off exponentially (N s × 2^failures, at most {@link MAX_BACKOFF_MS}, with
 *   jitter) and are reported once per streak; the cues already known stay.
 * - Stops for good when the stream ends (`setLive(false)`), on {@link stop} or when the start
 *   signal aborts (the element left the page).
 * - Merge by `id`: new entries are added, changed ones replaced (including ones already on
 *   screen: "end now" is an update), and entries gone from the list are removed when they have
 *   not started yet, all in one timeline change; a cue that already started stays.
 * - Wall-clock entries are placed through the program date-time map and re-placed whenever
 *   {@link datesChanged} is called; entries waiting for a mapping are kept until one arrives.
 */
export class CueListPoller {
  private readonly timers: PollerTimers;
  private url = '';
  private signal?: AbortSignal;
  private live: boolean | undefined;
  private refreshMs: number | undefined;
  private timer: unknown;
  private inFlight = false;
  private stopped = false;
  private failures = 0;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private lastBody: string | undefined;
  private entries = new Map<string, JsonCueEntry>();
  private requestCount = 0;

  constructor(private readonly options: CueListPollerOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  /** Requests made so far (for diagnostics and tests). */
  get requests(): number {
    return this.requestCount;
  }

  /** The list's refresh interval in seconds, once known; `undefined` for a list read once. */
  get refresh(): number | undefined {
    return this.refreshMs === undefined ? undefined : this.refreshMs / 1000;
  }

  /** Whether a refresh is scheduled. */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  /** Loads the list; resolves once the first attempt has settled. Call once. */
  start(url: string, signal: AbortSignal): Promise<void> {
    this.url = url;
    this.signal = signal;
    signal.addEventListener('abort', () => this.stop(), { once: true });
    if (signal.aborted) {
      this.stop();
      return Promise.resolve();
    }
    return this.poll();
  }

  /** The stream's live state: polling runs only while live and stops for good when it ends. */
  setLive(live: boolean): void {
    const was = this.live;
    this.live = live;
    if (live === false && was === true) this.stop();
    else if (live) this.schedule(this.refreshMs);
  }

  /** The program date-time mapping changed: re-place wall-clock entries. */
  datesChanged(): void {
    if (this.stopped) return;
    const cues: ProductCue[] = [];
    for (const entry of this.entries.values()) {
      if (entry.startDate === undefined && entry.endDate === undefined) continue;
      const cue = this.place(entry);
      if (cue) cues.push(cue);
    }
    if (cues.length) this.options.timeline.add(cues);
  }

  /** Stops polling for good; the cues already placed stay. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private clearTimer() {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number | undefined) {
    if (this.stopped || this.inFlight || this.timer !== undefined) return;
    if (delayMs === undefined || this.live !== true) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delayMs);
  }

  private sendsValidators(): boolean {
    const mode = this.options.validators ?? 'auto';
    if (mode !== 'auto') return mode === 'headers';
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    if (!base) return true;
    try {
      return new URL(this.url, base).origin === new URL(base).origin;
    } catch {
      return true;
    }
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.inFlight) return;
    this.inFlight = true;
    this.requestCount++;
    const request = new AbortController();
    const abortRequest = () => request.abort();
    this.signal?.addEventListener('abort', abortRequest, { once: true });
    const timeout = this.timers.setTimeout(
      () => request.abort(new Error('timed out')),
      this.options.requestTimeoutMs ?? 15_000,
    );
    let outcome: 'changed' | 'unchanged' | CuecartError;
    try {
      outcome = await this.fetchOnce(request.signal);
    } catch (cause) {
      const reason = request.signal.reason instanceof Error ? request.signal.reason : cause;
      outcome = new CuecartError(
        'cues-load-failed',
        `The cue list ${this.url} could not be loaded (${String((reason as Error)?.message ?? reason)}).`,
        { cause },
      );
    } finally {
      this.timers.clearTimeout(timeout);
      this.signal?.removeEventListener('abort', abortRequest);
      this.inFlight = false;
    }
    if (this.stopped) return;
    if (outcome instanceof CuecartError) {
      if (this.failures === 0) this.options.onError(outcome);
      this.failures++;
      this.schedule(this.backoff());
      return;
    }
    this.failures = 0;
    this.schedule(this.refreshMs);
  }

  private backoff(): number | undefined {
    if (this.refreshMs === undefined) return undefined;
    const base = Math.min(MAX_BACKOFF_MS, this.refreshMs * 2 ** this.failures);
    const jitter = 0.8 + 0.4 * (this.options.random ?? Math.random)();
    return Math.round(Math.max(this.refreshMs, Math.min(MAX_BACKOFF_MS, base * jitter)));
  }

  private async fetchOnce(signal: AbortSignal): Promise<'changed' | 'unchanged' | CuecartError> {
    const doFetch = this.options.fetch ?? fetch;
    const init: RequestInit = { signal };
    if (this.sendsValidators()) {
      const headers: Record<string, string> = {};
      if (this.etag) headers['If-None-Match'] = this.etag;
      if (this.lastModified) headers['If-Modified-Since'] = this.lastModified;
      init.headers = headers;
      init.cache = 'no-store';
    } else {
      init.cache = 'no-cache';
    }
    const response = await doFetch(this.url, init);
    if (response.status === 304) return 'unchanged';
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const validators = () => {
      this.etag = response.headers.get('ETag') ?? undefined;
      this.lastModified = response.headers.get('Last-Modified') ?? undefined;
    };
    if (text === this.lastBody) {
      validators();
      return 'unchanged';
    }
    const result = await this.apply(text, signal);
    // Stopped mid-parse: keep the old validators so the next poll fetches this body again.
    if (signal.aborted) return 'unchanged';
    validators();
    if (!(result instanceof CuecartError)) this.lastBody = text;
    return result;
  }

  /** Parses in slices that yield to the main thread (a 10,000-cue list makes no long task). */
  private async apply(text: string, signal: AbortSignal): Promise<'changed' | CuecartError> {
    const onError = this.options.onError;
    if (/^\uFEFF?WEBVTT/.test(text)) {
      const cues = await parseWebVttCuesInSlices(text, onError, { signal });
      if (signal.aborted) return 'changed';
      if (cues instanceof CuecartError) return cues;
      // Adding (and the render it causes) gets a task of its own, not the end of the last slice.
      await yieldToMain();
      if (signal.aborted) return 'changed';
      this.options.timeline.add(cues);
      this.refreshMs = undefined;
      return 'changed';
    }
    const list = await parseJsonCueListInSlices(text, onError, { signal });
    if (signal.aborted) return 'changed';
    if (list instanceof CuecartError) return list;
    await yieldToMain();
    if (signal.aborted) return 'changed';
    this.refreshMs = list.refresh === undefined ? undefined : list.refresh * 1000;
    const next = new Map(list.entries.map((entry) => [entry.id, entry]));
    const { timeline } = this.options;
    const withdrawn = new Set<string>();
    for (const id of this.entries.keys()) if (!next.has(id)) withdrawn.add(id);
    if (withdrawn.size > 0) {
      const now = this.options.currentTime();
      // One change for all of them (one notification, one render), not one per entry.
      // NaN (nothing presented yet) compares false: the cue has not started.
      timeline.removeWhere((cue) => withdrawn.has(cue.id) && !(cue.start <= now));
    }
    this.entries = next;
    const cues: ProductCue[] = [];
    for (const entry of next.values()) {
      const cue = this.place(entry);
      if (cue) cues.push(cue);
    }
    timeline.add(cues);
    return 'changed';
  }

  private place(entry: JsonCueEntry): ProductCue | undefined {
    const { dates } = this.options;
    return resolveJsonCue(entry, (date) => dates.toMediaTime(date));
  }
}
