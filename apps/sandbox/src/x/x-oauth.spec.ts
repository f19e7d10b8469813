import { X_DEMO_ACCOUNTS } from '../demo-accounts';
import { useSandbox } from '../testing/sandbox-suite';
import { redirectedTwitterApi } from '../testing/redirected-twitter-api';
import { xRefusal } from '../testing/x-refusal';

const REDIRECT = 'http://localhost:3000/api/v1/channels/x/callback';
const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];
const [demo] = X_DEMO_ACCOUNTS;

describe('fake X OAuth 2.0 with PKCE', () => {
  const sandbox = useSandbox();
  const app = () => redirectedTwitterApi(sandbox.url, { clientId: 'rounds', clientSecret: 'shh' });

  /** Follows the consent link the way a browser would and returns the code X redirects with. */
  async function consent(link: string, extra = ''): Promise<{ code: string; state: string }> {
    const path = new URL(link);
    const res = await fetch(`${sandbox.url}${path.pathname}${path.search}${extra}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    return { code: location.searchParams.get('code')!, state: location.searchParams.get('state')! };
  }

  async function connect(scope = SCOPES) {
    const link = app().generateOAuth2AuthLink(REDIRECT, { scope, state: 'state-1' });
    const { code } = await consent(link.url);
    return app().loginWithOAuth2({ code, codeVerifier: link.codeVerifier, redirectUri: REDIRECT });
  }

  it('auto-approves the consent page and returns state and a code', async () => {
    const link = app().generateOAuth2AuthLink(REDIRECT, { scope: SCOPES, state: 'abc' });

    const { code, state } = await consent(link.url);

    expect(state).toBe('abc');
    expect(code).toMatch(/^[\w-]{20,}$/);
  });

  it.each([
    ['code_challenge_method', 'plain'],
    ['response_type', 'token'],
    ['scope', 'tweet.read nonsense'],
    ['client_id', ''],
  ])('refuses a consent request with a bad %s', async (param, value) => {
    const link = new URL(app().generateOAuth2AuthLink(REDIRECT, { scope: SCOPES }).url);
    link.searchParams.set(param, value);

    const res = await fetch(`${sandbox.url}${link.pathname}${link.search}`, { redirect: 'manual' });

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('exchanges a code with the right verifier for tokens of a new account', async () => {
    const login = await connect();

    expect(login.expiresIn).toBe(7200);
    expect(login.scope).toEqual(SCOPES);
    expect(login.refreshToken).toBeDefined();
    const me = await redirectedTwitterApi(sandbox.url, login.accessToken).v2.me();
    expect(me.data.username).toMatch(/^SandboxHospital\d+$/);
  });

  it('signs in as a chosen account with sandbox_account', async () => {
    const link = app().generateOAuth2AuthLink(REDIRECT, { scope: SCOPES });
    const { code } = await consent(link.url, `&sandbox_account=${demo.handle}`);
    const login = await app().loginWithOAuth2({
      code,
      codeVerifier: link.codeVerifier,
      redirectUri: REDIRECT,
    });

    expect((await login.client.v2.me()).data.id).toBe(demo.id);
  });

  it('refuses a wrong PKCE verifier, a reused code and another redirect_uri', async () => {
    const link = app().generateOAuth2AuthLink(REDIRECT, { scope: SCOPES });
    const first = await consent(link.url);
    const wrongVerifier = await xRefusal(
      app().loginWithOAuth2({
        code: first.code,
        codeVerifier: 'x'.repeat(64),
        redirectUri: REDIRECT,
      }),
    );
    const reused = await xRefusal(
      app().loginWithOAuth2({
        code: first.code,
        codeVerifier: link.codeVerifier,
        redirectUri: REDIRECT,
      }),
    );
    const second = await consent(link.url);
    const otherRedirect = await xRefusal(
      app().loginWithOAuth2({
        code: second.code,
        codeVerifier: link.codeVerifier,
        redirectUri: 'http://localhost:3000/elsewhere',
      }),
    );

    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body.error_description).toMatch(/code verifier/);
    expect(reused.body.error_description).toMatch(/authorization code was invalid/);
    expect(otherRedirect.body.error_description).toMatch(/redirect uri/);
  });

  it('accepts a form-encoded exchange from a public client', async () => {
    const link = app().generateOAuth2AuthLink(REDIRECT, { scope: SCOPES });
    const { code } = await consent(link.url);

    const res = await fetch(`${sandbox.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: link.codeVerifier,
        redirect_uri: REDIRECT,
        client_id: 'rounds',
      }),
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'bearer', expires_in: 7200 });
  });

  it('gives no refresh token without offline.access', async () => {
    const login = await connect(['tweet.read', 'users.read']);

    expect(login.refreshToken).toBeUndefined();
  });

  it('rotates refresh tokens: the old one stops working', async () => {
    const login = await connect();
    const refreshed = await app().refreshOAuth2Token(login.refreshToken!);

    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
    await expect(refreshed.client.v2.me()).resolves.toBeDefined();
    const reuse = await xRefusal(app().refreshOAuth2Token(login.refreshToken!));
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: 'invalid_request' });
    await expect(app().refreshOAuth2Token(refreshed.refreshToken!)).resolves.toBeDefined();
  });

  it('expires access tokens on request: 401 until refreshed', async () => {
    const x = redirectedTwitterApi(sandbox.url, demo.accessToken);
    await sandbox.control.expireXTokens(demo.id);

    expect((await xRefusal(x.v2.me())).status).toBe(401);
    const refreshed = await app().refreshOAuth2Token(demo.refreshToken);
    await expect(refreshed.client.v2.me()).resolves.toBeDefined();
  });

  it('revokes an account: refresh fails with invalid_grant and API calls with 401', async () => {
    await sandbox.control.revokeX(demo.id);

    const refresh = await xRefusal(app().refreshOAuth2Token(demo.refreshToken));
    expect(refresh.status).toBe(400);
    expect(refresh.body.error).toBe('invalid_grant');
    expect(
      (await xRefusal(redirectedTwitterApi(sandbox.url, demo.accessToken).v2.me())).status,
    ).toBe(401);
  });

  it('revokes a single token through the library', async () => {
    const login = await connect();

    expect(await app().revokeOAuth2Token(login.accessToken)).toEqual({ revoked: true });
    expect((await xRefusal(login.client.v2.me())).status).toBe(401);
    await expect(app().refreshOAuth2Token(login.refreshToken!)).resolves.toBeDefined();
  });

  it('refuses a token request without any client identification', async () => {
    const res = await fetch(`${sandbox.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: demo.refreshToken }),
    });

    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized_client');
  });
});
