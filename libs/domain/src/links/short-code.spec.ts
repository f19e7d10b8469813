import { isShortCode, newShortCode, ShortLinkFormat } from './short-code';

describe('short codes', () => {
  it('are ten base62 characters, different each time', () => {
    const codes = Array.from({ length: 1000 }, newShortCode);
    expect(codes.every((c) => /^[0-9A-Za-z]{10}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(1000);
  });

  it.each([
    ['Ab3dE9xK2q', true],
    ['Ab3dE9xK2', false],
    ['Ab3dE9xK2qq', false],
    ['Ab3dE9xK2-', false],
    ['../../etc', false],
  ])('%s is a code: %s', (value, expected) => {
    expect(isShortCode(value)).toBe(expected);
  });
});

describe('ShortLinkFormat', () => {
  const format = new ShortLinkFormat('https://go.mercy.org/');

  it('builds the short link on the base, without a doubled slash', () => {
    expect(format.url('Ab3dE9xK2q')).toBe('https://go.mercy.org/l/Ab3dE9xK2q');
  });

  it('finds the codes of whole short links in a text, each once, in order', () => {
    const text =
      'Heart month https://go.mercy.org/l/Ab3dE9xK2q and https://go.mercy.org/l/Zz9yY8xX7w! ' +
      'Again https://go.mercy.org/l/Ab3dE9xK2q. Not ours: https://go.other.org/l/Qq1wW2eE3r, ' +
      'not whole: https://go.mercy.org/l/Ab3dE9xK2qX https://go.mercy.org/l/Ab3dE9xK2q/more';
    expect(format.codesIn(text)).toEqual(['Ab3dE9xK2q', 'Zz9yY8xX7w']);
  });

  it('knows its own short links, so they are not tracked again', () => {
    expect(format.isOwn(new URL('https://go.mercy.org/l/Ab3dE9xK2q'))).toBe(true);
    expect(format.isOwn(new URL('https://go.mercy.org/heart'))).toBe(false);
    expect(format.isOwn(new URL('https://www.mercy.org/l/Ab3dE9xK2q'))).toBe(false);
  });
});
