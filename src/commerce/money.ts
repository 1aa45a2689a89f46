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
