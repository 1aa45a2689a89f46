import { expect } from '@open-wc/testing';
import { createMoneyFormatter, currencyDigits, formatMoney } from '../../../src/commerce/money.js';

describe('formatMoney', () => {
  it('reads minor units with the currency’s own digits', () => {
    expect(formatMoney(1999, 'USD', 'en-US')).to.equal('$19.99');
    expect(formatMoney(1500, 'JPY', 'ja-JP')).to.match(/1,500/);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KWD')).to.equal(3);
  });

  it('falls back without throwing on an invalid currency code', () => {
    expect(formatMoney(250, 'not a code', 'en-US')).to.equal('2.50 not a code');
  });
});

describe('createMoneyFormatter', () => {
  const cases: [number, string, string | undefined][] = [
    [1999, 'USD', 'en-US'],
    [1999, 'EUR', 'fr-FR'],
    [1500, 'JPY', 'ja-JP'],
    [12345, 'KWD', 'ar-KW'],
    [250, 'not a code', 'en-US'],
    [250, 'USD', 'not a locale!'],
    [999, 'GBP', undefined],
  ];

  it('formats exactly as formatMoney, invalid codes and locales included', () => {
    const format = createMoneyFormatter();
    for (const [minor, currency, locale] of cases) {
      let expected: string | Error;
      try {
        expected = formatMoney(minor, currency, locale);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) {
        expect(() => format(minor, currency, locale)).to.throw();
      } else {
        expect(format(minor, currency, locale), `${currency} ${locale}`).to.equal(expected);
        // Again, from its kept number format.
        expect(format(minor + 1, currency, locale)).to.equal(
          formatMoney(minor + 1, currency, locale),
        );
      }
    }
  });

  it('builds number formats once per locale and currency, not once per price', () => {
    const Original = Intl.NumberFormat;
    let built = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Original>) {
      built++;
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = Counting;
    try {
      const format = createMoneyFormatter();
      for (let minor = 0; minor < 1000; minor++) format(minor, 'USD', 'en-US');
      const once = built;
      expect(once).to.be.within(1, 2); // the currency's digits, and the format itself
      for (let minor = 0; minor < 1000; minor++) format(minor, 'EUR', 'de-DE');
      expect(built - once).to.be.within(1, 2);
      // Another formatter keeps its own.
      createMoneyFormatter()(1, 'USD', 'en-US');
      expect(built).to.be.greaterThan(once + 1);
    } finally {
      Intl.NumberFormat = Original;
    }
  });
});
