import request from 'supertest';
import {
  addUser,
  inviteUser,
  PASSWORD,
  signupOrganization,
  TestOrganization,
} from '../factories/identity.factory';
import { startTestSmtp, TestSmtp } from '../support/smtp-server';
import { startTestApi, TestApi } from '../support/test-api';

const NEW_PASSWORD = 'a brand new passphrase 42';
const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('user lifecycle', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let org: TestOrganization;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://rounds.mercy.example' });
    org = await signupOrganization(api.url);
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  const login = (email: string, password = PASSWORD) =>
    request(api.url).post('/api/v1/auth/login').send({ email, password });
  const me = (accessToken: string) =>
    request(api.url).get('/api/v1/me').auth(accessToken, { type: 'bearer' });

  describe('invitations', () => {
    it('invites by e-mail with a single-use link; nobody but the person sets the password', async () => {
      const email = `nurse.educator.${Date.now()}@hospital.test`;
      const invited = await inviteUser(api.url, org.admin, email, 'marketer');
      expect(invited.url).toMatch(/^https:\/\/rounds\.mercy\.example\/invitations\/accept#token=/);
      const [mail] = await smtp.waitFor(1, (m) => m.to.includes(email));
      expect(tokenIn(mail.text)).toBe(invited.token);

      // Before accepting, no password logs in (not even an empty one).
      expect((await login(email, '')).status).toBe(401);
      expect((await login(email, PASSWORD)).status).toBe(401);

      const accepted = await request(api.url)
        .post('/api/v1/auth/invitations/accept')
        .send({ token: invited.token, password: PASSWORD })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email, role: 'marketer' });
      await me(accepted.body.accessToken).expect(200);
      await login(email).expect(200);

      // Single use: the link cannot set another password afterwards.
      await request(api.url)
        .post('/api/v1/auth/invitations/accept')
        .send({ token: invited.token, password: 'someone else entirely' })
        .expect(401);
      await login(email).expect(200);
    });

    it('refuses an expired invitation', async () => {
      const email = `expired.${Date.now()}@hospital.test`;
      const invited = await inviteUser(api.url, org.admin, email, 'executive');
      await api.dataSource.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [invited.userId],
      );
      await request(api.url)
        .post('/api/v1/auth/invitations/accept')
        .send({ token: invited.token, password: PASSWORD })
        .expect(401);
    });

    it('shows the link to the admin where no mail is set up', async () => {
      const bare = await startTestApi({ SMTP_URL: '' });
      try {
        const other = await signupOrganization(bare.url);
        const response = await request(bare.url)
          .post('/api/v1/users')
          .auth(other.admin.accessToken, { type: 'bearer' })
          .send({
            email: `nomail.${Date.now()}@hospital.test`,
            name: 'No Mail',
            role: 'compliance',
          })
          .expect(201);
        expect(response.body.invitation).toMatchObject({
          url: expect.stringContaining('#token='),
          token: expect.any(String),
          expiresAt: expect.any(String),
          mailed: false,
        });
        expect(response.body.user.role).toBe('compliance');
      } finally {
        await bare.close();
      }
    });

    it('no longer takes an admin-chosen password', async () => {
      const response = await request(api.url)
        .post('/api/v1/users')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({ email: 'x@hospital.test', name: 'X', role: 'marketer', password: PASSWORD })
        .expect(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'password' }));
    });
  });

  describe('deactivation', () => {
    it("ends a deactivated user's access and refresh tokens on their next request, audited", async () => {
      const marketer = await addUser(api.url, org.admin, 'marketer');
      await me(marketer.accessToken).expect(200);
      const done = await request(api.url)
        .post(`/api/v1/users/${marketer.userId}/deactivate`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({ reason: 'Left the hospital' })
        .expect(200);
      expect(done.body).toMatchObject({
        disabledAt: expect.any(String),
        disabledReason: 'Left the hospital',
      });

      await me(marketer.accessToken).expect(401);
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: marketer.refreshToken })
        .expect(401);
      await login(marketer.email).expect(401);

      await request(api.url)
        .post(`/api/v1/users/${marketer.userId}/reactivate`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({ reason: 'Rehired' })
        .expect(200);
      // Reactivation does not revive old sessions; the person signs in again.
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: marketer.refreshToken })
        .expect(401);
      await login(marketer.email).expect(200);

      const audit = await request(api.url)
        .get('/api/v1/audit')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .expect(200);
      const events = audit.body.filter(
        (e: { subjectId: string }) => e.subjectId === marketer.userId,
      );
      expect(events.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['user.disabled', 'user.reactivated']),
      );
    });

    it('is for admins only, needs a reason, and an admin cannot lock themselves out', async () => {
      const compliance = await addUser(api.url, org.admin, 'compliance');
      await request(api.url)
        .post(`/api/v1/users/${org.admin.userId}/deactivate`)
        .auth(compliance.accessToken, { type: 'bearer' })
        .send({ reason: 'Taking over' })
        .expect(403);
      const noReason = await request(api.url)
        .post(`/api/v1/users/${compliance.userId}/deactivate`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({})
        .expect(400);
      expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
      await request(api.url)
        .post(`/api/v1/users/${org.admin.userId}/deactivate`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({ reason: 'Oops' })
        .expect(409);
    });
  });

  describe('passwords', () => {
    it('changes a password with the current one, ending every other session', async () => {
      const user = await addUser(api.url, org.admin, 'executive');
      const other = (await login(user.email).expect(200)).body;
      await request(api.url)
        .post('/api/v1/me/password')
        .auth(user.accessToken, { type: 'bearer' })
        .send({ currentPassword: 'not the password at all', newPassword: NEW_PASSWORD })
        .expect(400);
      await request(api.url)
        .post('/api/v1/me/password')
        .auth(user.accessToken, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(204);
      await me(user.accessToken).expect(200); // this session stays
      await me(other.accessToken).expect(401);
      await request(api.url)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: other.refreshToken })
        .expect(401);
      await login(user.email).expect(401);
      await login(user.email, NEW_PASSWORD).expect(200);
    });

    it('resets by e-mail: single use, 30 minutes, every session ended', async () => {
      const user = await addUser(api.url, org.admin, 'marketer');
      await request(api.url)
        .post('/api/v1/auth/password-reset')
        .send({ email: user.email.toUpperCase() })
        .expect(202);
      const [mail] = await smtp.waitFor(
        1,
        (m) => m.to.includes(user.email) && /Reset/.test(m.subject),
      );
      const token = tokenIn(mail.text) as string;
      expect(mail.text).toContain('https://rounds.mercy.example/reset-password#token=');
      const [row] = await api.dataSource.query(
        `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM account_tokens
          WHERE user_id = $1 AND purpose = 'password_reset'`,
        [user.userId],
      );
      expect(row.seconds).toBe(30 * 60);

      await request(api.url)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD })
        .expect(204);
      await me(user.accessToken).expect(401);
      await login(user.email, NEW_PASSWORD).expect(200);
      await request(api.url)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'a third password, reused link' })
        .expect(401);
    });

    it('refuses a reset link after 30 minutes', async () => {
      const user = await addUser(api.url, org.admin, 'marketer');
      await request(api.url)
        .post('/api/v1/auth/password-reset')
        .send({ email: user.email })
        .expect(202);
      const [mail] = await smtp.waitFor(
        1,
        (m) => m.to.includes(user.email) && /Reset/.test(m.subject),
      );
      await api.dataSource.query(
        `UPDATE account_tokens SET expires_at = created_at + interval '30 minutes',
                created_at = created_at - interval '31 minutes' WHERE user_id = $1`,
        [user.userId],
      );
      await api.dataSource.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND purpose = 'password_reset'`,
        [user.userId],
      );
      await request(api.url)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: tokenIn(mail.text), password: NEW_PASSWORD })
        .expect(401);
    });
  });

  describe('no account enumeration', () => {
    it('answers a reset for an unknown address exactly as for a known one, and mails nobody', async () => {
      const before = smtp.messages.length;
      const unknown = await request(api.url)
        .post('/api/v1/auth/password-reset')
        .send({ email: 'nobody.here@hospital.test' });
      const known = await request(api.url)
        .post('/api/v1/auth/password-reset')
        .send({ email: org.admin.email });
      expect([unknown.status, unknown.text]).toEqual([known.status, known.text]);
      await smtp.waitFor(before + 1);
      expect(smtp.messages.filter((m) => m.to.includes('nobody.here@hospital.test'))).toEqual([]);
    });

    it('spends the same argon2 work on a login for an unknown e-mail', async () => {
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        const response = await login(email, 'a wrong password, surely');
        expect(response.status).toBe(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = (values: number[]) =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        known.push(await timed(org.admin.email));
        unknown.push(await timed(`ghost${i}@hospital.test`));
      }
      // Without the decoy hash an unknown address answers in ~2 ms against ~50+ ms.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
      const [{ body: a }, { body: b }] = [
        await login(org.admin.email, 'wrong wrong wrong'),
        await login('ghost@hospital.test', 'wrong wrong wrong'),
      ];
      expect(a).toEqual(b);
    });

    it('keeps answering 409 on signup for a registered e-mail (DESIGN: the form says why)', async () => {
      await request(api.url)
        .post('/api/v1/auth/signup')
        .send({ organizationName: 'Again', name: 'A', email: org.admin.email, password: PASSWORD })
        .expect(409);
    });
  });
});
