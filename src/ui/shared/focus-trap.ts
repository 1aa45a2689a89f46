import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable=""], [contenteditable="true"], [tabindex]';

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isTabbable(el: Element): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.matches(FOCUSABLE)) return false;
  if (el.tabIndex < 0 || el.hasAttribute('disabled') || el.inert) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/**
 * Tabbable elements under `root` in tree order, following open shadow roots and slots (flattened)
 * so a host-provided slotted button counts where it is rendered.
 */
export function tabbableElements(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element | ShadowRoot) => {
    const children =
      node instanceof HTMLSlotElement
        ? node.assignedElements({ flatten: true })
        : [...node.children];
    if (node instanceof HTMLSlotElement && children.length === 0) {
      children.push(...node.children); // fallback content
    }
    for (const child of children) {
      if (isTabbable(child)) found.push(child);
      visit(child.shadowRoot ?? child);
    }
  };
  visit(root);
  return found;
}

/**
 * Keeps keyboard focus inside a container while active (for modal dialogs), and gives focus back
 * to whatever had it before on deactivation.
 *
 * ```ts
 * private trap = new FocusTrapController(this, () => this.panel);
 * this.trap.activate(this.closeButton);  // when opening
 * this.trap.deactivate();                // when closing: focus returns to the opener
 * ```
 *
 * Tab and Shift+Tab wrap at the ends. Focus leaving the container any other way (a click on the
 * page behind) is pulled back in. Deactivates without restoring focus when the host disconnects.
 */
export class FocusTrapController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly getContainer: () => HTMLElement | null | undefined;
  private returnFocusTo: HTMLElement | null = null;
  private isActive = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    getContainer: () => HTMLElement | null | undefined,
  ) {
    this.host = host;
    this.getContainer = getContainer;
    host.addController(this);
  }

  /** Whether the trap currently holds focus. */
  get active(): boolean {
    return this.isActive;
  }

  hostDisconnected(): void {
    this.deactivate({ restoreFocus: false });
  }

  /**
   * Starts trapping. Focus moves to `initialFocus`, else the first tabbable element, else the
   * container itself. `returnFocusTo` overrides the element focus goes back to.
   */
  activate(initialFocus?: HTMLElement | null, returnFocusTo?: HTMLElement | null): void {
    if (!this.isActive) {
      const previous = deepActiveElement(this.host.ownerDocument);
      this.returnFocusTo =
        returnFocusTo ??
        (previous instanceof HTMLElement && previous !== this.host.ownerDocument.body
          ? previous
          : null);
      this.host.addEventListener('keydown', this.onKeyDown);
      this.host.ownerDocument.addEventListener('focusin', this.onDocumentFocusIn);
      this.isActive = true;
    }
    const container = this.getContainer();
    const target = initialFocus ?? (container && tabbableElements(container)[0]) ?? container;
    target?.focus();
  }

  /** Stops trapping and, unless told otherwise, focuses the element that had focus before. */
  deactivate({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.isActive) return;
    this.isActive = false;
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.ownerDocument.removeEventListener('focusin', this.onDocumentFocusIn);
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (restoreFocus && target?.isConnected) target.focus();
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.defaultPrevented) return;
    const container = this.getContainer();
    if (!container) return;
    const tabbables = tabbableElements(container);
    if (tabbables.length === 0) {
      event.preventDefault();
      container.focus();
      return;
    }
    const first = tabbables[0];
    const last = tabbables[tabbables.length - 1];
    const current = deepActiveElement(this.host.ownerDocument);
    const index = current ? tabbables.indexOf(current as HTMLElement) : -1;
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === tabbables.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  };

  private readonly onDocumentFocusIn = (event: FocusEvent) => {
    // Focus inside the host (its shadow tree or its light DOM children) is fine.
    if (event.composedPath().includes(this.host)) return;
    const container = this.getContainer();
    const first = container && tabbableElements(container)[0];
    (first ?? container)?.focus();
  };
}
