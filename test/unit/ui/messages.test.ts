import { expect } from '@open-wc/testing';
import { defaultMessages, mergeMessages, readMessages } from '../../../src/ui/messages.js';
import { isMessageKey, playerMessages } from '../../../src/ui/player-messages.js';

describe('defaultMessages (player strings in the shell, shopping strings in their chunk)', () => {
  it('holds every player string unchanged, and the shopping ones beside them', () => {
    for (const [key, text] of Object.entries(playerMessages)) {
      expect(defaultMessages[key as keyof typeof defaultMessages], key).to.equal(text);
    }
    expect(defaultMessages.addToCart).to.equal('Add to cart');
    expect(defaultMessages.checkout).to.equal('Checkout');
    expect(Object.isFrozen(defaultMessages)).to.equal(true);
  });

  it('has no string the shell does not know the name of (isMessageKey)', () => {
    for (const key of Object.keys(defaultMessages)) expect(isMessageKey(key), key).to.equal(true);
    expect(isMessageKey('addToKart')).to.equal(false);
    expect(isMessageKey('toString'), 'no inherited names').to.equal(false);
  });
});

describe('readMessages', () => {
  it("keeps the shopping elements' strings and reports unknown keys", () => {
    const { messages, problems } = readMessages({
      addToCart: 'Kaufen',
      play: 'Abspielen',
      nope: 'x',
    });
    expect(messages).to.deep.equal({ addToCart: 'Kaufen', play: 'Abspielen' });
    expect(problems).to.deep.equal(['unknown key "nope"']);
  });
});

describe('mergeMessages', () => {
  it('fills every string a partial table lacks', () => {
    const merged = mergeMessages({ ...playerMessages, addToCart: 'Kaufen' });
    expect(merged.addToCart).to.equal('Kaufen');
    expect(merged.yourCart).to.equal('Your cart');
    expect(Object.keys(merged).sort()).to.deep.equal(Object.keys(defaultMessages).sort());
  });
});
