import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off still works. */
const DRIFT_STEPS = 1;

/** RFC 6238 with the parameters every authenticator app understands (SHA-1, 6 digits, 30 s). */
function totp(secretBase32: string, label = 'Rounds'): TOTP {
  return new TOTP({
    issuer: 'Rounds',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** 160 random bits, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUrl(secretBase32: string, accountName: string): string {
  return totp(secretBase32, accountName).toString();
}

/** The time step the code was made for, or null when it matches none within the drift. */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code; the demo seed and the tests act as the authenticator app with it. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}
