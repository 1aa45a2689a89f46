import { expect } from '@open-wc/testing';
import { CheckoutError, toCheckoutError } from '../../../src/commerce/checkout-adapter.js';
import { SHOPPER_MESSAGES } from '../../../src/commerce/shopper-messages.js';

describe('toCheckoutError', () => {
  it('keeps a CheckoutError as it is', () => {
    const error = new CheckoutError('out-of-stock', 'Gone.');
    expect(toCheckoutError(error)).to.equal(error);
  });

  it('turns a failed fetch into network, in Cuecart’s words', async () => {
    const failed = await fetch('http://127.0.0.1:9/').catch((e: unknown) => e);
    const error = toCheckoutError(failed);
    expect(error.reason).to.equal('network');
    expect(error.message).to.equal(SHOPPER_MESSAGES.network);
    expect(error.cause).to.equal(failed);
  });

  it('never shows a bug’s message to shoppers', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
    const error = toCheckoutError(bug, 'Could not add.');
    expect(error.reason).to.equal('rejected');
    expect(error.message).to.equal('Could not add.');
  });

  it('keeps a host’s own message, from an Error or a string', () => {
    expect(toCheckoutError(new Error('Engraving is too long.')).message).to.equal(
      'Engraving is too long.',
    );
    expect(toCheckoutError('Store closed for inventory.').message).to.equal(
      'Store closed for inventory.',
    );
    expect(toCheckoutError(undefined, 'Fallback.').message).to.equal('Fallback.');
  });
});
