import type { Product, ProductVariant } from '../../commerce/product.js';
import { defaultVariant } from '../../commerce/variants.js';

/**
 * The option model the variant picker works on: up to three option names, and for each variant
 * its values in that order. Pure functions, no DOM.
 *
 * Availability is hierarchical, like most storefront themes: a value of option *i* is offered when
 * some available variant matches the values already chosen for options *0…i-1* and that value.
 * So every reachable combination can be picked, and unavailable ones are disabled.
 */
export interface OptionModel {
  names: string[];
  variants: Array<{ variant: ProductVariant; values: string[] }>;
}

/** A picked value per option name, in order. */
export type OptionSelection = string[];

/**
 * Builds the option model. Products with option names use the variants' `options`; a product with
 * several variants but no option names gets one synthetic option (`fallbackName`) valued by
 * variant title. A single-variant product has no options.
 */
export function optionModel(product: Product, fallbackName: string): OptionModel {
  const variants = product.variants ?? [];
  const names = (product.options ?? []).slice(0, 3);
  if (names.length > 0 && variants.some((v) => v.options?.length)) {
    return {
      names,
      variants: variants.map((variant) => ({
        variant,
        values: names.map((_, i) => variant.options?.[i] ?? ''),
      })),
    };
  }
  if (variants.length > 1) {
    return {
      names: [fallbackName],
      variants: variants.map((variant) => ({ variant, values: [variant.title] })),
    };
  }
  return { names: [], variants: variants.map((variant) => ({ variant, values: [] })) };
}

/** The distinct values of option `index`, in variant order. */
export function optionValues(model: OptionModel, index: number): string[] {
  return [...new Set(model.variants.map((v) => v.values[index]).filter((v) => v !== ''))];
}

const matchesPrefix = (values: string[], selection: OptionSelection, upTo: number) =>
  selection.slice(0, upTo).every((value, i) => values[i] === value);

/** Whether `value` can be chosen for option `index` given the choices made for earlier options. */
export function isValueAvailable(
  model: OptionModel,
  selection: OptionSelection,
  index: number,
  value: string,
): boolean {
  return model.variants.some(
    ({ variant, values }) =>
      variant.available && values[index] === value && matchesPrefix(values, selection, index),
  );
}

/** The variant whose values equal `selection` exactly, if any. */
export function variantForSelection(
  model: OptionModel,
  selection: OptionSelection | null,
): ProductVariant | undefined {
  if (!selection) return undefined;
  if (model.names.length === 0) return model.variants[0]?.variant;
  return model.variants.find(({ values }) => values.every((v, i) => v === selection[i]))?.variant;
}

/**
 * The initial selection: the values of `variantId` when given and known, else of the first
 * available variant, else of the first variant. `null` means "nothing valid selected" (an unknown
 * `variantId`), which the card shows as sold out until the shopper picks a value.
 */
export function initialSelection(model: OptionModel, variantId?: string): OptionSelection | null {
  if (variantId) {
    const wanted = model.variants.find(({ variant }) => variant.id === variantId);
    return wanted ? [...wanted.values] : null;
  }
  const variant = defaultVariant(model.variants.map((entry) => entry.variant));
  const first = model.variants.find((entry) => entry.variant === variant);
  return first ? [...first.values] : [];
}

/**
 * Sets option `index` to `value`; later options keep their value when still available, else take
 * the first available one (else the first existing one).
 */
export function selectValue(
  model: OptionModel,
  selection: OptionSelection | null,
  index: number,
  value: string,
): OptionSelection {
  const base = selection ?? initialSelection(model) ?? [];
  const next = model.names.map((_, i) => (i < index ? base[i] : i === index ? value : ''));
  for (let i = index + 1; i < model.names.length; i++) {
    const candidates = model.variants.filter(({ values }) => matchesPrefix(values, next, i));
    const keep = base[i];
    const keepOk = candidates.some(
      ({ variant, values }) => variant.available && values[i] === keep,
    );
    const firstAvailable = candidates.find(({ variant }) => variant.available)?.values[i];
    next[i] = keepOk ? keep : (firstAvailable ?? candidates[0]?.values[i] ?? '');
  }
  return next;
}
