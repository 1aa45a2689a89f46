import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseProductFeed } from '../commerce/product-feed.js';
import { addDateRangesToPlaylist, cuesToJsonList, cuesToWebVtt } from '../cues/cue-writers.js';
import { parsePlaylist, type MediaPlaylist } from '../cues/media-playlist.js';
import type { ProgramDateTimeMap } from '../cues/program-date-time.js';
import type { ProductCue } from '../cues/product-cue.js';
import { CuecartError } from '../internal/errors.js';
import { safeUrl } from '../internal/url-policy.js';
import { formatTime } from '../ui/shared/format-time.js';
import {
  PublishQueue,
  httpPutPublisher,
  type CuePublisher,
  type LiveCueList,
  type PublishState,
} from './publishers.js';
import { studioStyles } from './cuecart-studio.styles.js';
import { LiveSession, ReplayMarks, type ReplayMark, type StudioProduct } from './studio-model.js';

/** The part of `<cuecart-player>` the studio uses (by tag name: the studio never imports it). */
interface PlayerLike extends HTMLElement {
  src: string;
  currentTime: number;
  readonly paused: boolean;
  cueList: readonly unknown[] | undefined;
  readonly cueStore?: { readonly dates?: ProgramDateTimeMap };
  play(): Promise<void>;
  pause(): void;
}

/** Export formats of replay mode. */
export type StudioExportFormat = 'json' | 'webvtt' | 'daterange';

/** Detail of `cuecart-studio-export`. */
export interface StudioExportDetail {
  format: StudioExportFormat;
  filename: string;
  text: string;
}

/** Detail of `cuecart-studio-publish`. */
export interface StudioPublishDetail {
  state: PublishState;
  list?: LiveCueList;
}

const SHORTCUT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Text for screen readers only, appended to a short visible label (which stays its prefix). */
const hidden = (text: string) => html`<span class="visually-hidden">${text}</span>`;

/**
 * The producer's side of Cuecart. **Live mode**: the show's products as large buttons; "feature"
 * stamps the product with the wall-clock instant (or, with `stamp="monitor"`, the program
 * date-time of the monitored frame) and publishes the live cue list through a
 * {@link CuePublisher}; "end" closes it. The clock shows the monitored stream's program
 * date-time and how far behind the wall clock it is. **Replay mode**: play a recording, mark products at the current frame, nudge them by a
 * frame, preview with the real player, export JSON, WebVTT or a DATERANGE-tagged playlist.
 * Usable by keyboard alone; see the shortcuts it lists.
 *
 * @tag cuecart-studio
 * @csspart monitor - The `<cuecart-player>` (live monitor / replay preview).
 * @csspart products - The product button grid.
 * @csspart product - One product button.
 * @csspart status - The publish / export status line.
 * @csspart clock - The program date-time clock.
 * @csspart marks - The replay marks table.
 * @cssproperty --cuecart-accent - Accent of the featured product and primary actions.
 * @fires cuecart-studio-publish - `{ state, list? }`: a publish started, succeeded or failed.
 * @fires cuecart-studio-export - `{ format, filename, text }`: an export was made (cancelable:
 *   `preventDefault()` stops the download).
 * @fires cuecart-error - `{ code, message, cause }`: the product feed or recording could not be read.
 */
export class CuecartStudio extends LitElement {
  static override styles = studioStyles;
  /** The tag this class is registered under by `defineStudio()`. */
  static readonly tagName = 'cuecart-studio';

  private readonly session = new LiveSession();
  private readonly marks = new ReplayMarks();
  private readonly queue = new PublishQueue(
    () => this.publisher ?? (this.publish ? httpPutPublisher(this.publish) : undefined),
    (publishState) => {
      this.publishState = publishState;
      this.dispatchEvent(
        new CustomEvent<StudioPublishDetail>('cuecart-studio-publish', {
          bubbles: true,
          composed: true,
          detail: { state: publishState, list: this.session.toList(this.refresh) },
        }),
      );
    },
  );
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  private feedAbort?: AbortController;
  private previewVersion = -1;

  @state() private feed: StudioProduct[] = [];
  @state() private publishState: PublishState = { status: 'idle' };
  @state() private clock: { time: number; source: 'stream' | 'wall'; latency?: number } = {
    time: NaN,
    source: 'wall',
  };
  @state() private version = 0;
  @state() private selected: string | undefined;
  @state() private notice = '';

  /** `live` (feature products during a show) or `replay` (tag a recording). */
  @property({ reflect: true }) mode: 'live' | 'replay' = 'live';
  /** Live: the stream to monitor (its program date-time stamps cues). Replay: the recording. */
  @property() src = '';
  /** URL of the show's product feed (SPEC "Product feed"). */
  @property() products = '';
  /** Live: URL the cue list is PUT to (e.g. a pre-signed object-storage URL). */
  @property() publish = '';
  /**
   * Live: what a press stamps. `wall` (default): the wall clock, for a producer watching the
   * camera or program output; the cue reaches viewers before their playhead (they watch seconds
   * behind). `monitor`: the program date-time of the frame on the studio's monitor, for a
   * producer watching the HLS stream itself (viewers as close to live may see it late).
   */
  @property({ reflect: true }) stamp: 'wall' | 'monitor' = 'wall';
  /** Live: the `refresh` (seconds) written into the published list. */
  @property({ type: Number }) refresh = 2;
  /** Replay: frames per second of the recording (one nudge = one frame). */
  @property({ type: Number, attribute: 'frame-rate' }) frameRate = 30;
  /** Live: publishes the cue list; overrides `publish`. */
  @property({ attribute: false }) publisher?: CuePublisher;
  /** The products to show; overrides the `products` feed. */
  @property({ attribute: false }) productList?: StudioProduct[];

  /** Live: the entries published so far. Replay: the marks as cues. */
  get cues(): ProductCue[] | LiveCueList['cues'] {
    return this.mode === 'live' ? this.session.cues : this.marks.toCues();
  }

  /** Replay: the marks (a copy). Setting replaces them (e.g. to continue an earlier session). */
  get replayMarks(): ReplayMark[] {
    return this.marks.list;
  }
  set replayMarks(marks: ReplayMark[]) {
    this.marks.load(marks);
    this.changed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
    this.clockTimer = setInterval(() => this.tickClock(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    clearInterval(this.clockTimer);
    this.feedAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('products')) void this.loadFeed();
    if (changed.has('frameRate') && this.frameRate > 0) this.marks.fps = this.frameRate;
  }

  protected override updated(): void {
    // The preview is the real player: it gets the marks as host cues whenever they change.
    if (this.mode === 'replay' && this.player && this.previewVersion !== this.version) {
      this.previewVersion = this.version;
      // As host cues (source `api`): the player replaces exactly those on each assignment.
      this.player.cueList = this.marks.toCues().map((cue) => ({ ...cue, source: 'api' as const }));
    }
  }

  // ---- live mode ----

  /** Live: features `product` now (ends the featured one at the same instant) and publishes. */
  featureNow(product: StudioProduct): void {
    this.session.feature(product, this.stampTime());
    this.queue.publish(this.session.toList(this.refresh));
    this.notice = `Featured ${product.title}.`;
    this.changed();
  }

  /** Live: ends the featured product now and publishes. */
  endNow(): void {
    const featured = this.session.featured;
    if (!this.session.end(this.stampTime())) return;
    this.queue.publish(this.session.toList(this.refresh));
    this.notice = `Ended ${featured?.title ?? featured?.product}.`;
    this.changed();
  }

  // ---- replay mode ----

  /** Replay: marks `product` at the current frame of the recording. */
  markNow(product: StudioProduct): ReplayMark {
    const mark = this.marks.add(product, this.player?.currentTime ?? 0);
    this.selected = mark.id;
    this.notice = `Marked ${product.title} at ${this.timecode(mark.start)}.`;
    this.changed();
    return mark;
  }

  /** Replay: ends the selected mark at the current frame. */
  endMarkNow(): void {
    if (!this.selected) return;
    if (this.marks.setEnd(this.selected, this.player?.currentTime ?? 0)) this.changed();
  }

  /** Replay: moves the selected (or given) mark's start or end by `frames` frames. */
  nudge(edge: 'start' | 'end', frames: number, id = this.selected): void {
    if (id && this.marks.nudge(id, edge, frames)) {
      const mark = this.marks.list.find((m) => m.id === id);
      const time = edge === 'start' ? mark?.start : mark?.end;
      this.notice =
        time === undefined
          ? 'End removed.'
          : `${edge === 'start' ? 'Start' : 'End'} ${this.timecode(time)}.`;
      this.changed();
    }
  }

  /**
   * Replay: builds an export and (unless the `cuecart-studio-export` event is cancelled) downloads
   * it. The DATERANGE playlist needs the recording to be an HLS media playlist.
   */
  async exportAs(format: StudioExportFormat): Promise<StudioExportDetail | undefined> {
    const cues = this.marks.toCues();
    let detail: StudioExportDetail;
    if (format === 'json') {
      detail = { format, filename: 'cues.json', text: cuesToJsonList(cues) };
    } else if (format === 'webvtt') {
      detail = { format, filename: 'cues.vtt', text: cuesToWebVtt(cues, this.durationOption()) };
    } else {
      const playlist = await this.recordingPlaylist();
      if (playlist instanceof CuecartError) {
        this.notice = playlist.message;
        return undefined;
      }
      const result = addDateRangesToPlaylist(playlist, cues);
      if (result instanceof CuecartError) {
        this.notice = result.message;
        return undefined;
      }
      detail = { format, filename: 'index.m3u8', text: result.text };
    }
    const proceed = this.dispatchEvent(
      new CustomEvent<StudioExportDetail>('cuecart-studio-export', {
        bubbles: true,
        composed: true,
        cancelable: true,
        detail,
      }),
    );
    if (proceed) this.download(detail);
    this.notice = `Exported ${detail.filename} (${cues.length} cue${cues.length === 1 ? '' : 's'}).`;
    return detail;
  }

  // ---- private ----

  private get player(): PlayerLike | null {
    return (this.renderRoot?.querySelector('cuecart-player') as PlayerLike | null) ?? null;
  }

  private changed() {
    this.version++;
  }

  private timecode(seconds: number): string {
    const frame = Math.round((seconds % 1) * this.frameRate);
    return `${formatTime(Math.floor(seconds))}:${String(frame).padStart(2, '0')} (${seconds.toFixed(3)} s)`;
  }

  private durationOption(): { duration?: number } {
    const duration = (this.player as unknown as { duration?: number } | null)?.duration;
    return typeof duration === 'number' && Number.isFinite(duration) ? { duration } : {};
  }

  /** The monitored frame's program date-time, else the wall clock. */
  private readClock(): { time: number; source: 'stream' | 'wall' } {
    const player = this.player;
    const dates = player?.cueStore?.dates;
    const time = player && dates?.known ? dates.toDate(player.currentTime) : undefined;
    return time === undefined ? { time: Date.now(), source: 'wall' } : { time, source: 'stream' };
  }

  /**
   * The instant a press stamps: the wall clock (the moment on camera, which viewers see seconds
   * later; needs the encoder's and this machine's clocks in sync, e.g. NTP), or with
   * `stamp="monitor"` the program date-time of the frame on the monitor.
   */
  private stampTime(): number {
    return this.stamp === 'monitor' ? this.readClock().time : Date.now();
  }

  private tickClock() {
    if (this.mode !== 'live') return;
    const clock = this.readClock();
    this.clock =
      clock.source === 'stream' ? { ...clock, latency: (Date.now() - clock.time) / 1000 } : clock;
  }

  private async loadFeed() {
    this.feedAbort?.abort();
    const url = safeUrl(this.products);
    if (!url) {
      this.feed = [];
      return;
    }
    const abort = new AbortController();
    this.feedAbort = abort;
    try {
      const response = await fetch(url, { signal: abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const feed = parseProductFeed(await response.json());
      if (!feed) throw new Error('no "products" array');
      this.feed = feed.products.map((p) => {
        const product: StudioProduct = { id: p.id, title: p.title };
        if (p.image) product.image = p.image;
        return product;
      });
    } catch (cause) {
      if (abort.signal.aborted) return;
      const error = new CuecartError(
        'products-load-failed',
        `The product feed ${url} could not be loaded (${(cause as Error)?.message ?? cause}).`,
        { cause },
      );
      this.notice = error.message;
      this.dispatchEvent(
        new CustomEvent('cuecart-error', {
          bubbles: true,
          composed: true,
          detail: error.toDetail(),
        }),
      );
    }
  }

  private async recordingPlaylist(): Promise<MediaPlaylist | CuecartError> {
    const url = safeUrl(this.src);
    if (!url || !/\.m3u8(\?|#|$)/i.test(url)) {
      return new CuecartError(
        'config-invalid',
        'A DATERANGE playlist needs an HLS recording (.m3u8).',
      );
    }
    try {
      let location = new URL(url, document.baseURI).href;
      let parsed = parsePlaylist(await (await fetch(location)).text());
      if (
        !(parsed instanceof CuecartError) &&
        parsed.kind === 'multivariant' &&
        parsed.variants[0]
      ) {
        location = new URL(parsed.variants[0], location).href;
        parsed = parsePlaylist(await (await fetch(location)).text());
      }
      if (parsed instanceof CuecartError) return parsed;
      if (parsed.kind !== 'media')
        return new CuecartError('cues-load-failed', 'No media playlist.');
      return parsed;
    } catch (cause) {
      return new CuecartError('cues-load-failed', 'The recording playlist could not be read.', {
        cause,
      });
    }
  }

  private download(detail: StudioExportDetail) {
    const type = {
      json: 'application/json',
      webvtt: 'text/vtt',
      daterange: 'application/vnd.apple.mpegurl',
    }[detail.format];
    const url = URL.createObjectURL(new Blob([detail.text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = detail.filename;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private get shownProducts(): StudioProduct[] {
    return this.productList ?? this.feed;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const index = SHORTCUT_KEYS.indexOf(event.key);
    const product = index >= 0 ? this.shownProducts[index] : undefined;
    let handled = true;
    if (product) {
      if (this.mode === 'live') this.featureNow(product);
      else this.markNow(product);
    } else if (this.mode === 'live' && (event.key === '0' || event.key === 'e')) {
      this.endNow();
    } else if (this.mode === 'replay' && event.key === 'o') this.endMarkNow();
    else if (this.mode === 'replay' && event.key === ',') this.nudge('start', -1);
    else if (this.mode === 'replay' && event.key === '.') this.nudge('start', 1);
    else if (this.mode === 'replay' && event.key === '<') this.nudge('end', -1);
    else if (this.mode === 'replay' && event.key === '>') this.nudge('end', 1);
    else handled = false;
    if (handled) event.preventDefault();
  };

  private renderStatus(): TemplateResult {
    const s = this.publishState;
    const text =
      s.status === 'idle'
        ? this.publisher || this.publish
          ? 'Nothing published yet.'
          : 'No publisher: set the publish URL or a publisher.'
        : s.status === 'publishing'
          ? `Publishing… (attempt ${s.attempt})`
          : s.status === 'published'
            ? `Published ${new Date(s.at).toLocaleTimeString()} · ${s.cues} cue${s.cues === 1 ? '' : 's'}`
            : `Publish failed: ${s.message}. Retrying in ${Math.round(s.retryInMs / 100) / 10} s.`;
    return html`<p part="status" class="status" data-state=${s.status} role="status">${text}</p>`;
  }

  private renderProducts(): TemplateResult {
    const featured = this.mode === 'live' ? this.session.featured?.product : undefined;
    const products = this.shownProducts;
    if (!products.length) return html`<p class="empty">No products: set <code>products</code>.</p>`;
    return html`<ul part="products" class="products" aria-label="Products">
      ${products.map((product, i) => {
        const key = SHORTCUT_KEYS[i];
        const pressed = this.mode === 'live' ? String(featured === product.id) : nothing;
        return html`<li>
          <button
            part="product"
            class="product"
            aria-pressed=${pressed}
            aria-keyshortcuts=${key ?? nothing}
            @click=${() => (this.mode === 'live' ? this.featureNow(product) : this.markNow(product))}
          >
            ${
              product.image && safeUrl(product.image)
                ? html`<img src=${safeUrl(product.image)!} alt="" />`
                : nothing
            }
            <span class="title">${product.title}</span>
            <span class="action"
              >${
                this.mode === 'live'
                  ? featured === product.id
                    ? 'Featured now'
                    : 'Feature now'
                  : 'Mark here'
              }${key ? html` <kbd>${key}</kbd>` : nothing}</span
            >
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderLive(): TemplateResult {
    const featured = this.session.featured;
    const clock = this.clock;
    return html`
      <div class="bar">
        <p part="clock" class="clock">
          <span class="label"
            >${clock.source === 'stream' ? 'Stream time (UTC)' : 'Wall clock (UTC)'}</span
          >
          <time
            datetime=${Number.isFinite(clock.time) ? new Date(clock.time).toISOString() : nothing}
            >${Number.isFinite(clock.time) ? new Date(clock.time).toISOString().slice(11, 23) : '—'}</time
          >
          ${
            clock.latency !== undefined
              ? html`<span class="label">${clock.latency.toFixed(1)} s behind the wall clock</span>`
              : nothing
          }
        </p>
        <button
          class="end"
          ?disabled=${!featured}
          aria-keyshortcuts="0 e"
          @click=${() => this.endNow()}
        >
          End ${featured ? (featured.title ?? featured.product) : ''} <kbd>0</kbd>
        </button>
      </div>
      ${this.renderStatus()} ${this.renderProducts()}
      <ol class="log" aria-label="Published cues">
        ${this.session.cues
          .slice(-8)
          .reverse()
          .map(
            (cue) =>
              html`<li>
                ${cue.title ?? cue.product} · ${cue.startDate.slice(11, 23)}
                ${cue.endDate ? html`– ${cue.endDate.slice(11, 23)}` : html`(featured)`}
              </li>`,
          )}
      </ol>
    `;
  }

  private renderMarks(): TemplateResult {
    const marks = this.marks.list;
    if (!marks.length) return html`<p class="empty">No marks yet.</p>`;
    return html`<table part="marks" class="marks">
      <caption>
        Marks
      </caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        ${marks.map((mark) => {
          const name = mark.title ?? mark.product;
          return html`<tr class=${mark.id === this.selected ? 'selected' : ''}>
            <th scope="row">
              <button
                class="select"
                aria-pressed=${String(mark.id === this.selected)}
                @click=${() => (this.selected = mark.id)}
              >
                ${name}
              </button>
            </th>
            <td>
              <button @click=${() => this.nudge('start', -1, mark.id)}>
                −1${hidden(` frame: start of ${name} one frame earlier`)}
              </button>
              <span class="time">${this.timecode(mark.start)}</span>
              <button @click=${() => this.nudge('start', 1, mark.id)}>
                +1${hidden(` frame: start of ${name} one frame later`)}
              </button>
            </td>
            <td>
              ${
                mark.end === undefined
                  ? html`<span class="time">until next</span>`
                  : html`<button @click=${() => this.nudge('end', -1, mark.id)}>
                        −1${hidden(` frame: end of ${name} one frame earlier`)}
                      </button>
                      <span class="time">${this.timecode(mark.end)}</span>
                      <button @click=${() => this.nudge('end', 1, mark.id)}>
                        +1${hidden(` frame: end of ${name} one frame later`)}
                      </button>`
              }
            </td>
            <td>
              <button @click=${() => this.player && (this.player.currentTime = mark.start)}>
                Go to${hidden(` ${name}`)}
              </button>
              <button
                @click=${() => {
                  this.selected = mark.id;
                  this.endMarkNow();
                }}
              >
                End here${hidden(`: ${name}`)}
              </button>
              <button
                @click=${() => {
                  this.marks.remove(mark.id);
                  if (this.selected === mark.id) this.selected = undefined;
                  this.changed();
                }}
              >
                Remove${hidden(` ${name}`)}
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderReplay(): TemplateResult {
    return html`
      ${this.renderProducts()} ${this.renderMarks()}
      <div class="exports" role="group" aria-label="Export">
        <button @click=${() => this.exportAs('json')}>Export JSON</button>
        <button @click=${() => this.exportAs('webvtt')}>Export WebVTT</button>
        <button @click=${() => this.exportAs('daterange')}>Export DATERANGE playlist</button>
      </div>
    `;
  }

  private renderShortcuts(): TemplateResult {
    const rows: Array<[string, string]> =
      this.mode === 'live'
        ? [
            ['1–9', 'feature product 1–9 now'],
            ['0 or E', 'end the featured product'],
          ]
        : [
            ['1–9', 'mark product 1–9 at the current frame'],
            ['O', 'end the selected mark at the current frame'],
            [', / .', 'selected start one frame earlier / later'],
            ['< / >', 'selected end one frame earlier / later'],
          ];
    return html`<details class="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        ${rows.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${what}</dd>`,
        )}
      </dl>
    </details>`;
  }

  override render(): TemplateResult {
    const source = safeUrl(this.src);
    // Live: the monitor plays (muted) at the live edge on its own, so its clock is the show's;
    // paused, it froze on its first frame while "behind the wall clock" kept growing.
    // Replay: it waits for the producer.
    return html`
      <section class="studio" aria-label=${this.mode === 'live' ? 'Live studio' : 'Replay studio'}>
        ${
          source
            ? html`<cuecart-player
                part="monitor"
                class="monitor"
                src=${source}
                muted
                ?autoplay=${this.mode === 'live'}
              ></cuecart-player>`
            : nothing
        }
        <div class="panel">
          ${this.mode === 'live' ? this.renderLive() : this.renderReplay()}
          ${this.renderShortcuts()}
          <p class="notice" role="status" aria-live="polite">${this.notice}</p>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cuecart-studio': CuecartStudio;
  }
  interface HTMLElementEventMap {
    'cuecart-studio-publish': CustomEvent<StudioPublishDetail>;
    'cuecart-studio-export': CustomEvent<StudioExportDetail>;
  }
}
