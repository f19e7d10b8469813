import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../common/json';
import type { Checkpoint, SignedCheckpoint } from './checkpoint';

/** An Ed25519 public key as published in exports: the raw 32 bytes, base64url (JWK `x`). */
export interface PublicKeyEntry {
  keyId: string;
  publicKey: string;
}

// PKCS#8 DER of an Ed25519 key is this fixed prefix followed by the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** `keyId:base64seed[,keyId:base64seed…]` (AUDIT_SIGNING_KEY): the first signs, all are published. */
export class AuditSigner {
  private readonly keys: { keyId: string; privateKey: KeyObject }[];

  constructor(spec: string) {
    this.keys = spec.split(',').map((entry) => {
      const [keyId, seed] = entry.split(':');
      const bytes = Buffer.from(seed ?? '', 'base64');
      if (!keyId || bytes.length !== 32) {
        throw new Error(
          `AUDIT_SIGNING_KEY entry "${keyId ?? ''}" must be keyId:base64 of 32 bytes`,
        );
      }
      const der = Buffer.concat([PKCS8_ED25519_PREFIX, bytes]);
      return { keyId, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
    });
  }

  sign(checkpoint: Omit<Checkpoint, 'keyId'>): SignedCheckpoint {
    const { keyId, privateKey } = this.keys[0];
    const body: Checkpoint = { ...checkpoint, keyId };
    const signature = sign(null, Buffer.from(canonicalJson({ ...body })), privateKey);
    return { ...body, signature: signature.toString('base64url') };
  }

  publicKeys(): PublicKeyEntry[] {
    return this.keys.map(({ keyId, privateKey }) => ({
      keyId,
      publicKey: createPublicKey(privateKey).export({ format: 'jwk' }).x!,
    }));
  }
}

/** True when the checkpoint was signed by the key of its keyId among `keys`. */
export function checkpointSignatureValid(
  checkpoint: SignedCheckpoint,
  keys: PublicKeyEntry[],
): boolean {
  const entry = keys.find((k) => k.keyId === checkpoint.keyId);
  if (!entry) return false;
  const { signature, ...body } = checkpoint;
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: entry.publicKey },
    format: 'jwk',
  });
  return verify(
    null,
    Buffer.from(canonicalJson({ ...body })),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
}
