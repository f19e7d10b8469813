import { useSandbox } from '../testing/sandbox-suite';
import { GOOGLE_DEMO_ACCOUNTS, GOOGLE_DEMO_SCOPES } from './google-demo-accounts';

const [demo] = GOOGLE_DEMO_ACCOUNTS;
const REDIRECT = 'http://localhost:3000/api/v1/channels/youtube/callback';
const CLIENT = { client_id: 'rounds-test', client_secret: 'secret' };

describe('fake Google OAuth', () => {
  const sandbox = useSandbox();

  async function authorize(params: Record<string, string>) {
    const query = new URLSearchParams({
      client_id: CLIENT.client_id,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: GOOGLE_DEMO_SCOPES.join(' '),
      ...params,
    });
    return fetch(`${sandbox.url}/google/o/oauth2/v2/auth?${query}`, { redirect: 'manual' });
  }

  async function codeFrom(params: Record<string, string> = {}) {
    const consent = await authorize(params);
    return new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
  }

  async function token(form: Record<string, string>) {
    const res = await fetch(`${sandbox.url}/google/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...CLIENT, ...form }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string | number> };
  }

  const channelsWith = (accessToken: string) =>
    fetch(`${sandbox.url}/youtube/v3/channels?part=snippet&mine=true`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });

  it('approves at once and redirects back with the code, state and scopes', async () => {
    const consent = await authorize({ state: 'xyz', access_type: 'offline', prompt: 'consent' });

    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('xyz');
    expect(back.searchParams.get('code')).toMatch(/^4\/sandbox-/);
    expect(back.searchParams.get('scope')).toBe(GOOGLE_DEMO_SCOPES.join(' '));
  });

  it('exchanges a code for Bearer tokens that reach the API, a refresh token with offline consent', async () => {
    const code = await codeFrom({ access_type: 'offline', prompt: 'consent' });

    const { status, body } = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    const channels = await channelsWith(String(body.access_token));

    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      refresh_token: expect.stringMatching(/^1\/\//),
      scope: GOOGLE_DEMO_SCOPES.join(' '),
      token_type: 'Bearer',
    });
    expect(channels.status).toBe(200);
    expect(((await channels.json()) as { items: { id: string }[] }).items[0].id).toBe(
      demo.channelId,
    );
  });

  it('issues a refresh token on the first offline grant and on re-consent, not on a silent repeat', async () => {
    const exchange = async (params: Record<string, string>) =>
      (
        await token({
          grant_type: 'authorization_code',
          code: await codeFrom(params),
          redirect_uri: REDIRECT,
        })
      ).body;

    const first = await exchange({ access_type: 'offline' });
    const repeat = await exchange({ access_type: 'offline' });
    const reconsent = await exchange({ access_type: 'offline', prompt: 'consent' });
    const online = await exchange({ prompt: 'consent' });

    expect(first.refresh_token).toBeDefined();
    expect(repeat.refresh_token).toBeUndefined();
    expect(repeat.access_token).toBeDefined();
    expect(reconsent.refresh_token).toBeDefined();
    expect(online.refresh_token).toBeUndefined();
  });

  it('refuses a reused code, a different redirect_uri and a missing client secret', async () => {
    const code = await codeFrom();
    const other = await codeFrom();
    await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });

    const reused = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    const mismatch = await token({
      grant_type: 'authorization_code',
      code: other,
      redirect_uri: 'http://evil.example/cb',
    });
    const noSecret = await token({
      client_secret: '',
      grant_type: 'authorization_code',
      code: other,
      redirect_uri: REDIRECT,
    });

    expect(reused).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Malformed auth code.' },
    });
    expect(mismatch).toEqual({
      status: 400,
      body: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' },
    });
    expect(noSecret).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'client_secret is missing.' },
    });
  });

  it('refreshes the demo channel after its token expired, and refuses after a revoke', async () => {
    await sandbox.google.expireTokens(demo.channelId);
    const expired = await channelsWith(demo.accessToken);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: demo.refreshToken,
    });
    const fresh = await channelsWith(String(refreshed.body.access_token));
    await sandbox.google.revoke(demo.channelId);
    const afterRevoke = await token({
      grant_type: 'refresh_token',
      refresh_token: demo.refreshToken,
    });
    const revokedAccess = await channelsWith(String(refreshed.body.access_token));

    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await expired.json()).toMatchObject({
      error: {
        code: 401,
        status: 'UNAUTHENTICATED',
        errors: [{ reason: 'authError', domain: 'global' }],
      },
    });
    expect(refreshed.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(fresh.status).toBe(200);
    expect(afterRevoke).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
    expect(revokedAccess.status).toBe(401);
  });

  it('expires issued access tokens after 3599 seconds of sandbox time', async () => {
    const { body } = await token({
      grant_type: 'authorization_code',
      code: await codeFrom(),
      redirect_uri: REDIRECT,
    });
    await sandbox.control.advanceClock(3598_000);
    const lastSecond = await channelsWith(String(body.access_token));
    await sandbox.control.advanceClock(2_000);
    const expired = await channelsWith(String(body.access_token));

    expect(lastSecond.status).toBe(200);
    expect(expired.status).toBe(401);
  });

  it('signs in as the login_hint account, creating its channel on first use', async () => {
    const code = await codeFrom({ login_hint: 'comms@riverside.example' });
    const { body } = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });

    const channels = (await (await channelsWith(String(body.access_token))).json()) as {
      items: { id: string; snippet: { title: string } }[];
    };
    expect(channels.items[0].id).toMatch(/^UC[\w-]{22}$/);
    expect(channels.items[0].id).not.toBe(demo.channelId);
    expect(channels.items[0].snippet.title).toBe('comms');
  });

  it("answers a consent request without redirect_uri with Google's 400 page", async () => {
    const res = await fetch(
      `${sandbox.url}/google/o/oauth2/v2/auth?client_id=x&response_type=code&scope=s`,
    );

    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Missing required parameter: redirect_uri');
  });
});
