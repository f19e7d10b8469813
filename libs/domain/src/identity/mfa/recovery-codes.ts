import { createHash } from 'node:crypto';
import { Secret } from 'otpauth';

export const RECOVERY_CODE_COUNT = 10;

/** Case, spaces and dashes do not matter when a code is typed back. */
const normalize = (code: string) => code.replace(/[^a-z2-7]/gi, '').toUpperCase();

/**
 * sha256, not argon2: each code carries 80 random bits, so there is nothing to brute-force
 * offline, and ten argon2 hashes would cost a second per enrolment.
 */
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normalize(code)).digest('hex');

/** Ten codes like `k3vq-7mzp-2xw4-hn6d` (80 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    new Secret({ size: 10 }).base32.toLowerCase().match(/.{4}/g)!.join('-'),
  );
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normalize(code).length === 16;
}
