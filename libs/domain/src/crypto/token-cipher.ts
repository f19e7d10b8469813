import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Why a sealed value could not be opened; the message never contains the value. */
export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt token: ${reason}`);
    this.name = 'TokenDecryptionError';
  }
}

/** `keyId:base64[,keyId:base64…]` (ENCRYPTION_KEY) as a map; the first key is the one that encrypts. */
export function parseKeyRing(spec: string): { current: string; keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((e) => e.trim())) {
    const [id, encoded] = entry.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || key.length !== KEY_BYTES) {
      throw new Error(`ENCRYPTION_KEY entry "${id ?? ''}" must be keyId:base64 of 32 bytes`);
    }
    if (keys.has(id)) throw new Error(`ENCRYPTION_KEY lists key id "${id}" twice`);
    keys.set(id, key);
  }
  const current = [...keys.keys()][0];
  if (!current) throw new Error('ENCRYPTION_KEY names no key');
  return { current, keys };
}

/**
 * AES-256-GCM for OAuth tokens at rest: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The key
 * id lets old values open after a new key is put first; `context` (e.g. the channel id) is bound
 * as associated data, so a value copied onto another row does not open.
 */
export class TokenCipher {
  private readonly current: string;
  private readonly keys: Map<string, Buffer>;

  constructor(spec: string) {
    ({ current: this.current, keys: this.keys } = parseKeyRing(spec));
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url'));
    return [VERSION, this.current, ...parts].join('.');
  }

  decrypt(value: string, context: string): string {
    const [version, keyId, iv, tag, sealed, ...rest] = value.split('.');
    if (version !== VERSION || sealed === undefined || rest.length > 0) {
      throw new TokenDecryptionError(`not a ${VERSION} sealed value`);
    }
    const key = this.keys.get(keyId);
    if (!key) throw new TokenDecryptionError(`key "${keyId}" is not in ENCRYPTION_KEY`);
    const tagBytes = Buffer.from(tag, 'base64url');
    const ivBytes = Buffer.from(iv, 'base64url');
    if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES) {
      throw new TokenDecryptionError('malformed iv or tag');
    }
    const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    try {
      const opened = Buffer.concat([
        decipher.update(Buffer.from(sealed, 'base64url')),
        decipher.final(),
      ]);
      return opened.toString('utf8');
    } catch {
      throw new TokenDecryptionError('it was altered, or sealed for another record');
    }
  }

  /** Whether the value was sealed with a key other than the current one (re-encrypt on next write). */
  isStale(value: string): boolean {
    return value.split('.')[1] !== this.current;
  }
}
