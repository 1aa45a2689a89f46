import { expect } from '@open-wc/testing';
import { currencyDigits, formatMoney } from '../../../src/commerce/money.js';

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
