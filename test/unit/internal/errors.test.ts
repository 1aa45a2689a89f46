import { expect } from '@open-wc/testing';
import { CuecartError } from '../../../src/internal/errors.js';

describe('CuecartError', () => {
  it('carries a code, a message and a cause into its event detail', () => {
    const cause = new Error('404');
    const error = new CuecartError('media-load-failed', 'The video could not be loaded.', {
      cause,
    });
    expect(error).to.be.instanceOf(Error);
    expect(error.toDetail()).to.deep.equal({
      code: 'media-load-failed',
      message: 'The video could not be loaded.',
      cause,
    });
  });
});
