import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link LayoutController}. */
export interface LayoutControllerOptions {
  /** The element whose width decides the layout (a zero-height sentinel as wide as the host). */
  sizer: () => Element | null | undefined;
  /** Width (px) from which the side panel layout is used. */
  panelMinWidth: number;
  /** Other widths (px) whose crossing re-renders the host (e.g. the stacked layout's). */
  breakpoints?: readonly number[];
}

/**
 * Observes what decides a player's layout: its width (overlay below `panelMinWidth`, panel
 * from it) and which named slots the page filled. Both observers live only while connected.
 */
export class LayoutController implements ReactiveController {
  /** The layout the width calls for. */
  layout: 'overlay' | 'panel' = 'overlay';
  /** The host's width (px) as last observed; 0 before the first observation. */
  width = 0;
  /** Named slots the page filled (`card`, `cart-button`): forwarded only then, so fallbacks render. */
  slotted: ReadonlySet<string> = new Set();
  private resizeObserver?: ResizeObserver;
  private slotObserver?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LayoutControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readSlots();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      const previous = this.width;
      this.width = width;
      const next = width >= this.options.panelMinWidth ? 'panel' : 'overlay';
      const crossed = (this.options.breakpoints ?? []).some(
        (point) => previous < point !== width < point,
      );
      if (next === this.layout && !crossed) return;
      this.layout = next;
      this.host.requestUpdate();
    });
    this.observeSizer();
    this.slotObserver = new MutationObserver(() => {
      this.readSlots();
      this.host.requestUpdate();
    });
    this.slotObserver.observe(this.host, {
      childList: true,
      attributes: true,
      attributeFilter: ['slot'],
      subtree: false,
    });
  }

  hostUpdated(): void {
    // The sizer exists from the first render; observing the host itself would loop
    // ResizeObserver, because switching layout changes the host's height.
    this.observeSizer();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.slotObserver?.disconnect();
    this.slotObserver = undefined;
    this.observed = undefined;
  }

  private observed?: Element;

  private observeSizer() {
    const sizer = this.options.sizer();
    if (!sizer || sizer === this.observed || !this.resizeObserver) return;
    this.observed = sizer;
    this.resizeObserver.observe(sizer);
  }

  private readSlots() {
    this.slotted = new Set(
      Array.from(this.host.children, (child) => child.getAttribute('slot') ?? '').filter(Boolean),
    );
  }
}
