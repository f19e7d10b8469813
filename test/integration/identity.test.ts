import request from 'supertest';
import { addUser, PASSWORD, signupOrganization } from '../factories/identity.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('identity', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT_PER_ACCOUNT: '5' });
  });
  afterAll(() => api.close());

  it('signs up an organization whose first user is its admin, and shows them /me', async () => {
    const org = await signupOrganization(api.url, 'America/New_York');
    const me = await request(api.url)
      .get('/api/v1/me')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body.user).toMatchObject({ email: org.admin.email, role: 'admin' });
    expect(me.body.organization).toMatchObject({ id: org.id, timeZone: 'America/New_York' });
    expect(me.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a second sign-up with the same e-mail, naming the field', async () => {
    const org = await signupOrganization(api.url);
    const response = await request(api.url)
      .post('/api/v1/auth/signup')
      .send({ organizationName: 'Other', name: 'X', email: org.admin.email, password: PASSWORD })
      .expect(409);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('names every bad field and rejects unknown ones', async () => {
    const response = await request(api.url)
      .post('/api/v1/auth/signup')
      .send({
        organizationName: 'A',
        name: '',
        email: 'nope',
        password: 'short',
        timeZone: 'Mars/Base',
        isAdmin: true,
      })
      .expect(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining([
        'email',
        'isAdmin',
        'name',
        'organizationName',
        'password',
        'timeZone',
      ]),
    );
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field: 'isAdmin', rule: 'unknown_field' }),
    );
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await request(api.url)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(response.body.message).toMatch(/JSON/);
  });

  it('logs in with the right password only', async () => {
    const org = await signupOrganization(api.url);
    await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: org.admin.email, password: 'wrong password!!' })
      .expect(401);
    const ok = await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: org.admin.email.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(ok.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
  });

  it('lets an admin invite users of each role, who set a password and sign in with it', async () => {
    const org = await signupOrganization(api.url);
    for (const role of ['marketer', 'compliance', 'executive', 'admin']) {
      const session = await addUser(api.url, org.admin, role);
      const me = await request(api.url)
        .get('/api/v1/me')
        .auth(session.accessToken, { type: 'bearer' })
        .expect(200);
      expect(me.body.user.role).toBe(role);
    }
    const users = await request(api.url)
      .get('/api/v1/users')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(users.body).toHaveLength(5);
  });

  it('applies a role change to the next request', async () => {
    const org = await signupOrganization(api.url);
    const marketer = await addUser(api.url, org.admin, 'marketer');
    await request(api.url)
      .get('/api/v1/users')
      .auth(marketer.accessToken, { type: 'bearer' })
      .expect(403);
    await request(api.url)
      .patch(`/api/v1/users/${marketer.userId}`)
      .auth(org.admin.accessToken, { type: 'bearer' })
      .send({ role: 'admin' })
      .expect(200);
    await request(api.url)
      .get('/api/v1/users')
      .auth(marketer.accessToken, { type: 'bearer' })
      .expect(200);
  });

  it('throttles login attempts per account', async () => {
    const org = await signupOrganization(api.url);
    const attempt = () =>
      request(api.url)
        .post('/api/v1/auth/login')
        .send({ email: org.admin.email, password: 'guess guess guess' });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
    const other = await signupOrganization(api.url);
    await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: other.admin.email, password: PASSWORD })
      .expect(200);
  });

  it('records sign-up, logins and user changes on the audit trail', async () => {
    const org = await signupOrganization(api.url);
    await addUser(api.url, org.admin, 'compliance');
    const audit = await request(api.url)
      .get('/api/v1/audit')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(200);
    const actions = audit.body.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual([
      'organization.created',
      'user.signed_up',
      'user.created',
      'user.invitation_accepted',
      'auth.login',
    ]);
  });
});
