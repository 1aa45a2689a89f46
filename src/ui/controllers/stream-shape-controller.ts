import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { overlayCoversCentre, type Size } from './layout-geometry.js';

/** Where the product UI goes: over the video, beside it, or below it. */
export type ResolvedLayout = 'overlay' | 'panel' | 'stacked';

/**
 * Parses an `aspect-ratio` attribute: `16/9`, `16:9`, `9 / 16` or a number (`1.7778`).
 * Returns width ÷ height, or undefined for anything else (0, negative, absurd, text).
 */
export function parseAspectRatio(text: string | null | undefined): number | undefined {
  const value = (text ?? '').trim();
  if (!value) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(?:[/:]\s*(\d+(?:\.\d+)?))?$/.exec(value);
  if (!match) return undefined;
  const ratio = Number(match[1]) / (match[2] === undefined ? 1 : Number(match[2]));
  // Wider than 4:1 or taller than 1:4 is not a video shape: a typo, not a request.
  return Number.isFinite(ratio) && ratio >= 0.25 && ratio <= 4 ? ratio : undefined;
}

/** What {@link resolveAutoLayout} reads from the layout controller's last measurement. */
export interface LayoutMeasure {
  /** `panel` from the width that fits the side panel, else `overlay`. */
  layout: 'overlay' | 'panel';
  /** The stage's size at the host's full width; 0 × 0 before the first measurement. */
  stage: Size;
  /** The video's computed `object-fit`. */
  fit: string;
}

/**
 * The layout `auto` resolves to. The side panel from the width that fits it. Below that, a
 * vertical picture keeps the card over its lower part (the vertical live-shopping look: the
 * picture fills the box); any other picture gets the card over it only when the card stays
 * clear of the picture's centre (see `overlayCoversCentre`), and below it (`stacked`) otherwise:
 * in practice a 16:9 stream stacks on phones and portrait tablets.
 */
export function resolveAutoLayout(measure: LayoutMeasure, ratio: number): ResolvedLayout {
  if (measure.layout === 'panel') return 'panel';
  const { stage, fit } = measure;
  if (ratio < 1 || !stage.width || !stage.height) return 'overlay';
  return overlayCoversCentre(stage, ratio, fit) ? 'stacked' : 'overlay';
}

/**
 * Follows the shape of the stream: the `<video>`'s intrinsic aspect ratio once its metadata is
 * known (and whenever a rendition of another shape starts), so the player's box can take it.
 * Before that, {@link ratio} is undefined and the box keeps what was reserved (the
 * `aspect-ratio` attribute, else 16:9). The host reflects the shape as `stream-shape`
 * (`portrait` below 1:1, else `landscape`) for page CSS.
 */
export class StreamShapeController implements ReactiveController {
  /** Intrinsic width ÷ height of the current stream, once known. */
  ratio?: number;
  /** Width ÷ height to hold before the stream's is known (the `aspect-ratio` attribute). */
  reserved?: number;
  private video?: HTMLVideoElement;
  /**
   * The ratio reaches the stage's CSS through a constructed stylesheet adopted by the shadow
   * root: no inline style, so it holds under a strict CSP (docs/security.md).
   */
  private sheet?: CSSStyleSheet;
  private written = '';
  private readonly onShape = () => this.read();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly videoOf: () => HTMLVideoElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.attach();
    this.write();
  }

  /**
   * Reserves the `aspect-ratio` attribute's ratio until the stream's is known. Returns false for
   * a value that is not a ratio (16:9 is reserved then; the caller reports `config-invalid`).
   */
  reserve(text: string | null | undefined): boolean {
    this.reserved = parseAspectRatio(text);
    return this.reserved !== undefined || !(text ?? '').trim();
  }

  /** The ratio the box has now: the stream's, else the reserved one, else 16:9. */
  get effectiveRatio(): number {
    return this.ratio ?? this.reserved ?? 16 / 9;
  }

  private write() {
    const root = this.host.shadowRoot;
    const ratio = this.ratio ?? this.reserved;
    const rule = ratio ? `:host{--_cc-stream-ratio:${ratio}}` : '';
    if (!root || rule === this.written || typeof CSSStyleSheet === 'undefined') return;
    this.written = rule;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    }
    this.sheet.replaceSync(rule);
  }

  hostDisconnected(): void {
    this.detach();
  }

  private attach() {
    const video = this.videoOf();
    if (!video || video === this.video) return;
    this.detach();
    this.video = video;
    // `resize` fires when videoWidth/videoHeight change (first frame, or a rendition of
    // another shape): https://html.spec.whatwg.org/multipage/media.html#event-media-resize
    video.addEventListener('loadedmetadata', this.onShape);
    video.addEventListener('resize', this.onShape);
    this.read();
  }

  private detach() {
    this.video?.removeEventListener('loadedmetadata', this.onShape);
    this.video?.removeEventListener('resize', this.onShape);
    this.video = undefined;
  }

  private read() {
    const video = this.video;
    if (!video || !video.videoWidth || !video.videoHeight) return;
    const ratio = video.videoWidth / video.videoHeight;
    if (ratio === this.ratio) return;
    this.ratio = ratio;
    this.host.setAttribute('stream-shape', ratio < 1 ? 'portrait' : 'landscape');
    this.host.requestUpdate();
  }
}
