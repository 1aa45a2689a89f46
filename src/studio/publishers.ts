import { safeUrl } from '../internal/url-policy.js';

/** The live cue list a studio publishes: the JSON cue-list format with wall-clock entries. */
export interface LiveCueList {
  /** Seconds between viewers' re-fetches. */
  refresh: number;
  cues: LiveCueEntry[];
}

/** One featured product of a live show, timed by the stream's program date-time. */
export interface LiveCueEntry {
  /** Stable id: viewers merge updates ("end now") by it. */
  id: string;
  /** ISO 8601 instant the product was featured. */
  startDate: string;
  /** ISO 8601 instant it stopped being featured; absent while it still is. */
  endDate?: string;
  product: string;
  variant?: string;
  title?: string;
}

/**
 * Where a studio publishes the live cue list: replace the whole document, resolve once it is
 * stored (viewers may then fetch it), reject to have the studio retry.
 */
export interface CuePublisher {
  publish(list: LiveCueList, options: { signal: AbortSignal }): Promise<void>;
}

/** Options of {@link httpPutPublisher}. */
export interface HttpPutPublisherOptions {
  /** Extra request headers (e.g. `x-amz-acl`, an authorization header of your own backend). */
  headers?: Record<string, string>;
  /**
   * `Cache-Control` stored with the object when the storage honours the request header (S3, R2
   * and GCS do): viewers poll through the CDN, so keep it short. Default `max-age=1`.
   */
  cacheControl?: string;
  /** Injected for tests; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
}

/**
 * Publishes by HTTP `PUT` of the JSON document to a URL: a pre-signed object-storage URL (S3,
 * R2, GCS), or any endpoint of your own. A non-2xx answer rejects with its status.
 */
export function httpPutPublisher(url: string, options: HttpPutPublisherOptions = {}): CuePublisher {
  const target = safeUrl(url);
  return {
    async publish(list, { signal }) {
      if (!target) throw new Error(`Not an http(s) URL: ${url}`);
      const response = await (options.fetch ?? fetch)(target, {
        method: 'PUT',
        signal,
        headers: {
          'Content-Type': 'application/json',
          'Cache-Control': options.cacheControl ?? 'max-age=1',
          ...options.headers,
        },
        body: `${JSON.stringify(list, null, 2)}\n`,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  };
}

/** Publishes through a function of the host page (its own API client, a WebSocket, a test). */
export function callbackPublisher(
  publish: (list: LiveCueList, options: { signal: AbortSignal }) => void | Promise<void>,
): CuePublisher {
  return { publish: async (list, options) => publish(list, options) };
}

/** Where a {@link PublishQueue} stands. */
export type PublishState =
  | { status: 'idle' }
  | { status: 'publishing'; attempt: number }
  | { status: 'published'; at: number; cues: number }
  | { status: 'failed'; message: string; retryInMs: number; attempt: number };

/** Waits between publish attempts after failures (ms); the last one repeats. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Publishes the latest version of a list, one request at a time: a change made while a publish
 * runs is sent right after it (intermediate versions are skipped: each PUT replaces the whole
 * document), a failure is retried with growing waits until it succeeds or a newer version
 * supersedes it.
 */
export class PublishQueue {
  private latest: LiveCueList | undefined;
  private running = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly publisher: () => CuePublisher | undefined,
    private readonly onState: (state: PublishState) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Queues `list` for publishing (replacing any version not yet sent). */
  publish(list: LiveCueList): void {
    this.latest = list;
    this.attempt = 0;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    void this.run();
  }

  /** Stops: no more requests; the one running is aborted. */
  dispose(): void {
    this.abort.abort();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.latest = undefined;
  }

  private async run(): Promise<void> {
    if (this.running || this.abort.signal.aborted) return;
    const list = this.latest;
    const publisher = this.publisher();
    if (!list || !publisher) return;
    this.running = true;
    this.attempt++;
    this.onState({ status: 'publishing', attempt: this.attempt });
    let failure: unknown;
    try {
      await publisher.publish(list, { signal: this.abort.signal });
    } catch (error) {
      failure = error ?? new Error('failed');
    }
    this.running = false;
    if (this.abort.signal.aborted) return;
    if (failure === undefined) {
      if (this.latest === list) {
        this.latest = undefined;
        this.attempt = 0;
        this.onState({ status: 'published', at: this.now(), cues: list.cues.length });
      } else void this.run();
      return;
    }
    if (this.latest !== list) {
      void this.run();
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt - 1, RETRY_DELAYS_MS.length - 1)]!;
    this.onState({
      status: 'failed',
      message: (failure as Error)?.message ?? String(failure),
      retryInMs: delay,
      attempt: this.attempt,
    });
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }
}
