/**
 * Number of minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, KWD 3), as `Intl` knows it.
 * Falls back to 2 for codes `Intl` rejects.
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * Formats an amount in minor units (e.g. 1999 USD cents, 1500 yen) for display.
 * Never throws: an unknown currency or locale falls back to a plain number with the code.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** Formats an amount in minor units, like {@link formatMoney}; see {@link createMoneyFormatter}. */
export type MoneyFormatter = (minor: number, currency: string, locale?: string) => string;

/**
 * A {@link formatMoney} that keeps the `Intl.NumberFormat` it builds for each locale and currency,
 * for an element that formats many prices on every render (a product list of a thousand
 * products). Building a number format costs far more than using one. Each caller owns its
 * formatter (no cache shared between players); the results equal {@link formatMoney}'s.
 */
export function createMoneyFormatter(): MoneyFormatter {
  const formats = new Map<string, ((major: number) => string) & { digits: number }>();
  return (minor, currency, locale) => {
    const key = `${locale ?? ''}\u0000${currency}`;
    let format = formats.get(key);
    if (!format) {
      const digits = currencyDigits(currency);
      let intl: Intl.NumberFormat | undefined;
      try {
        intl = new Intl.NumberFormat(locale, { style: 'currency', currency });
      } catch {
        intl = undefined;
      }
      format = Object.assign(
        (major: number) => (intl ? intl.format(major) : `${major.toFixed(digits)} ${currency}`),
        { digits },
      );
      formats.set(key, format);
    }
    return format(minor / 10 ** format.digits);
  };
}
