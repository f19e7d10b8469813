import { isStorableText, toStorableText } from './storable-text';

describe('storable text', () => {
  it.each([
    ['plain text', 'When does the clinic open?', true],
    ['a surrogate pair (emoji)', 'Thanks 👩🏽‍⚕️', true],
    ['a NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\ud83d', false],
    ['a lone low surrogate', '\ude00b', false],
    ['a reversed pair', '\ude00\ud83d', false],
  ])('%s is storable: %s', (_label, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
    expect(isStorableText(text)).toBe(storable); // the global regex keeps no state between calls
  });

  it.each([
    ['a\u0000b', 'ab'],
    ['Pat\ud83d', 'Pat\ufffd'],
    ['\ude00\ud83d x', '\ufffd\ufffd x'],
    ['Thanks 👍', 'Thanks 👍'],
  ])('cleans %j to %j', (text, cleaned) => {
    expect(toStorableText(text)).toBe(cleaned);
  });
});
