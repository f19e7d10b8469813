import type { AppConfig } from './app-config';

/**
 * The secret values `.env.example` and the class defaults ship with (public, in this repository);
 * env-example.spec.ts checks this list against the file.
 */
export const EXAMPLE_SECRETS = new Set([
  'local-development-secret-change-me-0123456789',
  'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  'rounds-local-secret',
]);

/** Bits of entropy a JWT secret must show: 32 random bytes as hex or base64 clear it, words do not. */
const MIN_JWT_SECRET_BITS = 200;

/** Empirical Shannon entropy of the characters times the length: low for words and repetitions. */
export function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / value.length) * Math.log2(n / value.length);
  return perChar * value.length;
}

/** A random 32-byte key has ~27 distinct byte values; a made-up one (zeros, a pattern) far fewer. */
function isWeakKey(key: Buffer): boolean {
  return new Set(key).size < 16;
}

/** Each problem names the setting and the rule, never the value. */
export function productionProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  const secrets: [string, string][] = [
    ['JWT_SECRET', config.JWT_SECRET],
    ['ENCRYPTION_KEY', config.ENCRYPTION_KEY],
    ['X_CLIENT_SECRET', config.X_CLIENT_SECRET],
    ['GOOGLE_CLIENT_SECRET', config.GOOGLE_CLIENT_SECRET],
  ];
  for (const [name, value] of secrets) {
    if (EXAMPLE_SECRETS.has(value) || value.split(',').some((v) => EXAMPLE_SECRETS.has(v))) {
      problems.push(`${name}: is the public example value; set a secret of your own`);
    }
  }
  if (config.JWT_SECRET.length < 43 || estimatedBits(config.JWT_SECRET) < MIN_JWT_SECRET_BITS) {
    problems.push('JWT_SECRET: must be at least 32 random bytes (e.g. `openssl rand -base64 32`)');
  }
  for (const entry of config.ENCRYPTION_KEY.split(',')) {
    const [keyId, base64] = entry.split(':');
    if (isWeakKey(Buffer.from(base64, 'base64'))) {
      problems.push(`ENCRYPTION_KEY: key ${keyId} is all zero or low-entropy; use 32 random bytes`);
    }
  }
  return problems;
}
