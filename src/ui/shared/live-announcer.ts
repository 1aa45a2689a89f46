import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * A polite live region owned by an element. Render {@link LiveAnnouncer.region} once in the
 * element's template, then call {@link LiveAnnouncer.announce}:
 *
 * ```ts
 * private announcer = new LiveAnnouncer(this);
 * render() { return html`…${this.announcer.region()}`; }
 * this.announcer.announce(formatMessage(msgs.nowFeaturing, { title }));
 * ```
 *
 * The region is in the DOM from the first render: screen readers ignore live regions that appear
 * together with their text. Repeating the same message alternates a trailing no-break space so
 * the text node changes and is read again.
 */
export class LiveAnnouncer implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private message = '';
  private clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { politeness?: 'polite' | 'assertive'; clearAfter?: number } = {},
  ) {
    this.host = host;
    host.addController(this);
  }

  /** The text currently in the region. */
  get text(): string {
    return this.message;
  }

  hostDisconnected(): void {
    clearTimeout(this.clearTimer);
    this.message = '';
  }

  /** Puts `text` in the live region; it is cleared again after `clearAfter` ms (default 5 s). */
  announce(text: string): void {
    clearTimeout(this.clearTimer);
    this.message =
      text === this.message.trimEnd() && !this.message.endsWith('\u00a0') ? `${text}\u00a0` : text;
    this.host.requestUpdate();
    this.clearTimer = setTimeout(() => {
      this.message = '';
      this.host.requestUpdate();
    }, this.options.clearAfter ?? 5000);
  }

  /** The visually hidden live region to render. */
  region(): TemplateResult {
    return html`<div
      class="visually-hidden"
      role="status"
      aria-live=${this.options.politeness ?? 'polite'}
      aria-atomic="true"
    >
      ${this.message}
    </div>`;
  }
}
