import { html, nothing, type TemplateResult } from 'lit';
import { formatMessage, type CuecartMessages } from '../messages.js';
import {
  isValueAvailable,
  optionValues,
  type OptionModel,
  type OptionSelection,
} from './variant-options.js';

/** Options with more values than this render as a `<select>` instead of chips. */
const MAX_CHIPS = 6;

/** What {@link variantPicker} renders. */
export interface VariantPickerOptions {
  model: OptionModel;
  selection: OptionSelection | null;
  /** Render every option as a `<select>` (compact cards). */
  useSelects: boolean;
  messages: CuecartMessages;
  onSelect: (index: number, value: string) => void;
}

/**
 * One control per option: a radio group of chips (a `<fieldset>` with native radios, so arrow
 * keys and screen readers work unchanged) or, for long lists and compact cards, a labelled
 * `<select>`. Values no available variant offers are disabled and named "… (sold out)".
 */
export function variantPicker(options: VariantPickerOptions): TemplateResult[] {
  const { model, selection, useSelects, messages, onSelect } = options;
  return model.names.map((name, index) => {
    const values = optionValues(model, index);
    const selected = selection?.[index];
    const id = `option-${index}`;
    const available = (value: string) => isValueAvailable(model, selection ?? [], index, value);
    const soldOutName = (value: string) => formatMessage(messages.optionSoldOut, { value });

    if (useSelects || values.length > MAX_CHIPS) {
      return html`
        <div class="option option-select" part="option">
          <label part="option-label" for=${id}>${name}</label>
          <select
            id=${id}
            part="select"
            @change=${(e: Event) => onSelect(index, (e.target as HTMLSelectElement).value)}
          >
            ${
              selected === undefined
                ? html`<option value="" selected disabled>
                    ${formatMessage(messages.chooseOption, { option: name })}
                  </option>`
                : nothing
            }
            ${values.map(
              (value) =>
                html`<option
                  value=${value}
                  ?selected=${value === selected}
                  ?disabled=${!available(value)}
                >
                  ${available(value) ? value : soldOutName(value)}
                </option>`,
            )}
          </select>
        </div>
      `;
    }
    return html`
      <fieldset class="option" part="option">
        <legend part="option-label">
          ${name}${selected ? html`<span class="option-current">: ${selected}</span>` : nothing}
        </legend>
        <div class="chips">
          ${values.map((value) => {
            const ok = available(value);
            return html`<label
              class="chip"
              part=${ok ? 'option-value' : 'option-value option-value-unavailable'}
            >
              <input
                type="radio"
                name=${id}
                .value=${value}
                .checked=${value === selected}
                ?disabled=${!ok}
                aria-label=${ok ? value : soldOutName(value)}
                @change=${() => onSelect(index, value)}
              />
              <span aria-hidden="true">${value}</span>
            </label>`;
          })}
        </div>
      </fieldset>
    `;
  });
}
