import request from 'supertest';
import { addUser, PASSWORD, signupOrganization } from '../factories/identity.factory';
import { enrolTotp, login, loginMfa, nextTotpCode, totpCode } from '../factories/mfa.factory';
import { startTestApi, TestApi } from '../support/test-api';

const DAY_MS = 86_400_000;

describe('multi-factor authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const me = (token: string) => request(api.url).get('/api/v1/me').auth(token, { type: 'bearer' });
  const auditActions = async (userId: string) =>
    (
      await api.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
        `SELECT action, data FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
        [userId],
      )
    ).map((e) => e.action);
  /** The account was created `days` ago (the grace period counts from then). */
  const ageAccount = (userId: string, days: number) =>
    api.dataSource.query(
      `UPDATE users SET created_at = now() - make_interval(days => $2) WHERE id = $1`,
      [userId, days],
    );

  it('a new organization requires MFA of admins, who have 7 days and still get tokens', async () => {
    const org = await signupOrganization(api.url);
    const { body } = await me(org.admin.accessToken).expect(200);
    expect(body.mfa).toMatchObject({ required: true, enrolled: false, overdue: false });
    const enrolBy = new Date(body.mfa.enrolBy).getTime();
    expect(Math.abs(enrolBy - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);
    const answer = await login(api.url, org.admin.email, PASSWORD).expect(200);
    expect(answer.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
  });

  it('enrols with a QR code, keeps the secret sealed, and hands out ten hashed recovery codes', async () => {
    const org = await signupOrganization(api.url);
    const auth = { type: 'bearer' as const };
    const begun = await request(api.url)
      .post('/api/v1/me/mfa/totp')
      .auth(org.admin.accessToken, auth)
      .expect(200);
    expect(begun.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const otpauth = new URL(begun.body.otpauthUrl);
    expect(otpauth.protocol).toBe('otpauth:');
    expect(otpauth.searchParams.get('secret')).toBe(begun.body.secret);
    expect(otpauth.searchParams.get('issuer')).toBe('Rounds');
    expect(begun.body.qrCode).toMatch(/^data:image\/png;base64,/);

    const wrong = await request(api.url)
      .post('/api/v1/me/mfa/totp/confirm')
      .auth(org.admin.accessToken, auth)
      .send({ code: '000000' === totpCode(begun.body.secret) ? '111111' : '000000' })
      .expect(401);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);

    const confirmed = await request(api.url)
      .post('/api/v1/me/mfa/totp/confirm')
      .auth(org.admin.accessToken, auth)
      .send({ code: totpCode(begun.body.secret) })
      .expect(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const [row] = await api.dataSource.query(
      `SELECT sealed_secret, sealed_pending_secret, enrolled_at FROM user_mfa WHERE user_id = $1`,
      [org.admin.userId],
    );
    expect(row.sealed_secret).toMatch(/^v1\./);
    expect(row.sealed_secret).not.toContain(begun.body.secret);
    expect(row.sealed_pending_secret).toBeNull();
    const stored = await api.dataSource.query(
      `SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1`,
      [org.admin.userId],
    );
    expect(stored).toHaveLength(10);
    const hashes = stored.map((r: { code_hash: string }) => r.code_hash).join(' ');
    for (const code of codes) expect(hashes).not.toContain(code.replace(/-/g, ''));
    expect((await me(org.admin.accessToken)).body.mfa).toMatchObject({
      enrolled: true,
      enrolBy: null,
    });
    expect(await auditActions(org.admin.userId)).toContain('auth.mfa_enrolled');
  });

  it('login then asks for the code; a code works once and the MFA token is no access token', async () => {
    const org = await signupOrganization(api.url);
    const { secret } = await enrolTotp(api.url, org.admin);
    const first = await login(api.url, org.admin.email, PASSWORD).expect(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    await request(api.url)
      .get('/api/v1/posts')
      .auth(first.body.mfaToken, { type: 'bearer' })
      .expect(401);

    const code = nextTotpCode(secret);
    const tokens = await loginMfa(api.url, first.body.mfaToken, code).expect(200);
    expect(tokens.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    await me(tokens.body.accessToken).expect(200);

    const again = await login(api.url, org.admin.email, PASSWORD).expect(200);
    await loginMfa(api.url, again.body.mfaToken, code).expect(401);
    await loginMfa(api.url, 'not-a-token', code).expect(401);
    expect(await auditActions(org.admin.userId)).toEqual(
      expect.arrayContaining(['auth.mfa_challenged', 'auth.login', 'auth.mfa_failed']),
    );
  });

  it('a recovery code signs in once, typed in any case, and is audited', async () => {
    const org = await signupOrganization(api.url);
    const { recoveryCodes } = await enrolTotp(api.url, org.admin);
    const challenge = async () =>
      (await login(api.url, org.admin.email, PASSWORD).expect(200)).body.mfaToken as string;
    await loginMfa(api.url, await challenge(), recoveryCodes[3].toUpperCase()).expect(200);
    await loginMfa(api.url, await challenge(), recoveryCodes[3]).expect(401);
    await loginMfa(api.url, await challenge(), recoveryCodes[4]).expect(200);
    const events = await api.dataSource.query(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'auth.mfa_recovery_code_used' ORDER BY seq`,
      [org.admin.userId],
    );
    expect(events.map((e: { data: { remaining: number } }) => e.data.remaining)).toEqual([9, 8]);
  });

  it('five wrong codes lock the second factor for 15 minutes, the right code included', async () => {
    const org = await signupOrganization(api.url);
    const { secret } = await enrolTotp(api.url, org.admin);
    const { mfaToken } = (await login(api.url, org.admin.email, PASSWORD).expect(200)).body;
    const right = nextTotpCode(secret);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await loginMfa(api.url, mfaToken, wrongCode).expect(401);
    const locked = await loginMfa(api.url, mfaToken, right).expect(429);
    expect(new Date(locked.body.details.retryAfter).getTime()).toBeGreaterThan(
      Date.now() + 14 * 60_000,
    );
    const failures = await api.dataSource.query(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'auth.mfa_failed' ORDER BY seq`,
      [org.admin.userId],
    );
    expect(failures.map((f: { data: { locked: boolean } }) => f.data.locked)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('after the grace period a session can only enrol; enrolling opens everything again', async () => {
    const org = await signupOrganization(api.url);
    const officer = await addUser(api.url, org.admin, 'compliance');
    await ageAccount(officer.userId, 8);
    await api.dataSource.query(
      `UPDATE organizations SET mfa_required_since = now() - interval '8 days' WHERE id = $1`,
      [org.id],
    );
    const narrowed = (await login(api.url, officer.email, PASSWORD).expect(200)).body;
    const denied = await request(api.url)
      .get('/api/v1/approvals/queue')
      .auth(narrowed.accessToken, { type: 'bearer' })
      .expect(403);
    expect(denied.body.details).toEqual({ mfaEnrolmentRequired: true });
    expect((await me(narrowed.accessToken).expect(200)).body.mfa).toMatchObject({
      required: true,
      overdue: true,
    });
    // A refresh does not widen it either.
    const refreshed = await request(api.url)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: narrowed.refreshToken })
      .expect(200);
    await request(api.url)
      .get('/api/v1/approvals/queue')
      .auth(refreshed.body.accessToken, { type: 'bearer' })
      .expect(403);

    const { secret } = await enrolTotp(api.url, refreshed.body);
    const { mfaToken } = (await login(api.url, officer.email, PASSWORD).expect(200)).body;
    const full = await loginMfa(api.url, mfaToken, nextTotpCode(secret)).expect(200);
    await request(api.url)
      .get('/api/v1/approvals/queue')
      .auth(full.body.accessToken, { type: 'bearer' })
      .expect(200);
  });

  it('covers admins and compliance officers only, and follows the organization setting', async () => {
    const org = await signupOrganization(api.url);
    const marketer = await addUser(api.url, org.admin, 'marketer');
    await ageAccount(marketer.userId, 30);
    expect((await me(marketer.accessToken)).body.mfa).toMatchObject({
      required: false,
      overdue: false,
    });
    await ageAccount(org.admin.userId, 30);
    const settings = (body: object) =>
      request(api.url)
        .patch('/api/v1/organization/settings')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send(body);
    const off = await settings({ mfaRequired: false }).expect(200);
    expect(off.body).toMatchObject({ mfaRequired: false, mfaRequiredSince: null });
    const free = (await login(api.url, org.admin.email, PASSWORD).expect(200)).body;
    await request(api.url)
      .get('/api/v1/users')
      .auth(free.accessToken, { type: 'bearer' })
      .expect(200);

    // Turned on again: the 30-day-old admin gets a fresh 7 days from now.
    const on = await settings({ mfaRequired: true }).expect(200);
    expect(Date.now() - new Date(on.body.mfaRequiredSince).getTime()).toBeLessThan(60_000);
    expect((await me(free.accessToken)).body.mfa).toMatchObject({ required: true, overdue: false });
  });
});
