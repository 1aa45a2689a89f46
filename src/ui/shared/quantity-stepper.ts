import { html, type TemplateResult } from 'lit';

/** What {@link quantityStepper} renders. */
export interface QuantityStepperOptions {
  value: number;
  /** Lowest value the stepper offers (default 1). */
  min?: number;
  /** Highest value the stepper offers (default 99). */
  max?: number;
  /** Accessible name of the group and the input. */
  label: string;
  decreaseLabel: string;
  increaseLabel: string;
  /** Blocks changes without removing focusable buttons (e.g. while a request is pending). */
  busy?: boolean;
  /** Called with the new, clamped value. */
  onChange: (quantity: number) => void;
}

/**
 * A − [n] + quantity stepper shared by the product card and the mini cart.
 *
 * Buttons at a limit are `aria-disabled` rather than `disabled`: a disabled button drops focus to
 * `<body>`, which would also break the mini cart's focus trap.
 *
 * Parts: `quantity`, `quantity-button` (+ `quantity-decrease` / `quantity-increase`),
 * `quantity-input`.
 */
export function quantityStepper(options: QuantityStepperOptions): TemplateResult {
  const { value, label, decreaseLabel, increaseLabel, busy = false, onChange } = options;
  const min = options.min ?? 1;
  const max = options.max ?? 99;
  const clamp = (n: number) => Math.min(max, Math.max(min, Math.round(n)));
  const atMin = busy || value <= min;
  const atMax = busy || value >= max;
  // Read the field, not `value`: two clicks before the next render must both count.
  const step = (delta: number) => (event: Event) => {
    if (busy) return;
    const input = (event.currentTarget as HTMLElement).parentElement?.querySelector('input');
    const parsed = Number.parseInt(input?.value ?? '', 10);
    const current = Number.isFinite(parsed) ? parsed : value;
    const next = clamp(current + delta);
    if (next === current) return;
    if (input) input.value = String(next);
    onChange(next);
  };
  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const parsed = Number.parseInt(input.value, 10);
    const next = Number.isFinite(parsed) ? clamp(parsed) : value;
    // Re-sync the field when the clamped value equals the old one (Lit would not touch it).
    input.value = String(next);
    if (next !== value && !busy) onChange(next);
  };
  return html`
    <div class="stepper" part="quantity" role="group" aria-label=${label}>
      <button
        type="button"
        part="quantity-button quantity-decrease"
        aria-label=${decreaseLabel}
        aria-disabled=${atMin ? 'true' : 'false'}
        @click=${step(-1)}
      >
        <span aria-hidden="true">−</span>
      </button>
      <input
        part="quantity-input"
        type="number"
        inputmode="numeric"
        min=${min}
        max=${max}
        .value=${String(value)}
        aria-label=${label}
        ?readonly=${busy}
        @change=${onInput}
      />
      <button
        type="button"
        part="quantity-button quantity-increase"
        aria-label=${increaseLabel}
        aria-disabled=${atMax ? 'true' : 'false'}
        @click=${step(1)}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  `;
}
