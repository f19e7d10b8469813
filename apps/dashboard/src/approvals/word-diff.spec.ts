import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks the words taken out and put in, keeping the rest', () => {
    expect(wordDiff('Call 555-0100 to book', 'Call us to book today')).toEqual([
      { kind: 'same', text: 'Call ' },
      { kind: 'removed', text: '555-0100' },
      { kind: 'added', text: 'us' },
      { kind: 'same', text: ' to book' },
      { kind: 'added', text: ' today' },
    ]);
  });

  it('says nothing changed for equal text', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
  });
});
