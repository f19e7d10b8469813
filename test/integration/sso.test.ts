import request from 'supertest';
import { registerOidcClient } from '../../apps/sandbox/src/oidc/oidc-registration';
import { startSandbox, type RunningSandbox } from '../../apps/sandbox/src/sandbox';
import {
  addUser,
  PASSWORD,
  signupOrganization,
  TestOrganization,
} from '../factories/identity.factory';
import { enrolTotp, login } from '../factories/mfa.factory';
import {
  followSsoCallback,
  putSso,
  signInAtProvider,
  signInWithSso,
  ssoSettings,
  startSso,
} from '../factories/sso.factory';
import { startTestApi, TestApi } from '../support/test-api';

const CALLBACK = 'http://localhost:3000/api/v1/auth/sso/callback';

describe('single sign-on with OpenID Connect (against oidc-provider)', () => {
  let sandbox: RunningSandbox;
  let api: TestApi;
  let org: TestOrganization;
  let issuer: string;
  let settings: ReturnType<typeof ssoSettings>;
  const domain = 'mercy-sso.test';

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startTestApi();
    issuer = `${sandbox.url}/oidc`;
    org = await signupOrganization(api.url);
    settings = {
      ...ssoSettings(issuer, await registerOidcClient(issuer, CALLBACK)),
      emailDomains: [domain],
    };
    const saved = await putSso(api.url, org.admin, settings);
    expect(saved.body).toMatchObject({ slug: settings.slug });
  });
  afterAll(async () => {
    await api.close();
    await sandbox.close();
  });

  const me = (token: string) =>
    request(api.url).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(200);
  const audit = (action: string) =>
    api.dataSource.query(
      `SELECT data FROM audit_events WHERE organization_id = $1 AND action = $2 ORDER BY seq`,
      [org.id, action],
    );

  it('stores the settings with the client secret sealed and checks the issuer', async () => {
    const shown = await request(api.url)
      .get('/api/v1/organization/sso')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(shown.body).toMatchObject({
      issuer,
      clientId: settings.clientId,
      clientSecretSet: true,
      redirectUri: CALLBACK,
      emailDomains: [domain],
    });
    expect(JSON.stringify(shown.body)).not.toContain(settings.clientSecret);
    const [row] = await api.dataSource.query(
      `SELECT sealed_client_secret FROM sso_connections WHERE organization_id = $1`,
      [org.id],
    );
    expect(row.sealed_client_secret).toMatch(/^v1\./);
    expect(row.sealed_client_secret).not.toContain(settings.clientSecret);

    const other = await signupOrganization(api.url);
    const bad = await putSso(api.url, other.admin, {
      ...settings,
      slug: 'nowhere',
      emailDomains: ['nowhere.test'],
      issuer: `${sandbox.url}/no-provider-here`,
    }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'issuer' })]);
    const taken = await putSso(api.url, other.admin, { ...settings, slug: 'other-slug' }).expect(
      409,
    );
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'emailDomains' })]);
    const marketer = await addUser(api.url, org.admin, 'marketer');
    await putSso(api.url, marketer, settings).expect(403);
  });

  it('signs in with code + PKCE, state and nonce, and provisions the user with the mapped role', async () => {
    const started = await startSso(api.url, { email: `compliance.dana@${domain}` });
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(`${issuer}/auth`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(started.cookie).toMatch(/^rounds_sso=/);

    const callback = await signInAtProvider(started.authorizeUrl, `compliance.dana@${domain}`);
    const landing = await followSsoCallback(api.url, callback, started.cookie);
    expect(landing).toMatchObject({ path: '/login', error: null, code: expect.any(String) });
    const tokens = await request(api.url)
      .post('/api/v1/auth/sso/token')
      .send({ code: landing.code })
      .expect(200);
    const { body } = await me(tokens.body.accessToken);
    expect(body.user).toMatchObject({
      email: `compliance.dana@${domain}`,
      role: 'compliance',
      name: 'Compliance Dana',
    });
    expect(body.organization.id).toBe(org.id);
    // The provider did the authentication: no Rounds MFA asked of an SSO session.
    await request(api.url)
      .get('/api/v1/approvals/queue')
      .auth(tokens.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(await audit('user.provisioned')).toEqual([
      {
        data: expect.objectContaining({
          email: `compliance.dana@${domain}`,
          role: 'compliance',
          issuer,
        }),
      },
    ]);
    expect((await audit('auth.sso_login')).length).toBe(1);

    // Each of state and hand-off code is single use.
    await request(api.url).post('/api/v1/auth/sso/token').send({ code: landing.code }).expect(401);
    const replay = await followSsoCallback(api.url, callback, started.cookie);
    expect(replay.error).toMatch(/already used/);
  });

  it('finds the provider by organization slug too, and answers 404 where no SSO is set up', async () => {
    const first = await signInWithSso(api.url, `marketer.lee@${domain}`);
    expect((await me(first.tokens!.accessToken)).body.user.role).toBe('marketer');
    const started = await startSso(api.url, { organization: settings.slug });
    const landing = await followSsoCallback(
      api.url,
      await signInAtProvider(started.authorizeUrl, `executive.lee@${domain}`),
      started.cookie,
    );
    const tokens = await request(api.url)
      .post('/api/v1/auth/sso/token')
      .send({ code: landing.code });
    expect((await me(tokens.body.accessToken)).body.user.role).toBe('executive');
    await request(api.url)
      .post('/api/v1/auth/sso/start')
      .send({ organization: 'no-such-org' })
      .expect(404);
    await request(api.url)
      .post('/api/v1/auth/sso/start')
      .send({ email: 'someone@elsewhere.test' })
      .expect(404);
  });

  it('refuses a browser that did not start the sign-in, and users whose groups map to no role', async () => {
    const started = await startSso(api.url, { email: `admin.kim@${domain}` });
    const callback = await signInAtProvider(started.authorizeUrl, `admin.kim@${domain}`);
    const elsewhere = await followSsoCallback(api.url, callback);
    expect(elsewhere).toMatchObject({
      code: null,
      error: expect.stringMatching(/another browser/),
    });

    const nobody = await signInWithSso(api.url, `nobody.pat@${domain}`);
    expect(nobody.error).toMatch(/none of your groups/);
    const [refusal] = await audit('auth.sso_login_failed');
    expect(refusal.data.reason).toMatch(/none of your groups/);
    const users = await api.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [
      `nobody.pat@${domain}`,
    ]);
    expect(users).toHaveLength(0);
  });

  it('"SSO only" turns password login off, except an admin with MFA (break-glass)', async () => {
    const marketer = await addUser(api.url, org.admin, 'marketer');
    const secondAdmin = await addUser(api.url, org.admin, 'admin');
    await enrolTotp(api.url, org.admin);
    await putSso(api.url, org.admin, {
      ...settings,
      clientSecret: undefined,
      ssoOnly: true,
    }).expect(200);

    const refused = await login(api.url, marketer.email, PASSWORD).expect(403);
    expect(refused.body.details).toEqual({ sso: settings.slug });
    await login(api.url, secondAdmin.email, PASSWORD).expect(403);
    const breakGlass = await login(api.url, org.admin.email, PASSWORD).expect(200);
    expect(breakGlass.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    // A wrong password still says only "incorrect".
    await login(api.url, marketer.email, 'not the password').expect(401);
    await putSso(api.url, org.admin, {
      ...settings,
      clientSecret: undefined,
      ssoOnly: false,
    }).expect(200);
  });
});
