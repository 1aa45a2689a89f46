import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link LayoutController}. */
export interface LayoutControllerOptions {
  /** The element whose width decides the layout (a zero-height sentinel as wide as the host). */
  sizer: () => Element | null | undefined;
  /** Width (px) from which the side panel layout is used. */
  panelMinWidth: number;
}

/**
 * Observes what decides a player's layout: its width (overlay below `panelMinWidth`, panel
 * from it) and which named slots the page filled. Both observers live only while connected.
 */
export class LayoutController implements ReactiveController {
  /** The layout the width calls for. */
  layout: 'overlay' | 'panel' = 'overlay';
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
      const next =
        (entry?.contentRect.width ?? 0) >= this.options.panelMinWidth ? 'panel' : 'overlay';
      if (next === this.layout) return;
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
