import request from 'supertest';
import { PASSWORD, signupOrganization } from '../factories/identity.factory';
import { startTestApi, TestApi } from '../support/test-api';

const refresh = (api: TestApi, refreshToken: string) =>
  request(api.url).post('/api/v1/auth/refresh').send({ refreshToken });

/** Moves every timestamp of the session into the past, as if that much time had gone by. */
const age = (api: TestApi, column: string, interval: string) =>
  api.dataSource.query(
    `UPDATE refresh_tokens SET ${column} = ${column} - $1::interval WHERE ${column} IS NOT NULL`,
    [interval],
  );

describe('sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      SESSION_MAX_HOURS: '12',
      SESSION_IDLE_MINUTES: '60',
      REFRESH_RATE_LIMIT_PER_SESSION: '25',
      AUTH_RATE_LIMIT_PER_ADDRESS: '20',
    });
  });
  afterAll(() => api.close());
  beforeEach(() => api.dataSource.query('DELETE FROM refresh_tokens'));

  it('answers a token re-presented within the grace window with the same successor', async () => {
    const org = await signupOrganization(api.url);
    const first = org.admin.refreshToken;
    const rotated = (await refresh(api, first).expect(200)).body;
    expect(rotated.refreshToken).not.toBe(first);

    // A stolen copy replayed at once, and the real tab's retry, both get the one successor.
    const replays = await Promise.all([refresh(api, first), refresh(api, first)]);
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.body.refreshToken).toBe(rotated.refreshToken);
    }
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM refresh_tokens WHERE user_id = $1`,
      [org.admin.userId],
    );
    expect(count).toBe(2); // the login's token and one successor: no sibling was minted

    // The successor rotates on normally; the new access tokens work.
    const next = (await refresh(api, rotated.refreshToken).expect(200)).body;
    await request(api.url).get('/api/v1/me').auth(next.accessToken, { type: 'bearer' }).expect(200);
  });

  it('revokes the whole session when a rotated token comes back after the grace window', async () => {
    const org = await signupOrganization(api.url);
    const first = org.admin.refreshToken;
    const second = (await refresh(api, first).expect(200)).body;
    await age(api, 'rotated_at', '1 minute');
    await refresh(api, first).expect(401);
    await refresh(api, second.refreshToken).expect(401);
    await request(api.url)
      .get('/api/v1/me')
      .auth(second.accessToken, { type: 'bearer' })
      .expect(401);
  });

  it('ends a session SESSION_MAX_HOURS after login however often it refreshes', async () => {
    const org = await signupOrganization(api.url);
    let token = (await refresh(api, org.admin.refreshToken).expect(200)).body.refreshToken;
    const [row] = await api.dataSource.query(
      `SELECT family_started_at, expires_at FROM refresh_tokens WHERE revoked_at IS NULL AND rotated_at IS NULL`,
    );
    expect(
      new Date(row.expires_at).getTime() - new Date(row.family_started_at).getTime(),
    ).toBeLessThanOrEqual(12 * 3_600_000);

    // Eleven and a half hours in: a refresh still works, but its token ends with the session.
    await age(api, 'family_started_at', '11 hours 30 minutes');
    const late = (await refresh(api, token).expect(200)).body;
    const [latest] = await api.dataSource.query(
      `SELECT family_started_at, expires_at FROM refresh_tokens WHERE rotated_at IS NULL`,
    );
    const left = new Date(latest.expires_at).getTime() - Date.now();
    expect(left).toBeLessThanOrEqual(30 * 60_000 + 1000);
    token = late.refreshToken;

    // Past twelve hours nothing refreshes it any more, and its access token stops too.
    await age(api, 'family_started_at', '1 hour');
    await age(api, 'expires_at', '31 minutes');
    await refresh(api, token).expect(401);
    await request(api.url).get('/api/v1/me').auth(late.accessToken, { type: 'bearer' }).expect(401);
  });

  it('ends a session left idle longer than SESSION_IDLE_MINUTES', async () => {
    const org = await signupOrganization(api.url);
    await age(api, 'expires_at', '61 minutes');
    await refresh(api, org.admin.refreshToken).expect(401);
  });

  it('limits refreshes per session, not per address', async () => {
    const org = await signupOrganization(api.url);
    let token = org.admin.refreshToken;
    // More refreshes than AUTH_RATE_LIMIT_PER_ADDRESS (20) from this one address: all fine.
    for (let i = 0; i < 25; i += 1)
      token = (await refresh(api, token).expect(200)).body.refreshToken;
    const limited = await refresh(api, token);
    expect(limited.status).toBe(429);
    // Another session behind the same address is not affected.
    const login = await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: org.admin.email, password: PASSWORD })
      .expect(200);
    await refresh(api, login.body.refreshToken).expect(200);
  });

  it('logs out: the session family is revoked, with the refresh or the access token', async () => {
    const org = await signupOrganization(api.url);
    const rotated = (await refresh(api, org.admin.refreshToken).expect(200)).body;
    await request(api.url)
      .post('/api/v1/auth/logout')
      .send({ refreshToken: rotated.refreshToken })
      .expect(204);
    await refresh(api, rotated.refreshToken).expect(401);
    await request(api.url)
      .get('/api/v1/me')
      .auth(rotated.accessToken, { type: 'bearer' })
      .expect(401);

    const login = await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: org.admin.email, password: PASSWORD })
      .expect(200);
    await request(api.url)
      .post('/api/v1/auth/logout')
      .auth(login.body.accessToken, { type: 'bearer' })
      .send({})
      .expect(204);
    await refresh(api, login.body.refreshToken).expect(401);
  });

  it('keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie in cookie mode', async () => {
    const org = await signupOrganization(api.url);
    const login = await request(api.url)
      .post('/api/v1/auth/login')
      .send({ email: org.admin.email, password: PASSWORD, session: 'cookie' })
      .expect(200);
    expect(login.body.refreshToken).toBeUndefined();
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^rounds_refresh=[^;]+;/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/refresh/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const pair = cookie.split(';')[0];
    const rotated = await request(api.url)
      .post('/api/v1/auth/refresh')
      .set('cookie', pair)
      .send({})
      .expect(200);
    expect(rotated.body.refreshToken).toBeUndefined();
    expect(String(rotated.headers['set-cookie']).split(';')[0]).not.toBe(pair);
    await request(api.url)
      .get('/api/v1/me')
      .auth(rotated.body.accessToken, { type: 'bearer' })
      .expect(200);
  });
});
