import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import type { Session } from './identity.factory';

/** The authenticator app: RFC 6238 codes from the enrolment's secret (SHA-1, 6 digits, 30 s). */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });
}

/** A code of the next 30-second step (still accepted: one step of drift), unused so far. */
export const nextTotpCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

export interface Enrolment {
  secret: string;
  recoveryCodes: string[];
}

/** The user scans the QR code and confirms with the app's current code. */
export async function enrolTotp(url: string, session: Pick<Session, 'accessToken'>) {
  const begun = await request(url)
    .post('/api/v1/me/mfa/totp')
    .auth(session.accessToken, { type: 'bearer' })
    .expect(200);
  const confirmed = await request(url)
    .post('/api/v1/me/mfa/totp/confirm')
    .auth(session.accessToken, { type: 'bearer' })
    .send({ code: totpCode(begun.body.secret) })
    .expect(200);
  return { secret: begun.body.secret, recoveryCodes: confirmed.body.recoveryCodes } as Enrolment;
}

export const login = (url: string, email: string, password: string) =>
  request(url).post('/api/v1/auth/login').send({ email, password });

export const loginMfa = (url: string, mfaToken: string, code: string) =>
  request(url).post('/api/v1/auth/login/mfa').send({ mfaToken, code });
