import { randomBytes } from 'node:crypto';
import { parseKeyRing, TokenCipher, TokenDecryptionError } from './token-cipher';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const CONTEXT = 'channel:3f1c';

describe('TokenCipher', () => {
  const k1 = key('k1');
  const k2 = key('k2');

  it('round-trips a token and never shows it in the sealed value', () => {
    const cipher = new TokenCipher(k1);
    const sealed = cipher.encrypt('secret-access-token', CONTEXT);
    expect(sealed).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('secret');
    expect(cipher.decrypt(sealed, CONTEXT)).toBe('secret-access-token');
  });

  it('seals the same token differently each time (random IV)', () => {
    const cipher = new TokenCipher(k1);
    expect(cipher.encrypt('t', CONTEXT)).not.toBe(cipher.encrypt('t', CONTEXT));
  });

  it('opens values of a retired key after rotation and seals with the new first key', () => {
    const old = new TokenCipher(k1).encrypt('before rotation', CONTEXT);
    const rotated = new TokenCipher(`${k2},${k1}`);
    expect(rotated.decrypt(old, CONTEXT)).toBe('before rotation');
    expect(rotated.isStale(old)).toBe(true);
    const fresh = rotated.encrypt('after rotation', CONTEXT);
    expect(fresh.split('.')[1]).toBe('k2');
    expect(rotated.isStale(fresh)).toBe(false);
  });

  it('refuses a value whose key is no longer configured', () => {
    const old = new TokenCipher(k1).encrypt('t', CONTEXT);
    expect(() => new TokenCipher(k2).decrypt(old, CONTEXT)).toThrow(
      'key "k1" is not in ENCRYPTION_KEY',
    );
  });

  it.each([
    ['ciphertext', 4],
    ['tag', 3],
    ['iv', 2],
  ])('detects a changed %s', (_part, index) => {
    const cipher = new TokenCipher(k1);
    const parts = cipher.encrypt('secret-access-token', CONTEXT).split('.');
    const bytes = Buffer.from(parts[index], 'base64url');
    bytes[0] ^= 0x01;
    parts[index] = bytes.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), CONTEXT)).toThrow(TokenDecryptionError);
  });

  it('refuses a value moved onto another record', () => {
    const cipher = new TokenCipher(k1);
    const sealed = cipher.encrypt('secret', 'channel:a');
    expect(() => cipher.decrypt(sealed, 'channel:b')).toThrow('sealed for another record');
  });

  it('refuses a value relabelled with another key id', () => {
    const cipher = new TokenCipher(`${k1},${k2}`);
    const parts = cipher.encrypt('secret', CONTEXT).split('.');
    parts[1] = 'k2';
    expect(() => cipher.decrypt(parts.join('.'), CONTEXT)).toThrow(TokenDecryptionError);
  });

  it('refuses malformed values without echoing them', () => {
    const cipher = new TokenCipher(k1);
    for (const bad of ['', 'plain-token', 'v2.k1.a.b.c', 'v1.k1.a.b']) {
      expect(() => cipher.decrypt(bad, CONTEXT)).toThrow(TokenDecryptionError);
    }
    expect(() => cipher.decrypt('plain-token', CONTEXT)).not.toThrow(/plain-token/);
  });

  it('validates the key ring', () => {
    expect(parseKeyRing(`${k1},${k2}`).current).toBe('k1');
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow('32 bytes');
    expect(() => parseKeyRing(`${k1},${k1}`)).toThrow('twice');
  });
});
