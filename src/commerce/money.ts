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
  return createMoneyFormatter()(minor, currency, locale);
}

/** Formats an amount in minor units, like {@link formatMoney}; see {@link createMoneyFormatter}. */
export type MoneyFormatter = (minor: number, currency: string, locale?: string) => string;

/**
 * A {@link formatMoney} that keeps the `Intl.NumberFormat` it builds for each locale and currency,
 * for an element that formats many prices on every render (a product list of a thousand
 * products). Building a number format costs far more than using one. Each caller owns its
 * formatter (no cache shared between players); {@link formatMoney} is one used once.
 */
export function createMoneyFormatter(): MoneyFormatter {
  const formats = new Map<string, { digits: number; intl: Intl.NumberFormat | undefined }>();
  return (minor, currency, locale) => {
    const key = `${locale ?? ''}\u0000${currency}`;
    let format = formats.get(key);
    if (!format) {
      format = { digits: currencyDigits(currency), intl: currencyFormat(currency, locale) };
      formats.set(key, format);
    }
    const major = minor / 10 ** format.digits;
    return format.intl ? format.intl.format(major) : `${major.toFixed(format.digits)} ${currency}`;
  };
}

/** The `Intl` currency format of `currency` in `locale`; undefined where `Intl` rejects either. */
function currencyFormat(currency: string, locale?: string): Intl.NumberFormat | undefined {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    return undefined;
  }
}
